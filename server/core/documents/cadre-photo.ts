/**
 * A cadre's photo for a case — the verifier's of the household visit, another cadre's sent during
 * an exchange in the chat — kept with the case only when the cadre may know of it (flows/workflow
 * outsideScope: in its region, and for a verifier assigned to it). The exchange began on such a
 * case, but the case may have been reassigned or the account moved since. A refusal is audited
 * and answered as for a case that does not exist, like the workflow's.
 */
import { outsideScope, type CadreActor, type Refusal } from '../../../flows/workflow';
import type { Document, Prisma } from '../../generated/prisma/client';
import { recordRefusal } from '../audit/record';
import { attachDocument } from './attach';
import { DOCUMENT_KIND } from './kinds';
import type { StoredBlob } from './store';

type Tx = Prisma.TransactionClient;

export type CadrePhotoKind = typeof DOCUMENT_KIND.verificationPhoto | typeof DOCUMENT_KIND.cadrePhoto;
export type CadrePhoto = StoredBlob & { mime: string; fileName?: string | null; kind: CadrePhotoKind };

export async function attachCadrePhoto(
  tx: Tx,
  actor: CadreActor,
  caseNo: string,
  photo: CadrePhoto,
  /** The cadre's chat contact; none for a photo taken in the console. */
  sender: { contactId: string | null },
  now: Date,
): Promise<{ ok: true; document: Document } | ({ ok: false } & Refusal)> {
  const refuse = async (refusal: Refusal) => {
    await recordRefusal(tx, { at: now, actor, action: 'attach_photo', caseNo, refusal });
    return { ok: false as const, ...refusal };
  };
  const row = await tx.case.findUnique({ where: { caseNo }, select: { id: true, villageId: true, verifierId: true, contactId: true, householdId: true } });
  if (!row) return refuse({ code: 'not_found', message: 'case not found' });
  const outside = outsideScope(actor, row);
  if (outside) return refuse(outside);
  const document = await attachDocument(tx, { ...photo, caseId: row.id, contactId: sender.contactId });
  return { ok: true, document };
}
