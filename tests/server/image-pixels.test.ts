/**
 * Issue 8, finding 11: a 20000×20000 PNG (a few dozen bytes, 400 megapixels for whoever opens
 * it) was accepted. On every upload path — the bot's inbound photo, the mini-program's upload
 * (supplements use the same receiver), a broadcast image — an image whose header declares more
 * than MAX_IMAGE_PIXELS is refused, with the villager's polite reply where there is a villager,
 * and 413 naming `file`; an ordinary photo still goes through. Nothing is stored for a refusal.
 */
import { readdirSync } from 'node:fs';
import { t } from '../../flows/i18n';
import { imageRefusal, pixelCount } from '../../server/core/documents/pixels';
import { gifOf, jpegOfFrames, jpegOfSize, tiffOfSize } from '../support/image-headers';
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

describe('every header that declares a size is read; an image whose size cannot be read is refused', () => {
  const LIMIT = 4000 * 3000;
  const SOF_MARKERS = [0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf];
  const ROWS: (readonly [string, Buffer, string, string | undefined])[] = [
    ...SOF_MARKERS.map((m) => [`JPEG SOF${(m - 0xc0).toString(16).toUpperCase()} 20000×20000`, jpegOfSize(20_000, 20_000, m), 'image/jpeg', 'too_many_pixels'] as const),
    ...SOF_MARKERS.map((m) => [`JPEG SOF${(m - 0xc0).toString(16).toUpperCase()} 1280×960`, jpegOfSize(1280, 960, m), 'image/jpeg', undefined] as const),
    ['JPEG: a small frame, then a huge one after the first scan', jpegOfFrames([{ marker: 0xc0, width: 16, height: 16 }, { marker: 0xc2, width: 30_000, height: 30_000 }]), 'image/jpeg', 'too_many_pixels'],
    ['JPEG: hierarchical (DHP) declaring 20000×20000', jpegOfFrames([{ marker: 0xde, width: 20_000, height: 20_000 }, { marker: 0xc5, width: 16, height: 16 }]), 'image/jpeg', 'too_many_pixels'],
    ['JPEG: height left to a DNL marker (0)', jpegOfSize(4000, 0), 'image/jpeg', 'unreadable_image'],
    ['JPEG: no frame header at all', Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'), 'image/jpeg', 'unreadable_image'],
    ['GIF: a small screen with a 20000×20000 frame', gifOf({ width: 1, height: 1 }, [{ width: 20_000, height: 20_000 }]), 'image/gif', 'too_many_pixels'],
    ['GIF: the huge frame third, after an extension', gifOf({ width: 100, height: 100 }, [{ width: 10, height: 10 }, { width: 10, height: 10 }, { width: 5000, height: 5000 }], { extension: true }), 'image/gif', 'too_many_pixels'],
    ['GIF: a huge logical screen', gifOf({ width: 60_000, height: 60_000 }, [{ width: 1, height: 1 }]), 'image/gif', 'too_many_pixels'],
    ['GIF: an ordinary animation', gifOf({ width: 640, height: 480 }, [{ width: 640, height: 480 }, { width: 320, height: 240 }], { extension: true }), 'image/gif', undefined],
    ['TIFF (its size is not read: refused)', tiffOfSize(100, 100), 'image/tiff', 'unreadable_image'],
    ['PNG 20000×20000', pngOfSize(20_000, 20_000), 'image/png', 'too_many_pixels'],
    ['PNG 1280×960', pngOfSize(1280, 960), 'image/png', undefined],
    ['an image type with a damaged header', Buffer.from('89504e470d0a1a0a0000', 'hex'), 'image/png', 'unreadable_image'],
    ['not an image (a PDF): not measured', Buffer.from('%PDF-1.4'), 'application/pdf', undefined],
  ];
  test.each(ROWS.map(([label, bytes, mime, refusal]) => [label, refusal ?? 'accepted', bytes, mime, refusal] as const))('%s → %s', (_label, _outcome, bytes, mime, refusal) => {
    expect(imageRefusal(bytes, mime, LIMIT)).toBe(refusal);
  });

  test('JPEG frame sizes are read exactly, whatever the SOF kind', () => {
    for (const m of SOF_MARKERS) expect(pixelCount(jpegOfSize(1234, 567, m))).toBe(1234 * 567);
  });

  test('bot inbound: an image whose size cannot be read is a 415 naming file, with a polite reply; nothing stored', async () => {
    const before = await documentsStored();
    const res = await sendFile(srv, 'v-px-unreadable', jpegOfSize(4000, 0), 'photo.jpg', 'px-unreadable');
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'unreadable_image', field: 'file' });
    expect(res.body.replies).toEqual([{ type: 'text', text: t('zh-CN', 'media.unreadable_image') }]);
    expect(await documentsStored()).toBe(before);
  });

  test('mini-program upload: a GIF hiding a huge frame is a 413, in the villager\'s language', async () => {
    const res = await upload(srv, villager, gifOf({ width: 1, height: 1 }, [{ width: 20_000, height: 20_000 }]), 'a.gif');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'too_many_pixels', field: 'file', message: t('zh-CN', 'media.too_many_pixels') });
  });
});
