/**
 * Objections during the public notice (server/core/workflow/objections.ts):
 *   POST /api/cases/:caseNo/objections { note }                    → 201 { objection, case }
 *   POST /api/cases/:caseNo/objections/:id/resolve { resolution }  → 200 { objection, case }
 */
import Router from '@koa/router';
import { workflowSettings } from '../../core/settings/workflow';
import type { Context } from 'koa';
import { z } from 'zod';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { caseDetailAudited, type CaseDetailAction } from '../../core/cases/detail';
import { notFound, parseOr400 } from '../../http/errors';
import { refusalError } from '../../http/refusal';
import { MAX_OBJECTION_TEXT, recordObjection, resolveObjection } from '../../core/workflow/objections';
import { CaseNo } from './cases';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const Text = z.string().trim().min(1, 'required').max(MAX_OBJECTION_TEXT);
const RecordBody = z.object({ note: Text });
const ResolveBody = z.object({ resolution: Text });
const ObjectionId = z.string().regex(/^[a-z0-9]{10,40}$/, 'must be an objection id');

export function objectionsRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);

  router.post('/api/cases/:caseNo/objections', auth, async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    const body = parseOr400(RecordBody, ctx.request.body ?? {});
    const actor = cadreOf(ctx);
    const at = now();
    const result = await deps.prisma.$transaction((tx) => recordObjection(tx, actor, caseNo, body.note, at));
    if (!result.ok) throw refusalError(result);
    ctx.status = 201;
    ctx.body = await answer(ctx, caseNo, result.objectionId, 'case:objection');
  });

  router.post('/api/cases/:caseNo/objections/:id/resolve', auth, async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    const id = parseOr400(ObjectionId, ctx.params.id, 'objectionId');
    const body = parseOr400(ResolveBody, ctx.request.body ?? {});
    const actor = cadreOf(ctx);
    const at = now();
    const result = await deps.prisma.$transaction((tx) => resolveObjection(tx, actor, caseNo, id, body.resolution, at));
    if (!result.ok) throw refusalError(result);
    ctx.body = await answer(ctx, caseNo, result.objectionId, 'case:objection-resolve');
  });

  /** The objection as the case detail shows it, and the case (its open objections block approval). */
  async function answer(ctx: Context, caseNo: string, objectionId: string, action: CaseDetailAction) {
    const actor = cadreOf(ctx);
    const detail = await caseDetailAudited(deps.prisma, caseNo, actor, now(), action, (await workflowSettings(deps, { actor })).calendar);
    if (!detail) throw notFound('case');
    return { objection: detail.objections.find((o) => o.id === objectionId), case: detail };
  }
  return router;
}
