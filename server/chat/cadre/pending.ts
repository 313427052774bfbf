/**
 * "待办": the cases waiting for this cadre — in statuses the role acts on, in the cadre's region,
 * the longest waiting first. How the role owns each status (flows/workflow ownershipOf): every
 * case, those assigned to the cadre (a verifier's), or as a fallback (the county office's for
 * verification) only once the case is overdue.
 */
import type { PendingItem } from '../../../flows/cadre/text';
import type { Prisma } from '../../generated/prisma/client';
import type { RegionTree } from '../../core/regions/tree';
import { ownershipOf, statusesOwnedBy, type CadreActor, type Ownership } from '../../../flows/workflow';
import { applicantNameOf } from '../../core/cases/applicant';
import { shanghaiDate } from '../../../flows/china-time';

type Tx = Prisma.TransactionClient;

export const PENDING_LIST_MAX = 20;

export async function pendingFor(tx: Tx, actor: CadreActor, tree: RegionTree, now: Date): Promise<{ items: PendingItem[]; total: number }> {
  const statuses = statusesOwnedBy(actor.role);
  if (statuses.length === 0) return { items: [], total: 0 };
  const region = actor.regionIds === null ? {} : { villageId: { in: [...actor.regionIds] } };
  const overdue: Prisma.CaseWhereInput = { OR: [{ overdueSince: { not: null } }, { dueAt: { lt: now } }] };
  const owned = (o: Ownership) => statuses.filter((s) => ownershipOf(actor.role, s) === o);
  const mine: Prisma.CaseWhereInput[] = [
    { status: { in: owned('all') } },
    { status: { in: owned('assigned') }, verifierId: actor.id },
    { status: { in: owned('fallback') }, ...overdue },
  ];
  const where: Prisma.CaseWhereInput = { ...region, OR: mine };
  // one after the other: a transaction is one connection
  const total = await tx.case.count({ where });
  const rows = await tx.case.findMany({ where, orderBy: [{ statusSince: 'asc' }, { caseNo: 'asc' }], take: PENDING_LIST_MAX, include: { household: { select: { headName: true } } } });
  const items = rows.map((c) => ({
    caseNo: c.caseNo,
    village: tree.byId.get(c.villageId)?.name ?? '',
    applicantName: applicantNameOf(c),
    identityPending: c.identityCheck === 'pending',
    cause: c.cause,
    status: c.status,
    since: c.statusSince.toISOString(),
    dueAt: c.dueAt?.toISOString() ?? null,
    overdue: c.overdueSince !== null || (c.dueAt !== null && c.dueAt < now),
    greenChannel: c.greenChannel,
    publicityEnd: c.publicityEnd ? shanghaiDate(c.publicityEnd) : null,
  }));
  return { items, total };
}
