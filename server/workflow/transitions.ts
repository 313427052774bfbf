/**
 * The case state machine as a table: each row is one move — the statuses it leaves from, where it
 * goes, who may make it, the data it needs (zod), a guard on the case, and what it writes.
 * Nothing else in the code changes a case's status (see perform.ts).
 */
import { z } from 'zod';
import type { Actor } from './actor';
import { inJurisdiction, inScope } from './actor';
import { HOUSEHOLD_CATEGORIES, isCaseStatus, MEASURES, OWNER_ROLES, REVIEW_STATUSES, type CaseStatus } from './states';

export type Action = 'accept' | 'approve' | 'return' | 'resubmit' | 'reject' | 'withdraw' | 'fast_approve';

/** The case fields the rules look at. */
export type CaseFacts = {
  id: string;
  caseNo: string;
  status: CaseStatus;
  villageId: string;
  /** Null while the filer's identity is to be verified (see identityCheck). */
  householdId: string | null;
  contactId: string | null;
  verifierId: string | null;
  returnedFrom: string | null;
  publicityEnd: Date | null;
  greenChannel: boolean;
  /** 'pending' (身份待核实), 'confirmed' (身份已核实) or null (verified when filed). */
  identityCheck: string | null;
};

/** The facts of a case row (a row with an unknown status has none). */
export function caseFactsOf(row: Omit<CaseFacts, 'status'> & { status: string }): CaseFacts | null {
  if (!isCaseStatus(row.status)) return null;
  const { id, caseNo, status, villageId, householdId, contactId, verifierId, returnedFrom, publicityEnd, greenChannel, identityCheck } = row;
  return { id, caseNo, status, villageId, householdId, contactId, verifierId, returnedFrom, publicityEnd, greenChannel, identityCheck };
}

export type RuleContext = {
  now: Date;
  publicityMinDays: number;
  /** Objections raised during publicity and not yet resolved. */
  openObjections: number;
  /** Looks up a verifier by id: role and region ids (for assignment checks). */
  verifier?: { id: string; role: string; active: boolean; covers: boolean } | null;
};

export type Refusal = { code: RefusalCode; message: string; field?: string };
export type RefusalCode = 'not_found' | 'no_role' | 'outside_jurisdiction' | 'not_own_case' | 'not_allowed_from_status' | 'invalid_data' | 'guard';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const Fen = z.number().int().min(0).max(10_000_000_000);

/** 身份已核实: the applicant of a case flagged 身份待核实 was checked in person (see identityGuard). */
const IdentityConfirmed = { identityConfirmed: z.literal(true, { message: 'must be true, once the applicant’s identity was checked in person' }).optional() };

/** What each move needs. */
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
  action: Action;
  from: readonly CaseStatus[];
  /** The target; for resubmit it is where the case was returned from. */
  to: (c: CaseFacts) => CaseStatus;
  data: z.ZodType;
  noteRequired?: boolean;
  who: (actor: Actor, c: CaseFacts) => Refusal | null;
  guard?: (c: CaseFacts, data: never, ctx: RuleContext) => Refusal | null;
};

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

function isApplicant(actor: Extract<Actor, { kind: 'villager' }>, c: Pick<CaseFacts, 'contactId' | 'householdId'>): boolean {
  return actor.contactId === c.contactId || (actor.householdId !== null && actor.householdId === c.householdId);
}

function applicant(actor: Actor, c: CaseFacts): Refusal | null {
  if (actor.kind !== 'villager') return refuse('no_role', 'only the applicant can do this');
  return isApplicant(actor, c) ? null : refuse('not_own_case', 'this is not your case');
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const shanghaiToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'accept',
    from: ['submitted'],
    to: () => 'village_review',
    data: DATA.none,
    who: (actor) => (actor.kind === 'system' ? null : refuse('no_role', 'cases enter village review when filed')),
  },
  { action: 'approve', from: ['village_review'], to: () => 'town_review', data: DATA.villageReview, who: owner(), guard: identityGuard },
  { action: 'approve', from: ['town_review'], to: () => 'county_review', data: DATA.none, who: owner() },
  {
    action: 'approve',
    from: ['county_review'],
    to: () => 'verification',
    data: DATA.assignVerifier,
    who: owner(),
    guard: (_c, _d, ctx) =>
      !ctx.verifier || ctx.verifier.role !== 'verifier' || !ctx.verifier.active
        ? refuse('invalid_data', 'no active verifier with that id', 'data.verifierId')
        : !ctx.verifier.covers
          ? refuse('invalid_data', 'that verifier does not cover the case’s village', 'data.verifierId')
          : null,
  },
  { action: 'approve', from: ['verification'], to: () => 'assessment', data: DATA.verification, who: owner() },
  {
    action: 'approve',
    from: ['assessment'],
    to: () => 'publicity',
    data: DATA.assessment,
    who: owner(),
    guard: (_c, d: z.infer<typeof DATA.assessment>, ctx) => {
      const days = daysBetween(d.publicityStart, d.publicityEnd) + 1; // both ends count: 3月1日–3月5日 is 5 days
      if (days < ctx.publicityMinDays) return refuse('invalid_data', `the public notice must last at least ${ctx.publicityMinDays} days`, 'data.publicityEnd');
      if (d.publicityStart < shanghaiToday(ctx.now)) return refuse('invalid_data', 'the public notice cannot start in the past', 'data.publicityStart');
      return null;
    },
  },
  {
    action: 'approve',
    from: ['publicity'],
    to: () => 'approved',
    data: DATA.decision,
    who: owner(),
    guard: (c, _d, ctx) => {
      // publicityEnd is stored as that day's midnight in China: its UTC date is the day before
      if (c.publicityEnd && shanghaiToday(ctx.now) <= shanghaiToday(c.publicityEnd)) return refuse('guard', 'the public notice has not ended yet');
      if (ctx.openObjections > 0) return refuse('guard', `${ctx.openObjections} objection(s) raised during the public notice are not resolved`);
      return null;
    },
  },
  { action: 'approve', from: ['approved'], to: () => 'paid', data: DATA.payment, who: owner() },
  // 绿色通道: urgent help first, paperwork after.
  { action: 'fast_approve', from: REVIEW_STATUSES.filter((s) => s !== 'publicity'), to: () => 'approved', data: DATA.decision, noteRequired: true, who: countyOnly, guard: identityGuard },
  {
    action: 'return',
    from: ['village_review', 'town_review', 'county_review', 'verification', 'assessment'],
    to: () => 'returned',
    data: DATA.missing,
    who: owner({ countyMayAct: false }),
  },
  {
    action: 'resubmit',
    from: ['returned'],
    to: (c) => (c.returnedFrom as CaseStatus | null) ?? 'village_review',
    data: DATA.none,
    who: (actor, c) => {
      if (actor.kind === 'villager') return applicant(actor, c);
      // a cadre may record that the papers arrived another way (handed in at the village office)
      if (actor.kind === 'cadre') return owner()(actor, { ...c, status: ((c.returnedFrom as CaseStatus | null) ?? 'village_review') });
      return refuse('no_role', 'only the applicant or the cadre who returned it can resubmit');
    },
  },
  { action: 'reject', from: REVIEW_STATUSES, to: () => 'rejected', data: DATA.none, noteRequired: true, who: owner() },
  { action: 'withdraw', from: [...REVIEW_STATUSES, 'returned'], to: () => 'withdrawn', data: DATA.none, who: applicant },
];

/** The rule for a requested move: by action, or by target status (the API's `{ to }`). */
export function findRule(from: CaseStatus, req: { action?: Action; to?: CaseStatus }, c: CaseFacts): TransitionRule | undefined {
  return TRANSITIONS.find((r) => r.from.includes(from) && (req.action ? r.action === req.action : true) && (req.to ? r.to(c) === req.to : true));
}
