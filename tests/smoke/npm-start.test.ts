/**
 * The embedded default as a person runs it: `npm start`'s entry point as a child process, on
 * PGlite in a fresh data directory (no DATABASE_URL), migrations and demo seed at start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const BOT_TOKEN = 'smoke-bot-token-123456';
let child: ChildProcess;
let dataDir: string;
let port = 0;
let output = '';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-smoke-'));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', BOT_TOKEN, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.WECHATY_PUPPET;
  child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'start/embedded.ts')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), 120_000);
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
}, 150_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
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
