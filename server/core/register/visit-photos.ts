/**
 * Photos of a follow-up visit (走访) of the register (POST /api/households/:id/follow-ups/:followUpId/photos):
 * taken in the console by whoever may record the visit (its 帮扶责任人 or a village cadre,
 * visits.ts mayVisit), each a Document of kind follow_up_photo on the follow-up — its bytes
 * stripped of metadata, sealed and stored by the document store, its type sniffed and its size
 * and pixels capped where it arrives (server/http/upload-file.ts), the follow-up's pile capped by
 * the upload guard. Checked before a byte is read (a refused caller sends nothing) and again with
 * the household locked before the row is written. Seen through GET /api/documents/:id by the
 * cadres who reach the household (photoReaches), each look in the access audit.
 */
import type { Document, PrismaClient } from '../../generated/prisma/client';
import type { CadreActor } from '../../../flows/workflow';
import { recordAudit } from '../audit/record';
import { MAY } from '../auth/permissions';
import { attachDocument } from '../documents/attach';
import { DOCUMENT_KIND } from '../documents/kinds';
import type { StoredBlob } from '../documents/store';
import { invalid, notFound } from '../refusal';
import { householdSubject } from './detail';
import { keep, mayKeep } from './measures';
import { reachesHousehold } from './reach';
import { mayVisit } from './visits';

const ACTION = 'household:follow-up-photo';

/** A follow-up's photos: what the upload caps count for one visit. */
export const followUpPhotosOf = (followUpId: string) => ({ followUpId, kind: DOCUMENT_KIND.followUpPhoto });

/** Refused (audited) unless `actor` may add photos to the household's follow-up now. */
export async function mayAddFollowUpPhoto(db: PrismaClient, householdId: string, followUpId: string, actor: CadreActor, now: Date): Promise<void> {
  await mayKeep(db, householdId, actor, ACTION, now, mayVisit(actor));
  const f = await db.followUp.findFirst({ where: { id: followUpId, householdId }, select: { id: true } });
  if (f) return;
  // a follow-up of another household reads as none
  const e = notFound('follow-up');
  await recordAudit(db, { at: now, actor, action: ACTION, subject: householdSubject(householdId), allowed: false, reason: `${e.code}: ${e.message}` });
  throw e;
}

/** The stored photo kept with the follow-up, the caller and the follow-up checked again with the household locked. */
export async function attachFollowUpPhoto(
  db: PrismaClient,
  householdId: string,
  followUpId: string,
  actor: CadreActor,
  photo: StoredBlob & { mime: string; fileName?: string | null },
  now: Date,
): Promise<Document> {
  // a visit's photo is a picture of the household: no PDF or video (accepted elsewhere as documents)
  if (!photo.mime.startsWith('image/')) throw invalid(`file: a visit photo is an image (JPEG, PNG, WebP); this is ${photo.mime}`, 'file');
  return keep(
    db,
    householdId,
    actor,
    ACTION,
    now,
    async (tx, h) => {
      const f = await tx.followUp.findFirst({ where: { id: followUpId, householdId: h.id }, select: { id: true } });
      if (!f) throw notFound('follow-up');
      // the console has no chat contact: the cadre is the one of the audit row
      return attachDocument(tx, { ...photo, kind: DOCUMENT_KIND.followUpPhoto, followUpId: f.id, contactId: null });
    },
    mayVisit(actor),
  );
}

/** A follow-up photo is seen by a cadre of a role that reads the register, in whose region the household lies. */
export function photoReaches(actor: CadreActor, household: { villageId: string }): boolean {
  return (MAY.readRegister as readonly string[]).includes(actor.role) && reachesHousehold(actor, household);
}
