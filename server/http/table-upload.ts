/**
 * A spreadsheet sent to the console's API: one multipart `file` part (XLSX or CSV) read into memory
 * within the upload limit while holding one of the server's upload places (parsing is what costs
 * memory), and an optional `columns` part — a JSON mapping field → header — checked by `columns`.
 * The table is read by alerts/read-table.ts with its row and unpacked-size limits.
 */
import multer from '@koa/multer';
import type { Context } from 'koa';
import type { z } from 'zod';
import { readTable, type Table } from '../core/alerts/read-table';
import type { UploadGuard } from '../core/documents/upload-guard';
import { refuseMultipartControlChars } from './control-chars';
import { badRequest, HttpError, parseOr400 } from './errors';
import type { Lang } from '../../flows/i18n';

export async function readTableUpload<T>(ctx: Context, guard: UploadGuard, opts: { maxBytes: number; lang: Lang; columns: z.ZodType<T> }): Promise<{ bytes: Buffer; table: Table; columns: T | undefined }> {
  if (!ctx.is('multipart/form-data')) throw new HttpError(415, 'unsupported_media_type', 'send the file as multipart/form-data with a `file` part (XLSX or CSV)', 'file');
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: opts.maxBytes, files: 1, fields: 3, fieldSize: 8 * 1024 } } as multer.Options);
  return guard.withBody(opts.lang, async () => {
    try {
      await upload.single('file')(ctx as never, async () => {});
    } catch (err) {
      if ((err as { code?: string }).code === 'LIMIT_FILE_SIZE') throw new HttpError(413, 'too_large', `file: larger than ${opts.maxBytes} bytes`, 'file');
      throw badRequest(`multipart: ${(err as Error).message}`);
    }
    refuseMultipartControlChars(ctx, opts.lang);
    const file = (ctx as unknown as { file?: { buffer: Buffer } }).file;
    if (!file || file.buffer.length === 0) throw badRequest('file: a non-empty file part is required', 'file');
    const part = (ctx.request as { body?: { columns?: unknown } }).body?.columns;
    let columns: T | undefined;
    if (part !== undefined && String(part).trim() !== '') {
      let json: unknown;
      try {
        json = JSON.parse(String(part));
      } catch {
        throw badRequest('columns: must be JSON such as {"idNumber":"身份证号"}', 'columns');
      }
      columns = parseOr400(opts.columns, json, 'columns');
    }
    return { bytes: file.buffer, table: await readTable(file.buffer), columns };
  });
}
