/**
 * Metadata stripped from photos before they are stored (server/core/documents/metadata.ts): EXIF and
 * other APPn segments, comments and trailing bytes go; what a decoder needs stays byte for byte.
 */
import { imageSize } from 'image-size';
import { stripJpeg, stripMetadata } from '../../server/core/documents/metadata';
import { exifGpsSegment, GPS_LATITUDE, PHOTO_WITHOUT_METADATA, photoWithGps } from './photo-with-gps';

const seg = (marker: number, body: string) => {
  const b = Buffer.from(body, 'latin1');
  return Buffer.concat([Buffer.from([0xff, marker, (b.length + 2) >> 8, (b.length + 2) & 0xff]), b]);
};
const SOI = PHOTO_WITHOUT_METADATA.subarray(0, 2);
const REST = PHOTO_WITHOUT_METADATA.subarray(2);

test.each([
  ['EXIF with GPS (APP1) before JFIF', Buffer.concat([SOI, exifGpsSegment(), REST]), PHOTO_WITHOUT_METADATA],
  ['XMP (APP1), Photoshop/IPTC (APP13) and a comment', Buffer.concat([SOI, seg(0xe1, 'http://ns.adobe.com/xap/1.0/ <x:xmpmeta/>'), seg(0xed, 'Photoshop 3.0 IPTC'), seg(0xfe, 'shot at home'), REST]), PHOTO_WITHOUT_METADATA],
  ['bytes after the end-of-image marker', Buffer.concat([PHOTO_WITHOUT_METADATA, Buffer.from('GPS 30.26N 120.19E')]), PHOTO_WITHOUT_METADATA],
  ['fill bytes before a marker', Buffer.concat([SOI, Buffer.from([0xff, 0xff]), exifGpsSegment(), REST]), PHOTO_WITHOUT_METADATA],
  ['nothing to strip', PHOTO_WITHOUT_METADATA, PHOTO_WITHOUT_METADATA],
])('%s', (_name, input, expected) => {
  expect(stripJpeg(input)).toEqual(expected);
});

test('the ICC profile (APP2) and the Adobe marker (APP14) stay: colours depend on them', () => {
  const icc = seg(0xe2, 'ICC_PROFILE\0\x01\x01profile');
  const adobe = seg(0xee, 'Adobe\0\x64\0\0\0\0\x01');
  const input = Buffer.concat([SOI, icc, exifGpsSegment(), adobe, REST]);
  expect(stripJpeg(input)).toEqual(Buffer.concat([SOI, icc, adobe, REST]));
});

test('a stripped photo still reads as the same picture', async () => {
  const out = await stripMetadata(photoWithGps(7));
  expect(out.includes(GPS_LATITUDE)).toBe(false);
  expect(imageSize(out)).toMatchObject({ width: 16, height: 16, type: 'jpg' });
});

test.each([
  ['a segment length past the end', Buffer.concat([SOI, Buffer.from([0xff, 0xdb, 0xff, 0xff]), exifGpsSegment(), Buffer.from('tail')])],
  ['bytes that are not a marker', Buffer.concat([SOI, Buffer.from('garbage'), exifGpsSegment(), Buffer.from('tail')])],
])('malformed (%s): the rest is kept, its EXIF cut out', (_name, broken) => {
  const out = stripJpeg(broken);
  expect(out.includes(GPS_LATITUDE)).toBe(false);
  expect(out.subarray(-4).toString()).toBe('tail');
});

test('PNG text chunks go too (exif-be-gone); other files are left as they are', async () => {
  const crcless = (type: string, data: string) => {
    const d = Buffer.from(data, 'latin1');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(d.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), d, Buffer.alloc(4)]);
  };
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), crcless('IHDR', '\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0'), crcless('tEXt', 'Location\0home of 张三'), crcless('IEND', '')]);
  const out = await stripMetadata(png);
  expect(out.includes(Buffer.from('Location'))).toBe(false);
  const pdf = Buffer.from('%PDF-1.4 hello');
  expect(await stripMetadata(pdf)).toBe(pdf);
});
