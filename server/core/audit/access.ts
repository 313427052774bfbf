/**
 * The access audit: every look at a full ID number or phone, every document's bytes handed out,
 * every export is written to the audit log — who, when, which case, which fields — beside the
 * refusals. GET /api/audit lists them by case, by cadre and by kind.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { actorId, type Actor } from '../../../flows/workflow';

export type AccessField = 'idNumber' | 'phone' | 'document' | 'export';

type Db = Pick<PrismaClient, 'auditEntry'> | Prisma.TransactionClient;

export async function recordAccess(
  db: Db,
  entry: { actor: Actor; action: string; caseNo?: string | null; fields: AccessField[]; subject?: string; at: Date },
): Promise<void> {
  await db.auditEntry.create({
    data: {
      at: entry.at,
      kind: 'access',
      actorType: entry.actor.kind,
      actorId: actorId(entry.actor),
      action: entry.action,
      caseNo: entry.caseNo ?? null,
      allowed: true,
      fields: entry.fields,
      subject: entry.subject ?? null,
    },
  });
}
