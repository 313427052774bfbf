/**
 * Decompression bombs: a 20000×20000 PNG of one colour is a few kilobytes on the wire and
 * 1.6 GB of memory in whatever decodes it — the cadre's browser, a thumbnailer, WeChat. The
 * size is read from the image's header (image-size), never by decoding, and an image over
 * MAX_IMAGE_PIXELS is refused on every upload path.
 */
import { imageSize } from 'image-size';

/** Width × height from the header (the largest frame of a multi-image file); undefined when the header cannot be read. */
export function pixelCount(bytes: Uint8Array): number | undefined {
  try {
    const size = imageSize(bytes);
    const frames = [size, ...(size.images ?? [])];
    return Math.max(...frames.map((f) => (f.width ?? 0) * (f.height ?? 0)));
  } catch {
    // a format image-size does not know, or a damaged header: nothing to decode cheaply, nothing to refuse on
    return undefined;
  }
}

/** True when `mime` is an image whose header declares more than `maxPixels`. */
export function tooManyPixels(bytes: Uint8Array, mime: string, maxPixels: number): boolean {
  if (!mime.startsWith('image/')) return false;
  const pixels = pixelCount(bytes);
  return pixels !== undefined && pixels > maxPixels;
}
