/**
 * The one way a case changes status. In the caller's transaction it checks the rule (who, from
 * where, with what data), writes the case, its event (timeline and audit trail) and the
 * notifications it causes (through the outbox), and for a decision the household's place in the
 * monitoring register (server/core/register) — or, when refused, writes an audit entry and
 * changes nothing else. Callers commit in both cases and then answer the refusal.
 */
import type { Prisma } from '../../generated/prisma/client';
import { type Action, allowsAct, CASE_STATUS, type Actor, actorId, caseFactsOf, type CaseFacts, type CaseStatus, findRule, isCaseStatus, notAllowedFrom, outsideScope, type Refusal, verifierCovers, writesOf } from '../../../flows/workflow';
import { dueAtFor, type TimeLimits, type WorkCalendar } from './deadlines';
import { regionChain } from '../notify/recipients';
import { recordRefusal } from '../audit/record';
import { notifyTransition } from './notify';
import { confirmationOf, confirmFiler } from '../identity/household-link';
import { identifyFromDecision } from '../register/monitoring';
import { closeAlertsOfApprovedCase } from '../alerts/close';

type Tx = Prisma.TransactionClient;

export type WorkflowSettings = { limits: TimeLimits; publicityMinDays: number; calendar: WorkCalendar };

export type TransitionRequest = { action?: Action; to?: CaseStatus; note?: string; data?: unknown };

/** A case row with the facts the rules read (flows/workflow caseFactsOf). */
type FactsRow = Omit<CaseFacts, 'status'> & { status: string };

/**
 * What the caller already knows, so the move does not read it again: `row` — the case, created or
 * locked by the caller in this transaction (a row just inserted is invisible to everyone else
 * until commit, so it needs no lock); `filedByItsContact` — whether the case's contact filed it
 * (the filing event is the caller's: a villager filing in the chat or the app was told there).
 */
export type HeldCase = { row?: FactsRow; filedByItsContact?: boolean };

export type TransitionResult =
  | { ok: true; caseId: string; caseNo: string; from: CaseStatus; to: CaseStatus; action: Action; eventId: string }
  | ({ ok: false; caseNo: string } & Refusal);

export async function performTransition(
  tx: Tx,
  settings: WorkflowSettings,
  actor: Actor,
  caseNo: string,
  req: TransitionRequest,
  now: Date,
  held: HeldCase = {},
): Promise<TransitionResult> {
  // Locked as it is read (two cadres pressing "通过" at once must not both move it), unless the caller holds it already.
  const fresh = held.row ?? (await lockCase(tx, caseNo));
  if (!fresh || !isCaseStatus(fresh.status)) return refused(tx, actor, caseNo, req, { code: 'not_found', message: 'case not found' }, now);
  // Region (or ownership) before any rule: outside it, a case answers as one that does not exist.
  const outside = outsideScope(actor, fresh);
  if (outside) return refused(tx, actor, caseNo, req, outside, now);
  const from = fresh.status as CaseStatus;
  const facts = caseFactsOf(fresh)!;

  const rule = findRule(from, req, facts);
  if (!rule) return refused(tx, actor, caseNo, req, notAllowedFrom(from, req), now);
  const who = rule.who(actor, facts);
  if (who) return refused(tx, actor, caseNo, req, who, now);

  const parsed = rule.data.safeParse(req.data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['data', ...(issue?.path ?? []).map(String)].join('.');
    return refused(tx, actor, caseNo, req, { code: 'invalid_data', message: `${field}: ${issue?.message}`, field }, now);
  }
  const note = req.note?.trim() || null;
  if (rule.noteRequired && !note) return refused(tx, actor, caseNo, req, { code: 'invalid_data', message: 'note: a reason is required', field: 'note' }, now);

  const data = parsed.data as Record<string, unknown>;
  const verifier =
    rule.looksUpVerifier
      ? await tx.cadre.findUnique({ where: { id: String(data.verifierId) } }).then(async (v) => (v ? { id: v.id, role: v.role, active: v.active, covers: verifierCovers(v.regionId, await villageLine(tx, fresh.villageId)) } : null))
      : undefined;
  const openObjections = allowsAct(from, 'objection') ? await tx.objection.count({ where: { caseId: fresh.id, resolvedAt: null } }) : 0;
  const guard = rule.guard?.(facts, data as never, { now, publicityMinDays: settings.publicityMinDays, openObjections, verifier });
  if (guard) return refused(tx, actor, caseNo, req, guard, now);

  const to = rule.to(facts);
  // the row's writes (unchecked input: verifierId as a column), then the status and its time limit
  const writes = writesOf(rule, facts, data, { from, note, now }) as Prisma.CaseUncheckedUpdateInput;
  const moved = await tx.case.update({ where: { id: fresh.id }, data: { ...writes, status: to, statusSince: now, dueAt: dueAtFor(to, now, settings.limits, settings.calendar), overdueSince: null } });
  const event = await tx.caseEvent.create({
    data: {
      caseId: fresh.id,
      at: now,
      type: rule.action,
      actorType: actor.kind,
      actorId: actorId(actor),
      fromStatus: from,
      toStatus: to,
      note,
      data: data as Prisma.InputJsonValue,
    },
  });
  await notifyTransition(tx, { caseId: fresh.id, from, to, action: rule.action, note, data, eventId: event.id, actor, ...(held.filedByItsContact !== undefined ? { filedByItsContact: held.filedByItsContact } : {}) }, moved, now);
  // a cadre passing the village review (or confirming identity in person) confirms the filer's link to the household
  const confirmation = confirmationOf({ move: rule.id, data, actorKind: actor.kind });
  if (confirmation) await confirmFiler(tx, fresh.id, confirmation, now);
  // a decision naming a category makes the household a 监测对象 (server/core/register/monitoring.ts), in this transaction
  if (writes.householdCategory) await identifyFromDecision(tx, fresh.id, actor, now);
  // approved: the department alerts the case answers close as 纳入监测 (server/core/alerts/close.ts); a rejection leaves them to the village cadre
  if (to === CASE_STATUS.approved) await closeAlertsOfApprovedCase(tx, { id: fresh.id, caseNo }, actor, now);
  return { ok: true, caseId: fresh.id, caseNo, from, to, action: rule.action, eventId: event.id };
}

/** The case's facts, its row locked for this transaction: one statement (it was a read, the lock, and a read again). */
async function lockCase(tx: Tx, caseNo: string): Promise<FactsRow | null> {
  const rows = await tx.$queryRaw<FactsRow[]>`
    SELECT "id", "caseNo", "status", "villageId", "householdId", "contactId", "verifierId", "returnedFrom", "publicityEnd", "greenChannel", "identityCheck"
    FROM "Case" WHERE "caseNo" = ${caseNo} FOR UPDATE`;
  return rows[0] ?? null;
}

/** The village and the regions above it, for verifierCovers. */
async function villageLine(tx: Tx, villageId: string): Promise<string[]> {
  return (await regionChain(tx, villageId)).map((r) => r.id);
}

async function refused(tx: Tx, actor: Actor, caseNo: string, req: TransitionRequest, refusal: Refusal, now: Date): Promise<TransitionResult> {
  await recordRefusal(tx, { at: now, actor, action: `transition:${req.action ?? req.to ?? '?'}`, caseNo, refusal });
  return { ok: false, caseNo, ...refusal };
}
