/**
 * Issue 8, findings 4 and 10: with NODE_ENV=production the development conveniences are refused
 * at start, each with a message naming what to set — the real entry point as a child process, as
 * an operator would start it; and a correct production start seeds no demo county and serves no
 * simulator. The same rules as a table on loadConfig (fast, every combination that matters).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config';
import { createTestDatabase, type TestDatabase } from '../support/database';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../..');
const key = () => randomBytes(32).toString('base64');
const LONG = 'x'.repeat(32);
/** Everything a production start needs, right. */
const GOOD: Record<string, string> = { NODE_ENV: 'production', FANGPIN_DATA_KEY: `k1:${key()},index:${key()}`, ADMIN_TOKEN: randomBytes(24).toString('hex'), BOT_TOKEN: randomBytes(24).toString('hex') };

let dataDir: string;
beforeAll(() => void (dataDir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-prod-'))));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts `npm start`'s entry (start/embedded.ts) or the server alone (server/main.ts); resolves with its exit code and output, or 'listening' once it serves. */
function start(env: Record<string, string | undefined>, entry: 'start/embedded.ts' | 'server/main.ts' = 'start/embedded.ts'): Promise<{ code: number | 'listening'; output: string; port?: number; stop(): Promise<void> }> {
  const full: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
  for (const k of ['DATABASE_URL', 'WECHATY_PUPPET', 'SIMULATOR', 'SEED_DEMO', 'DEV_OTP_LOG', 'ADMIN_TOKEN', 'BOT_TOKEN', 'FANGPIN_DATA_KEY', 'FANGPIN_DATA_KEY_FILE', 'HOST']) delete full[k];
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete full[k];
  else full[k] = v;
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, entry)], { cwd: root, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve) => {
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = /FANGPIN_LISTENING (\d+)/.exec(output);
      if (m) resolve({ code: 'listening', output, port: Number(m[1]), stop });
    });
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => resolve({ code: code ?? -1, output, stop }));
  });
}

test.each([
  ['no data key', 'FANGPIN_DATA_KEY', { FANGPIN_DATA_KEY: undefined }, 'start/embedded.ts'],
  ['the simulator asked for', 'SIMULATOR', { SIMULATOR: 'on' }, 'start/embedded.ts'],
  ['the demo seed forced', 'SEED_DEMO', { SEED_DEMO: 'always' }, 'start/embedded.ts'],
  ['login codes in the log', 'DEV_OTP_LOG', { DEV_OTP_LOG: '1' }, 'start/embedded.ts'],
  ['a short ADMIN_TOKEN', 'ADMIN_TOKEN', { ADMIN_TOKEN: 'change-me' }, 'start/embedded.ts'],
  ['a short BOT_TOKEN', 'BOT_TOKEN', { BOT_TOKEN: 'bot-token' }, 'start/embedded.ts'],
  ['the server alone without BOT_TOKEN', 'BOT_TOKEN', { BOT_TOKEN: undefined }, 'server/main.ts'],
  ['(development) the simulator on the network', 'HOST', { NODE_ENV: undefined, SIMULATOR: 'on', HOST: '0.0.0.0' }, 'start/embedded.ts'],
] as const)('NODE_ENV=production with %s: refused at start, naming %s', async (_label, variable, env, entry) => {
  const run = await start({ ...GOOD, ...env }, entry);
  await run.stop();
  expect(run.code).toBe(1);
  expect(run.output).toContain('refusing to start');
  expect(run.output).toContain(variable);
  expect(run.output).not.toContain('FANGPIN_LISTENING');
});

describe('a correct production start', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.prisma.region.deleteMany(); // an empty database: where the demo county used to be seeded
  });
  afterAll(() => db.close());

  test('seeds no demo county, prints no password, serves no simulator', async () => {
    const run = await start({ ...GOOD, DATABASE_URL: db.url });
    try {
      expect(run.code).toBe('listening');
      expect(run.output).not.toContain('清溪县');
      expect(run.output).not.toMatch(/password|密码/i);
      expect(await db.prisma.region.count()).toBe(0);
      expect(await db.prisma.cadre.count()).toBe(0);
      const sim = await fetch(`http://127.0.0.1:${run.port}/simulator`);
      expect(sim.status).toBe(404);
      expect(sim.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      await run.stop();
    }
  });
});

describe('the profile as configuration (loadConfig)', () => {
  const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, ...env });
  const refusal = (env: Record<string, string>): string => {
    try {
      load(env);
    } catch (err) {
      if (err instanceof ConfigError) return err.message;
      throw err;
    }
    return '';
  };

  test.each([
    ['development on loopback, the mock', true, {}],
    ['localhost', true, { HOST: 'localhost' }],
    ['::1', true, { HOST: '::1' }],
    ['development on the network', false, { HOST: '0.0.0.0' }],
    ['a real puppet', false, { WECHATY_PUPPET: 'wechaty-puppet-wechat4u' }],
    ['SIMULATOR=off', false, { SIMULATOR: 'off' }],
    ['production', false, GOOD],
  ] as const)('the simulator by default: %s → %s', (_l, on, env) => {
    expect(load(env as Record<string, string>).simulator).toBe(on);
  });

  test.each([
    ['SIMULATOR=on off loopback', { SIMULATOR: 'on', HOST: '0.0.0.0' }, 'HOST=0.0.0.0'],
    ['SIMULATOR=on on a LAN address', { SIMULATOR: 'on', HOST: '192.168.1.10' }, 'HOST=192.168.1.10'],
    ['SIMULATOR=on with a real puppet', { SIMULATOR: 'on', WECHATY_PUPPET: 'wechaty-puppet-wechat4u' }, 'WECHATY_PUPPET'],
    ['production, every mistake at once', { ...GOOD, SIMULATOR: 'on', SEED_DEMO: 'always', DEV_OTP_LOG: '1', ADMIN_TOKEN: 'short', FANGPIN_DATA_KEY: '' }, 'SIMULATOR=on|SEED_DEMO=always|DEV_OTP_LOG=1|ADMIN_TOKEN|FANGPIN_DATA_KEY'],
  ] as const)('refused: %s', (_l, env, names) => {
    const message = refusal(env as Record<string, string>);
    for (const name of names.split('|')) expect(message).toContain(name);
  });

  test('production: SEED_DEMO=auto means never, DEV_OTP_LOG off, a 32-character ADMIN_TOKEN accepted', () => {
    const c = load({ ...GOOD, ADMIN_TOKEN: LONG });
    expect(c.seedDemo).toBe('never');
    expect(c.app.devOtpLog).toBe(false);
    expect(c.adminToken).toBe(LONG);
    expect(load({ ...GOOD, DEV_OTP_LOG: '0' }).app.devOtpLog).toBe(false);
  });

  test.each(['Production', 'PRODUCTION', ' production ', 'production\n'])('NODE_ENV=%j is production too: every convenience off, every refusal on', (nodeEnv) => {
    const c = load({ ...GOOD, NODE_ENV: nodeEnv });
    expect({ seedDemo: c.seedDemo, devOtpLog: c.app.devOtpLog, simulator: c.simulator, keysProduction: c.dataProtection.keys.production }).toEqual({ seedDemo: 'never', devOtpLog: false, simulator: false, keysProduction: true });
    expect(refusal({ ...GOOD, NODE_ENV: nodeEnv, SEED_DEMO: 'always', FANGPIN_DATA_KEY: '' })).toMatch(/SEED_DEMO=always[\s\S]*FANGPIN_DATA_KEY/);
  });

  test('development keeps its conveniences, and a short ADMIN_TOKEN', () => {
    const c = load({ ADMIN_TOKEN: 'change-me' });
    expect(c.seedDemo).toBe('auto');
    expect(c.app.devOtpLog).toBe(true);
    expect(c.maxImagePixels).toBe(50_000_000);
  });
});
