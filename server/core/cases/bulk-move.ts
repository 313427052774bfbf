/**
 * Bulk moves from the work queue: several cases approved (each by the move of its own status that
 * passes it on) or given a verifier, at one confirmation. Each case goes through the one writer,
 * performTransition, in its own transaction — its event, its notices, its refusal audit row are
 * exactly those of a single move, and one case refused (another step, identity to verify, data
 * its step needs) neither stops nor undoes the others. The answer says per case what happened.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { type CadreActor, type GuardReason, type RefusalCode, type Role, ruleById, statusesOwnedBy, statusOfAct } from '../../../flows/workflow';
import { performTransition, type TransitionRequest, type WorkflowSettings } from '../workflow/perform';

export const BULK_MOVES = ['approve', 'assign_verifier'] as const;
export type BulkMove = (typeof BULK_MOVES)[number];
/** At most this many cases at one confirmation (a page of the queue is 50). */
export const BULK_MAX = 100;

/**
 * A role whose only step is the household visit (the verifier) approves one case at a time: that
 * approve records what the visit found in one household (figures, outcome, day), data no two cases
 * share, so a bulk approve could only be refused case by case. Refused as a whole instead (403),
 * and not offered by the console (which reads the same from GET /api/workflow's todo and sideActs).
 */
export function bulkAllowed(role: Role, move: BulkMove): boolean {
  const owned = statusesOwnedBy(role);
  return !(move === 'approve' && owned.length > 0 && owned.every((s) => s === statusOfAct('visit')));
}

export type BulkRequest = { caseNos: string[]; move: BulkMove; note?: string; data?: Record<string, unknown> };

export type BulkOutcome =
  | { caseNo: string; ok: true; from: string; to: string }
  | { caseNo: string; ok: false; code: RefusalCode; message: string; field?: string; reason?: GuardReason };

/**
 * Data a bulk move never carries: confirming a filer's identity (身份待核实 → 身份已核实) is a look at
 * one household's papers in person — said of a hundred cases at once it would let whoever filed
 * with another household's ID number act for that household. Those cases are moved one by one.
 */
const ONE_BY_ONE_DATA = ['identityConfirmed'];

/** The single move each case is asked to make: approve is the `approve` of whatever status it is in. */
function requestOf(req: BulkRequest): TransitionRequest {
  const data = req.data === undefined ? undefined : Object.fromEntries(Object.entries(req.data).filter(([k]) => !ONE_BY_ONE_DATA.includes(k)));
  const base = { action: 'approve' as const, ...(req.note !== undefined ? { note: req.note } : {}), ...(data !== undefined ? { data } : {}) };
  // any other bulk move is a row of the table, asked for by the status it leads to
  return req.move === 'approve' ? base : { ...base, to: ruleById(req.move).target! };
}

export async function bulkMove(db: PrismaClient, settings: WorkflowSettings, actor: CadreActor, req: BulkRequest, now: Date): Promise<BulkOutcome[]> {
  const move = requestOf(req);
  const out: BulkOutcome[] = [];
  for (const caseNo of [...new Set(req.caseNos)]) {
    const r = await db.$transaction((tx) => performTransition(tx, settings, actor, caseNo, move, now));
    if (r.ok) out.push({ caseNo, ok: true, from: r.from, to: r.to });
    // outside the caller's region reads as a case that does not exist (server/http/refusal.ts)
    else if (r.code === 'outside_jurisdiction' || r.code === 'not_found') out.push({ caseNo, ok: false, code: 'not_found', message: 'case not found' });
    else out.push({ caseNo, ok: false, code: r.code, message: r.message, ...(r.field ? { field: r.field } : {}), ...(r.reason ? { reason: r.reason } : {}) });
  }
  return out;
}
