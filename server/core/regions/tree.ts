/**
 * The county → town → village tree, loaded whole (a county has a few hundred villages at most)
 * and used for menus, jurisdictions and the income line a village inherits.
 */
import type { TownOption } from '../../../flows/engine/types';

export type RegionRow = {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  level: 'county' | 'town' | 'village';
  parentId: string | null;
  sortOrder: number;
  /** Deactivated (false): kept for what refers to it, no longer offered to new applications. Unset: active. */
  active?: boolean;
  /** The office phone of a village committee or town government (public). */
  contactPhone?: string | null;
};
export type IncomeLineRow = { regionId: string; year: number; perCapitaFen: number };

type RegionSource = {
  region: { findMany(args: object): Promise<RegionRow[]> };
  incomeLine: { findMany(args?: object): Promise<IncomeLineRow[]> };
};

export class RegionTree {
  readonly byId = new Map<string, RegionRow>();
  readonly byCode = new Map<string, RegionRow>();
  private readonly children = new Map<string, RegionRow[]>();
  private readonly lines = new Map<string, number>();

  constructor(regions: RegionRow[], incomeLines: IncomeLineRow[]) {
    const sorted = [...regions].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    for (const r of sorted) {
      this.byId.set(r.id, r);
      this.byCode.set(r.code, r);
      if (r.parentId) this.children.set(r.parentId, [...(this.children.get(r.parentId) ?? []), r]);
    }
    for (const l of incomeLines) this.lines.set(`${l.regionId}:${l.year}`, l.perCapitaFen);
  }

  static async load(db: RegionSource): Promise<RegionTree> {
    // One after the other: inside a transaction both run on one connection anyway.
    const regions = await db.region.findMany({ select: { id: true, code: true, name: true, nameEn: true, level: true, parentId: true, sortOrder: true, active: true, contactPhone: true } });
    const lines = await db.incomeLine.findMany({ select: { regionId: true, year: true, perCapitaFen: true } });
    return new RegionTree(regions, lines);
  }

  childrenOf(id: string): RegionRow[] {
    return this.children.get(id) ?? [];
  }

  /** Ids of a region and everything below it. */
  subtreeIds(id: string): Set<string> {
    const out = new Set<string>();
    const walk = (rid: string) => {
      out.add(rid);
      for (const c of this.childrenOf(rid)) walk(c.id);
    };
    if (this.byId.has(id)) walk(id);
    return out;
  }

  /** Ids of a region and the regions above it, itself first. */
  lineOf(id: string): string[] {
    const out: string[] = [];
    for (let r = this.byId.get(id); r; r = r.parentId ? this.byId.get(r.parentId) : undefined) out.push(r.id);
    return out;
  }

  private townOptions: TownOption[] | undefined;

  /** The county a region belongs to (the root above it; a county is its own). */
  countyOf(id: string): RegionRow | undefined {
    const line = this.lineOf(id);
    return line.length > 0 ? this.byId.get(line[line.length - 1]!) : undefined;
  }

  private roots: readonly RegionRow[] | undefined;
  private readonly villagesUnder = new Map<string, readonly string[]>();

  /** The counties (the tree's roots), in order (found once: the admin's every case list asks). */
  counties(): readonly RegionRow[] {
    return (this.roots ??= [...this.byId.values()].filter((r) => r.parentId === null));
  }

  /** Ids of the villages in a region's subtree (found once per region: a list's counts ask on every first page). */
  villageIdsUnder(id: string): readonly string[] {
    let ids = this.villagesUnder.get(id);
    if (!ids) this.villagesUnder.set(id, (ids = [...this.subtreeIds(id)].filter((rid) => this.byId.get(rid)?.level === 'village')));
    return ids;
  }

  /** Active towns with their active villages, as the application flow offers them (built once: a tree never changes, a cached one is replaced). */
  towns(): TownOption[] {
    return (this.townOptions ??= this.buildTowns());
  }

  private buildTowns(): TownOption[] {
    const active = (r: RegionRow) => r.active !== false;
    const towns = [...this.byId.values()].filter((r) => r.level === 'town' && active(r));
    return towns.map((t) => ({
      code: t.code,
      name: t.name,
      ...(t.nameEn ? { nameEn: t.nameEn } : {}),
      villages: this.childrenOf(t.id)
        .filter((v) => v.level === 'village' && active(v))
        .map((v) => ({ code: v.code, name: v.name, ...(v.nameEn ? { nameEn: v.nameEn } : {}) })),
    }));
  }

  /** The income line for a village and year: the nearest one set on the village, its town or county. */
  incomeLineFen(villageCode: string, year: number): number | null {
    let region = this.byCode.get(villageCode);
    while (region) {
      const line = this.lines.get(`${region.id}:${year}`);
      if (line !== undefined) return line;
      region = region.parentId ? this.byId.get(region.parentId) : undefined;
    }
    return null;
  }
}
