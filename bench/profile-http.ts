/**
 * Where an HTTP request's time goes in the server: the server's own CPU time per request and a CPU
 * profile of it, path by path, beside the koa hello-world's (bench/baseline/hello-koa.mjs) driven
 * by the same client. CPU per request (from /proc/<pid>/stat over the timed window) moves far less
 * with other work on the machine than requests per second do.
 *
 *   npx tsx bench/profile-http.ts [--cases 25] [--seconds 8] [--warmup 1] [--concurrency 32] [--only admin,session,token,health] [--no-build] [--out DIR]
 *
 * Builds dist/ (unless --no-build), creates and migrates fangpin_profile_<pid>, starts the compiled
 * server with bench/profile-window.cjs preloaded, files `--cases` applications through the chat
 * (so a page holds 20 real, sealed rows), gives the county account an API token and a login
 * session, then per path: 1 s of warm-up, `--seconds` profiled. Prints µs of server CPU per request
 * and where the profiled time went (self time by package / file of ours), per request; the
 * profiles stay in DIR (open them in Chrome's DevTools). Drops the database at the end.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BenchDatabase } from './harness/database';
import { HttpTarget } from './harness/http';
import { Recorder, repeatRequest } from './harness/load';
import { buildIfCompiled, ChildServer, ROOT, startServerCommand, type Command } from './harness/server-process';
import { HELLO } from './workloads/start';
import { applyByChat } from './workloads/villager';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '25' },
    seconds: { type: 'string', default: '8' },
    /** Seconds of load before each profiled window (the first path also warms the JIT up). */
    warmup: { type: 'string', default: '1' },
    /** Some of the paths: admin, session, token, health. */
    only: { type: 'string', default: 'admin,session,token,health' },
    concurrency: { type: 'string', default: '32' },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
const CASES = Number(args.cases);
const SECONDS = Number(args.seconds);
const CONCURRENCY = Number(args.concurrency);
const WARMUP = Number(args.warmup);
const ONLY = new Set(args.only.split(','));
const OUT = args.out ?? mkdtempSync(path.join(os.tmpdir(), 'fangpin-profile-'));
mkdirSync(OUT, { recursive: true });

const PRELOAD = path.join(ROOT, 'bench/profile-window.cjs');
const BOT_TOKEN = `profile-bot-${randomBytes(16).toString('hex')}`;
const ADMIN_TOKEN = `profile-admin-${randomBytes(16).toString('hex')}`;
const CADRE_TOKEN = randomBytes(24).toString('base64url');
const SESSION_TOKEN = randomBytes(24).toString('base64url');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** utime + stime of a process, µs. */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15 of stat)
  return (ticks * 1e6) / 100; // USER_HZ is 100 on Linux
}

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Where a sampled frame's code lives: a package, a file of ours, a part of Node, or V8's own. */
function placeOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : `native ${functionName || '(anonymous)'}`;
  const inModules = url.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const parts = url.slice(inModules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.includes('/dist/server/generated/')) return 'prisma generated client';
  const dist = url.indexOf('/dist/');
  if (dist >= 0) return `ours ${url.slice(dist + '/dist/'.length)}`;
  if (url.startsWith('node:')) return `node ${url.slice('node:'.length).split('/').slice(0, 2).join('/')}`;
  return url;
}

/** Self time per place and per function (µs over the whole profile). */
function selfTimes(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!)!;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const place = placeOf(node.callFrame);
    places.set(place, (places.get(place) ?? 0) + dt);
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${place}:${node.callFrame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + dt);
  }
  return { places, functions };
}

async function waitFor(file: string): Promise<void> {
  for (let i = 0; i < 600 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  if (!existsSync(file)) throw new Error(`no profile written: ${file}`);
}

/** One profiled window of `path` on `server`: CPU per request, rate, and the profile's self times per request. */
async function measure(server: ChildServer, label: string, urlPath: string, headers: Record<string, string>) {
  const target = new HttpTarget(server.url, CONCURRENCY);
  const send = () => target.get(urlPath, headers);
  await repeatRequest(CONCURRENCY, WARMUP, send); // warm-up: compiled code, pooled connections, caches
  const pid = server.pid;
  const windows = (measure.windows[pid] = (measure.windows[pid] ?? 0) + 1);
  process.kill(pid, 'SIGUSR2');
  await new Promise((r) => setTimeout(r, 100));
  const cpu0 = cpuMicros(pid);
  const result = await repeatRequest(CONCURRENCY, SECONDS, send);
  const cpu1 = cpuMicros(pid);
  process.kill(pid, 'SIGUSR2');
  target.close();
  const file = path.join(OUT, `window-${pid}-${windows}.cpuprofile`);
  await waitFor(file);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const requests = result.ok + result.errors;
  const perRequest = (cpu1 - cpu0) / requests;
  const { places, functions } = selfTimes(profile);
  const busy = [...places].filter(([p]) => p !== '(idle)').reduce((s, [, us]) => s + us, 0);
  const lines = [
    `## ${label}: GET ${urlPath}`,
    `${requests} requests in ${result.seconds.toFixed(1)} s (${result.perSecond.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, ${result.errors} errors${result.firstError ? `: ${result.firstError}` : ''})`,
    `server CPU ${perRequest.toFixed(0)} µs per request (/proc); profiled busy time ${(busy / requests).toFixed(0)} µs per request; profile: ${path.basename(file)}`,
    '',
    'self time per request, by place:',
    ...[...places].filter(([p]) => p !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 25).map(([p, us]) => `  ${(us / requests).toFixed(1).padStart(7)} µs  ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${p}`),
    '',
    'top functions (self time per request):',
    ...[...functions].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([f, us]) => `  ${(us / requests).toFixed(1).padStart(7)} µs  ${f}`),
    '',
  ];
  console.log(lines.join('\n'));
  return { perRequest, perSecond: result.perSecond };
}
measure.windows = {} as Record<number, number>;

async function main(): Promise<void> {
  const command = startServerCommand();
  if (!args['no-build']) buildIfCompiled(command);
  const withPreload = (c: Command): Command => ({ ...c, file: process.execPath, args: ['--require', PRELOAD, ...(c.file === process.execPath ? c.args : [c.file, ...c.args])] });
  const db = await BenchDatabase.create(`fangpin_profile_${process.pid}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-profile-'));
  const env = {
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    BOT_TOKEN,
    ADMIN_TOKEN,
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'auto',
    FANGPIN_DATA_KEY: `k1:${randomBytes(32).toString('base64')},index:${randomBytes(32).toString('base64')}`,
    PROFILE_DIR: OUT,
  };
  let server: ChildServer | undefined;
  let hello: ChildServer | undefined;
  try {
    server = await ChildServer.start(withPreload(command), env);
    hello = await ChildServer.start(withPreload(HELLO), { PROFILE_DIR: OUT }, '/');
    const filer = new HttpTarget(server.url, 4);
    const rec = new Recorder();
    for (let n = 0; n < CASES; n += 4) await Promise.all(Array.from({ length: Math.min(4, CASES - n) }, (_, i) => applyByChat(filer, BOT_TOKEN, n + i, rec)));
    filer.close();
    // the county office's account: an API token and a login session, as a cadre calls
    await db.query(`UPDATE "Cadre" SET "tokenHash" = $1 WHERE "username" = 'county'`, [sha256(CADRE_TOKEN)]);
    await db.query(`INSERT INTO "CadreSession" ("id", "cadreId", "tokenHash", "expiresAt") SELECT 'profile-session', "id", $1, now() + interval '1 day' FROM "Cadre" WHERE "username" = 'county'`, [sha256(SESSION_TOKEN)]);
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Case"`);
    console.log(`# bench/profile-http.ts — ${new Date().toISOString()}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${n} cases; ${CONCURRENCY} in flight, ${SECONDS} s per path; profiles in ${OUT}\n`);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const summary: string[] = [];
    const helloRun = await measure(hello, 'koa hello-world', '/', {});
    for (const [key, label, urlPath, headers] of [
      ['admin', 'admin token', '/api/cases?pageSize=20', bearer(ADMIN_TOKEN)],
      ['session', 'login session', '/api/cases?pageSize=20', bearer(SESSION_TOKEN)],
      ['token', 'cadre API token', '/api/cases?pageSize=20', bearer(CADRE_TOKEN)],
      ['health', 'health', '/health', {}],
    ] as const) {
      if (!ONLY.has(key)) continue;
      const r = await measure(server, label, urlPath, headers);
      summary.push(`  ${label.padEnd(16)} ${urlPath.padEnd(24)} ${r.perRequest.toFixed(0).padStart(6)} µs CPU/request (hello ×${(r.perRequest / helloRun.perRequest).toFixed(1)})  ${r.perSecond.toFixed(0)}/s`);
    }
    console.log(`# summary (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})\n  koa hello-world  /                        ${helloRun.perRequest.toFixed(0).padStart(6)} µs CPU/request  ${helloRun.perSecond.toFixed(0)}/s\n${summary.join('\n')}`);
  } finally {
    await server?.stop().catch(() => undefined);
    await hello?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    await db.drop().catch((err) => console.error(`could not drop ${db.name}: ${(err as Error).message}`));
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
