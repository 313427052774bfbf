/**
 * The access audit: every look at a full ID number or phone, every document's bytes handed out,
 * every export is written to the audit log — who, when, which case, which fields — beside the
 * refusals. GET /api/audit lists them by case, by cadre and by kind.
 */
import type { Actor } from '../../../flows/workflow';
import { recordAudit, type AuditDb } from './record';

/** `case`: the case page, its ID number and phone masked (shown whole only by a reveal: `idNumber`, `phone`). */
export type AccessField = 'idNumber' | 'phone' | 'document' | 'export' | 'case';

export async function recordAccess(
  db: AuditDb,
  entry: { actor: Actor; action: string; caseNo?: string | null; fields: AccessField[]; subject?: string; at: Date },
): Promise<void> {
  await recordAudit(db, { at: entry.at, kind: 'access', actor: entry.actor, action: entry.action, caseNo: entry.caseNo, allowed: true, fields: entry.fields, subject: entry.subject });
}
