/**
 * Do deeply nested JSON bodies still stall the server? The review sent 100 bodies of 4,500 levels
 * (18 KB) to /api/auth/login: each burned ~220 ms of event loop in the control-character walk
 * (quadratic: it copied its path at every level) and GET /health answered in ~4 s. This starts the
 * real koa app in this process (no database: /health's query is a stub that answers at once, and
 * every body here is refused before a route would touch one) and measures /health three ways in
 * the same run:
 *   1. baseline: no other requests;
 *   2. 100 concurrent flat bodies of the same size (an ordinary body's cost);
 *   3. 100 concurrent bodies 4,500 levels deep (now a 400 from the depth check).
 *
 *   npx tsx bench/deep-json.ts
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createApp } from '../server/web';
import { loadConfig } from '../server/config';
import { silentLogger } from '../server/log';

const FLOOD = 100;
const LEVELS = 4500;
const PROBES = 20;

type Stats = { n: number; p50: number; max: number };
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: s[Math.floor(s.length / 2)] ?? NaN, max: s[s.length - 1] ?? NaN };
};
const fmt = (s: Stats) => `n=${String(s.n).padStart(3)}  p50 ${s.p50.toFixed(1).padStart(7)} ms  max ${s.max.toFixed(1).padStart(7)} ms`;

async function main() {
  const prisma = { $queryRaw: async () => [{ '?column?': 1 }] } as never;
  const app = createApp({ prisma, config: loadConfig({ DATA_DIR: os.tmpdir(), BOT_TOKEN: 'bench-bot-token-0123456789' }), log: silentLogger, store: {} as never, keyring: {} as never });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const health = async () => {
    const t = performance.now();
    const res = await fetch(`${base}/health`);
    await res.body?.cancel();
    return performance.now() - t;
  };
  const probe = async (during?: () => Promise<unknown>) => {
    const flood = during?.();
    const times: number[] = [];
    for (let i = 0; i < PROBES; i++) times.push(await health());
    await flood;
    return stats(times);
  };
  const post = (body: string) => async () => {
    const statuses = await Promise.all(
      Array.from({ length: FLOOD }, async () => {
        const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        await res.body?.cancel();
        return res.status;
      }),
    );
    return statuses;
  };

  const deep = '['.repeat(LEVELS) + ']'.repeat(LEVELS);
  // as large, but nothing the body checks refuse: the login route refuses it (a name too long)
  const flat = JSON.stringify({ username: 'x'.repeat(deep.length - 30), password: 'y' });
  await probe(); // warm up
  const baseline = await probe();
  const flatRun = await probe(post(flat));
  const flatStatuses = await post(flat)();
  const statuses = await post(deep)();
  const deepRun = await probe(post(deep));
  server.close();

  console.log(`GET /health, ${PROBES} probes each; floods of ${FLOOD} POST /api/auth/login of ${deep.length} bytes`);
  console.log(`  baseline (no flood)           ${fmt(baseline)}`);
  console.log(`  flat bodies                   ${fmt(flatRun)}   (answers: ${[...new Set(flatStatuses)].join(', ')})`);
  console.log(`  ${LEVELS} levels deep              ${fmt(deepRun)}   (answers: ${[...new Set(statuses)].join(', ')})`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
