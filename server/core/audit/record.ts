/**
 * The one writer of the audit log: every action, refusal and access is a row written here, in the
 * caller's transaction when it has one (a refusal is audited even though the act changed nothing).
 * What each row means is said by its callers (access.ts, content.ts, the workflow, the routes).
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { Refusal, SystemActor, VillagerActor } from '../../../flows/workflow';

export type AuditDb = Pick<PrismaClient, 'auditEntry'> | Prisma.TransactionClient;

/**
 * Who a row names: a workflow actor (a cadre needs only its id), a chat contact that is no cadre
 * (a stranger, a binding attempt), or nobody known (a login under an unknown name).
 */
export type AuditActor = { kind: 'cadre'; id: string } | VillagerActor | SystemActor | { kind: 'contact'; contactId: string } | { kind: 'anonymous' };

export type AuditRow = {
  at: Date;
  actor: AuditActor;
  action: string;
  allowed: boolean;
  caseNo?: string | null;
  reason?: string | null;
  /** What was acted on or looked at besides the case: a document, a cadre, a policy entry. */
  subject?: string | null;
  /** 'access': a look at personal data (see access.ts); anything else is an 'action'. */
  kind?: 'action' | 'access';
  /** For an access: what it showed. */
  fields?: string[];
};

const actorIdOf = (a: AuditActor): string | null => (a.kind === 'cadre' ? a.id : a.kind === 'villager' || a.kind === 'contact' ? a.contactId : null);

const dataOf = (row: AuditRow) => ({
  at: row.at,
  kind: row.kind ?? 'action',
  actorType: row.actor.kind,
  actorId: actorIdOf(row.actor),
  action: row.action,
  caseNo: row.caseNo ?? null,
  allowed: row.allowed,
  reason: row.reason ?? null,
  subject: row.subject ?? null,
  ...(row.fields ? { fields: row.fields } : {}),
});

export async function recordAudit(db: AuditDb, row: AuditRow): Promise<void> {
  await db.auditEntry.create({ data: dataOf(row) });
}

/** Several rows in one statement (a list's looks, one row per subject). */
export async function recordAudits(db: AuditDb, rows: AuditRow[]): Promise<void> {
  if (rows.length > 0) await db.auditEntry.createMany({ data: rows.map(dataOf) });
}

/** A refusal decided by the caller: `reason` reads "<code>: <message>", as every refusal row does. */
export function recordRefusal(db: AuditDb, entry: { at: Date; actor: AuditActor; action: string; caseNo?: string | null; refusal: Pick<Refusal, 'code' | 'message'> }): Promise<void> {
  return recordAudit(db, { at: entry.at, actor: entry.actor, action: entry.action, caseNo: entry.caseNo, allowed: false, reason: `${entry.refusal.code}: ${entry.refusal.message}` });
}
