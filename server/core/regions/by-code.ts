/**
 * A region code as a caller sent it (an article's or FAQ entry's `regionCode`) → the region's id.
 * No region with that code: a 400 naming the field. null (no region) and undefined (unchanged) pass through.
 */
import { invalid } from '../refusal';
import { RegionTree } from './tree';

export async function regionIdOfCode(db: Parameters<typeof RegionTree.load>[0], code: string | null | undefined): Promise<string | null | undefined> {
  if (code === undefined || code === null) return code;
  const region = (await RegionTree.load(db)).byCode.get(code);
  if (!region) throw invalid(`regionCode: no region has the code ${code}`, 'regionCode');
  return region.id;
}
