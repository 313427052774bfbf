/**
 * GET /api/regions → { regions: [{ code, name, level, parentCode }] } — the caller's region and
 * everything below it (the county office: the whole county), county → town → village in the
 * tree's order: what the console's town and village filters offer.
 */
import Router from '@koa/router';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { RegionTree } from '../../core/regions/tree';
import type { AppDeps } from '../../deps';

export function regionsRouter(deps: AppDeps): Router {
  const router = new Router();
  router.get('/api/regions', requireCadre(deps.prisma, deps.config.adminToken, () => deps.now?.() ?? new Date(), deps.sql), async (ctx) => {
    const actor = cadreOf(ctx);
    const tree = await RegionTree.load(deps.prisma);
    const mine = (id: string) => actor.regionIds === null || actor.regionIds.has(id);
    const regions: { code: string; name: string; level: string; parentCode: string | null }[] = [];
    const walk = (id: string) => {
      const r = tree.byId.get(id)!;
      if (mine(id)) regions.push({ code: r.code, name: r.name, level: r.level, parentCode: r.parentId ? (tree.byId.get(r.parentId)?.code ?? null) : null });
      for (const child of tree.childrenOf(id)) walk(child.id);
    };
    for (const root of [...tree.byId.values()].filter((r) => r.parentId === null)) walk(root.id);
    ctx.body = { regions };
  });
  return router;
}
