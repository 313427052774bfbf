/**
 * Issue 8 follow-up: WebP photos kept their EXIF GPS and XMP on every upload path (exif-be-gone
 * read the RIFF header as a chunk and let the file through, and knows no `XMP ` chunk), and
 * HEIC/HEIF and TIFF were accepted and stored with their GPS. WebP is now walked chunk by chunk
 * (server/core/documents/webp.ts): only the picture's chunks stay, the VP8X flags and the RIFF size
 * say so. HEIC/HEIF and TIFF are refused with a reply that asks for a WeChat photo (JPEG/PNG).
 */
import { imageSize } from 'image-size';
import { t } from '../../flows/i18n';
import { stripMetadata } from '../../server/core/documents/metadata';
import { FileSystemDocumentStore } from '../../server/core/documents/store';
import { stripWebp } from '../../server/core/documents/webp';
import { EXIF_GPS, riff, riffChunk, vp8l, vp8x, VP8X_EXIF, VP8X_ICC, VP8X_XMP, webpWithGps, XMP } from '../support/webp';
import { tiffOfSize } from '../support/image-headers';
import { GPS_LATITUDE } from './photo-with-gps';
import { sendFile, startTestServer, type TestServer } from '../support/server';
import { capturingLogger, loginByPhone, upload } from '../miniprogram/support';

/** The chunk types of a RIFF file, in order, and whether its declared size is its length. */
function chunks(b: Buffer): { types: string[]; sizeRight: boolean } {
  const types: string[] = [];
  for (let i = 12; i + 8 <= b.length; ) {
    const size = b.readUInt32LE(i + 4);
    types.push(b.toString('latin1', i, i + 4));
    i += 8 + size + (size & 1);
  }
  return { types, sizeRight: b.readUInt32LE(4) === b.length - 8 };
}
const vp8xFlags = (b: Buffer) => b[12 + 8]!;
const ICC = riffChunk('ICCP', Buffer.from('icc profile bytes', 'latin1'));
const PICTURE = vp8l(16, 16);

test.each([
  ['a phone photo: VP8X, picture, EXIF, XMP', webpWithGps(), ['VP8X', 'VP8L'], 0],
  ['EXIF and XMP before the picture', riff([vp8x(16, 16, VP8X_EXIF | VP8X_XMP), riffChunk('XMP ', XMP), riffChunk('EXIF', EXIF_GPS), PICTURE]), ['VP8X', 'VP8L'], 0],
  ['the colour profile stays, with its flag', riff([vp8x(16, 16, VP8X_ICC | VP8X_EXIF), ICC, PICTURE, riffChunk('EXIF', EXIF_GPS)]), ['VP8X', 'ICCP', 'VP8L'], VP8X_ICC],
  ['a chunk nobody knows goes too', riff([vp8x(16, 16, 0), PICTURE, riffChunk('GPS ', Buffer.from('30.26N 120.19E'))]), ['VP8X', 'VP8L'], 0],
  ['bytes after the RIFF end go', Buffer.concat([riff([vp8x(16, 16, VP8X_EXIF), PICTURE]), riffChunk('EXIF', EXIF_GPS)]), ['VP8X', 'VP8L'], 0],
  ['an EXIF chunk whose length runs past the end goes with the rest', riff([vp8x(16, 16, VP8X_EXIF), PICTURE, riffChunk('EXIF', EXIF_GPS).subarray(0, 30)], 0), ['VP8X', 'VP8L'], 0],
  ['a RIFF size larger than the file', riff([vp8x(16, 16, VP8X_EXIF), PICTURE, riffChunk('EXIF', EXIF_GPS)], 1000), ['VP8X', 'VP8L'], 0],
] as const)('%s', (_label, input, kept, flags) => {
  const out = stripWebp(input);
  expect(chunks(out)).toEqual({ types: kept, sizeRight: true });
  expect(vp8xFlags(out)).toBe(flags);
  expect(out.includes(GPS_LATITUDE)).toBe(false);
  expect(out.includes(Buffer.from('GPSLatitude'))).toBe(false);
  // the picture's chunk is kept byte for byte
  expect(out.includes(PICTURE)).toBe(true);
  expect(imageSize(out)).toMatchObject({ width: 16, height: 16, type: 'webp' });
});

test('a simple WebP (no VP8X) with odd-sized chunks keeps its padding', () => {
  const odd = riffChunk('VP8L', Buffer.concat([PICTURE.subarray(8, 17), Buffer.from([0x01, 0x02])])); // 11 bytes: one pad byte
  const out = stripWebp(riff([odd, riffChunk('XMP ', Buffer.from('abc'))]));
  expect(out).toEqual(riff([odd]));
});

test('stripMetadata sends WebP through the walker', async () => {
  const out = await stripMetadata(webpWithGps());
  expect(out.includes(GPS_LATITUDE)).toBe(false);
  expect(chunks(out).types).toEqual(['VP8X', 'VP8L']);
});

describe('on the upload paths', () => {
  const log = capturingLogger();
  let srv: TestServer;
  let villager: string;
  beforeAll(async () => {
    srv = await startTestServer({ log });
    villager = await loginByPhone(srv, log, '13900005555');
  });
  afterAll(() => srv.close());

  test('a WebP uploaded in the mini-program is stored without its GPS', async () => {
    const res = await upload(srv, villager, webpWithGps(), 'IMG_0001.webp');
    expect(res.status).toBe(201);
    const doc = await srv.db.prisma.document.findUniqueOrThrow({ where: { id: res.body.upload.id } });
    const stored = (await new FileSystemDocumentStore(srv.config.documentsDir, srv.db.keyring).read(doc.storageKey))!;
    expect(stored.includes(GPS_LATITUDE)).toBe(false);
    expect(chunks(stored).types).toEqual(['VP8X', 'VP8L']);
  });

  const heic = Buffer.concat([Buffer.from('00000018667479706865696300000000', 'hex'), Buffer.from('mif1heic'), Buffer.from('Exif\0\0'), GPS_LATITUDE]);
  const heif = Buffer.concat([Buffer.from('0000001866747970', 'hex'), Buffer.from('mif1'), Buffer.alloc(4), Buffer.from('mif1'), GPS_LATITUDE]);
  test.each([
    ['HEIC', heic],
    ['HEIF', heif],
    ['TIFF', Buffer.concat([tiffOfSize(16, 16), GPS_LATITUDE])],
  ])('%s: refused (415 naming file) with a reply that asks for a WeChat photo; nothing stored', async (label, bytes) => {
    const before = await srv.db.prisma.document.count();
    const zh = await upload(srv, villager, bytes, 'IMG_0002.heic');
    expect(zh.status).toBe(415);
    expect(zh.body.error).toMatchObject({ code: 'unsupported_media_type', field: 'file', message: t('zh-CN', 'media.photo_format') });
    expect(t('zh-CN', 'media.photo_format')).toMatch(/微信发照片.*JPEG 或 PNG/);
    const en = await upload(srv, villager, bytes, 'IMG_0002.heic', '/api/app/uploads?lang=en');
    expect(en.body.error.message).toBe(t('en', 'media.photo_format'));
    const chat = await sendFile(srv, `v-heic-${label}`, bytes, 'IMG_0002.heic', `heic-${label}`);
    expect(chat.status).toBe(415);
    expect(chat.body.replies).toEqual([{ type: 'text', text: t('zh-CN', 'media.photo_format') }]);
    expect(await srv.db.prisma.document.count()).toBe(before);
  });
});
