/**
 * The register as a 台账 (GET /api/households/export): the households of the register's list —
 * its filters, the caller's region — one row per household, written by the 台账 export's own
 * writer (server/core/export/run.ts) in any of its layouts. The household's monitoring fills the
 * status, category, 识别时间, risks, measures and amount columns (fields.ts RegisterFacts); its
 * latest case, when it has one, the case's columns (income, filing, payment). Read in batches in
 * the list's order (newest first), the sealed values opened per batch by the sealing client and
 * only those the layout writes.
 */
import type { CadreActor } from '../../../flows/workflow';
import type { PrismaClient } from '../../generated/prisma/client';
import type { ExportRow } from '../export/fields';
import type { Needs } from '../export/read';
import type { RegionTree } from '../regions/tree';
import { householdsAfter, householdsWhere, type HouseholdKey, type HouseholdListFilter } from './list';

const group = <T extends { householdId: string }>(rows: T[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.householdId, [...(out.get(r.householdId) ?? []), r]);
  return out;
};

export async function* registerBatches(prisma: PrismaClient, tree: RegionTree, actor: CadreActor, filter: HouseholdListFilter, needs: Needs, batch: number): AsyncGenerator<ExportRow[]> {
  const { where } = householdsWhere(tree, actor, filter);
  let after: HouseholdKey | null = null;
  for (;;) {
    const page: HouseholdKey | null = after;
    const households = await prisma.household.findMany({
      where: householdsAfter(where, page),
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: batch,
      select: {
        id: true,
        villageId: true,
        createdAt: true,
        headName: needs.name,
        headIdNumber: needs.idNumber,
        phone: needs.phone,
        size: true,
        povertyAlleviated: true,
        monitoringState: true,
        monitoringCategory: true,
        monitoredSince: true,
        eliminatedOn: true,
        responsibleCadre: { select: { name: true } },
      },
    });
    if (households.length === 0) return;
    const ids = households.map((h) => h.id);
    const [cases, risks, measures, members] = await Promise.all([
      // each household's latest case
      prisma.case.findMany({
        where: { householdId: { in: ids } },
        orderBy: [{ householdId: 'asc' }, { submittedAt: 'desc' }, { caseNo: 'desc' }],
        distinct: ['householdId'],
        select: {
          householdId: true,
          caseNo: true,
          status: true,
          cause: true,
          channel: true,
          submittedAt: true,
          statusSince: true,
          dueAt: true,
          overdueSince: true,
          greenChannel: true,
          publicityStart: true,
          publicityEnd: true,
          paidAt: true,
          annualIncomeFen: true,
          perCapitaIncomeFen: true,
          rigidExpenseFen: true,
          incomeLineFen: true,
          incomeYear: true,
          approvedAmountFen: true,
          householdCategory: true,
          measures: true,
        },
      }),
      prisma.householdRisk.findMany({ where: { householdId: { in: ids } }, orderBy: [{ startedOn: 'asc' }, { createdAt: 'asc' }], select: { householdId: true, cause: true, solvedOn: true } }),
      prisma.supportMeasure.findMany({ where: { householdId: { in: ids } }, orderBy: [{ givenOn: 'asc' }, { id: 'asc' }], select: { householdId: true, kind: true, amountFen: true } }),
      needs.members ? prisma.member.findMany({ where: { householdId: { in: ids } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { householdId: true, name: true, relation: true } }) : Promise.resolve([]),
    ]);
    const caseOf = new Map(cases.map((c) => [c.householdId!, c]));
    const risksOf = group(risks);
    const measuresOf = group(measures);
    const membersOf = group(members);
    yield households.map((h): ExportRow => {
      const c = caseOf.get(h.id);
      const hr = risksOf.get(h.id) ?? [];
      const open = hr.filter((r) => r.solvedOn === null);
      const hm = measuresOf.get(h.id) ?? [];
      const amounts = hm.filter((m) => m.amountFen !== null);
      return {
        caseNo: c?.caseNo ?? null,
        status: c?.status ?? null,
        cause: c?.cause ?? null,
        channel: c?.channel ?? null,
        villageId: h.villageId,
        submittedAt: c?.submittedAt ?? null,
        statusSince: c?.statusSince ?? null,
        decidedAt: null,
        dueAt: c?.dueAt ?? null,
        overdueSince: c?.overdueSince ?? null,
        greenChannel: c?.greenChannel ?? null,
        publicityStart: c?.publicityStart ?? null,
        publicityEnd: c?.publicityEnd ?? null,
        paidAt: c?.paidAt ?? null,
        householdSize: h.size,
        annualIncomeFen: c?.annualIncomeFen ?? null,
        perCapitaIncomeFen: c?.perCapitaIncomeFen ?? null,
        rigidExpenseFen: c?.rigidExpenseFen ?? null,
        incomeLineFen: c?.incomeLineFen ?? null,
        incomeYear: c?.incomeYear ?? null,
        approvedAmountFen: c?.approvedAmountFen ?? null,
        householdCategory: c?.householdCategory ?? null,
        measures: c?.measures ?? null,
        applicant: { name: h.headName ?? '', idNumber: h.headIdNumber ?? '', phone: h.phone ?? '', size: h.size, povertyAlleviated: h.povertyAlleviated },
        members: needs.members ? (membersOf.get(h.id) ?? []).map((m) => ({ name: m.name, relation: m.relation })) : null,
        responsible: h.responsibleCadre?.name ?? null,
        eliminatedOn: h.eliminatedOn,
        register: {
          state: h.monitoringState,
          category: h.monitoringCategory,
          monitoredSince: h.monitoredSince,
          causes: [...new Set((open.length ? open : hr).map((r) => r.cause))],
          measures: [...new Set(hm.map((m) => m.kind))],
          measuredFen: amounts.length ? amounts.reduce((sum, m) => sum + m.amountFen!, 0) : null,
        },
      };
    });
    if (households.length < batch) return;
    const last: HouseholdKey = households[households.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
