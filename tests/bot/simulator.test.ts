import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { createSimulatorRouter } from '../../bot/simulator';
import { FakeServer, leftovers, sleep, startTestBot, waitFor, type TestBot } from './support';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface SimMessage {
  index: number;
  id: string;
  from: { id: string; name: string; bot: boolean };
  type: string;
  text?: string;
  fileName?: string;
}

let baseline: string[];
let server: FakeServer;
let running: TestBot;
let web: Server;
let base: string;

beforeAll(() => {
  baseline = process.getActiveResourcesInfo();
});
beforeEach(async () => {
  server = await new FakeServer().start();
  running = await startTestBot(server.url);
  const app = new Koa();
  app.use(createSimulatorRouter({ mocker: running.mocker }).routes());
  web = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => web.once('listening', resolve));
  base = `http://127.0.0.1:${(web.address() as AddressInfo).port}/simulator`;
});
afterEach(async () => {
  await running.stop();
  rmSync(running.spoolDir, { recursive: true, force: true });
  web.closeAllConnections();
  await new Promise((resolve) => web.close(resolve));
  await server.stop();
});
afterAll(async () => {
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

const sendJson = (body: object): Promise<Response> =>
  fetch(`${base}/api/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function messages(query: Record<string, string>): Promise<SimMessage[]> {
  const res = await fetch(`${base}/api/messages?${new URLSearchParams(query)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: SimMessage[] }).messages;
}

async function waitForMessages(query: Record<string, string>, count: number): Promise<SimMessage[]> {
  let list: SimMessage[] = [];
  const until = Date.now() + 5_000;
  while ((list = await messages(query)).length < count) {
    if (Date.now() > until) throw new Error(`only ${list.length} messages`);
    await sleep(20);
  }
  return list;
}

test('the page is Chinese by default, English on request', async () => {
  const zh = await (await fetch(`${base}?as=${encodeURIComponent('张大爷')}`)).text();
  expect(zh).toContain('防贫助手 · 微信模拟器');
  expect(zh).toContain('value="张大爷"');
  const en = await (await fetch(`${base}?lang=en&room=${encodeURIComponent('村工作群')}`)).text();
  expect(en).toContain('WeChat simulator');
  expect(en).toContain('村工作群 (group chat)');
  expect(en).toContain('@防贫助手');
});

test('a text from the page reaches the server; the conversation lists both sides in order', async () => {
  expect((await sendJson({ as: '张大爷', text: '你好' })).status).toBe(200);
  const list = await waitForMessages({ as: '张大爷' }, 2);

  expect(server.calls[0]!.body).toMatchObject({ type: 'text', text: '你好', from: { name: '张大爷' } });
  expect(list).toEqual([
    expect.objectContaining({ index: 1, type: 'text', text: '你好', from: expect.objectContaining({ name: '张大爷', bot: false }) }),
    expect.objectContaining({ index: 2, type: 'text', text: '收到：你好', from: expect.objectContaining({ name: '防贫助手', bot: true }) }),
  ]);
  expect(await messages({ as: '张大爷', after: '1' })).toEqual([list[1]]);
  // another name is another villager with a conversation of its own
  expect(await messages({ as: '李奶奶' })).toEqual([]);
});

test('the name defaults to 张大爷', async () => {
  await sendJson({ text: '在吗' });
  await waitForMessages({}, 2);
  expect(server.calls[0]!.body['from'].name).toBe('张大爷');
});

test('a picture from the page is forwarded as an image with its bytes and name', async () => {
  const form = new FormData();
  form.append('as', '张大爷');
  form.append('file', new Blob([PNG], { type: 'image/png' }), '病历.png');
  expect((await fetch(`${base}/api/send`, { method: 'POST', body: form })).status).toBe(200);

  const list = await waitForMessages({ as: '张大爷' }, 2);
  expect(server.calls[0]!.body).toMatchObject({ type: 'image' });
  expect(server.calls[0]!.file).toEqual({ name: '病历.png', mimeType: 'image/png', bytes: PNG });
  expect(list[0]).toMatchObject({ type: 'image', fileName: '病历.png' });
  expect(list[1]).toMatchObject({ type: 'text', text: '收到：image' });

  const media = await fetch(`${base}/api/media/${encodeURIComponent(list[0]!.id)}`);
  expect(media.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await media.arrayBuffer())).toEqual(PNG);
});

test('a document from the page is forwarded as a file', async () => {
  const form = new FormData();
  form.append('as', '张大爷');
  form.append('file', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), '诊断证明.pdf');
  await fetch(`${base}/api/send`, { method: 'POST', body: form });
  await waitForMessages({ as: '张大爷' }, 2);
  expect(server.calls[0]!.body).toMatchObject({ type: 'file' });
  expect(server.calls[0]!.file!.name).toBe('诊断证明.pdf');
});

test('in a room only @-mentions reach the bot, and everyone in the room sees the conversation', async () => {
  const room = '村工作群';
  await sendJson({ as: '张大爷', room, text: '大家好' });
  await sendJson({ as: '张大爷', room, text: '@防贫助手 我要申请' });
  await sendJson({ as: '王书记', room, text: '收到' });
  const list = await waitForMessages({ as: '王书记', room }, 4);

  expect(server.calls).toHaveLength(1);
  expect(server.calls[0]!.body).toMatchObject({ text: '我要申请', room: { topic: room }, from: { name: '张大爷' } });
  expect(list.map((m) => [m.from.name, m.text])).toEqual([
    ['张大爷', '大家好'],
    ['张大爷', '@防贫助手 我要申请'],
    ['王书记', '收到'],
    ['防贫助手', '@张大爷 收到：我要申请'],
  ]);
  // room messages stay out of the private chat
  expect(await messages({ as: '张大爷' })).toEqual([]);
});

test('bad sends get a clear 400', async () => {
  expect((await sendJson({ as: '张大爷' })).status).toBe(400);
  expect((await sendJson({ as: '张大爷', text: 'x'.repeat(5000) })).status).toBe(400);
  await sleep(100);
  expect(server.calls).toEqual([]);
});
