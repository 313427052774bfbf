/**
 * Cadre read access to cases, limited to the caller's region subtree.
 *   GET /api/cases?status=&village=&cause=&page=&pageSize=
 *   GET /api/cases/:caseNo
 */
import Router from '@koa/router';
import { z } from 'zod';
import { CAUSES } from '../../flows/engine/types';
import { canSeeVillage, requireCadre, type Principal } from '../auth/cadre';
import { notFound, parseOr400 } from '../http/errors';
import { RegionTree } from '../regions/tree';
import { presentCaseDetail, presentCaseSummary } from '../cases/present';
import type { AppDeps } from '../app';

const ListQuery = z.object({
  status: z.string().trim().regex(/^[a-z_]{1,40}$/, 'must be a status name like submitted').optional(),
  village: z.string().trim().regex(/^\d{6,15}$/, 'must be a village code').optional(),
  cause: z.enum(CAUSES as unknown as [string, ...string[]]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const CaseNo = z.string().regex(/^FP-\d{4}-\d{6}$/, 'must look like FP-2026-000123');

export function casesRouter(deps: AppDeps): Router {
  const router = new Router();
  const auth = requireCadre(deps.prisma, deps.config.adminToken);

  router.get('/api/cases', auth, async (ctx) => {
    const q = parseOr400(ListQuery, ctx.query);
    const principal = ctx.state.principal as Principal;
    const tree = await RegionTree.load(deps.prisma);
    let villageIds: string[] | undefined = principal.regionIds ? [...principal.regionIds] : undefined;
    if (q.village) {
      const village = tree.byCode.get(q.village);
      villageIds = village && canSeeVillage(principal, village.id) ? [village.id] : [];
    }
    const where = {
      ...(q.status ? { status: q.status } : {}),
      ...(q.cause ? { cause: q.cause as 'illness' } : {}),
      ...(villageIds ? { villageId: { in: villageIds } } : {}),
    };
    const [total, rows] = await Promise.all([
      deps.prisma.case.count({ where }),
      deps.prisma.case.findMany({
        where,
        orderBy: { submittedAt: 'desc' },
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
        include: { household: { select: { headName: true } } },
      }),
    ]);
    ctx.body = { total, page: q.page, pageSize: q.pageSize, cases: rows.map((c) => presentCaseSummary(c, tree)) };
  });

  router.get('/api/cases/:caseNo', auth, async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    const principal = ctx.state.principal as Principal;
    const row = await deps.prisma.case.findUnique({
      where: { caseNo },
      include: { household: true, documents: { orderBy: { createdAt: 'asc' } }, events: { orderBy: { seq: 'asc' } } },
    });
    // Outside the caller's jurisdiction reads as not found: the number's existence is not disclosed.
    if (!row || !canSeeVillage(principal, row.villageId)) throw notFound('case');
    const tree = await RegionTree.load(deps.prisma);
    ctx.body = presentCaseDetail(row, tree);
  });
  return router;
}
