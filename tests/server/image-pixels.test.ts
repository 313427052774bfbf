/**
 * Issue 8, finding 11: a 20000×20000 PNG (a few dozen bytes, 400 megapixels for whoever opens
 * it) was accepted. On every upload path — the bot's inbound photo, the mini-program's upload
 * (supplements use the same receiver), a broadcast image — an image whose header declares more
 * than MAX_IMAGE_PIXELS is refused, with the villager's polite reply where there is a villager,
 * and 413 naming `file`; an ordinary photo still goes through. Nothing is stored for a refusal.
 */
import { readdirSync } from 'node:fs';
import { t } from '../../flows/i18n';
import { pixelCount } from '../../server/documents/pixels';
import { BOT_TOKEN, pngBytes, sendFile, startTestServer, type TestServer } from '../support/server';
import { pngOfSize } from '../support/png-header';
import { capturingLogger, loginByPhone, upload } from '../miniprogram/support';

const BOMB = pngOfSize(20_000, 20_000);
const log = capturingLogger();
let srv: TestServer;
let villager: string;

beforeAll(async () => {
  // a low limit for the boundary rows; the default (50 megapixels) is checked in config.test
  srv = await startTestServer({ log, env: { MAX_IMAGE_PIXELS: String(4000 * 3000) } });
  villager = await loginByPhone(srv, log, '13900004444');
});
afterAll(() => srv.close());

const documentsStored = () => srv.db.prisma.document.count();
const filesOnDisk = (): number => {
  try {
    return readdirSync(srv.config.documentsDir, { recursive: true }).length;
  } catch {
    return 0;
  }
};

test('the bomb is tiny and declares 400 megapixels', () => {
  expect(BOMB.length).toBeLessThan(100);
  expect(pixelCount(BOMB)).toBe(400_000_000);
});

test.each([
  ['20000×20000', 20_000, 20_000, 413],
  ['just over the limit', 4000, 3001, 413],
  ['exactly the limit', 4000, 3000, 200],
  ['an ordinary photo', 1280, 960, 200],
] as const)('bot inbound, %s → %s', async (_label, w, h, status) => {
  const before = await documentsStored();
  const res = await sendFile(srv, `v-px-${w}x${h}`, pngOfSize(w, h), 'photo.png', `px-${w}x${h}`);
  expect(res.status).toBe(status);
  if (status === 413) {
    expect(res.body.error).toMatchObject({ code: 'too_many_pixels', field: 'file' });
    expect(res.body.replies).toEqual([{ type: 'text', text: t('zh-CN', 'media.too_many_pixels') }]);
    expect(await documentsStored()).toBe(before);
  } else {
    expect(res.body.replies!.length).toBeGreaterThan(0);
  }
});

test('mini-program upload: the bomb is a 413 naming file, in the villager\'s language; nothing stored', async () => {
  const before = { rows: await documentsStored(), files: filesOnDisk() };
  const zh = await upload(srv, villager, BOMB, 'bomb.png');
  expect(zh.status).toBe(413);
  expect(zh.body.error).toMatchObject({ code: 'too_many_pixels', field: 'file', message: t('zh-CN', 'media.too_many_pixels') });
  const en = await upload(srv, villager, BOMB, 'bomb.png', '/api/app/uploads?lang=en');
  expect(en.body.error.message).toBe(t('en', 'media.too_many_pixels'));
  expect({ rows: await documentsStored(), files: filesOnDisk() }).toEqual(before);
  expect((await upload(srv, villager, pngBytes(5), 'ok.png')).status).toBe(201);
});

test('broadcast image: the bomb is a 413 naming file; an ordinary image is accepted', async () => {
  const send = async (bytes: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), 'poster.png');
    const res = await fetch(`${srv.url}/api/broadcasts/images`, { method: 'POST', headers: { authorization: `Bearer ${srv.tokenOf('county')}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  };
  const bomb = await send(BOMB);
  expect(bomb.status).toBe(413);
  expect(bomb.body.error).toMatchObject({ code: 'too_many_pixels', field: 'file' });
  expect((await send(pngOfSize(800, 600))).status).toBe(201);
});

test('a file whose size cannot be read from a header (a PDF) is not refused for it', async () => {
  const res = await sendFile(srv, 'v-px-pdf', Buffer.from('%PDF-1.4\n%…\n'), 'a.pdf', 'px-pdf', 'file', BOT_TOKEN);
  expect(res.status).toBe(200);
});
