/**
 * The photos of the household visit (入户核查) taken in the console — a verifier's phone camera at
 * the household: added to the case as visit documents by whoever may book the visit (the assigned
 * verifier, the county office), while the case is in verification. Checked before the photo's
 * bytes are read (a refused caller sends nothing) and again, with the case locked, before the
 * document is written (the case may have moved on meanwhile). Refusals are audited.
 */
import type { Prisma } from '../../generated/prisma/client';
import { allowsAct, SIDE_ACT_ROLES, statusOfAct, type CadreActor, type Refusal } from '../../../flows/workflow';
import { attachCadrePhoto } from '../documents/cadre-photo';
import { DOCUMENT_KIND } from '../documents/kinds';
import type { StoredBlob } from '../documents/store';
import type { Document } from '../../generated/prisma/client';
import { auditRefusal, cadreWithRole, lockCase } from './case-acts';

type Tx = Prisma.TransactionClient;

/** The case's visit photos: what the upload caps count for one case. */
export const visitPhotosOf = (caseId: string) => ({ caseId, kind: DOCUMENT_KIND.verificationPhoto });

/** The case's id when `actor` may add visit photos to it now; the refusal (audited) when not. */
export async function visitPhotoCase(tx: Tx, actor: CadreActor, caseNo: string, now: Date): Promise<{ ok: true; caseId: string } | ({ ok: false } & Refusal)> {
  const refuse = async (refusal: Refusal) => {
    await auditRefusal(tx, actor, 'visit_photo', caseNo, refusal, now);
    return { ok: false as const, ...refusal };
  };
  const c = await lockCase(tx, caseNo);
  if (!c) return refuse({ code: 'not_found', message: 'case not found' });
  const who = cadreWithRole(actor, SIDE_ACT_ROLES.visit, c);
  if (who) return refuse(who);
  if (!allowsAct(c.status, 'visit')) return refuse({ code: 'not_allowed_from_status', message: `visit photos are taken during ${statusOfAct('visit')}; the case is in ${c.status}` });
  return { ok: true, caseId: c.id };
}

/** Adds a stored photo to the case as a visit document, checking the caller again with the case locked. */
export async function attachVisitPhoto(
  tx: Tx,
  actor: CadreActor,
  caseNo: string,
  photo: StoredBlob & { mime: string; fileName?: string | null },
  now: Date,
): Promise<{ ok: true; document: Document } | ({ ok: false } & Refusal)> {
  const allowed = await visitPhotoCase(tx, actor, caseNo, now);
  if (!allowed.ok) return allowed;
  // the console has no chat contact: the document's sender is the cadre of the audit trail
  return attachCadrePhoto(tx, actor, caseNo, { ...photo, kind: DOCUMENT_KIND.verificationPhoto }, { contactId: null }, now);
}
