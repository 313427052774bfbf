/**
 * GET /api/audit?caseNo=&actorId=&kind=&page=&pageSize= — the audit log, newest first, for the
 * county office and the auditor: refused attempts (transitions, objections, visits, logins),
 * looks at personal data (a full ID number or phone, a document's bytes, an export — server/core/audit/access.ts)
 * and other recorded actions; by case, by cadre (or villager contact), by kind.
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { parseOr400 } from '../../http/errors';
import type { AppDeps } from '../../deps';

const Query = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  caseNo: z.string().regex(/^FP-\d{4}-\d{6}$/, 'must look like FP-2026-000123').optional(),
  actorId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a cadre or contact id').optional(),
  kind: z.enum(['refusal', 'access', 'action']).optional(),
});

/** A refusal is any entry not allowed; the others are accesses or actions. */
const KIND_WHERE = { refusal: { allowed: false }, access: { allowed: true, kind: 'access' }, action: { allowed: true, kind: 'action' } } as const;

export function auditRouter(deps: AppDeps): Router {
  const router = new Router();
  router.get('/api/audit', requireCadre(deps.prisma, deps.config.adminToken, () => deps.now?.() ?? new Date()), async (ctx) => {
    requireRole(cadreOf(ctx), MAY.readAudit, 'read the audit trail');
    const q = parseOr400(Query, ctx.query);
    const where = { ...(q.caseNo ? { caseNo: q.caseNo } : {}), ...(q.actorId ? { actorId: q.actorId } : {}), ...(q.kind ? KIND_WHERE[q.kind] : {}) };
    const [total, rows] = await Promise.all([
      deps.prisma.auditEntry.count({ where }),
      deps.prisma.auditEntry.findMany({ where, orderBy: { seq: 'desc' }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ]);
    const ids = [...new Set(rows.flatMap((r) => (r.actorType === 'cadre' && r.actorId ? [r.actorId] : [])))];
    const names = new Map((await deps.prisma.cadre.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
    ctx.body = {
      total,
      page: q.page,
      pageSize: q.pageSize,
      entries: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: { type: r.actorType, id: r.actorId, name: r.actorId ? (names.get(r.actorId) ?? null) : null },
        action: r.action,
        caseNo: r.caseNo,
        allowed: r.allowed,
        kind: r.allowed ? r.kind : 'refusal',
        fields: r.fields,
        subject: r.subject,
        reason: r.reason,
      })),
    };
  });
  return router;
}
