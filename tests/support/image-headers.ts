/**
 * Image headers that declare a size and hold no pixels, for the pixel limit (server/core/documents/
 * pixels.ts) — like png-header.ts: a JPEG with a frame header of any SOF kind, a GIF whose
 * logical screen and frames each say their own size, a TIFF header.
 */
const seg = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/** SOFn body: precision, height, width, one component. */
function frame(width: number, height: number): Buffer {
  const b = Buffer.from([8, 0, 0, 0, 0, 1, 1, 0x11, 0]);
  b.writeUInt16BE(height, 1);
  b.writeUInt16BE(width, 3);
  return b;
}

const SOS = seg(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0]));
const SCAN = Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd3, 0x78]); // stuffing and a restart marker inside

/** A JPEG whose frames (in order, each a SOF marker and a size) are separated by a scan. */
export function jpegOfFrames(frames: { marker: number; width: number; height: number }[]): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8]), seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'))];
  for (const f of frames) parts.push(seg(f.marker, frame(f.width, f.height)), SOS, SCAN);
  parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

export const jpegOfSize = (width: number, height: number, marker = 0xc0) => jpegOfFrames([{ marker, width, height }]);

/** A GIF89a: the logical screen, then one image descriptor per frame (no colour tables, an empty image). */
export function gifOf(screen: { width: number; height: number }, frames: { width: number; height: number }[], opts: { extension?: boolean } = {}): Buffer {
  const head = Buffer.alloc(13);
  head.write('GIF89a', 0, 'latin1');
  head.writeUInt16LE(screen.width, 6);
  head.writeUInt16LE(screen.height, 8);
  const parts: Buffer[] = [head];
  // a comment extension before the frames: two sub-blocks, then the terminator
  if (opts.extension) parts.push(Buffer.from([0x21, 0xfe, 3, 0x61, 0x62, 0x63, 2, 0x2c, 0x2c, 0]));
  for (const f of frames) {
    const d = Buffer.alloc(10);
    d[0] = 0x2c;
    d.writeUInt16LE(f.width, 5);
    d.writeUInt16LE(f.height, 7);
    parts.push(d, Buffer.from([2, 2, 0x4c, 0x01, 0])); // LZW code size, one sub-block, terminator
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}

/** A little-endian TIFF header with one IFD declaring width and height. */
export function tiffOfSize(width: number, height: number): Buffer {
  const b = Buffer.alloc(8 + 2 + 2 * 12 + 4);
  b.write('II*\0', 0, 'latin1');
  b.writeUInt32LE(8, 4);
  b.writeUInt16LE(2, 8);
  const entry = (at: number, tag: number, value: number) => {
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(4, at + 2); // LONG
    b.writeUInt32LE(1, at + 4);
    b.writeUInt32LE(value, at + 8);
  };
  entry(10, 0x100, width);
  entry(22, 0x101, height);
  return b;
}
