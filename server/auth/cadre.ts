/**
 * Who is calling the cadre API, and which villages they may see. A cadre sees the subtree of
 * the region they belong to; ADMIN_TOKEN acts as the county office (everything).
 */
import type { Context, Next } from 'koa';
import type { PrismaClient } from '../generated/prisma/client';
import { RegionTree } from '../regions/tree';
import { unauthorized } from '../http/errors';
import { bearerToken, hashToken, sameSecret } from './tokens';

export type Principal = {
  kind: 'cadre' | 'admin';
  id: string;
  name: string;
  role: string;
  /** Region ids this caller may see; null = all. */
  regionIds: Set<string> | null;
};

export function canSeeVillage(principal: Principal, villageId: string): boolean {
  return principal.regionIds === null || principal.regionIds.has(villageId);
}

export function requireCadre(prisma: PrismaClient, adminToken: string | undefined) {
  return async (ctx: Context, next: Next) => {
    const token = bearerToken(ctx);
    if (!token) throw unauthorized();
    if (adminToken && sameSecret(token, adminToken)) {
      ctx.state.principal = { kind: 'admin', id: 'admin', name: 'admin', role: 'county', regionIds: null } satisfies Principal;
      return next();
    }
    const cadre = await prisma.cadre.findUnique({ where: { tokenHash: hashToken(token) } });
    if (!cadre || !cadre.active) throw unauthorized();
    const tree = await RegionTree.load(prisma);
    ctx.state.principal = { kind: 'cadre', id: cadre.id, name: cadre.name, role: cadre.role, regionIds: tree.subtreeIds(cadre.regionId) } satisfies Principal;
    return next();
  };
}
