/**
 * Turns a cadre account into the workflow's actor: role plus the region ids it may act in
 * (its region's subtree; the county office's subtree is the whole county).
 */
import { type CadreActor, type Role, ROLES } from '../../../flows/workflow';
import { RegionTree } from '../regions/tree';

type RegionSource = Parameters<typeof RegionTree.load>[0];

export async function actorForCadre(db: RegionSource, cadre: { id: string; name: string; role: string; regionId: string }, tree?: RegionTree): Promise<CadreActor> {
  const regions = tree ?? (await RegionTree.load(db));
  if (!(ROLES as readonly string[]).includes(cadre.role)) throw new Error(`cadre ${cadre.id} has an unknown role`);
  return { kind: 'cadre', id: cadre.id, name: cadre.name, role: cadre.role as Role, regionIds: regions.subtreeIds(cadre.regionId) };
}

/** ADMIN_TOKEN acts as the county office over everything. */
export const ADMIN_ACTOR: CadreActor = { kind: 'cadre', id: 'admin', name: 'admin', role: 'county', regionIds: null };
