/**
 * The case state machine as a table: each row is one move — its id, the statuses it leaves from,
 * where it goes, who may make it, the data it asks (zod; as JSON Schema in moveSchemas), a guard
 * on the case, and the case columns it writes. Pure: the server's performTransition carries a
 * move out (locking, events, notices); the cadre chat's exchanges ask what a row's schema needs.
 */
import { z } from 'zod';
import { daysBetween, shanghaiDate, shanghaiMidnight } from '../china-time';
import { inJurisdiction, inScope, type Actor } from './actor';
import type { CaseFacts } from './facts';
import { CASE_STATUS, HOUSEHOLD_CATEGORIES, MEASURES, OWNER_ROLES, REVIEW_STATUSES, type CaseStatus } from './statuses';

export type Action = 'accept' | 'approve' | 'return' | 'resubmit' | 'reject' | 'withdraw' | 'fast_approve';

/** A case event's type is the action of the move it records; a filing, which is no move, is named after the status it enters. */
export const FILING_EVENT = CASE_STATUS.submitted;

/** Names each move; the chat's guided exchanges are named after the moves they make. */
export type MoveId =
  | 'accept'
  | 'pass_village'
  | 'pass_town'
  | 'assign_verifier'
  | 'verification'
  | 'assessment'
  | 'decision'
  | 'payment'
  | 'fast_approve'
  | 'return'
  | 'resubmit'
  | 'reject'
  | 'withdraw';

export type RuleContext = {
  now: Date;
  publicityMinDays: number;
  /** Objections raised during publicity and not yet resolved. */
  openObjections: number;
  /** Looks up a verifier by id: role and region ids (for assignment checks). */
  verifier?: { id: string; role: string; active: boolean; covers: boolean } | null;
};

export type Refusal = { code: RefusalCode; message: string; field?: string; reason?: GuardReason };
export type RefusalCode = 'not_found' | 'no_role' | 'outside_jurisdiction' | 'not_own_case' | 'not_allowed_from_status' | 'invalid_data' | 'guard';
/** Which guard refused, for readers that say why in words (the API's code stays 'guard'; the message is for logs). */
export type GuardReason = 'publicity_running' | 'open_objections';

/** The case columns a move writes besides its status (dates are China-midnight instants). */
export type CaseWrites = {
  verifierId?: string;
  verification?: Record<string, unknown>;
  assessment?: Record<string, unknown>;
  publicityStart?: Date;
  publicityEnd?: Date;
  approvedAmountFen?: number;
  householdCategory?: string;
  measures?: string[];
  greenChannel?: boolean;
  paymentRef?: string;
  paidAt?: Date;
  returnedFrom?: string | null;
  missingItems?: string[];
  rejectionReason?: string | null;
  identityCheck?: string;
};

/** What a move's writes may look at besides its data. */
export type MoveContext = { from: CaseStatus; note: string | null; now: Date };

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const Fen = z.number().int().min(0).max(10_000_000_000);

/** 身份已核实: the applicant of a case flagged 身份待核实 was checked in person (see identityGuard). */
const IdentityConfirmed = { identityConfirmed: z.literal(true, { message: 'must be true, once the applicant’s identity was checked in person' }).optional() };

/** What each move asks, the fields in the order the chat asks them. */
export const DATA = {
  none: z.object({}).passthrough(),
  villageReview: z.object(IdentityConfirmed).passthrough(),
  assignVerifier: z.object({ verifierId: z.string().min(1, 'required: the verifier (核查员) to assign') }),
  verification: z.object({
    verifiedIncomeFen: Fen,
    verifiedMembers: z.number().int().min(1).max(30),
    verifiedExpenseFen: Fen,
    outcome: z.enum(['confirmed', 'differs']),
    visitedOn: Day.optional(),
    note: z.string().max(1000).optional(),
  }),
  assessment: z.object({
    result: z.literal('agreed', { message: 'must be "agreed"; a case the village does not agree to is rejected instead' }),
    attendance: z.number().int().min(1).max(1000),
    publicityStart: Day,
    publicityEnd: Day,
    /** 拟帮扶措施: what the village proposes, shown on the 公示 until the county decides (optional; the chat does not ask it). */
    proposedMeasures: z.array(z.enum(MEASURES)).max(MEASURES.length).optional(),
  }),
  decision: z.object({
    amountFen: z.number().int().min(1).max(10_000_000_00),
    category: z.enum(HOUSEHOLD_CATEGORIES),
    measures: z.array(z.enum(MEASURES)).min(1, 'at least one measure'),
    ...IdentityConfirmed,
  }),
  payment: z.object({ paymentRef: z.string().trim().min(1).max(100), paidOn: Day }),
  missing: z.object({ items: z.array(z.string().trim().min(1).max(100)).min(1, 'list at least one missing item').max(20) }),
} as const;

export type TransitionRule = {
  id: MoveId;
  action: Action;
  from: readonly CaseStatus[];
  /** The target; for resubmit it is where the case was returned from. */
  to: (c: CaseFacts) => CaseStatus;
  /** The target when it does not depend on the case (null for resubmit). */
  target: CaseStatus | null;
  data: z.ZodType;
  /** The guard reads ctx.verifier: the cadre named by data.verifierId, looked up by the server before the guard runs. */
  looksUpVerifier?: true;
  noteRequired?: boolean;
  who: (actor: Actor, c: CaseFacts) => Refusal | null;
  guard?: (c: CaseFacts, data: never, ctx: RuleContext) => Refusal | null;
  writes?: (data: never, m: MoveContext) => CaseWrites;
};

/** A row as written below: `to` a status, or RETURNED_FROM; data and writes typed by the schema. */
type Row<S extends z.ZodType> = Omit<TransitionRule, 'to' | 'target' | 'data' | 'guard' | 'writes'> & {
  to: CaseStatus | typeof RETURNED_FROM;
  data: S;
  guard?: (c: CaseFacts, data: z.infer<S>, ctx: RuleContext) => Refusal | null;
  writes?: (data: z.infer<S>, m: MoveContext) => CaseWrites;
};
const RETURNED_FROM = 'returned_from';

function move<S extends z.ZodType>(row: Row<S>): TransitionRule {
  const { to, ...rest } = row;
  return { ...rest, to: to === RETURNED_FROM ? returnsTo : () => to, target: to === RETURNED_FROM ? null : to } as TransitionRule;
}

/** A public notice from `start` to `end` (both ends count: 3月1日–3月5日 is 5 days) shorter than the county's shortest: the assessment's guard, and the cadre chat's check of the end it is told. */
export function publicityTooShort(start: string, end: string, minDays: number): boolean {
  return daysBetween(start, end) + 1 < minDays;
}

/** Where a returned case goes back to once the papers are in: the step that returned it (the village review if unknown). */
export function returnsTo(c: Pick<CaseFacts, 'returnedFrom'>): CaseStatus {
  return (c.returnedFrom as CaseStatus | null) ?? 'village_review';
}

const refuse = (code: RefusalCode, message: string, field?: string): Refusal => ({ code, message, ...(field ? { field } : {}) });

/** A cadre whose role owns the case's status, in whose region the case lies (county may always act). */
function owner(extra: { countyMayAct?: boolean } = {}) {
  return (actor: Actor, c: CaseFacts): Refusal | null => {
    if (actor.kind !== 'cadre') return refuse('no_role', 'only a cadre can do this');
    const roles = OWNER_ROLES[c.status];
    const countyMay = extra.countyMayAct !== false && actor.role === 'county';
    if (!roles.includes(actor.role) && !countyMay) return refuse('no_role', `a ${actor.role} cadre cannot act on a case in ${c.status}`);
    if (!inJurisdiction(actor, c.villageId)) return refuse('outside_jurisdiction', 'the case is outside your region');
    return null;
  };
}

function countyOnly(actor: Actor, c: CaseFacts): Refusal | null {
  if (actor.kind !== 'cadre' || actor.role !== 'county') return refuse('no_role', 'only the county office can do this');
  if (!inJurisdiction(actor, c.villageId)) return refuse('outside_jurisdiction', 'the case is outside your region');
  return null;
}

/**
 * Checked before any rule (status, role, guard): a case outside the caller's reach — another
 * region's for a cadre, someone else's for a villager — must answer as one that does not exist,
 * so nothing of it (its status, who owns its step) is disclosed.
 */
export function outsideScope(actor: Actor, c: Pick<CaseFacts, 'villageId' | 'verifierId' | 'contactId' | 'householdId'>): Refusal | null {
  if (actor.kind === 'cadre' && !inJurisdiction(actor, c.villageId)) return refuse('outside_jurisdiction', 'the case is outside your region');
  if (actor.kind === 'cadre' && !inScope(actor, c)) return refuse('outside_jurisdiction', 'the case is not assigned to this verifier');
  if (actor.kind === 'villager' && !isApplicant(actor, c)) return refuse('not_own_case', 'this is not your case');
  return null;
}

/**
 * A case flagged 身份待核实 is passed on (or fast-approved) only with data.identityConfirmed: the
 * village checks in person who filed it, since its ID number belongs to a registered household
 * the filer was not shown to belong to.
 */
function identityGuard(c: CaseFacts, d: { identityConfirmed?: true }): Refusal | null {
  if (c.identityCheck !== 'pending' || d.identityConfirmed === true) return null;
  return refuse('invalid_data', 'the applicant’s identity is to be verified (身份待核实): check it in person, then send data.identityConfirmed = true', 'data.identityConfirmed');
}

/**
 * The decision waits for the public notice to end without open objections. The chat asks this
 * before asking the decision's questions, performTransition when the move is made.
 */
export function publicityGuard(c: Pick<CaseFacts, 'publicityEnd'>, ctx: Pick<RuleContext, 'now' | 'openObjections'>): Refusal | null {
  // publicityEnd is stored as that day's midnight in China: its UTC date is the day before
  if (c.publicityEnd && shanghaiDate(ctx.now) <= shanghaiDate(c.publicityEnd)) return { ...refuse('guard', 'the public notice has not ended yet'), reason: 'publicity_running' };
  if (ctx.openObjections > 0) return { ...refuse('guard', `${ctx.openObjections} objection(s) raised during the public notice are not resolved`), reason: 'open_objections' };
  return null;
}

function isApplicant(actor: Extract<Actor, { kind: 'villager' }>, c: Pick<CaseFacts, 'contactId' | 'householdId'>): boolean {
  return actor.contactId === c.contactId || (actor.householdId !== null && actor.householdId === c.householdId);
}

function applicant(actor: Actor, c: CaseFacts): Refusal | null {
  if (actor.kind !== 'villager') return refuse('no_role', 'only the applicant can do this');
  return isApplicant(actor, c) ? null : refuse('not_own_case', 'this is not your case');
}

const decided = (d: z.infer<typeof DATA.decision>): CaseWrites => ({ approvedAmountFen: d.amountFen, householdCategory: d.category, measures: d.measures });

export const TRANSITIONS: readonly TransitionRule[] = [
  move({
    id: 'accept',
    action: 'accept',
    from: ['submitted'],
    to: 'village_review',
    data: DATA.none,
    who: (actor) => (actor.kind === 'system' ? null : refuse('no_role', 'cases enter village review when filed')),
  }),
  move({ id: 'pass_village', action: 'approve', from: ['village_review'], to: 'town_review', data: DATA.villageReview, who: owner(), guard: identityGuard }),
  move({ id: 'pass_town', action: 'approve', from: ['town_review'], to: 'county_review', data: DATA.none, who: owner() }),
  move({
    id: 'assign_verifier',
    action: 'approve',
    from: ['county_review'],
    to: 'verification',
    data: DATA.assignVerifier,
    looksUpVerifier: true,
    who: owner(),
    guard: (_c, _d, ctx) =>
      !ctx.verifier || ctx.verifier.role !== 'verifier' || !ctx.verifier.active
        ? refuse('invalid_data', 'no active verifier with that id', 'data.verifierId')
        : !ctx.verifier.covers
          ? refuse('invalid_data', 'that verifier does not cover the case’s village', 'data.verifierId')
          : null,
    writes: (d) => ({ verifierId: d.verifierId }),
  }),
  move({
    id: 'verification',
    action: 'approve',
    from: ['verification'],
    to: 'assessment',
    data: DATA.verification,
    who: owner(),
    writes: (d, m) => ({ verification: { ...d, at: m.now.toISOString() } }),
  }),
  move({
    id: 'assessment',
    action: 'approve',
    from: ['assessment'],
    to: 'publicity',
    data: DATA.assessment,
    who: owner(),
    guard: (_c, d, ctx) => {
      if (publicityTooShort(d.publicityStart, d.publicityEnd, ctx.publicityMinDays)) return refuse('invalid_data', `the public notice must last at least ${ctx.publicityMinDays} days`, 'data.publicityEnd');
      if (d.publicityStart < shanghaiDate(ctx.now)) return refuse('invalid_data', 'the public notice cannot start in the past', 'data.publicityStart');
      return null;
    },
    writes: (d, m) => ({
      assessment: {
        result: d.result,
        attendance: d.attendance,
        ...(d.proposedMeasures?.length ? { proposedMeasures: [...new Set(d.proposedMeasures)] } : {}),
        at: m.now.toISOString(),
      },
      publicityStart: shanghaiMidnight(d.publicityStart),
      publicityEnd: shanghaiMidnight(d.publicityEnd),
    }),
  }),
  move({ id: 'decision', action: 'approve', from: ['publicity'], to: 'approved', data: DATA.decision, who: owner(), guard: (c, _d, ctx) => publicityGuard(c, ctx), writes: decided }),
  move({ id: 'payment', action: 'approve', from: ['approved'], to: 'paid', data: DATA.payment, who: owner(), writes: (d) => ({ paymentRef: d.paymentRef, paidAt: shanghaiMidnight(d.paidOn) }) }),
  // 绿色通道: urgent help first, paperwork after.
  move({
    id: 'fast_approve',
    action: 'fast_approve',
    from: REVIEW_STATUSES.filter((s) => s !== 'publicity'),
    to: 'approved',
    data: DATA.decision,
    noteRequired: true,
    who: countyOnly,
    guard: identityGuard,
    writes: (d) => ({ ...decided(d), greenChannel: true }),
  }),
  move({
    id: 'return',
    action: 'return',
    from: ['village_review', 'town_review', 'county_review', 'verification', 'assessment'],
    to: 'returned',
    data: DATA.missing,
    who: owner({ countyMayAct: false }),
    writes: (d, m) => ({ returnedFrom: m.from, missingItems: d.items }),
  }),
  move({
    id: 'resubmit',
    action: 'resubmit',
    from: ['returned'],
    to: RETURNED_FROM,
    data: DATA.none,
    who: (actor, c) => {
      if (actor.kind === 'villager') return applicant(actor, c);
      // a cadre may record that the papers arrived another way (handed in at the village office)
      if (actor.kind === 'cadre') return owner()(actor, { ...c, status: returnsTo(c) });
      return refuse('no_role', 'only the applicant or the cadre who returned it can resubmit');
    },
    writes: () => ({ returnedFrom: null }),
  }),
  move({ id: 'reject', action: 'reject', from: REVIEW_STATUSES, to: 'rejected', data: DATA.none, noteRequired: true, who: owner(), writes: (_d, m) => ({ rejectionReason: m.note }) }),
  move({ id: 'withdraw', action: 'withdraw', from: [...REVIEW_STATUSES, 'returned'], to: 'withdrawn', data: DATA.none, who: applicant }),
];

/** The rule for a requested move: by action, or by target status (the API's `{ to }`). */
export function findRule(from: CaseStatus, req: { action?: Action; to?: CaseStatus }, c: CaseFacts): TransitionRule | undefined {
  return TRANSITIONS.find((r) => r.from.includes(from) && (req.action ? r.action === req.action : true) && (req.to ? r.to(c) === req.to : true));
}

/** The refusal when no rule of the table leads from `from` as asked (read by the server's perform and the cadre chat). */
export function notAllowedFrom(from: CaseStatus, req: { action?: Action; to?: CaseStatus }): Refusal {
  return { code: 'not_allowed_from_status', message: `a case in ${from} cannot go to ${req.to ?? req.action ?? '?'}`, field: req.to ? 'to' : 'action' };
}

export function ruleById(id: MoveId): TransitionRule {
  return TRANSITIONS.find((r) => r.id === id)!;
}

/** The move that passes a case on from a review status (its approve), if the status has one. */
export function passMoveOf(status: CaseStatus): TransitionRule | undefined {
  return TRANSITIONS.find((r) => r.action === 'approve' && r.from.includes(status));
}

/** The statuses a villager may withdraw from (the 'withdraw' row). */
export const WITHDRAWABLE: readonly CaseStatus[] = ruleById('withdraw').from;

/** Everything a move writes besides status and time limit; settles 身份待核实 when the move confirmed it (its event keeps who and when). */
export function writesOf(rule: TransitionRule, c: CaseFacts, data: Record<string, unknown>, m: MoveContext): CaseWrites {
  const identity: CaseWrites = c.identityCheck === 'pending' && data.identityConfirmed === true ? { identityCheck: 'confirmed' } : {};
  return { ...rule.writes?.(data as never, m), ...identity };
}

/** The moves an actor may make on a case now, by the table's "who" (data and guards are checked when the move is made). */
export function allowedMoves(actor: Actor, facts: CaseFacts): { action: Action; to: CaseStatus }[] {
  return TRANSITIONS.filter((r) => r.from.includes(facts.status) && r.who(actor, facts) === null).map((r) => ({ action: r.action, to: r.to(facts) }));
}

export type JsonSchema = { type?: string; properties?: Record<string, unknown>; required?: string[]; [k: string]: unknown };
const jsonSchemaOf = (rule: TransitionRule): JsonSchema => z.toJSONSchema(rule.data, { io: 'input' }) as unknown as JsonSchema;

/** The data's required fields, in the order the schema lists them (what a form or the chat must ask). */
export function requiredFields(rule: TransitionRule): string[] {
  const s = jsonSchemaOf(rule);
  return Object.keys(s.properties ?? {}).filter((k) => s.required?.includes(k));
}

export type MoveSchema = { id: MoveId; action: Action; from: readonly CaseStatus[]; to: CaseStatus | null; noteRequired: boolean; data: JsonSchema };

/** Every move with its data as JSON Schema, for the API and the console (`to` null: back where it was returned from). */
export function moveSchemas(): MoveSchema[] {
  return TRANSITIONS.map((r) => ({ id: r.id, action: r.action, from: r.from, to: r.target, noteRequired: r.noteRequired === true, data: jsonSchemaOf(r) }));
}
