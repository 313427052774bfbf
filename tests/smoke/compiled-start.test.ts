/**
 * The production start: `npm run build` compiles the server to JavaScript, and the compiled server
 * (`node dist/server/main.js`, what `npm run start:server` runs) migrates an empty PostgreSQL
 * database and answers /health; started again, it finds nothing pending with one query (no wasm
 * schema engine) and loads no wechaty. The build goes to its own folder under test-artifacts/, so
 * this test needs no dist/ and leaves a developer's alone. No timings here: they are in bench/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { adminQuery, databaseUrl, RUN_ID } from '../support/postgres';

jest.setTimeout(240_000);

const root = path.resolve(__dirname, '../..');
const outDir = path.join(root, 'test-artifacts', `build-${RUN_ID}`);
const database = `fangpin_test_${RUN_ID}_compiled`;
const key = () => randomBytes(32).toString('base64');
/** One keyring and bot token for both starts: a database refuses another index key. */
const SECRETS = { FANGPIN_DATA_KEY: `k1:${key()},index:${key()}`, BOT_TOKEN: randomBytes(24).toString('hex') };
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'fangpin-compiled-'));
  rmSync(outDir, { recursive: true, force: true });
  // tsc prints its errors on stdout: a failed build shows them
  const build = spawnSync('npm', ['run', '--silent', 'build', '--', '--outDir', outDir], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${database}"`);
});

afterAll(async () => {
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

/** Starts the compiled server alone, as production does, until it serves; `stop()` ends it and returns every CommonJS module it had loaded. */
function startCompiled(): Promise<{ port: number; output: () => string; stop(): Promise<string[]> }> {
  const modulesFile = path.join(tmp, `modules-${Date.now()}.json`);
  const preload = path.join(tmp, 'modules-at-exit.cjs');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(modulesFile)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl(database),
    DATA_DIR: tmp,
    PORT: '0',
    LOG_LEVEL: 'info',
    ...SECRETS,
  };
  for (const k of ['WECHATY_PUPPET', 'SIMULATOR', 'SEED_DEMO', 'ADMIN_TOKEN', 'FANGPIN_DATA_KEY_FILE', 'HOST']) delete env[k];
  const child = spawn(process.execPath, ['--require', preload, path.join(outDir, 'server/main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    return existsSync(modulesFile) ? (JSON.parse(readFileSync(modulesFile, 'utf8')) as string[]) : [];
  };
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /FANGPIN_LISTENING (\d+)/.exec(output);
      if (m) resolve({ port: Number(m[1]), output: () => output, stop });
    });
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`the compiled server exited with ${code}:\n${output}`)));
  });
}

/** A villager's message through the bot's route, as the gateway sends it: the replies' texts, or the failure. */
async function say(port: number, text: string, messageId: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRETS.BOT_TOKEN}` },
    body: JSON.stringify({ messageId, bot: { puppet: 'test', accountId: 'bot' }, from: { id: 'smoke-villager', name: 'smoke' }, type: 'text', text }),
  });
  return { status: res.status, body: (await res.json()) as { replies?: { text: string }[] } };
}

async function health(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: res.status, body: await res.json() };
}

test('the compiled server migrates an empty database, serves /health, and finds nothing pending at its next start', async () => {
  const first = await startCompiled();
  try {
    expect(await health(first.port)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(first.output()).toContain('applying migrations');
    expect(first.output()).toMatch(/"msg":"database ready".*"migrationsApplied":[1-9]/);
    // a conversation works in the compiled server right after migrating: the first message (one
    // transaction) and plain answers (the prepared two-statement path on the direct pool)
    for (const [i, text] of ['你好', '1', '1'].entries()) {
      const r = await say(first.port, text, `smoke-${i}`);
      expect(r.status).toBe(200);
      expect(r.body.replies?.length).toBeGreaterThan(0);
    }
  } finally {
    await first.stop();
  }

  const second = await startCompiled();
  let modules: string[];
  try {
    expect(await health(second.port)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(second.output()).not.toContain('applying migrations');
    expect(second.output()).toMatch(/"msg":"database ready".*"migrationsApplied":0/);
  } finally {
    modules = await second.stop();
  }
  // the module list was written (the server ran from the build), and holds no wechaty, no mock puppet
  expect(modules.some((m) => m.startsWith(outDir))).toBe(true);
  expect(modules.filter((m) => /wechaty/.test(m))).toEqual([]);
});
