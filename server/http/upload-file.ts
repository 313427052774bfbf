/**
 * Reads the one `file` part of a mini-program upload with the chat's limits and checks
 * (MAX_UPLOAD_BYTES; the type sniffed from the bytes, never the name), and stores the bytes
 * content-addressed. Refusals are in the villager's language.
 */
import multer from '@koa/multer';
import type { Context } from 'koa';
import { t } from '../../flows/i18n';
import type { Lang } from '../../flows/engine/types';
import { DOCUMENT_MIME_TYPES, sniffMime, unsupportedTypeKey } from '../core/documents/sniff';
import { IMAGE_REFUSAL_STATUS, imageRefusal } from '../core/documents/pixels';
import type { DocumentStore } from '../core/documents/store';
import { safeFileName } from '../core/documents/attach';
import { HttpError } from './errors';
import { refuseMultipartControlChars } from './control-chars';

export type ReceivedFile = { sha256: string; storageKey: string; size: number; mime: string; fileName?: string };

export function uploadParser(maxBytes: number) {
  // defParamCharset: WeChat and browsers send UTF-8 file names; multer assumes latin1 by default.
  return multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 4 * 1024 }, defParamCharset: 'utf8' } as multer.Options);
}

/**
 * `maxImagePixels`: images whose header declares more are refused (decompression bombs, server/core/documents/pixels.ts).
 * `admit(size)`: a last check once the file is read and found acceptable, before its bytes are stored (the caps of server/core/documents/upload-guard.ts).
 */
export async function receiveFile(
  ctx: Context,
  parser: ReturnType<typeof multer>,
  store: DocumentStore,
  lang: Lang,
  maxImagePixels: number,
  admit: (size: number) => Promise<void> = async () => {},
): Promise<ReceivedFile> {
  if (!ctx.is('multipart/form-data')) throw new HttpError(415, 'unsupported_media_type', t(lang, 'miniprogram.errors.file_missing'), 'file');
  try {
    await parser.single('file')(ctx as never, async () => {});
  } catch (err) {
    if ((err as { code?: string }).code === 'LIMIT_FILE_SIZE') throw new HttpError(413, 'too_large', t(lang, 'media.too_large'), 'file');
    throw new HttpError(400, 'bad_request', t(lang, 'miniprogram.errors.file_missing'), 'file');
  }
  refuseMultipartControlChars(ctx, lang);
  const file = (ctx as unknown as { file?: { buffer: Buffer; originalname?: string } }).file;
  if (!file || file.buffer.length === 0) throw new HttpError(400, 'bad_request', t(lang, 'miniprogram.errors.file_missing'), 'file');
  const mime = sniffMime(file.buffer);
  if (!mime || !DOCUMENT_MIME_TYPES.has(mime)) throw new HttpError(415, 'unsupported_media_type', t(lang, unsupportedTypeKey(mime)), 'file');
  const refusal = imageRefusal(file.buffer, mime, maxImagePixels);
  if (refusal) throw new HttpError(IMAGE_REFUSAL_STATUS[refusal], refusal, t(lang, `media.${refusal}`), 'file');
  await admit(file.buffer.length);
  const stored = await store.put(file.buffer);
  const fileName = file.originalname ? safeFileName(file.originalname) : undefined;
  return { ...stored, mime, ...(fileName ? { fileName } : {}) };
}
