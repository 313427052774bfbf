/**
 * GET /api/live?caseNo=FP-… → { queue, case? } — stamps that change when something the console
 * shows changes, so an open console refreshes within seconds of a move made by someone else (or
 * by chat). The console polls this (console/src/live/useLive.ts) rather than holding a
 * server-sent-events stream: a poll is an ordinary short request that passes every proxy and
 * needs no shared channel between several server processes, and each answer costs a few index
 * reads:
 *  - `queue`: a digest of the caller's region's tally of cases per village and status (CaseTally,
 *    kept by a trigger in every writer's transaction, read by its primary key): a new case, or a
 *    case moved from one step to another, changes it;
 *  - `case` (with caseNo): the case's last write, its last timeline event and its number of
 *    documents — a move, a visit booked, an objection, a photo added. A case outside the
 *    caller's region is a 404, as everywhere.
 * The stamps are opaque: compare them, never read them.
 */
import Router from '@koa/router';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { inScope, type CadreActor } from '../../../flows/workflow';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import type { PrismaClient } from '../../generated/prisma/client';
import { notFound, parseOr400 } from '../../http/errors';
import { CaseNo } from './cases';
import type { AppDeps } from '../../deps';

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

async function queueStamp(prisma: PrismaClient, actor: CadreActor): Promise<string> {
  const rows = actor.regionIds === null
    ? await prisma.caseTally.findMany({ orderBy: [{ villageId: 'asc' }, { status: 'asc' }] })
    : await prisma.caseTally.findMany({ where: { villageId: { in: [...actor.regionIds] } }, orderBy: [{ villageId: 'asc' }, { status: 'asc' }] });
  return digest(rows.map((r) => `${r.villageId}:${r.status}:${r.n}`).join(','));
}

async function caseStamp(prisma: PrismaClient, actor: CadreActor, caseNo: string): Promise<string | null> {
  const c = await prisma.case.findUnique({ where: { caseNo }, select: { id: true, villageId: true, verifierId: true, status: true, updatedAt: true } });
  if (!c || !inScope(actor, c)) return null;
  const [event, documents] = await Promise.all([
    prisma.caseEvent.findFirst({ where: { caseId: c.id }, orderBy: [{ at: 'desc' }, { seq: 'desc' }], select: { seq: true } }),
    prisma.document.count({ where: { caseId: c.id } }),
  ]);
  return digest(`${c.status}:${c.updatedAt.getTime()}:${event?.seq ?? 0}:${documents}`);
}

export function liveRouter(deps: AppDeps): Router {
  const router = new Router();
  // built here, not at import: cases.ts (CaseNo's home) mounts this router
  const LiveQuery = z.object({ caseNo: CaseNo.optional() });
  router.get('/api/live', requireCadre(deps.prisma, deps.config.adminToken, () => deps.now?.() ?? new Date()), async (ctx) => {
    const q = parseOr400(LiveQuery, ctx.query);
    const actor = cadreOf(ctx);
    const [queue, kase] = await Promise.all([queueStamp(deps.prisma, actor), q.caseNo ? caseStamp(deps.prisma, actor, q.caseNo) : undefined]);
    if (kase === null) throw notFound('case');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { queue, ...(kase ? { case: kase } : {}) };
  });
  return router;
}
