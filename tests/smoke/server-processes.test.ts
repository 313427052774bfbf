/**
 * SERVER_PROCESSES (server/processes.ts): `npm run start:server`'s script started as a person
 * would, with two server processes on an empty PostgreSQL database — the first migrates it alone,
 * both answer on one port (each answer says which process served it, in tests only), one killed
 * is started again, and SIGTERM stops them all and the primary with them. Also the setting itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, MAX_SERVER_PROCESSES } from '../../server/config';
import { adminQuery, databaseUrl, RUN_ID } from '../support/postgres';

jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../..');
const database = `fangpin_test_${RUN_ID}_processes`;
const DB = 'postgres://localhost/x';

describe('SERVER_PROCESSES', () => {
  const cores = Math.min(os.availableParallelism(), MAX_SERVER_PROCESSES);
  test.each([
    [{}, 1],
    [{ SERVER_PROCESSES: '2', DATABASE_URL: DB }, 2],
    [{ SERVER_PROCESSES: ' 3 ', DATABASE_URL: DB }, 3],
    [{ SERVER_PROCESSES: 'auto', DATABASE_URL: DB }, cores],
    [{ SERVER_PROCESSES: 'AUTO', DATABASE_URL: DB }, cores],
    // PGlite's database, or the simulator's demo clock, is one process's
    [{ SERVER_PROCESSES: 'auto' }, 1],
    [{ SERVER_PROCESSES: 'auto', DATABASE_URL: DB, SIMULATOR: 'on' }, 1],
    [{ SERVER_PROCESSES: '1' }, 1],
  ])('%j: %i', (env, processes) => {
    expect(loadConfig(env).serverProcesses).toBe(processes);
  });

  test.each([
    [{ SERVER_PROCESSES: '0', DATABASE_URL: DB }, /SERVER_PROCESSES must be a number of processes from 1 to 64, or auto/],
    [{ SERVER_PROCESSES: String(MAX_SERVER_PROCESSES + 1), DATABASE_URL: DB }, /SERVER_PROCESSES must be/],
    [{ SERVER_PROCESSES: 'many', DATABASE_URL: DB }, /SERVER_PROCESSES must be/],
    [{ SERVER_PROCESSES: '1.5', DATABASE_URL: DB }, /SERVER_PROCESSES must be/],
    [{ SERVER_PROCESSES: '2' }, /SERVER_PROCESSES=2 is refused here: the embedded PGlite database belongs to one process: set DATABASE_URL/],
    [{ SERVER_PROCESSES: '2', DATABASE_URL: DB, SIMULATOR: 'on' }, /SERVER_PROCESSES=2 is refused here: the simulator's demo clock/],
  ])('%j is refused', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  test('the simulator is on by default for a development start of one process only', () => {
    expect(loadConfig({ DATABASE_URL: DB }).simulator).toBe(true);
    expect(loadConfig({ DATABASE_URL: DB, SERVER_PROCESSES: '2' }).simulator).toBe(false);
  });
});

/**
 * GET /health on a new connection (the primary hands each connection to the next process): the pid
 * that answered. A connection handed to a process the moment it was killed is lost, as it would be
 * behind any balancer: given up after 3 s, and the caller asks again.
 */
function servedBy(port: number): Promise<{ status: number; pid: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: 3_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, pid: Number(res.headers['x-server-process']) }));
    });
    req.on('timeout', () => req.destroy(new Error('no answer in 3 s')));
    req.on('error', reject);
  });
}

/** The pids that answer, asking until `enough` says so (or the deadline). */
async function pidsUntil(port: number, enough: (pids: Set<number>) => boolean, ms = 60_000): Promise<Set<number>> {
  const seen = new Set<number>();
  const deadline = Date.now() + ms;
  while (!enough(seen) && Date.now() < deadline) {
    const r = await servedBy(port).catch(() => null);
    if (r?.status === 200) seen.add(r.pid);
    else await new Promise((res) => setTimeout(res, 100));
  }
  return seen;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('two server processes on one port', () => {
  let child: ChildProcess;
  let output = '';
  let tmp: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'fangpin-processes-'));
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${database}"`);
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    rmSync(tmp, { recursive: true, force: true });
  });

  test('both answer, one that dies is started again, and SIGTERM stops them all', async () => {
    const key = () => randomBytes(32).toString('base64');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      SERVER_PROCESSES: '2',
      DATABASE_URL: databaseUrl(database),
      DATA_DIR: tmp,
      PORT: '0',
      LOG_LEVEL: 'info',
      BOT_TOKEN: randomBytes(24).toString('hex'),
      FANGPIN_DATA_KEY: `k1:${key()},index:${key()}`,
    };
    for (const k of ['WECHATY_PUPPET', 'SIMULATOR', 'SEED_DEMO', 'ADMIN_TOKEN', 'FANGPIN_DATA_KEY_FILE', 'HOST']) delete env[k];
    // start:server's script, run from the sources
    child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (c: Buffer) => {
        output += c.toString();
        const m = /FANGPIN_LISTENING (\d+)/.exec(output);
        if (m) resolve(Number(m[1]));
      });
      child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
      void exited.then((e) => reject(new Error(`the server exited with ${JSON.stringify(e)}:\n${output}`)));
    });

    const first = await pidsUntil(port, (s) => s.size >= 2);
    // (the server's output when not: why the second did not come)
    expect(first.size === 2 ? 2 : `${[...first]}\n${output}`).toBe(2);
    expect(first.has(child.pid!)).toBe(false);
    // the first migrated the empty database alone; the second found nothing pending
    expect(output.match(/"msg":"database ready"[^\n]*/g)?.map((l) => /"migrationsApplied":(\d+)/.exec(l)?.[1])).toEqual([expect.not.stringMatching(/^0$/), '0']);
    // where to find it is said once
    expect(output.match(/FANGPIN_LISTENING/g)).toHaveLength(1);

    const [killed, kept] = [...first];
    process.kill(killed!, 'SIGKILL');
    const after = await pidsUntil(port, (s) => [...s].some((p) => !first.has(p)));
    const restarted = [...after].find((p) => !first.has(p));
    expect(restarted).toBeDefined();
    expect(output).toContain('a server process exited; starting another');
    expect([...(await pidsUntil(port, (s) => s.has(kept!) && s.has(restarted!)))].sort()).toEqual([kept, restarted].sort());

    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect([kept, restarted].filter((p) => alive(p!))).toEqual([]);
  });
});
