/**
 * POST /api/bot/inbound as the bot calls it: authentication, validation, idempotency, uploads.
 */
import { t } from '../../flows/i18n';
import { BOT_TOKEN, jpegBytes, pngBytes, sendFile, sendText, startTestServer, type TestServer } from '../support/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ maxUploadBytes: 64 * 1024 });
});
afterAll(async () => {
  await srv.close();
});

describe('authentication', () => {
  test.each([
    ['no token', undefined],
    ['a wrong token', 'nope'],
  ])('%s → 401 and nothing recorded', async (_label, token) => {
    const before = await srv.db.prisma.inboundMessage.count();
    const res = await fetch(`${srv.url}/api/bot/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ messageId: 'm-auth', from: { id: 'u', name: 'u' }, type: 'text', text: '你好' }),
    });
    expect(res.status).toBe(401);
    expect(await srv.db.prisma.inboundMessage.count()).toBe(before);
  });
});

describe('malformed payloads get a 400 that names the field', () => {
  const cases: [string, unknown, string][] = [
    ['missing messageId', { from: { id: 'u', name: 'u' }, type: 'text', text: 'hi' }, 'messageId'],
    ['empty sender id', { messageId: 'x1', from: { id: '', name: 'u' }, type: 'text', text: 'hi' }, 'from.id'],
    ['text missing', { messageId: 'x2', from: { id: 'u', name: 'u' }, type: 'text' }, 'text'],
    ['unknown type in JSON', { messageId: 'x3', from: { id: 'u', name: 'u' }, type: 'image' }, 'type'],
    ['text too long', { messageId: 'x4', from: { id: 'u', name: 'u' }, type: 'text', text: 'a'.repeat(5000) }, 'text'],
  ];
  test.each(cases)('%s', async (_label, body, field) => {
    const res = await fetch(`${srv.url}/api/bot/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { field?: string; message: string } };
    expect(json.error.field).toBe(field);
    expect(json.error.message).toContain(field);
  });

  test('an overlong text → 400 with a polite reply for the villager', async () => {
    const res = await sendText(srv, 'long-talker', '很'.repeat(4001), 'long-1');
    expect(res.status).toBe(400);
    expect(res.body.error?.field).toBe('text');
    expect(res.body.replies?.[0]?.text).toContain('太长');
  });

  test('broken JSON → 400', async () => {
    const res = await fetch(`${srv.url}/api/bot/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
      body: '{"messageId": ',
    });
    expect(res.status).toBe(400);
  });

  test('multipart without meta → 400 naming meta', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pngBytes())]), 'a.png');
    const res = await fetch(`${srv.url}/api/bot/inbound`, { method: 'POST', headers: { authorization: `Bearer ${BOT_TOKEN}` }, body: form });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('meta');
  });
});

describe('idempotency', () => {
  test('a repeated messageId returns the same replies and changes nothing', async () => {
    const first = await sendText(srv, 'idem-user', '你好', 'idem-1');
    expect(first.status).toBe(200);
    expect(first.body.replies!.length).toBeGreaterThan(0);
    const snapshot = async () => ({
      inbound: await srv.db.prisma.inboundMessage.count(),
      session: await srv.db.prisma.conversationSession.findFirst({ where: { contact: { externalId: 'idem-user' } } }),
    });
    const before = await snapshot();
    const again = await sendText(srv, 'idem-user', '你好', 'idem-1');
    expect(again.status).toBe(200);
    expect(again.body.replies).toEqual(first.body.replies);
    const after = await snapshot();
    expect(after.inbound).toBe(before.inbound);
    expect(after.session!.version).toBe(before.session!.version);
  });

  test('the same messageId sent concurrently is processed once', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => sendText(srv, 'race-user', '你好', 'race-1')));
    for (const r of results) expect(r.status).toBe(200);
    for (const r of results) expect(r.body.replies).toEqual(results[0].body.replies);
    expect(await srv.db.prisma.inboundMessage.count({ where: { messageId: 'race-1' } })).toBe(1);
  });
});

describe('uploads', () => {
  test('an oversize file → 413 with a reply to say, nothing stored', async () => {
    const big = Buffer.concat([pngBytes(), Buffer.alloc(70 * 1024)]);
    const res = await sendFile(srv, 'upload-user', big, 'big.png', 'up-big');
    expect(res.status).toBe(413);
    expect(res.body.replies?.[0]?.text).toBeTruthy();
    expect(await srv.db.prisma.inboundMessage.count({ where: { messageId: 'up-big' } })).toBe(0);
  });

  test('a file whose bytes are not an accepted type → 415 whatever its name says', async () => {
    const res = await sendFile(srv, 'upload-user', Buffer.from('MZ this is not a photo'), 'photo.jpg', 'up-exe');
    expect(res.status).toBe(415);
    expect(res.body.error?.field).toBe('file');
    expect(res.body.replies?.[0]?.text).toBeTruthy();
  });

  test('an image is accepted (sniffed from its bytes) and answered', async () => {
    const res = await sendFile(srv, 'upload-user', jpegBytes(1), 'IMG_0001.dat', 'up-ok');
    expect(res.status).toBe(200);
    expect(res.body.replies!.length).toBeGreaterThan(0);
  });

  test('a voice message is answered and not kept as a document', async () => {
    const before = await srv.db.prisma.document.count();
    const res = await sendFile(srv, 'upload-user', Buffer.from('#!SILK_V3 voice bytes'), 'voice.sil', 'up-voice', 'audio');
    expect(res.status).toBe(200);
    expect(res.body.replies!.length).toBeGreaterThan(0);
    expect(await srv.db.prisma.document.count()).toBe(before);
  });
});

describe('what the chat cannot read (a sticker, a link)', () => {
  const sticker = (from: string, messageId: string) =>
    fetch(`${srv.url}/api/bot/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ messageId, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, type: 'unsupported', kind: 'emoticon' }),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as { replies: { text: string }[] } }));

  test('mid-application: the polite request, then the question the villager is at; nothing changes', async () => {
    for (const [i, text] of ['你好', '1', '1'].entries()) await sendText(srv, 'sticker-user', text, `st-${i}`);
    const session = () => srv.db.prisma.conversationSession.findFirstOrThrow({ where: { contact: { externalId: 'sticker-user' } } });
    const before = await session();
    const res = await sticker('sticker-user', 'st-emoticon');
    expect(res.status).toBe(200);
    expect(res.body.replies.map((r) => r.text)).toEqual([t('zh-CN', 'server.unsupported'), t('zh-CN', 'heard.fold.name_id')]); // the name, asked with the ID number
    const after = await session();
    expect(after.version).toBe(before.version);
    expect(after.state).toEqual(before.state);
  });

  test('a stranger: the polite request alone', async () => {
    const res = await sticker('sticker-stranger', 'st-stranger');
    expect(res.body.replies.map((r) => r.text)).toEqual([t('zh-CN', 'server.unsupported')]);
  });
});

test('GET /health answers ok with the database', async () => {
  const res = await fetch(`${srv.url}/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
});
