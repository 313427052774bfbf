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
import { clockOf } from '../../core/clock';

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * The queue's stamp. A verifier's, of the cases assigned to them (its reach: a stamp of the whole
 * region would tell it when cases it may not see come and go); everyone else's, of their region's
 * tally. Shared for STAMP_TTL_MS between the consoles of one scope, so a county office with twenty
 * tabs open, or a script polling hard, costs one read per scope per interval.
 */
async function queueStamp(prisma: PrismaClient, actor: CadreActor, shared: Shared): Promise<string> {
  if (actor.role === 'verifier') {
    return shared(`verifier:${actor.id}`, async () => {
      const rows = await prisma.case.groupBy({ by: ['status'], where: { verifierId: actor.id }, _count: { _all: true }, _max: { updatedAt: true }, orderBy: { status: 'asc' } });
      return digest(rows.map((r) => `${r.status}:${r._count._all}:${r._max.updatedAt?.getTime() ?? 0}`).join(','));
    });
  }
  const regions = actor.regionIds === null ? null : [...actor.regionIds].sort();
  return shared(regions === null ? 'all' : digest(regions.join(',')), async () => {
    const rows = regions === null
      ? await prisma.caseTally.findMany({ orderBy: [{ villageId: 'asc' }, { status: 'asc' }] })
      : await prisma.caseTally.findMany({ where: { villageId: { in: regions } }, orderBy: [{ villageId: 'asc' }, { status: 'asc' }] });
    return digest(rows.map((r) => `${r.villageId}:${r.status}:${r.n}`).join(','));
  });
}

/** How long one scope's queue stamp is shared: well under the console's 5 s poll. */
export const STAMP_TTL_MS = 2_000;

type Shared = (key: string, read: () => Promise<string>) => Promise<string>;

/** One server's shared stamps (per router: two apps in one process never share a database's). */
function sharedStamps(): Shared {
  const stamps = new Map<string, { until: number; stamp: Promise<string> }>();
  return (key, read) => {
    const now = Date.now();
    const hit = stamps.get(key);
    if (hit && hit.until > now) return hit.stamp;
    if (stamps.size > 10_000) for (const [k, v] of stamps) if (v.until <= now) stamps.delete(k);
    const stamp = read();
    stamps.set(key, { until: now + STAMP_TTL_MS, stamp });
    stamp.catch(() => stamps.delete(key)); // a failed read is not shared
    return stamp;
  };
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
  const shared = sharedStamps();
  // built here, not at import: cases.ts (CaseNo's home) mounts this router
  const LiveQuery = z.object({ caseNo: CaseNo.optional() });
  router.get('/api/live', requireCadre(deps.prisma, deps.config.adminToken, clockOf(deps), deps.sql), async (ctx) => {
    const q = parseOr400(LiveQuery, ctx.query);
    const actor = cadreOf(ctx);
    const [queue, kase] = await Promise.all([queueStamp(deps.prisma, actor, shared), q.caseNo ? caseStamp(deps.prisma, actor, q.caseNo) : undefined]);
    if (kase === null) throw notFound('case');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { queue, ...(kase ? { case: kase } : {}) };
  });
  return router;
}
