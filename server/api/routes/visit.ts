/**
 * POST /api/cases/:caseNo/visit { date, note? } — the assigned verifier (or the county office)
 * schedules the household visit during verification (server/core/workflow/visit.ts).
 *   → 201 { visit: { date, scheduledAt }, case }
 * POST /api/cases/:caseNo/visit/photos (multipart `file`) — they add a photo of the household,
 * taken at the visit (the console's camera button), to the case as a visit document
 * (server/core/workflow/visit-photo.ts); the uploads' places, rate and caps (per case) apply.
 *   → 201 { document: { id, kind, mime, size, fileName, createdAt, url } }
 */
import Router from '@koa/router';
import { workflowSettings } from '../../core/settings/workflow';
import { z } from 'zod';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { caseDetailAudited } from '../../core/cases/detail';
import { notFound, parseOr400 } from '../../http/errors';
import { refusalError } from '../../http/refusal';
import { scheduleVisit } from '../../core/workflow/visit';
import { attachVisitPhoto, visitPhotoCase, visitPhotosOf } from '../../core/workflow/visit-photo';
import { UploadGuard } from '../../core/documents/upload-guard';
import { requestLang } from '../../http/lang';
import { uploadParser } from '../../http/upload-file';
import { receiveCadrePhoto } from '../cadre-photo-upload';
import { CaseNo } from './cases';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const Body = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  note: z.string().max(500).optional(),
});

/** `uploads`: the server's one set of upload places and rates (server/web.ts); its own when not given. */
export function visitRouter(deps: AppDeps, uploads: UploadGuard = new UploadGuard(deps.config.uploads)): Router {
  const router = new Router();
  const now = clockOf(deps);
  const parser = uploadParser(deps.config.maxUploadBytes);

  router.post('/api/cases/:caseNo/visit', requireCadre(deps.prisma, deps.config.adminToken, now), async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    const body = parseOr400(Body, ctx.request.body ?? {});
    const actor = cadreOf(ctx);
    const at = now();
    const result = await deps.prisma.$transaction((tx) => scheduleVisit(tx, actor, caseNo, body.date, at, body.note));
    if (!result.ok) throw refusalError(result);
    const detail = await caseDetailAudited(deps.prisma, caseNo, actor, at, 'case:visit', (await workflowSettings(deps, { actor })).calendar);
    if (!detail) throw notFound('case');
    ctx.status = 201;
    ctx.body = { visit: detail.visit, case: detail };
  });

  router.post('/api/cases/:caseNo/visit/photos', requireCadre(deps.prisma, deps.config.adminToken, now), async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    const actor = cadreOf(ctx);
    const lang = requestLang(ctx, deps.config.defaultLang);
    // who may, before a byte of the photo is read
    const allowed = await deps.prisma.$transaction((tx) => visitPhotoCase(tx, actor, caseNo, now()));
    if (!allowed.ok) throw refusalError(allowed);
    await receiveCadrePhoto(ctx, deps, uploads, parser, { cadreId: actor.id, lang, pile: visitPhotosOf(allowed.caseId), now }, (file) =>
      deps.prisma.$transaction((tx) => attachVisitPhoto(tx, actor, caseNo, file, now())),
    );
  });
  return router;
}
