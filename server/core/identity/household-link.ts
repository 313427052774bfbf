/**
 * How strongly a WeChat (or mini-program) contact is shown to belong to the household it is
 * linked to (Contact.householdLink, with when and why). Phones and ID numbers are not secrets, so
 * typing them proves little; only a link made by filing or confirmed by a cadre acts:
 *  - `created`: the contact filed the application that made the household;
 *  - `confirmed`: a cadre confirmed it (the village review passed a case this contact filed, or
 *    "身份已核实" on it), or a phone login whose code reached a created/confirmed contact;
 *  - `claimed`: ID number + phone typed ("查询", or a chat filing whose typed phone matched).
 * A claimed contact sees the household's cases and their status; it gets no login code and
 * withdraws, resubmits or supplies papers only for cases it filed itself.
 */
import type { Prisma } from '../../generated/prisma/client';
import { CASE_STATUS, passMoveOf, type MoveId } from '../../../flows/workflow';

type Tx = Prisma.TransactionClient;

export type LinkStrength = 'created' | 'confirmed' | 'claimed';
export type LinkWhy = 'filed' | 'village_review' | 'identity_confirmed' | 'phone_login' | 'reidentified' | 'filing_phone_typed';
export type Linked = { householdId: string | null; householdLink: string | null };

/** The links that act for the household (login codes, moves and papers on its cases). */
export const ACTING_LINKS: LinkStrength[] = ['created', 'confirmed'];

export function actsForHousehold(c: Linked): boolean {
  return c.householdId !== null && (ACTING_LINKS as string[]).includes(c.householdLink ?? '');
}

/** The household this contact acts for, or null (a claimed link only lets it look). */
export function actingHouseholdId(c: Linked): string | null {
  return actsForHousehold(c) ? c.householdId : null;
}

export async function setLink(tx: Tx, contactId: string, householdId: string, link: LinkStrength, why: LinkWhy, now: Date): Promise<void> {
  await tx.contact.update({ where: { id: contactId }, data: { householdId, householdLink: link, householdLinkAt: now, householdLinkWhy: why } });
}

/**
 * A cadre passed the village review of a case (or confirmed its filer's identity in person): the
 * contact that filed it is confirmed for the household — the case's own, or for a case filed
 * apart (身份待核实) the registered household of the ID number it gave. A contact of another
 * household keeps its link; a created link stays created.
 */
export async function confirmFiler(tx: Tx, caseId: string, why: 'village_review' | 'identity_confirmed', now: Date): Promise<void> {
  const c = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { householdId: true, answers: true, contact: { select: { id: true, householdId: true, householdLink: true } } } });
  if (!c.contact) return;
  const householdId = c.householdId ?? (await householdOfAnswers(tx, c.answers));
  if (!householdId) return;
  const { contact } = c;
  if (contact.householdId !== null && contact.householdId !== householdId) return;
  if (contact.householdLink === 'created' || contact.householdLink === 'confirmed') return;
  await setLink(tx, contact.id, householdId, 'confirmed', why, now);
}

/** The registered household of the ID number an application gives (null: none, or no ID number). */
export async function householdOfAnswers(tx: Tx, answers: unknown): Promise<string | null> {
  const idNumber = (answers as { applicant?: { idNumber?: unknown } } | null)?.applicant?.idNumber;
  if (typeof idNumber !== 'string') return null;
  return (await tx.household.findFirst({ where: { headIdNumber: idNumber }, select: { id: true } }))?.id ?? null;
}

/** What a cadre's move (a row of flows/workflow) means for the filer's link: passing the village review, or "身份已核实". */
export function confirmationOf(m: { move: MoveId; data: Record<string, unknown>; actorKind: string }): 'village_review' | 'identity_confirmed' | null {
  if (m.actorKind !== 'cadre') return null;
  if (m.data.identityConfirmed === true) return 'identity_confirmed';
  return m.move === passMoveOf(CASE_STATUS.village_review)?.id ? 'village_review' : null;
}
