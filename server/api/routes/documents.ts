/**
 * GET /api/documents/:id — streams a filed document to a cadre entitled to its case's village, or a
 * follow-up visit's photo to a cadre who reaches its household (each look in the access audit).
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { inScope } from '../../../flows/workflow';
import { notFound, parseOr400 } from '../../http/errors';
import type { AppDeps } from '../../deps';
import { recordAccess } from '../../core/audit/access';
import { clockOf, nowOf } from '../../core/clock';
import { householdSubject } from '../../core/register/detail';
import { photoReaches } from '../../core/register/visit-photos';

export function documentsRouter(deps: AppDeps): Router {
  const router = new Router();
  router.get('/api/documents/:id', requireCadre(deps.prisma, deps.config.adminToken, clockOf(deps)), async (ctx) => {
    const id = parseOr400(z.string().regex(/^[a-z0-9]{10,40}$/, 'must be a document id'), ctx.params.id, 'id');
    const doc = await deps.prisma.document.findUnique({
      where: { id },
      include: { case: { select: { villageId: true, verifierId: true, caseNo: true } }, followUp: { select: { household: { select: { id: true, villageId: true } } } } },
    });
    // Documents of an application still in progress belong to nobody's jurisdiction yet; a
    // follow-up's photo is its household's (server/core/register/visit-photos.ts).
    const household = doc?.followUp?.household ?? null;
    const entitled = doc?.case ? inScope(cadreOf(ctx), doc.case) : household ? photoReaches(cadreOf(ctx), household) : false;
    if (!doc || !entitled) throw notFound('document');
    const stream = await deps.store.open(doc.storageKey);
    if (!stream) throw notFound('document content');
    ctx.set('Content-Type', doc.mime);
    ctx.set('Content-Length', String(doc.size));
    ctx.set('Content-Disposition', `inline; filename="${doc.id}"`);
    await recordAccess(deps.prisma, { actor: cadreOf(ctx), action: 'document:download', caseNo: doc.case?.caseNo ?? null, fields: ['document'], subject: household ? `${householdSubject(household.id)}:document:${doc.id}` : doc.id, at: nowOf(deps) });
    ctx.body = stream;
  });
  return router;
}
