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

describe('issue 8, finding 4: what the simulator serves and keeps', () => {
  const upload = async (bytes: Buffer | string, name: string, type = 'application/octet-stream', as = '张大爷') => {
    const form = new FormData();
    form.append('as', as);
    form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
    return fetch(`${base}/api/send`, { method: 'POST', body: form });
  };

  test.each([
    ['an HTML file (even one claiming to be an image)', '<html><script>alert(localStorage.token)</script></html>', 'evil.png', 'image/png'],
    ['an HTML file', '<!doctype html><script>alert(1)</script>', 'page.html', 'text/html'],
    ['an SVG (script inside)', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'x.svg', 'image/svg+xml'],
    ['a PDF', '%PDF-1.4 …', 'a.pdf', 'application/pdf'],
  ])('%s is a download, never rendered', async (_label, bytes, name, type) => {
    expect((await upload(bytes, name, type)).status).toBe(200);
    const [sent] = await waitForMessages({ as: '张大爷' }, 1);
    const media = await fetch(`${base}/api/media/${encodeURIComponent(sent!.id)}`);
    expect(media.headers.get('content-type')).toBe('application/octet-stream');
    expect(media.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(media.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('a photo is shown as its sniffed type with nosniff, whatever its name says', async () => {
    await upload(PNG, 'photo.jpg', 'image/jpeg');
    const [sent] = await waitForMessages({ as: '张大爷' }, 1);
    const media = await fetch(`${base}/api/media/${encodeURIComponent(sent!.id)}`);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(media.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(media.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('the page runs only its own inline script and style (a CSP nonce), and cannot be framed', async () => {
    const res = await fetch(base);
    const csp = res.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    const html = await res.text();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  test('20 uploads of 5 MB do not keep 100 MB: the oldest files are forgotten, the newest still served', async () => {
    server.answer = () => ({ status: 200, body: { replies: [] } }); // no replies: only the uploads are kept
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const bytes = Buffer.alloc(5 << 20, i);
      PNG.copy(bytes); // a PNG signature in front: an image, as a villager's photo
      expect((await upload(bytes, `photo-${i}.png`, 'image/png')).status).toBe(200);
      server.calls.length = 0; // the stand-in server need not keep them either
      const list = await messages({ as: '张大爷' });
      ids.push(list[list.length - 1]!.id);
    }
    const kept = [...running.mocker.cacheFileBoxPayload.values()].reduce((sum, json) => sum + (((json as { base64?: string }).base64?.length ?? 0) * 3) / 4, 0);
    expect(kept).toBeLessThanOrEqual(64 << 20);
    expect(kept).toBeGreaterThanOrEqual(5 << 20);
    expect(running.mocker.cacheMessagePayload.size).toBeLessThanOrEqual(20);
    expect((await fetch(`${base}/api/media/${encodeURIComponent(ids[0]!)}`)).status).toBe(404);
    const newest = await fetch(`${base}/api/media/${encodeURIComponent(ids[19]!)}`);
    expect(newest.status).toBe(200);
    expect(Buffer.from(await newest.arrayBuffer()).length).toBe(5 << 20);
  }, 120_000);

  test('a file over the page\'s limit is a 413, not kept', async () => {
    const res = await upload(Buffer.alloc((20 << 20) + 1), 'huge.png', 'image/png');
    expect(res.status).toBe(413);
    await sleep(100);
    expect(await messages({ as: '张大爷' })).toEqual([]);
  });
});

test('past the message limit the oldest messages are forgotten, and numbering goes on', async () => {
  const app = new Koa();
  app.use(createSimulatorRouter({ mocker: running.mocker, limits: { maxMessages: 4 } }).routes());
  const small = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => small.once('listening', resolve));
  const url = `http://127.0.0.1:${(small.address() as AddressInfo).port}/simulator`;
  try {
    for (const text of ['一', '二', '三']) {
      await fetch(`${url}/api/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ as: '赵大爷', text }) });
      await waitFor(() => server.calls.length > 0 && server.calls[server.calls.length - 1]!.body['text'] === text, 'the call');
    }
    let list: SimMessage[] = [];
    for (const until = Date.now() + 5_000; list.at(-1)?.index !== 6; await sleep(20)) {
      if (Date.now() > until) throw new Error(`only ${JSON.stringify(list)}`);
      list = ((await (await fetch(`${url}/api/messages?as=${encodeURIComponent('赵大爷')}`)).json()) as { messages: SimMessage[] }).messages;
    }
    expect(list.map((m) => m.index)).toEqual([3, 4, 5, 6]);
    expect(list.map((m) => m.text)).toEqual(['二', '收到：二', '三', '收到：三']);
  } finally {
    small.closeAllConnections();
    await new Promise((resolve) => small.close(resolve));
  }
});
