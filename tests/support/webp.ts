/**
 * WebP files built in the test: a RIFF container with a VP8X header (canvas size, flags), a
 * stand-in VP8L bitstream and, as a phone writes them, an `EXIF` chunk carrying a GPS position
 * and an `XMP ` chunk. Nothing here decodes; the chunk layout is what the stripper works on.
 */
import { exifGpsSegment } from '../security/photo-with-gps';

export function riffChunk(type: string, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(payload.length, 4);
  return Buffer.concat([head, payload, payload.length & 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

export function riff(chunks: Buffer[], sizeDelta = 0): Buffer {
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + sizeDelta, 4);
  return Buffer.concat([head, body]);
}

/** VP8X: flags, three reserved bytes, canvas width − 1 and height − 1 as 24-bit little-endian. */
export function vp8x(width: number, height: number, flags: number): Buffer {
  const p = Buffer.alloc(10);
  p[0] = flags;
  p.writeUIntLE(width - 1, 4, 3);
  p.writeUIntLE(height - 1, 7, 3);
  return riffChunk('VP8X', p);
}

/** A VP8L chunk: signature byte 0x2f, then 14-bit width − 1 and height − 1 (what image-size reads). */
export function vp8l(width: number, height: number): Buffer {
  const bits = (width - 1) | ((height - 1) << 14);
  const p = Buffer.alloc(9);
  p[0] = 0x2f;
  p.writeUInt32LE(bits >>> 0, 1);
  return riffChunk('VP8L', p);
}

/** The EXIF payload of a phone photo (the TIFF structure with the GPS IFD, after "Exif\0\0"). */
export const EXIF_GPS = exifGpsSegment().subarray(4 + 6);
export const XMP = Buffer.from('<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>30,15.8375N</exif:GPSLatitude></x:xmpmeta>', 'latin1');
export const VP8X_EXIF = 0x08;
export const VP8X_XMP = 0x04;
export const VP8X_ICC = 0x20;

/** A 16×16 WebP as a phone writes it: VP8X announcing EXIF and XMP, the picture, then EXIF and XMP. */
export function webpWithGps(): Buffer {
  return riff([vp8x(16, 16, VP8X_EXIF | VP8X_XMP), vp8l(16, 16), riffChunk('EXIF', EXIF_GPS), riffChunk('XMP ', XMP)]);
}
