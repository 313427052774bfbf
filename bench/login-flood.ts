/**
 * Does a login flood freeze the server? Starts the real server (`server/main.ts`, the server alone,
 * a child process) on a fresh PostgreSQL database with the demo county, then measures GET /health
 * latency three ways in the same run:
 *   1. baseline: no flood;
 *   2. 200 concurrent logins with unknown names from one address (the per-client limit refuses
 *      all but AUTH_CLIENT_PER_MINUTE of them before any hashing);
 *   3. 200 concurrent logins with unknown names from 200 addresses (TRUST_PROXY=1 and
 *      X-Forwarded-For, as a botnet looks): every one is admitted, so 200 argon2id checks run —
 *      on libuv's thread pool, not the event loop.
 * During each flood a cadre logs in from a client that logged in before (its known-device token).
 *
 *   npx tsx bench/login-flood.ts
 *   DATABASE_URL=postgres://user@host:5432/postgres npx tsx bench/login-flood.ts   # the admin database of another server
 *
 * The bench creates its own database on that server (default postgres://postgres@127.0.0.1:5432/postgres)
 * and drops it at the end. The issue's target: /health within 200 ms during a 200-login flood.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Client } from 'pg';

const root = path.resolve(__dirname, '..');
const FLOOD = 200;
const PROBE_EVERY_MS = 20;

type Stats = { n: number; p50: number; p95: number; max: number };
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
};
const fmt = (s: Stats) => `n=${String(s.n).padStart(3)}  p50 ${s.p50.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms  max ${s.max.toFixed(1).padStart(7)} ms`;

async function main() {
  const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `fangpin_flood_${process.pid}`;
  const adminClient = new Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(admin);
  url.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-flood-'));
  let child: ChildProcess | undefined;
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url.toString(), DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'always', TRUST_PROXY: '1', LOG_LEVEL: 'error', BOT_TOKEN: 'bench-bot-token-0123456789' };
    delete env.NODE_ENV;
    child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'server/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const { port, output } = await started(child);
    const base = `http://127.0.0.1:${port}`;
    const password = /login liushu \/ (\S+)/.exec(output)?.[1];
    if (!password) throw new Error(`no demo password for liushu in the start output:\n${output}`);

    const health = async (): Promise<number> => {
      const t = performance.now();
      const res = await fetch(`${base}/health`);
      await res.body?.cancel();
      if (res.status !== 200) throw new Error(`/health answered ${res.status}`);
      return performance.now() - t;
    };
    const login = async (username: string, pw: string, address: string, device?: string) => {
      const t = performance.now();
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(device ? { 'x-device-token': device } : {}) },
        body: JSON.stringify({ username, password: pw }),
      });
      const body = (await res.json()) as { deviceToken?: string };
      return { status: res.status, ms: performance.now() - t, deviceToken: body.deviceToken };
    };

    for (let i = 0; i < 20; i++) await health(); // warm up connections and code paths
    const first = await login('liushu', password, '198.18.0.1');
    if (first.status !== 200) throw new Error(`the demo login failed: ${first.status}`);
    const device = first.deviceToken!;

    const baseline: number[] = [];
    for (let i = 0; i < 100; i++) {
      baseline.push(await health());
      await sleep(PROBE_EVERY_MS);
    }

    const runFlood = async (label: string, addressOf: (i: number) => string) => {
      const latencies: number[] = [];
      let flooding = true;
      const probe = (async () => {
        while (flooding) {
          latencies.push(await health());
          await sleep(PROBE_EVERY_MS);
        }
      })();
      const t = performance.now();
      // sent from a worker thread, so this thread's event loop only times the probes
      const flood = floodFromWorker(base, Array.from({ length: FLOOD }, (_, i) => ({ username: `intruder-${label}-${i}`, address: addressOf(i) })));
      await sleep(50);
      const known = await login('liushu', password, addressOf(0), device);
      const answers = await flood;
      const floodMs = performance.now() - t;
      flooding = false;
      await probe;
      const byStatus = answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});
      return { latencies, floodMs, byStatus, known };
    };

    const one = await runFlood('one', () => '203.0.113.9');
    const many = await runFlood('many', (i) => `10.77.${i >> 8}.${i & 255}`);

    console.log(`GET /health latency, ${FLOOD} concurrent logins with unknown names (real server, PostgreSQL ${dbName})`);
    console.log(`  baseline, no flood              ${fmt(stats(baseline))}`);
    for (const [label, r] of [['flood from 1 address', one], [`flood from ${FLOOD} addresses`, many]] as const) {
      console.log(`  ${label.padEnd(31)}  ${fmt(stats(r.latencies))}`);
      console.log(`      flood answered in ${r.floodMs.toFixed(0)} ms: ${Object.entries(r.byStatus).map(([s, n]) => `${n}× ${s}`).join(', ')}; known-device login during it: ${r.known.status} in ${r.known.ms.toFixed(0)} ms`);
    }
    console.log('  target: /health within 200 ms during the flood (issue 8)');
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await adminClient.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await adminClient.end();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Waits for the server's "FANGPIN_LISTENING <port>" line; keeps what it printed (the demo passwords). */
function started(child: ChildProcess): Promise<{ port: number; output: string }> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not come up:\n${output}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /FANGPIN_LISTENING (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), output });
      }
    });
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** All the logins at once, from a worker thread; resolves with their statuses. */
function floodFromWorker(base: string, logins: { username: string; address: string }[]): Promise<{ status: number }[]> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    Promise.all(workerData.logins.map(async (l) => {
      const res = await fetch(workerData.base + '/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': l.address },
        body: JSON.stringify({ username: l.username, password: 'guess' }),
      });
      await res.text();
      return { status: res.status };
    })).then((r) => parentPort.postMessage(r));`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { base, logins } });
    worker.once('message', (r: { status: number }[]) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
