/**
 * A supplement: a photo or file a villager sends for a case returned for documents, from the
 * chat's supplement flow or the mini-program's case page. One rule for both: it reaches a case the
 * villager acts on (own.ts) while the case waits for the villager's papers (flows/supplement
 * waitsForPapers: returned). Once the villager has said the papers are in ("好了", resubmit) or
 * withdrawn, the case is reviewed on what was sent — a paper that comes later is refused with the
 * case's status, and goes to the village office or with the next return.
 */
import { waitsForPapers } from '../../../flows/supplement';
import type { Case, Document, Prisma, PrismaClient } from '../../generated/prisma/client';
import { attachDocument } from '../documents/attach';
import { DOCUMENT_KIND } from '../documents/kinds';
import type { StoredBlob } from '../documents/store';
import { findOwnCase, type CaseHolder } from './own';

type Db = PrismaClient | Prisma.TransactionClient;

export type SupplementRefusal = { ok: false; reason: 'not_found' } | { ok: false; reason: 'not_returned'; status: string };

/** The case a supplement would go to, or why none: another's case reads as one that does not exist. */
export async function supplementTarget(db: Db, holder: CaseHolder, caseNo: string): Promise<{ ok: true; case: Case } | SupplementRefusal> {
  const row = await findOwnCase(db, holder, caseNo, 'act');
  if (!row) return { ok: false, reason: 'not_found' };
  if (!waitsForPapers(row.status)) return { ok: false, reason: 'not_returned', status: row.status };
  return { ok: true, case: row };
}

/** Keeps a supplement with its case, the rule checked again (the case may have moved while the bytes arrived). */
export async function attachSupplement(
  db: Db,
  holder: CaseHolder,
  caseNo: string,
  file: StoredBlob & { mime: string; fileName?: string | null },
  at?: Date,
): Promise<{ ok: true; document: Document } | SupplementRefusal> {
  const target = await supplementTarget(db, holder, caseNo);
  if (!target.ok) return target;
  const document = await attachDocument(db, { ...file, kind: DOCUMENT_KIND.supplement, caseId: target.case.id, contactId: holder.id, ...(at ? { at } : {}) });
  return { ok: true, document };
}
