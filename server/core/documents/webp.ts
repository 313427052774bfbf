/**
 * WebP without its metadata. A WebP file is a RIFF container: "RIFF", the size of what follows,
 * "WEBP", then chunks — a four-letter type, a little-endian length, the payload and a pad byte
 * when the length is odd. A phone's WebP carries the camera's EXIF (GPS above all) in an `EXIF`
 * chunk and XMP in an `XMP ` chunk, announced by two flags of the `VP8X` chunk.
 *
 * Only the chunks that make the picture are kept (the bitstreams, alpha, animation, the colour
 * profile); `EXIF`, `XMP ` and any chunk we do not know go, the VP8X flags for EXIF and XMP are
 * cleared, and the RIFF size is written again. Bytes after the RIFF's declared end go too. A
 * chunk whose length runs past the end of the file keeps what there is, unless it is one that
 * goes, which takes the rest with it.
 */
const IMAGE_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
/** VP8X flag bits (first payload byte): EXIF present, XMP present. */
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

export const isWebp = (b: Buffer): boolean => b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP';

export function stripWebp(b: Buffer): Buffer {
  const end = Math.min(b.length, 8 + b.readUInt32LE(4));
  const out: Buffer[] = [Buffer.from('RIFF\0\0\0\0WEBP', 'latin1')];
  let i = 12;
  while (i + 8 <= end) {
    const type = b.toString('latin1', i, i + 4);
    const size = b.readUInt32LE(i + 4);
    const next = i + 8 + size + (size & 1);
    const keep = IMAGE_CHUNKS.has(type);
    if (next > end) {
      if (keep) out.push(b.subarray(i, end)); // a truncated picture: what there is
      i = end;
      break;
    }
    if (keep) {
      const chunk = Buffer.from(b.subarray(i, next));
      if (type === 'VP8X' && size >= 1) chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP);
      out.push(chunk);
    }
    i = next;
  }
  const result = Buffer.concat(out);
  result.writeUInt32LE(result.length - 8, 4);
  return result;
}
