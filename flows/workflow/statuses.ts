/**
 * The case statuses, who owns each, at which level of the region tree they are acted on, and the
 * vocabulary of the decision. Their words live in the locale files, keyed by status.
 */
export const CASE_STATUSES = [
  'submitted', // filed by the villager; moved on to village_review in the same transaction
  'village_review', // 村初审
  'town_review', // 镇审核
  'county_review', // 县审核 (assigns a verifier)
  'verification', // 入户核查 (often an insurer)
  'assessment', // 村级评议
  'publicity', // 公示 (at least 5 days, village only)
  'approved', // 审批通过 (amount, category, measures)
  'paid', // 已发放
  'returned', // 退回补充材料
  'rejected', // 不予认定
  'withdrawn', // 本人撤回
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Each status by name, for code that must name one (`c.status === CASE_STATUS.returned`): a typo
 * fails to compile, and no status is spelled as a string outside this module
 * (tests/architecture/single-sources.test.ts).
 */
export const CASE_STATUS = Object.fromEntries(CASE_STATUSES.map((s) => [s, s])) as { readonly [S in CaseStatus]: S };

export const ROLES = ['village', 'town', 'county', 'verifier', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export type RegionLevel = 'village' | 'town' | 'county';

/** Statuses in which a case is under review (can be returned, rejected, withdrawn). */
export const REVIEW_STATUSES: readonly CaseStatus[] = ['village_review', 'town_review', 'county_review', 'verification', 'assessment', 'publicity'];
/** Statuses a case never leaves. */
export const FINAL_STATUSES: readonly CaseStatus[] = ['paid', 'rejected', 'withdrawn'];
/** Statuses still counting against the whole identification limit: from filing until approved, rejected or withdrawn. */
export const UNDECIDED_STATUSES: readonly CaseStatus[] = ['submitted', ...REVIEW_STATUSES, 'returned'];

/** Whether a case in `status` is closed for good (FINAL_STATUSES); an unknown status is not. */
export function isFinalStatus(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** Who acts on a case in each status (the county office may always step in, see moves.ts). */
export const OWNER_ROLES: Record<CaseStatus, readonly Role[]> = {
  submitted: ['village'],
  village_review: ['village'],
  town_review: ['town'],
  county_review: ['county'],
  verification: ['verifier', 'county'],
  assessment: ['village'],
  publicity: ['county'],
  approved: ['county'],
  paid: [],
  returned: [],
  rejected: [],
  withdrawn: [],
};

/** The level whose cadres act on a case in each status (and whose work groups hear of it). */
export const STATUS_LEVEL: Partial<Record<CaseStatus, RegionLevel>> = {
  village_review: 'village',
  town_review: 'town',
  county_review: 'county',
  verification: 'county',
  assessment: 'village',
  publicity: 'county',
  approved: 'county',
};

/** What the owners do in each status besides moving the case, the usual act first (the notices list them). */
export type Act = 'approve' | 'return' | 'reject' | 'visit' | 'objection' | 'green';
export const ACTS: Partial<Record<CaseStatus, readonly Act[]>> = {
  village_review: ['approve', 'return', 'reject'],
  town_review: ['approve', 'return', 'reject'],
  county_review: ['approve', 'return', 'reject', 'green'],
  verification: ['visit', 'approve', 'return', 'reject'],
  assessment: ['approve', 'return', 'reject'],
  publicity: ['approve', 'objection', 'reject'],
  approved: ['approve'],
};

/** Whether the owners may do `act` in `status` (ACTS). */
export function allowsAct(status: string, act: Act): boolean {
  return ACTS[status as CaseStatus]?.includes(act) ?? false;
}

/** The one status in which a side act (not a move) is done: a visit is booked during 入户核查, objections are heard during 公示. */
export function statusOfAct(act: 'visit' | 'objection'): CaseStatus {
  return CASE_STATUSES.find((s) => allowsAct(s, act))!;
}

/** Who does the side acts: the assigned verifier books the visit; the village that posts the notice hears objections. The county office always may. */
export const SIDE_ACT_ROLES: Record<'visit' | 'objection', readonly Role[]> = {
  visit: ['verifier', 'county'],
  objection: ['village', 'county'],
};

/** The office that hears a rejected applicant's re-check (复核): the town for the village's and the town's decisions. */
export function recheckOffice(rejectedIn: string): 'town' | 'county' {
  return rejectedIn === 'village_review' || rejectedIn === 'town_review' ? 'town' : 'county';
}

/** The statuses a role acts on, as its 待办 lists them ('submitted' is passed through at filing: no case waits there). */
export function statusesOwnedBy(role: Role): CaseStatus[] {
  return CASE_STATUSES.filter((s) => s !== 'submitted' && OWNER_ROLES[s].includes(role));
}

export const HOUSEHOLD_CATEGORIES = ['unstable_lifted', 'marginal', 'sudden_hardship'] as const; // 脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户
export type HouseholdCategory = (typeof HOUSEHOLD_CATEGORIES)[number];

export const MEASURES = [
  'dibao', // 低保
  'temporary_relief', // 临时救助
  'medical_aid', // 医疗救助
  'education_aid', // 教育资助
  'insurance_payout', // 防贫保险金
  'public_job', // 公益性岗位
  'industry_subsidy', // 产业奖补
  'housing_repair', // 危房改造
  'other', // 其他
  // added after 其他: the chat numbers the measures in this order, and the numbers cadres know stay theirs
  'employment_aid', // 就业帮扶
] as const;
export type Measure = (typeof MEASURES)[number];

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}
