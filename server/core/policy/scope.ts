/**
 * Which policy knowledge applies where. An article or FAQ entry without a region applies
 * everywhere; one with a region applies to that region and everything below it. A villager
 * whose village is unknown sees what applies to the whole county.
 */
import type { RegionTree } from '../regions/tree';

/** Region ids whose knowledge reaches `villageCode` (itself, its town, its county). */
export function regionIdsReaching(tree: RegionTree, villageCode: string | undefined): string[] {
  if (!villageCode) return [...tree.byId.values()].filter((r) => r.level === 'county').map((r) => r.id);
  const out: string[] = [];
  let region = tree.byCode.get(villageCode);
  while (region) {
    out.push(region.id);
    region = region.parentId ? tree.byId.get(region.parentId) : undefined;
  }
  return out;
}

/** Prisma filter: no region, or one of `regionIds`. */
export function regionFilter(regionIds: string[]) {
  return { OR: [{ regionId: null }, { regionId: { in: regionIds } }] };
}

/** Prisma filter: published and in force at `now`. */
export function inForce(now: Date) {
  return {
    status: 'published',
    AND: [{ OR: [{ effectiveFrom: null }, { effectiveFrom: { lte: now } }] }, { OR: [{ effectiveTo: null }, { effectiveTo: { gt: now } }] }],
  };
}

/** The same rule for a row in hand (the cached knowledge, core/cache/static-data.ts). */
export function inForceAt(row: { effectiveFrom: Date | null; effectiveTo: Date | null }, now: Date): boolean {
  return (row.effectiveFrom === null || row.effectiveFrom <= now) && (row.effectiveTo === null || row.effectiveTo > now);
}
