/**
 * A photo a cadre uploads in the console — a household visit photo, a paper of an application
 * entered on a villager's behalf: the uploads' rate per cadre and caps per case, the file read and
 * checked, the row written by `attach` in its own transaction, the pile checked again, the answer.
 *   → 201 { document: { id, kind, mime, size, fileName, createdAt, url } }
 */
import type { Context } from 'koa';
import type { Document } from '../generated/prisma/client';
import type { Lang } from '../../flows/engine/types';
import type { Refusal } from '../../flows/workflow';
import type { UploadGuard, UploadPile } from '../core/documents/upload-guard';
import type { AppDeps } from '../deps';
import { refusalError } from '../http/refusal';
import { receiveFile, type ReceivedFile, type uploadParser } from '../http/upload-file';

type Attached = { ok: true; document: Document } | ({ ok: false } & Refusal);

export async function receiveCadrePhoto(
  ctx: Context,
  deps: Pick<AppDeps, 'prisma' | 'store' | 'config'>,
  uploads: UploadGuard,
  parser: ReturnType<typeof uploadParser>,
  upload: { cadreId: string; lang: Lang; pile: UploadPile; now: () => Date },
  attach: (file: ReceivedFile) => Promise<Attached>,
): Promise<void> {
  const { cadreId, lang, pile, now } = upload;
  uploads.takeRate(lang, `cadre:${cadreId}`, now());
  await uploads.admit(deps.prisma, lang, pile, 0);
  const file = await uploads.withBody(lang, () => receiveFile(ctx, parser, deps.store, lang, deps.config.maxImagePixels, (size) => uploads.admit(deps.prisma, lang, pile, size)));
  const result = await attach(file);
  if (!result.ok) throw refusalError(result);
  const doc = result.document;
  await uploads.settle(deps.prisma, lang, pile, doc.id);
  ctx.status = 201;
  ctx.body = { document: { id: doc.id, kind: doc.kind, mime: doc.mime, size: doc.size, fileName: doc.fileName, createdAt: doc.createdAt.toISOString(), url: `/api/documents/${doc.id}` } };
}
