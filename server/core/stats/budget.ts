/**
 * The money a county sets aside per year for the assistance (CountyBudget), against which the
 * statistics set what was paid. The county office sets it; the others read their county's.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import type { ListScope } from '../cases/list-query';
import type { RegionTree } from '../regions/tree';

/** The county a scope lies in: its own, the one above its town or village; for everything, the only county (null when several). */
export function countyOfScope(tree: RegionTree, scope: ListScope): string | null {
  if (scope.kind === 'none') return null;
  if (scope.kind === 'all') {
    const counties = [...tree.byId.values()].filter((r) => r.level === 'county');
    return counties.length === 1 ? counties[0]!.id : null;
  }
  return tree.lineOf(scope.regionId).find((id) => tree.byId.get(id)?.level === 'county') ?? null;
}

export async function budgetsOf(prisma: Pick<PrismaClient, 'countyBudget'>, countyId: string | null, years: number[]): Promise<Map<number, number>> {
  if (!countyId) return new Map();
  const rows = await prisma.countyBudget.findMany({ where: { countyId, year: { in: years } } });
  return new Map(rows.map((r) => [r.year, Number(r.amountFen)]));
}

export async function listBudgets(prisma: PrismaClient, countyId: string) {
  const rows = await prisma.countyBudget.findMany({ where: { countyId }, orderBy: { year: 'desc' } });
  return rows.map((r) => ({ year: r.year, amountFen: Number(r.amountFen), updatedAt: r.updatedAt.toISOString() }));
}

export async function setBudget(prisma: PrismaClient, countyId: string, year: number, amountFen: number, updatedBy: string | null, now: Date) {
  const data = { amountFen: BigInt(amountFen), updatedBy, updatedAt: now };
  const row = await prisma.countyBudget.upsert({ where: { countyId_year: { countyId, year } }, create: { countyId, year, ...data }, update: data });
  return { year: row.year, amountFen: Number(row.amountFen), updatedAt: row.updatedAt.toISOString() };
}
