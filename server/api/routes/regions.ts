/**
 * The county's towns and villages (server/core/settings/regions.ts):
 *   GET    /api/regions → { regions: [{ code, name, nameEn, level, parentCode, sortOrder, active, contactPhone }] }
 *          the caller's region and everything below it (the county office: the whole county),
 *          county → town → village in the tree's order: the console's filters and settings page.
 *   POST   /api/regions { parentCode, code, name, nameEn?, sortOrder?, contactPhone? } → 201 { region }   county office
 *   PATCH  /api/regions/:code { code?, name?, nameEn?, sortOrder?, contactPhone?, active? } → { region }   county office
 *   DELETE /api/regions/:code → { region, action: 'deleted' | 'deactivated', refs }   county office: deleted
 *          when nothing refers to it, else deactivated (cases, households and cadres keep their place).
 */
import Router from '@koa/router';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { clockOf } from '../../core/clock';
import { RegionTree, type RegionRow } from '../../core/regions/tree';
import { CreateRegionBody, createRegion, PatchRegionBody, RegionCode, removeRegion, updateRegion } from '../../core/settings/regions';
import { parseOr400 } from '../../http/errors';
import type { AppDeps } from '../../deps';

export function regionsRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);

  const present = (r: RegionRow, tree?: RegionTree) => ({
    code: r.code,
    name: r.name,
    nameEn: r.nameEn,
    level: r.level,
    parentCode: r.parentId ? (tree?.byId.get(r.parentId)?.code ?? null) : null,
    sortOrder: r.sortOrder,
    active: r.active !== false,
    contactPhone: r.contactPhone ?? null,
  });

  router.get('/api/regions', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    const tree = await RegionTree.load(deps.prisma);
    const mine = (id: string) => actor.regionIds === null || actor.regionIds.has(id);
    const regions: ReturnType<typeof present>[] = [];
    const walk = (id: string) => {
      if (mine(id)) regions.push(present(tree.byId.get(id)!, tree));
      for (const child of tree.childrenOf(id)) walk(child.id);
    };
    for (const root of tree.counties()) walk(root.id);
    ctx.body = { regions };
  });

  router.post('/api/regions', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editCountySettings, 'create regions');
    const body = parseOr400(CreateRegionBody, ctx.request.body ?? {});
    const { region } = await createRegion(deps.prisma, actor, body, now());
    ctx.status = 201;
    ctx.body = { region: { ...present(region), parentCode: body.parentCode } };
  });

  router.patch('/api/regions/:code', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editCountySettings, 'change regions');
    const code = parseOr400(RegionCode, ctx.params.code, 'code');
    const body = parseOr400(PatchRegionBody, ctx.request.body ?? {});
    const { region } = await updateRegion(deps.prisma, actor, code, body, now());
    const tree = await RegionTree.load(deps.prisma);
    ctx.body = { region: present(region, tree) };
  });

  router.delete('/api/regions/:code', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editCountySettings, 'remove regions');
    const code = parseOr400(RegionCode, ctx.params.code, 'code');
    const tree = await RegionTree.load(deps.prisma);
    const parentCode = (() => {
      const r = tree.byCode.get(code);
      return r?.parentId ? (tree.byId.get(r.parentId)?.code ?? null) : null;
    })();
    const { region, action, refs } = await removeRegion(deps.prisma, actor, code, now());
    ctx.body = { region: { ...present(region), parentCode }, action, refs };
  });
  return router;
}
