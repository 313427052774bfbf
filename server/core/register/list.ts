/**
 * The register as a list (GET /api/households): the caller's region's households — or the region
 * asked for within it — filtered by monitoring state, category, 帮扶责任人, and an event of a month
 * (the statistics' month figures: register/event-month.ts); newest first, keyset-
 * paged on (createdAt, id) through the index Household(villageId, createdAt, id); the head's name
 * masked (张*兰: notices/mask.ts) and no ID number or phone; counts per state on the first page.
 */
import { z } from 'zod';
import type { CadreActor, HouseholdCategory } from '../../../flows/workflow';
import type { MonitoringState } from '../../../flows/register';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { shanghaiDate } from '../../../flows/china-time';
import { listScope } from '../cases/list';
import { place } from '../cases/present';
import { DEFAULT_NAME_MASK, maskName } from '../notices/mask';
import type { RegionTree } from '../regions/tree';
import { eventsTakingEffect, monthDays, type MonthEventKind } from './event-month';

export type HouseholdListFilter = {
  /** Region ids asked for (a town, a village): within the caller's reach. */
  regions: string[];
  state?: MonitoringState;
  category?: HouseholdCategory;
  responsibleCadreId?: string;
  /** Households with an event of this kind taking effect in this month (YYYY-MM). */
  event?: { kind: MonthEventKind; month: string };
};

export type HouseholdKey = { createdAt: Date; id: string };

const Cursor = z.object({ c: z.iso.datetime(), i: z.string().min(1).max(40) });

export function encodeHouseholdCursor(key: HouseholdKey): string {
  return Buffer.from(JSON.stringify({ c: key.createdAt.toISOString(), i: key.id })).toString('base64url');
}

/** The key a cursor carries, or null when it is not one of this list's. */
export function decodeHouseholdCursor(cursor: string): HouseholdKey | null {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const parsed = Cursor.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { createdAt: new Date(parsed.data.c), id: parsed.data.i } : null;
  } catch {
    return null;
  }
}

/** The villages of the caller's reach ∩ the regions asked (null: every village — the county office over all). */
function villagesOf(tree: RegionTree, actor: CadreActor, asked: string[]): string[] | null {
  const scope = listScope(tree, actor, asked);
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return [];
  return [...tree.villageIdsUnder(scope.regionId)];
}

type Db = PrismaClient | Prisma.TransactionClient;

/** The list's condition: the caller's reach ∩ the regions asked, and the filters (the register's export reads the same). */
export function householdsWhere(tree: RegionTree, actor: CadreActor, filter: HouseholdListFilter): { inScope: Prisma.HouseholdWhereInput; where: Prisma.HouseholdWhereInput } {
  const villages = villagesOf(tree, actor, filter.regions);
  const inScope: Prisma.HouseholdWhereInput = villages === null ? {} : { villageId: { in: villages } };
  const where: Prisma.HouseholdWhereInput = {
    ...inScope,
    ...(filter.state ? { monitoringState: filter.state } : {}),
    ...(filter.category ? { monitoringCategory: filter.category } : {}),
    ...(filter.responsibleCadreId ? { responsibleCadreId: filter.responsibleCadreId } : {}),
    ...(filter.event ? { monitoringEvents: { some: eventsTakingEffect(filter.event.kind, monthDays(filter.event.month).from, monthDays(filter.event.month).to) } } : {}),
  };
  return { inScope, where };
}

/** Households after `after` in the list's order (newest first). */
export const householdsAfter = (where: Prisma.HouseholdWhereInput, after: HouseholdKey | null): Prisma.HouseholdWhereInput =>
  after ? { AND: [where, { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] } : where;

export async function listHouseholds(db: Db, tree: RegionTree, actor: CadreActor, filter: HouseholdListFilter, page: { after: HouseholdKey | null; pageSize: number }) {
  const { inScope, where } = householdsWhere(tree, actor, filter);
  const after = page.after;
  const rows = await db.household.findMany({
    where: householdsAfter(where, after),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.pageSize + 1,
    select: {
      id: true,
      villageId: true,
      headName: true,
      size: true,
      povertyAlleviated: true,
      monitoringState: true,
      monitoringCategory: true,
      monitoredSince: true,
      eliminatedOn: true,
      noLabourCapacity: true,
      createdAt: true,
      responsibleCadre: { select: { id: true, name: true } },
    },
  });
  const shown = rows.slice(0, page.pageSize);
  const last = shown.at(-1);
  const counts = after
    ? undefined
    : Object.fromEntries((await db.household.groupBy({ by: ['monitoringState'], where: inScope, _count: { _all: true } })).map((g) => [g.monitoringState, g._count._all]));
  return {
    households: shown.map((h) => ({
      id: h.id,
      headName: maskName(h.headName, DEFAULT_NAME_MASK),
      ...place(tree, h.villageId),
      size: h.size,
      povertyAlleviated: h.povertyAlleviated,
      state: h.monitoringState,
      category: h.monitoringCategory,
      monitoredSince: h.monitoredSince ? shanghaiDate(h.monitoredSince) : null,
      eliminatedOn: h.eliminatedOn ? shanghaiDate(h.eliminatedOn) : null,
      noLabourCapacity: h.noLabourCapacity,
      responsible: h.responsibleCadre,
    })),
    nextCursor: rows.length > page.pageSize && last ? encodeHouseholdCursor(last) : null,
    ...(counts ? { stateCounts: { none: counts.none ?? 0, monitored: counts.monitored ?? 0, eliminated: counts.eliminated ?? 0 } } : {}),
  };
}
