/**
 * The workflow module (flows/workflow) read as a specification: pure (imports only zod and its
 * own files), who owns what, what each move asks (the chat's exchanges and the JSON Schema the API
 * and console read) and what it writes. What used to be restated elsewhere is pinned here once.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { APPROVE_GUIDE, GUIDE_KINDS, PLANS, planFor, submission } from '../../flows/cadre/plans';
import type { Guide } from '../../flows/cadre/types';
import {
  CASE_STATUS,
  CASE_STATUSES,
  caseFactsOf,
  FINAL_STATUSES,
  isFinalStatus,
  moveSchemas,
  publicityGuard,
  returnsTo,
  REVIEW_STATUSES,
  ROLES,
  ruleById,
  statusesOwnedBy,
  TIMED_STATUSES,
  TRANSITIONS,
  UNDECIDED_STATUSES,
  WITHDRAWABLE,
  writesOf,
  type CaseFacts,
  type MoveId,
  type Role,
} from '../../flows/workflow';

const DIR = join(__dirname, '../../flows/workflow');

// the ground floor: besides zod and its own files, only the China calendar (pure arithmetic) and the language type
const GROUND = ['zod', '../china-time'];
test('the module is pure: it imports zod, its own files and the China calendar only (and the language type)', () => {
  const imports = readdirSync(DIR)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(DIR, f), 'utf8').matchAll(/import (type )?[^;]*? from '([^']+)'/g)].map((m) => ({ typeOnly: !!m[1], from: m[2]! })));
  expect(imports.length).toBeGreaterThan(3);
  expect(imports.filter((i) => !GROUND.includes(i.from) && !i.from.startsWith('./') && !(i.typeOnly && i.from === '../engine/types')).map((i) => i.from)).toEqual([]);
});

test.each<[Role, string[]]>([
  ['village', ['village_review', 'assessment']],
  ['town', ['town_review']],
  ['county', ['county_review', 'verification', 'publicity', 'approved']],
  ['verifier', ['verification']],
  ['auditor', []],
])('待办 of a %s cadre lists %j', (role, statuses) => {
  expect(statusesOwnedBy(role)).toEqual(statuses);
});

test('every role is specified above', () => {
  expect([...ROLES]).toEqual(['village', 'town', 'county', 'verifier', 'auditor']);
});

test('a villager withdraws while the case is under review or returned', () => {
  expect([...WITHDRAWABLE]).toEqual(['village_review', 'town_review', 'county_review', 'verification', 'assessment', 'publicity', 'returned']);
});

test('the chat asks what each move\'s schema requires, in order, then "确认"', () => {
  expect(PLANS).toEqual({
    assign_verifier: ['verifierId', 'confirm'],
    verification: ['verifiedIncomeFen', 'verifiedMembers', 'verifiedExpenseFen', 'outcome', 'confirm'],
    assessment: ['result', 'attendance', 'publicityStart', 'publicityEnd', 'confirm'],
    decision: ['amountFen', 'category', 'measures', 'confirm'],
    payment: ['paymentRef', 'paidOn', 'confirm'],
    fast_approve: ['reason', 'amountFen', 'category', 'measures', 'confirm'],
    reject: ['reason'],
    return: ['items'],
  });
  // "通过" approves at once where the move asks nothing (village and town review)
  expect(APPROVE_GUIDE).toEqual({ county_review: 'assign_verifier', verification: 'verification', assessment: 'assessment', publicity: 'decision', approved: 'payment' });
});

test('every exchange ends in the move it is named after, with the schema\'s data', () => {
  for (const kind of GUIDE_KINDS) {
    const data = Object.fromEntries(planFor(kind).filter((f) => f !== 'confirm').map((f) => [f, `<${f}>`]));
    const g: Guide = { kind, caseNo: 'FP-2026-000001', from: 'x', note: '备注', step: 'confirm', data, misses: 0, photos: 0 };
    const s = submission(g);
    const rule = ruleById(kind);
    expect({ kind, action: s.action, note: s.note }).toEqual({ kind, action: rule.action, note: rule.noteRequired ? '<reason>' : '备注' });
    expect(Object.keys(s.data).sort()).toEqual(planFor(kind).filter((f) => f !== 'confirm' && f !== 'reason').sort());
  }
});

test('every move has its data as JSON Schema (for the API and the console)', () => {
  const schemas = moveSchemas();
  expect(schemas.map((m) => m.id)).toEqual(TRANSITIONS.map((r) => r.id));
  expect(new Set(schemas.map((m) => m.id)).size).toBe(schemas.length);
  const decision = schemas.find((m) => m.id === 'decision')!;
  expect(decision).toMatchObject({ action: 'approve', from: ['publicity'], to: 'approved', noteRequired: false });
  expect(decision.data.required).toEqual(['amountFen', 'category', 'measures']);
  expect(decision.data.properties).toMatchObject({ category: { enum: ['unstable_lifted', 'marginal', 'sudden_hardship'] }, identityConfirmed: { const: true } });
  expect(schemas.find((m) => m.id === 'resubmit')!.to).toBeNull(); // back where it was returned from
  expect(schemas.find((m) => m.id === 'reject')).toMatchObject({ noteRequired: true, data: { type: 'object' } });
});

const NOW = new Date('2026-03-10T02:00:00Z');
const facts = (over: Partial<CaseFacts> = {}): CaseFacts =>
  caseFactsOf({ id: 'c1', caseNo: 'FP-2026-000001', status: 'village_review', villageId: 'v', householdId: 'h', contactId: 'k', verifierId: null, returnedFrom: null, publicityEnd: null, greenChannel: false, identityCheck: null, ...over })!;
const china = (day: string) => new Date(`${day}T00:00:00+08:00`);
const DECISION = { amountFen: 500_000, category: 'marginal', measures: ['dibao'] };

test.each<[string, MoveId, string, Record<string, unknown>, string | null, Partial<CaseFacts>, Record<string, unknown>]>([
  ['the village passes it on', 'pass_village', 'village_review', {}, null, {}, {}],
  ['身份已核实 settles the identity check', 'pass_village', 'village_review', { identityConfirmed: true }, null, { identityCheck: 'pending' }, { identityCheck: 'confirmed' }],
  ['the county assigns a verifier', 'assign_verifier', 'county_review', { verifierId: 'v1' }, null, {}, { verifierId: 'v1' }],
  ['the verified figures, stamped', 'verification', 'verification', { verifiedIncomeFen: 1, verifiedMembers: 2, verifiedExpenseFen: 3, outcome: 'confirmed' }, null, {}, { verification: { verifiedIncomeFen: 1, verifiedMembers: 2, verifiedExpenseFen: 3, outcome: 'confirmed', at: NOW.toISOString() } }],
  ['the assessment and the notice dates (China midnight)', 'assessment', 'assessment', { result: 'agreed', attendance: 23, publicityStart: '2026-03-11', publicityEnd: '2026-03-17' }, null, {}, { assessment: { result: 'agreed', attendance: 23, at: NOW.toISOString() }, publicityStart: china('2026-03-11'), publicityEnd: china('2026-03-17') }],
  ['the decision', 'decision', 'publicity', DECISION, null, {}, { approvedAmountFen: 500_000, householdCategory: 'marginal', measures: ['dibao'] }],
  ['the payment', 'payment', 'approved', { paymentRef: 'PAY-1', paidOn: '2026-03-10' }, null, {}, { paymentRef: 'PAY-1', paidAt: china('2026-03-10') }],
  ['the green channel', 'fast_approve', 'town_review', DECISION, '住院急需', {}, { approvedAmountFen: 500_000, householdCategory: 'marginal', measures: ['dibao'], greenChannel: true }],
  ['a return remembers where from', 'return', 'county_review', { items: ['出院小结'] }, null, {}, { returnedFrom: 'county_review', missingItems: ['出院小结'] }],
  ['a resubmission forgets it', 'resubmit', 'returned', {}, null, { returnedFrom: 'county_review' }, { returnedFrom: null }],
  ['a rejection keeps the reason', 'reject', 'assessment', {}, '收入高于标准', {}, { rejectionReason: '收入高于标准' }],
  ['a withdrawal writes nothing else', 'withdraw', 'publicity', {}, null, {}, {}],
])('writes: %s', (_name, id, from, data, note, over, expected) => {
  const rule = ruleById(id);
  const parsed = rule.data.parse(data) as Record<string, unknown>;
  expect(writesOf(rule, facts({ status: from as CaseFacts['status'], ...over }), parsed, { from: from as CaseFacts['status'], note, now: NOW })).toEqual(expected);
});

describe('the public-notice guard says which of its reasons refused (readers word it by the reason, the API keeps the code)', () => {
  const end = (day: string) => ({ publicityEnd: china(day) });
  test.each([
    ['the notice still running', end('2026-03-10'), 0, 'publicity_running'],
    ['still running with objections open: the running notice first', end('2026-03-10'), 2, 'publicity_running'],
    ['ended, objections open', end('2026-03-09'), 1, 'open_objections'],
    ['ended, none open', end('2026-03-09'), 0, null],
  ] as const)('%s', (_name, c, openObjections, reason) => {
    const refusal = publicityGuard(c, { now: new Date('2026-03-10T04:00:00Z'), openObjections });
    expect(refusal && { code: refusal.code, reason: refusal.reason }).toEqual(reason && { code: 'guard', reason });
  });
});

test('returnsTo: a returned case goes back to the step that returned it, the village review when unknown', () => {
  expect(returnsTo({ returnedFrom: 'county_review' })).toBe('county_review');
  expect(returnsTo({ returnedFrom: null })).toBe('village_review');
  expect(ruleById('resubmit').to(facts({ status: 'returned', returnedFrom: 'assessment' }))).toBe('assessment');
});

describe('the status sets, each named once', () => {
  test('CASE_STATUS names every status as itself', () => {
    expect(Object.entries(CASE_STATUS)).toEqual(CASE_STATUSES.map((s) => [s, s]));
  });
  test('the timed statuses (watched for lateness) are the reviews, the payment and the return', () => {
    expect([...TIMED_STATUSES].sort()).toEqual([...REVIEW_STATUSES, 'approved', 'returned'].sort());
  });
  test('undecided: everything before a decision, from the filing on', () => {
    expect([...UNDECIDED_STATUSES].sort()).toEqual(CASE_STATUSES.filter((s) => s !== 'approved' && !FINAL_STATUSES.includes(s)).sort());
  });
  test.each([...CASE_STATUSES, 'someday_status'])('isFinalStatus(%s)', (s) => {
    expect(isFinalStatus(s)).toBe(['paid', 'rejected', 'withdrawn'].includes(s));
  });
});
