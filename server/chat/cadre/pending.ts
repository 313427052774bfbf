/**
 * "待办": the cases waiting for this cadre — in statuses the role acts on, in the cadre's region
 * (a verifier: the cases assigned to them), the longest waiting first. The county office also
 * owns verification as a fallback, but sees a verification case here only once it is overdue.
 */
import type { PendingItem } from '../../../flows/cadre/text';
import type { Prisma } from '../../generated/prisma/client';
import type { RegionTree } from '../../core/regions/tree';
import { statusesOwnedBy, type CadreActor } from '../../../flows/workflow';
import { applicantNameOf } from '../../core/cases/applicant';

type Tx = Prisma.TransactionClient;

export const PENDING_LIST_MAX = 20;

export async function pendingFor(tx: Tx, actor: CadreActor, tree: RegionTree, now: Date): Promise<{ items: PendingItem[]; total: number }> {
  const statuses = statusesOwnedBy(actor.role);
  if (statuses.length === 0) return { items: [], total: 0 };
  const region = actor.regionIds === null ? {} : { villageId: { in: [...actor.regionIds] } };
  const overdue: Prisma.CaseWhereInput = { OR: [{ overdueSince: { not: null } }, { dueAt: { lt: now } }] };
  const where: Prisma.CaseWhereInput =
    actor.role === 'verifier'
      ? { ...region, status: 'verification', verifierId: actor.id }
      : actor.role === 'county'
        ? { ...region, OR: [{ status: { in: statuses.filter((s) => s !== 'verification') } }, { status: 'verification', ...overdue }] }
        : { ...region, status: { in: [...statuses] } };
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
    overdue: c.overdueSince !== null || (c.dueAt !== null && c.dueAt < now),
    greenChannel: c.greenChannel,
    publicityEnd: c.publicityEnd ? shanghaiDay(c.publicityEnd) : null,
  }));
  return { items, total };
}

/** Stored notice dates are midnight in China: read them back as that day. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
