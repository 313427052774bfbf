/**
 * The access audit: every look at a full ID number or phone, every document's bytes handed out,
 * every export is written to the audit log — who, when, which case, which fields — beside the
 * refusals. GET /api/audit lists them by case, by cadre and by kind.
 */
import type { Actor } from '../../../flows/workflow';
import { recordAudit, recordAudits, type AuditDb } from './record';

/** `case`: the case page, its ID number and phone masked (shown whole only by a reveal: `idNumber`, `phone`); `household`: a register household's page (server/core/register), likewise; `alert`: department alerts with their figures (server/core/alerts). */
export type AccessField = 'idNumber' | 'phone' | 'document' | 'export' | 'case' | 'household' | 'alert';

export async function recordAccess(
  db: AuditDb,
  entry: { actor: Actor; action: string; caseNo?: string | null; fields: AccessField[]; subject?: string; at: Date },
): Promise<void> {
  await recordAudit(db, { at: entry.at, kind: 'access', actor: entry.actor, action: entry.action, caseNo: entry.caseNo, allowed: true, fields: entry.fields, subject: entry.subject });
}

/** One access row per subject looked at together (a list's households), in one statement. */
export async function recordAccesses(db: AuditDb, entry: { actor: Actor; action: string; fields: AccessField[]; subjects: string[]; at: Date }): Promise<void> {
  await recordAudits(db, [...new Set(entry.subjects)].map((subject) => ({ at: entry.at, kind: 'access' as const, actor: entry.actor, action: entry.action, allowed: true, fields: entry.fields, subject })));
}
