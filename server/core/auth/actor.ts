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
  return { kind: 'cadre', id: cadre.id, name: cadre.name, role: cadre.role as Role, regionIds: reachOf(regions, cadre.regionId) };
}

// A tree never changes (a changed one is a new tree), so a region's subtree is walked once per tree
// — not once per request (a county office's is every region of the county). Read-only by its users.
const reaches = new WeakMap<RegionTree, Map<string, Set<string>>>();

function reachOf(tree: RegionTree, regionId: string): Set<string> {
  let byRegion = reaches.get(tree);
  if (!byRegion) reaches.set(tree, (byRegion = new Map()));
  let reach = byRegion.get(regionId);
  if (!reach) byRegion.set(regionId, (reach = tree.subtreeIds(regionId)));
  return reach;
}

/** ADMIN_TOKEN acts as the county office over everything. */
export const ADMIN_ACTOR: CadreActor = { kind: 'cadre', id: 'admin', name: 'admin', role: 'county', regionIds: null };
