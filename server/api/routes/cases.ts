/**
 * Cadre read access to cases, limited to the caller's region subtree.
 *   GET /api/cases?status=a,b&cause=&region=&overdue=&assignedToMe=&sort=&page=&pageSize=
 *   GET /api/cases/:caseNo
 */
import Router from '@koa/router';
import { z } from 'zod';
import { CAUSES } from '../../../flows/engine/types';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { caseDetailAudited } from '../../core/cases/detail';
import { presentCaseSummary } from '../../core/cases/present';
import type { Prisma } from '../../generated/prisma/client';
import { badRequest, notFound, parseOr400 } from '../../http/errors';
import { RegionTree } from '../../core/regions/tree';
import { CASE_STATUSES, type CaseStatus, inJurisdiction } from '../../../flows/workflow';
import type { AppDeps } from '../../deps';

const RegionCode = z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)');
const Flag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true');

/** One status or a comma list of them (the workflow's CASE_STATUSES): status=a,b */
const StatusList = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
    const unknown = parts.find((p) => !(CASE_STATUSES as readonly string[]).includes(p));
    if (!parts.length || unknown !== undefined) {
      ctx.addIssue({ code: 'custom', message: `must be one or more of ${CASE_STATUSES.join(', ')} (comma separated)` });
      return z.NEVER;
    }
    return parts as CaseStatus[];
  });

const ListQuery = z.object({
  status: StatusList.optional(),
  cause: z.enum(CAUSES as unknown as [string, ...string[]]).optional(),
  /** A town, village (or the county): the cases of its subtree. */
  region: RegionCode.optional(),
  /** Earlier name of `region` for a village; still accepted. */
  village: RegionCode.optional(),
  overdue: Flag.optional(),
  /** For a verifier: only the cases assigned to me. */
  assignedToMe: Flag.optional(),
  sort: z.enum(['newest', 'due']).default('newest'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const CaseNo = z.string().regex(/^FP-\d{4}-\d{6}$/, 'must look like FP-2026-000123');

export function casesRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = () => deps.now?.() ?? new Date();
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);

  router.get('/api/cases', auth, async (ctx) => {
    const q = parseOr400(ListQuery, ctx.query);
    const actor = cadreOf(ctx);
    const at = now();
    const tree = await RegionTree.load(deps.prisma);
    // The villages asked for, within the caller's jurisdiction (outside it: nothing, not an error).
    let villageIds: string[] | undefined = actor.regionIds ? [...actor.regionIds] : undefined;
    for (const field of ['region', 'village'] as const) {
      const code = q[field];
      if (!code) continue;
      const region = tree.byCode.get(code);
      if (!region) throw badRequest(`${field}: no region has the code ${code}`, field);
      const subtree = [...tree.subtreeIds(region.id)].filter((id) => inJurisdiction(actor, id));
      villageIds = villageIds ? villageIds.filter((id) => subtree.includes(id)) : subtree;
    }
    const where: Prisma.CaseWhereInput = {
      ...(q.status ? { status: { in: q.status } } : {}),
      ...(q.cause ? { cause: q.cause as 'illness' } : {}),
      ...(villageIds ? { villageId: { in: villageIds } } : {}),
      // an insurer's verifier sees only the cases assigned to it (flows/workflow/actor.ts inScope)
      ...(q.assignedToMe || actor.role === 'verifier' ? { verifierId: actor.id } : {}),
      ...(q.overdue === true ? { OR: [{ overdueSince: { not: null } }, { dueAt: { lt: at } }] } : {}),
      ...(q.overdue === false ? { overdueSince: null, OR: [{ dueAt: null }, { dueAt: { gte: at } }] } : {}),
    };
    const orderBy: Prisma.CaseOrderByWithRelationInput[] =
      q.sort === 'due' ? [{ dueAt: { sort: 'asc', nulls: 'last' } }, { submittedAt: 'asc' }] : [{ submittedAt: 'desc' }, { caseNo: 'desc' }];
    const [total, rows] = await Promise.all([
      deps.prisma.case.count({ where }),
      deps.prisma.case.findMany({ where, orderBy, skip: (q.page - 1) * q.pageSize, take: q.pageSize, include: { household: { select: { headName: true } } } }),
    ]);
    ctx.body = { total, page: q.page, pageSize: q.pageSize, cases: rows.map((c) => presentCaseSummary(c, tree, at)) };
  });

  router.get('/api/cases/:caseNo', auth, async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    // Outside the caller's jurisdiction reads as not found: the number's existence is not disclosed.
    const detail = await caseDetailAudited(deps.prisma, caseNo, cadreOf(ctx), now(), 'case:view');
    if (!detail) throw notFound('case');
    ctx.body = detail;
  });
  return router;
}
