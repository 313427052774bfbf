/**
 * POST /api/cases/:caseNo/visit { date, note? } — the assigned verifier (or the county office)
 * schedules the household visit during verification (server/core/workflow/visit.ts).
 *   → 201 { visit: { date, scheduledAt }, case }
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { caseDetailAudited } from '../../core/cases/detail';
import { notFound, parseOr400 } from '../../http/errors';
import { refusalError } from '../../http/refusal';
import { scheduleVisit } from '../../core/workflow/visit';
import { CaseNo } from './cases';
import type { AppDeps } from '../../deps';

const Body = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  note: z.string().max(500).optional(),
});

export function visitRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = () => deps.now?.() ?? new Date();

  router.post('/api/cases/:caseNo/visit', requireCadre(deps.prisma, deps.config.adminToken, now), async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    const body = parseOr400(Body, ctx.request.body ?? {});
    const actor = cadreOf(ctx);
    const at = now();
    const result = await deps.prisma.$transaction((tx) => scheduleVisit(tx, actor, caseNo, body.date, at, body.note));
    if (!result.ok) throw refusalError(result);
    const detail = await caseDetailAudited(deps.prisma, caseNo, actor, at, 'case:visit');
    if (!detail) throw notFound('case');
    ctx.status = 201;
    ctx.body = { visit: detail.visit, case: detail };
  });
  return router;
}
