/**
 * The embedded default as a person runs it: `npm start` itself as a child process — its prestart
 * (scripts/prepare-app.ts: the mini-program's h5 and the cadre console built when missing or
 * stale; that rule is tested in front-end-build.test.ts) and then the whole system on PGlite in a fresh data directory (no DATABASE_URL),
 * migrations and demo seed at start. One install, three faces: the simulator, /app/ and /console/
 * answer with their built pages, never a "not built" placeholder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cadreConsole from '../../scripts/console';
import { stampFile, type Build } from '../../scripts/front-end';
import * as miniprogram from '../../scripts/miniprogram';

const root = path.resolve(__dirname, '../..');
const BOT_TOKEN = 'smoke-bot-token-123456';
const START_WITHIN_MS = 6 * 60_000;
/** npm, the shell it runs the scripts in, and the server under it: one process group, stopped together. */
let child: ChildProcess;
let dataDir: string;
let port = 0;
let output = '';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-smoke-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', BOT_TOKEN, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.WECHATY_PUPPET;
  delete env.FANGPIN_SKIP_APP_BUILD;
  delete env.FANGPIN_SKIP_CONSOLE_BUILD;
  child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  port = await new Promise<number>((resolve, reject) => {
    // a stale or missing front end is built first (seconds for the console, a minute or two for the h5)
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), START_WITHIN_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /FANGPIN_LISTENING (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });
}, START_WITHIN_MS + 30_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('it seeds the demo county and prints the cadre tokens once', () => {
  expect(output).toContain('清溪县');
  expect(output).toMatch(/county\s+清溪县\s+县帮扶办: \S{20,}/);
});

test('/health answers ok on PGlite', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok' });
});

test('an inbound message gets the main menu', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: 'smoke-1', from: { id: 'smoke-villager', name: '王大妈' }, type: 'text', text: '你好' }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { replies: { text: string }[] };
  expect(body.replies.map((r) => r.text).join('\n')).toContain('申请帮扶');
});

test('the simulator page is served with the mock puppet', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/simulator`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  // on a loopback HOST outside production; under the server's CSP, whose nonce its script carries
  const nonce = /script-src 'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
  expect(await res.text()).toContain(`<script nonce="${nonce}">`);
  expect(res.headers.get('cache-control')).toBe('no-store');
});

/** The page's scripts and styles as its HTML names them, under `prefix`. */
const assetsOf = (html: string, prefix: string) => [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!).filter((a) => a.startsWith(prefix));

test.each<[string, string, string, () => string, Build]>([
  ['the cadre console', '/console/', '<div id="root">', cadreConsole.buildState, cadreConsole.consoleAt(cadreConsole.CONSOLE).build],
  ['the mini-program h5', '/app/', '<title>防贫助手</title>', () => miniprogram.buildState('h5'), miniprogram.build('h5')],
])('%s at %s is its current build, with its assets', async (_face, at, mark, state, build) => {
  const res = await fetch(`http://127.0.0.1:${port}${at}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  const html = await res.text();
  expect(html).toContain(mark);
  expect(html).not.toContain('还没有构建');
  // prestart neither failed nor skipped a build
  expect(output).not.toContain('BUILD FAILED');
  expect(output).not.toContain('is served as it is');
  // the page served is the one the stamp names, and the stamp is of the sources as they are
  expect(state()).toBe('current');
  const stamp = JSON.parse(readFileSync(stampFile(build), 'utf8')) as { page: string };
  expect(createHash('sha256').update(html).digest('hex')).toBe(stamp.page);
  const assets = assetsOf(html, at);
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of assets) expect((await fetch(`http://127.0.0.1:${port}${asset}`)).status).toBe(200);
});
