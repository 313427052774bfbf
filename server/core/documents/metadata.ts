/**
 * Strips what a photo says beyond its pixels — EXIF (GPS position, camera, time), XMP, IPTC,
 * comments — before it is hashed and stored: a villager's photo of a hospital bill must not
 * carry where their house is.
 *
 * JPEG: a segment walker. It keeps the segments a decoder needs (tables, frame, scans) plus APP0
 * (JFIF), APP2 (the ICC colour profile) and APP14 (Adobe colour transform), drops every other
 * APPn and COM segment and anything after the end-of-image marker. Where the segments of a
 * malformed JPEG can no longer be walked, the rest is kept with every EXIF or XMP segment found
 * in it by its signature cut out (as exif-be-gone does).
 * WebP: a RIFF chunk walker (server/core/documents/webp.ts) — exif-be-gone's WebP handling let EXIF
 * and XMP through. PNG: exif-be-gone, which drops its text and EXIF chunks. HEIC/HEIF and TIFF are
 * not accepted as documents (server/core/documents/sniff.ts). Other types: unchanged.
 */
import { Readable } from 'node:stream';
import ExifTransformer from 'exif-be-gone';
import { isWebp, stripWebp } from './webp';

const KEEP_APP = new Set([0xe0, 0xe2, 0xee]);

export async function stripMetadata(bytes: Buffer): Promise<Buffer> {
  if (isJpeg(bytes)) return stripJpeg(bytes);
  if (isWebp(bytes)) return stripWebp(bytes);
  if (isPng(bytes)) return scrubWithExifBeGone(bytes);
  return bytes;
}

export function stripJpeg(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  const malformed = () => {
    out.push(cutSignedSegments(b.subarray(i)));
    i = b.length;
  };
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) {
      malformed();
      break;
    }
    while (b[i + 1] === 0xff && i + 2 < b.length) i += 1; // fill bytes
    const m = b[i + 1]!;
    if (m === 0xd9) {
      out.push(b.subarray(i, i + 2)); // end of image; trailing bytes are dropped
      break;
    }
    if (m === 0x01 || (m >= 0xd0 && m <= 0xd8)) {
      out.push(b.subarray(i, i + 2)); // markers without a length
      i += 2;
      continue;
    }
    if (i + 4 > b.length) break;
    const end = i + 2 + b.readUInt16BE(i + 2);
    if (end > b.length) {
      malformed();
      break;
    }
    const metadata = (m >= 0xe1 && m <= 0xef && !KEEP_APP.has(m)) || m === 0xfe;
    if (!metadata) out.push(b.subarray(i, end));
    i = end;
    if (m === 0xda) {
      // entropy-coded data runs to the next marker that is neither stuffing (FF00) nor a restart (FFD0–D7)
      let j = i;
      while (j + 1 < b.length && !(b[j] === 0xff && b[j + 1] !== 0x00 && !(b[j + 1]! >= 0xd0 && b[j + 1]! <= 0xd7))) j += 1;
      if (j + 1 >= b.length) j = b.length; // truncated scan: keep what there is
      out.push(b.subarray(i, j));
      i = j;
    }
  }
  return Buffer.concat(out);
}

const SIGNATURES = [Buffer.from('Exif\0\0', 'latin1'), Buffer.from('http://ns.adobe.com/xap', 'latin1'), Buffer.from('FLIR', 'latin1')];

/** Cuts every APP1 segment that starts with an EXIF, XMP or FLIR signature out of bytes that cannot be walked. */
function cutSignedSegments(b: Buffer): Buffer {
  const out: Buffer[] = [];
  let from = 0;
  for (let at = b.indexOf(APP1, from); at !== -1 && at + 4 <= b.length; at = b.indexOf(APP1, at + 1)) {
    if (!SIGNATURES.some((sig) => b.subarray(at + 4, at + 4 + sig.length).equals(sig))) continue;
    out.push(b.subarray(from, at));
    from = Math.min(b.length, at + 2 + b.readUInt16BE(at + 2));
    at = from - 1;
  }
  out.push(b.subarray(from));
  return Buffer.concat(out);
}

const APP1 = Buffer.from([0xff, 0xe1]);
const isJpeg = (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
const isPng = (b: Buffer) => b.length > 8 && b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'));

async function scrubWithExifBeGone(bytes: Buffer): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from([bytes]).pipe(new ExifTransformer())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
