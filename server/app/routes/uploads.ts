/**
 * POST /api/app/uploads (multipart `file`) → an upload id for a submission: a Document of the
 * villager with no case yet, seen by nobody until it is filed with an application.
 * DELETE /api/app/uploads/:id removes one that is not filed. Caps, rate and the memory gate:
 * server/core/documents/upload-guard.ts; unfiled uploads expire after UPLOAD_TTL_HOURS.
 */
import Router from '@koa/router';
import { t } from '../../../flows/i18n';
import { HttpError } from '../../http/errors';
import { requestLang } from '../../http/lang';
import { receiveFile, uploadParser } from '../../http/upload-file';
import type { UploadGuard } from '../../core/documents/upload-guard';
import { attachDocument } from '../../core/documents/attach';
import { DOCUMENT_KIND, UNFILED_UPLOADS } from '../../core/documents/kinds';
import { requireVillager, villagerOf } from '../villager-auth';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

/** A villager's uploads not yet filed with an application: what the caps count and what expires. */
export const unfiledUploadsOf = (contactId: string) => ({ contactId, ...UNFILED_UPLOADS });

export function appUploadsRouter(deps: AppDeps, guard: UploadGuard): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireVillager(deps.prisma, deps.config.defaultLang, now);
  const parser = uploadParser(deps.config.maxUploadBytes);

  router.post('/api/app/uploads', auth, async (ctx) => {
    const v = villagerOf(ctx);
    const lang = requestLang(ctx, v.lang);
    // the caps before the body is read, before its bytes are stored, and after the row is written
    const pile = unfiledUploadsOf(v.contactId);
    guard.takeRate(lang, v.contactId, now());
    await guard.admit(deps.prisma, lang, pile, 0);
    const doc = await guard.withBody(lang, async () => {
      const file = await receiveFile(ctx, parser, deps.store, lang, deps.config.maxImagePixels, (size) => guard.admit(deps.prisma, lang, pile, size));
      return attachDocument(deps.prisma, { ...file, kind: DOCUMENT_KIND.upload, contactId: v.contactId, at: now() });
    });
    await guard.settle(deps.prisma, lang, pile, doc.id);
    ctx.status = 201;
    ctx.body = { upload: { id: doc.id, mime: doc.mime, size: doc.size, sha256: doc.sha256, createdAt: doc.createdAt.toISOString() } };
  });

  router.delete('/api/app/uploads/:id', auth, async (ctx) => {
    const v = villagerOf(ctx);
    const gone = await deps.prisma.document.deleteMany({ where: { id: ctx.params.id, contactId: v.contactId, caseId: null } });
    if (gone.count === 0) throw new HttpError(404, 'not_found', t(requestLang(ctx, v.lang), 'miniprogram.errors.upload_not_found'));
    ctx.status = 204;
  });
  return router;
}
