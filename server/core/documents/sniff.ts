/**
 * Decides a file's type from its first bytes (magic-bytes.js), never from its name or the
 * sender's claim: a renamed executable must not become an "image".
 */
import { filetypeinfo } from 'magic-bytes.js';

/** Types accepted as documents (photos of papers, scans, PDFs, short videos of damage). */
export const DOCUMENT_MIME_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/bmp',
  'application/pdf',
  'video/mp4',
  'video/quicktime',
]);

/**
 * Photo formats refused with their own reply ("send it as a WeChat photo, JPEG or PNG"): HEIC/HEIF
 * (an iPhone's original) and TIFF keep the camera's EXIF — GPS above all — inside structures
 * (ISO-BMFF items located by offset; TIFF IFDs) that cannot be cut without rewriting the file,
 * and no cadre's browser shows them anyway. WeChat converts a photo sent as a photo to JPEG.
 */
export const REFUSED_PHOTO_TYPES = new Set(['image/heic', 'image/heif', 'image/tiff']);

/** The reply's i18n key for a file that is not accepted. */
export const unsupportedTypeKey = (mime: string | undefined): 'media.photo_format' | 'media.unsupported_type' =>
  mime && REFUSED_PHOTO_TYPES.has(mime) ? 'media.photo_format' : 'media.unsupported_type';

export function sniffMime(bytes: Uint8Array): string | undefined {
  const head = Array.from(bytes.subarray(0, 64));
  // HEIC/HEIF (iPhone photos): an ISO-BMFF 'ftyp' box with a heic-family brand.
  if (bytes.length > 12 && String.fromCharCode(...head.slice(4, 8)) === 'ftyp') {
    const brand = String.fromCharCode(...head.slice(8, 12));
    if (['heic', 'heix', 'hevc', 'heim', 'heis'].includes(brand)) return 'image/heic';
    if (['mif1', 'msf1'].includes(brand)) return 'image/heif';
  }
  for (const info of filetypeinfo(head)) {
    if (info.mime) return info.mime;
  }
  return undefined;
}
