/**
 * Decompression bombs: a 20000×20000 PNG of one colour is a few kilobytes on the wire and
 * 1.6 GB of memory in whatever decodes it — the cadre's browser, a thumbnailer, WeChat. The
 * size is read from the image's header, never by decoding, and an image over MAX_IMAGE_PIXELS is
 * refused on every upload path — and so is an image whose size cannot be read: what we cannot
 * measure, a viewer may still decode.
 *
 * JPEG and GIF are read here, because image-size (used for PNG, WebP, BMP) reads only some of
 * their headers: every JPEG frame header (SOF0–SOF15 but DHT/JPG/DAC, and DHP) counts, wherever
 * it stands, and every GIF image descriptor counts beside the logical screen (a small screen may
 * hold a huge frame). TIFF is never measured (image-size cannot read it from a buffer, and TIFF
 * is not accepted as a document: server/core/documents/sniff.ts).
 */
import { imageSize } from 'image-size';

export type ImageRefusal = 'too_many_pixels' | 'unreadable_image';

/** The HTTP status of each refusal: too big to open, or not an image we can measure. */
export const IMAGE_REFUSAL_STATUS: Record<ImageRefusal, number> = { too_many_pixels: 413, unreadable_image: 415 };

/** Width × height of the largest frame the header declares; undefined when it cannot be read. */
export function pixelCount(bytes: Uint8Array): number | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegPixels(b);
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.toString('latin1', 0, 6))) return gifPixels(b);
  if (b.length >= 4 && ['II*\0', 'MM\0*'].includes(b.toString('latin1', 0, 4))) return undefined;
  try {
    const size = imageSize(b);
    const frames = [size, ...(size.images ?? [])];
    return Math.max(...frames.map((f) => (f.width ?? 0) * (f.height ?? 0)));
  } catch {
    return undefined; // a format image-size does not know, or a damaged header
  }
}

/** Why an upload of type `mime` is refused for its size, or undefined when it is not (not an image, or small enough). */
export function imageRefusal(bytes: Uint8Array, mime: string, maxPixels: number): ImageRefusal | undefined {
  if (!mime.startsWith('image/')) return undefined;
  const pixels = pixelCount(bytes);
  if (pixels === undefined || pixels === 0) return 'unreadable_image';
  return pixels > maxPixels ? 'too_many_pixels' : undefined;
}

/** SOFn frame headers (all but C4 DHT, C8 JPG, CC DAC) and DHP (hierarchical): each declares height and width. */
const FRAME_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf, 0xde]);

/** The largest frame of every SOFn/DHP segment in the file; undefined when there is none or one declares no size. */
function jpegPixels(b: Buffer): number | undefined {
  let largest: number | undefined;
  let i = 2;
  while (i + 1 < b.length) {
    if (b[i] !== 0xff) return largest; // cannot walk on: what was read so far
    const m = b[i + 1]!;
    if (m === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (m === 0xd9) break;
    if (m === 0x01 || (m >= 0xd0 && m <= 0xd8)) {
      i += 2;
      continue;
    }
    if (i + 4 > b.length) break;
    const end = i + 2 + b.readUInt16BE(i + 2);
    if (FRAME_MARKERS.has(m)) {
      if (i + 9 > b.length) return undefined;
      const height = b.readUInt16BE(i + 5);
      const width = b.readUInt16BE(i + 7);
      // height 0: defined later by a DNL marker, after the scan — not measurable from the header
      if (height === 0 || width === 0) return undefined;
      largest = Math.max(largest ?? 0, width * height);
    }
    if (end > b.length) break;
    i = end;
    if (m === 0xda) {
      // entropy-coded data runs to the next marker that is neither stuffing (FF00) nor a restart (FFD0–D7)
      while (i + 1 < b.length && !(b[i] === 0xff && b[i + 1] !== 0x00 && !(b[i + 1]! >= 0xd0 && b[i + 1]! <= 0xd7))) i += 1;
    }
  }
  return largest;
}

/** The logical screen and every image descriptor (frame) of a GIF; the largest of them. */
function gifPixels(b: Buffer): number | undefined {
  if (b.length < 13) return undefined;
  let largest = b.readUInt16LE(6) * b.readUInt16LE(8);
  const colourTable = (flags: number) => (flags & 0x80 ? 3 * (2 << (flags & 7)) : 0);
  let i = 13 + colourTable(b[10]!);
  while (i < b.length) {
    const block = b[i]!;
    if (block === 0x21) {
      i = skipSubBlocks(b, i + 2); // extension: label, then data sub-blocks
    } else if (block === 0x2c) {
      if (i + 10 > b.length) break;
      largest = Math.max(largest, b.readUInt16LE(i + 5) * b.readUInt16LE(i + 7));
      i = skipSubBlocks(b, i + 10 + colourTable(b[i + 9]!) + 1); // local colour table, LZW code size, image data
    } else {
      break; // the trailer (0x3B), or something no decoder reads past
    }
  }
  return largest;
}

/** The index after a run of GIF data sub-blocks (each a length byte and that many bytes, ended by 0). */
function skipSubBlocks(b: Buffer, i: number): number {
  while (i < b.length) {
    const n = b[i]!;
    i += 1 + n;
    if (n === 0) break;
  }
  return i;
}
