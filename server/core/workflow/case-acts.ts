/**
 * Shared steps of the case actions that are not status changes (objections, visits): find and
 * lock the case, check the caller, and audit a refusal — the same way performTransition does.
 */
import type { Prisma } from '../../generated/prisma/client';
import { type Actor, actorId, type CadreActor, inJurisdiction, inScope, type Refusal, type Role } from '../../../flows/workflow';
import { recordRefusal } from '../audit/record';

type Tx = Prisma.TransactionClient;

export type ActResult<T> = ({ ok: true; caseId: string; caseNo: string; eventId: string } & T) | ({ ok: false; caseNo: string } & Refusal);

export type LockedCase = { id: string; caseNo: string; status: string; villageId: string; verifierId: string | null };

/** The case, locked for the rest of the transaction (so an approval and an objection serialize). */
export async function lockCase(tx: Tx, caseNo: string): Promise<LockedCase | null> {
  const rows = await tx.$queryRaw<LockedCase[]>`SELECT id, "caseNo", status, "villageId", "verifierId" FROM "Case" WHERE "caseNo" = ${caseNo} FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * A cadre of one of `roles` whose region holds the case; refusals in the transition table's words.
 * The region first: outside it, the case answers as one that does not exist, whatever the role.
 */
export function cadreWithRole(actor: Actor, roles: readonly Role[], c: LockedCase): Refusal | null {
  if (actor.kind !== 'cadre') return { code: 'no_role', message: 'only a cadre can do this' };
  if (!inJurisdiction(actor as CadreActor, c.villageId)) return { code: 'outside_jurisdiction', message: 'the case is outside your region' };
  if (!inScope(actor as CadreActor, c)) return { code: 'outside_jurisdiction', message: 'the case is not assigned to this verifier' };
  if (!roles.includes(actor.role)) return { code: 'no_role', message: `a ${actor.role} cadre cannot do this` };
  return null;
}

export async function auditRefusal<T>(tx: Tx, actor: Actor, action: string, caseNo: string, refusal: Refusal, now: Date): Promise<ActResult<T>> {
  await recordRefusal(tx, { at: now, actor, action, caseNo, refusal });
  return { ok: false, caseNo, ...refusal };
}

export async function writeEvent(tx: Tx, actor: Actor, caseId: string, type: string, note: string | null, data: Record<string, unknown>, now: Date): Promise<string> {
  const event = await tx.caseEvent.create({
    data: { caseId, at: now, type, actorType: actor.kind, actorId: actorId(actor), note, data: data as Prisma.InputJsonValue },
  });
  return event.id;
}
