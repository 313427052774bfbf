/**
 * The authorization matrix of the case workflow, on a real database: every rule of the
 * transition table, from every status it leaves, × every kind of actor (village, town, county,
 * verifier, auditor, the applicant, another villager, the system) × inside / outside the
 * jurisdiction. Each attempt either succeeds or is refused with the exact code; a refusal changes
 * nothing and writes one audit entry. Attempts run in a transaction that is rolled back, so every
 * row of the table starts from the same case.
 *
 * Then the data a move needs (field named on a refusal) and two approvals racing on one case.
 */
import { actorForCadre } from '../../server/core/auth/actor';
import type { PrismaClient, Prisma } from '../../server/generated/prisma/client';
import { seedDemoCounty, type DemoSeed } from '../../server/seed/demo-county';
import { type Action, type Actor, type CadreActor, type CaseStatus, DEFAULT_TIME_LIMITS, type RefusalCode, REVIEW_STATUSES, type Role, SYSTEM, TRANSITIONS } from '../../flows/workflow';
import { performTransition, type TransitionRequest, type TransitionResult, type WorkflowSettings } from '../../server/core/workflow/perform';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { insertCase } from '../support/fixtures';
import { WEEKENDS_ONLY } from '../../server/core/workflow/deadlines';

/** Tuesday 10 March 2026, 10:00 in China. */
const NOW = new Date('2026-03-10T02:00:00Z');
const SETTINGS: WorkflowSettings = { limits: DEFAULT_TIME_LIMITS, publicityMinDays: 5, calendar: WEEKENDS_ONLY };
const LIUSHU = '439901100201'; // 青山镇 柳树村: every case of the matrix lies here

let db: TestDatabase;
let prisma: PrismaClient;
let seed: DemoSeed;

// ---------------------------------------------------------------------------------------------
// The actors
// ---------------------------------------------------------------------------------------------

const ACTOR_KEYS = [
  'village_in', // 柳树村村委会
  'village_out', // 白石村村委会
  'town_in', // 青山镇帮扶站
  'town_out', // 白石乡帮扶站
  'county', // 县帮扶办 (the whole county)
  'verifier_assigned', // 人保核查员, the case's verifier
  'verifier_other', // another verifier over the county, not assigned
  'verifier_out', // a verifier of 白石乡 only
  'auditor',
  'villager_owner', // the applicant's contact
  'villager_other', // someone else's contact
  'system',
] as const;
type ActorKey = (typeof ACTOR_KEYS)[number];

const actors = {} as Record<ActorKey, Actor>;
let ownerContactId: string;

// ---------------------------------------------------------------------------------------------
// The specification: who may make each move
// ---------------------------------------------------------------------------------------------

type Who =
  | { kind: 'system' }
  | { kind: 'applicant' }
  /** A cadre of one of `roles`, inside the jurisdiction (a verifier: the assigned one). */
  | { kind: 'cadre'; roles: Role[] }
  /** The applicant, or a cadre of `roles` (papers handed in at the office). */
  | { kind: 'applicant_or_cadre'; roles: Role[] };

/** Owners of each review level; the county office may step in everywhere (but not return for another level). */
const OWNERS: Record<string, Role[]> = {
  village_review: ['village', 'county'],
  town_review: ['town', 'county'],
  county_review: ['county'],
  verification: ['verifier', 'county'],
  assessment: ['village', 'county'],
  publicity: ['county'],
  approved: ['county'],
};
const RETURNERS: Record<string, Role[]> = {
  village_review: ['village'],
  town_review: ['town'],
  county_review: ['county'],
  verification: ['verifier', 'county'],
  assessment: ['village'],
};

/** `${action}:${from}` (resubmit: `resubmit:returned<${returnedFrom}`) → who may. */
const SPEC: Record<string, Who> = {
  'accept:submitted': { kind: 'system' },
  ...Object.fromEntries(Object.entries(OWNERS).map(([s, roles]) => [`approve:${s}`, { kind: 'cadre', roles }])),
  ...Object.fromEntries(['village_review', 'town_review', 'county_review', 'verification', 'assessment'].map((s) => [`fast_approve:${s}`, { kind: 'cadre', roles: ['county'] }])),
  ...Object.fromEntries(Object.entries(RETURNERS).map(([s, roles]) => [`return:${s}`, { kind: 'cadre', roles }])),
  ...Object.fromEntries(Object.entries(RETURNERS).map(([s]) => [`resubmit:returned<${s}`, { kind: 'applicant_or_cadre', roles: OWNERS[s] }])),
  ...Object.fromEntries(REVIEW_STATUSES.map((s) => [`reject:${s}`, { kind: 'cadre', roles: OWNERS[s] }])),
  ...Object.fromEntries([...REVIEW_STATUSES, 'returned'].map((s) => [`withdraw:${s}`, { kind: 'applicant' }])),
};

const ROLE_OF: Partial<Record<ActorKey, Role>> = {
  village_in: 'village',
  village_out: 'village',
  town_in: 'town',
  town_out: 'town',
  county: 'county',
  verifier_assigned: 'verifier',
  verifier_other: 'verifier',
  verifier_out: 'verifier',
  auditor: 'auditor',
};
const OUTSIDE: ActorKey[] = ['village_out', 'town_out', 'verifier_out'];

/**
 * What the specification says happens when `who` makes a move whose owner the status names. The
 * region comes first (ownership for a villager): outside it, whatever the move, the refusal is
 * the one a case that does not exist would get (issue 8, finding 5).
 */
function expected(spec: Who, key: ActorKey, assigned: boolean): 'ok' | RefusalCode {
  const role = ROLE_OF[key];
  if (OUTSIDE.includes(key)) return 'outside_jurisdiction';
  // an insurer's verifier knows only the cases assigned to it: any other reads as not found
  if (role === 'verifier' && !(key === 'verifier_assigned' && assigned)) return 'outside_jurisdiction';
  if (key === 'villager_other') return 'not_own_case';
  if (spec.kind === 'system') return key === 'system' ? 'ok' : 'no_role';
  if (key === 'villager_owner' && (spec.kind === 'applicant' || spec.kind === 'applicant_or_cadre')) return 'ok';
  if (spec.kind === 'applicant' || !role) return 'no_role';
  if (!spec.roles.includes(role)) return 'no_role';
  return 'ok';
}

// ---------------------------------------------------------------------------------------------
// The scenarios: one per rule and status it leaves, with a case there and the data that passes
// ---------------------------------------------------------------------------------------------

const DECISION = { amountFen: 500_000, category: 'sudden_hardship', measures: ['temporary_relief', 'medical_aid'] };
const VERIFIED = { verifiedIncomeFen: 2_000_000, verifiedMembers: 4, verifiedExpenseFen: 3_200_000, outcome: 'confirmed' };
const china = (day: string) => new Date(`${day}T00:00:00+08:00`);

type Scenario = { key: string; action: Action; from: CaseStatus; returnedFrom?: CaseStatus; to: CaseStatus; spec: Who };

const SCENARIOS: Scenario[] = TRANSITIONS.flatMap((rule) =>
  rule.from.flatMap((from) => {
    const origins: (CaseStatus | undefined)[] = rule.action === 'resubmit' ? (Object.keys(RETURNERS) as CaseStatus[]) : [undefined];
    return origins.map((returnedFrom) => {
      const key = returnedFrom ? `${rule.action}:${from}<${returnedFrom}` : `${rule.action}:${from}`;
      const facts = { status: from, returnedFrom: returnedFrom ?? null } as Parameters<typeof rule.to>[0];
      return { key, action: rule.action, from, returnedFrom, to: rule.to(facts), spec: SPEC[key] };
    });
  }),
);

function requestFor(s: Scenario): TransitionRequest {
  const req: TransitionRequest = { action: s.action, to: s.to };
  if (s.action === 'approve' && s.from === 'county_review') req.data = { verifierId: verifierAssignedId };
  if (s.action === 'approve' && s.from === 'verification') req.data = VERIFIED;
  if (s.action === 'approve' && s.from === 'assessment') req.data = { result: 'agreed', attendance: 23, publicityStart: '2026-03-11', publicityEnd: '2026-03-17' };
  if (s.action === 'approve' && s.from === 'publicity') req.data = DECISION;
  if (s.action === 'approve' && s.from === 'approved') req.data = { paymentRef: 'PAY-2026-0001', paidOn: '2026-03-10' };
  if (s.action === 'fast_approve') Object.assign(req, { data: DECISION, note: '住院急需' });
  if (s.action === 'return') req.data = { items: ['出院小结'] };
  if (s.action === 'reject') req.note = '家庭收入高于标准';
  return req;
}

const AFTER_COUNTY: CaseStatus[] = ['verification', 'assessment', 'publicity', 'approved', 'paid'];

/** The columns a case in `status` has by the time it gets there. */
function fieldsFor(status: CaseStatus, returnedFrom?: CaseStatus): Partial<Prisma.CaseUncheckedCreateInput> {
  const f: Partial<Prisma.CaseUncheckedCreateInput> = { statusSince: new Date('2026-03-01T02:00:00Z') };
  if (AFTER_COUNTY.includes(status) || (returnedFrom && AFTER_COUNTY.includes(returnedFrom))) f.verifierId = verifierAssignedId;
  if (status === 'publicity') Object.assign(f, { publicityStart: china('2026-03-01'), publicityEnd: china('2026-03-07') });
  if (status === 'approved') Object.assign(f, { approvedAmountFen: 500_000, householdCategory: 'sudden_hardship', measures: ['temporary_relief'] });
  if (status === 'returned') Object.assign(f, { returnedFrom, missingItems: ['出院小结'] });
  return f;
}

let verifierAssignedId: string;
const caseOf = new Map<string, { caseNo: string; caseId: string }>();

class Rollback extends Error {}

/** Runs `body` in a transaction and rolls it back. */
async function rolledBack(body: (tx: Prisma.TransactionClient) => Promise<void>): Promise<void> {
  await prisma
    .$transaction(async (tx) => {
      await body(tx);
      throw new Rollback();
    }, { timeout: 20_000 })
    .catch((err) => {
      if (!(err instanceof Rollback)) throw err;
    });
}

/** A row's columns as data (rows read through the sealing client carry per-object helper functions). */
const columns = (row: object): unknown => JSON.parse(JSON.stringify(row));

/** One attempt, checked: success moves the case and writes its event; a refusal changes nothing and is audited. */
async function attempt(tx: Prisma.TransactionClient, caseNo: string, actor: Actor, req: TransitionRequest, now = NOW, settings = SETTINGS): Promise<TransitionResult> {
  const before = await tx.case.findUniqueOrThrow({ where: { caseNo } });
  const eventsBefore = await tx.caseEvent.count({ where: { caseId: before.id } });
  const auditsBefore = await tx.auditEntry.count();
  const result = await performTransition(tx, settings, actor, caseNo, req, now);
  const after = await tx.case.findUniqueOrThrow({ where: { caseNo } });
  const events = await tx.caseEvent.findMany({ where: { caseId: before.id }, orderBy: { seq: 'asc' } });
  if (result.ok) {
    expect(after.status).toBe(result.to);
    expect(events).toHaveLength(eventsBefore + 1);
    expect(events.at(-1)).toMatchObject({ type: result.action, fromStatus: before.status, toStatus: result.to, actorType: actor.kind });
    expect(await tx.auditEntry.count()).toBe(auditsBefore);
  } else {
    expect(columns(after)).toEqual(columns(before));
    expect(events).toHaveLength(eventsBefore);
    const audits = await tx.auditEntry.findMany({ orderBy: { seq: 'asc' } });
    expect(audits).toHaveLength(auditsBefore + 1);
    const entry = audits.find((a) => a.reason?.startsWith(`${result.code}:`) && a.caseNo === caseNo);
    expect(entry).toMatchObject({ allowed: false, actorType: actor.kind, action: `transition:${req.action ?? req.to}` });
  }
  return result;
}

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  seed = await seedDemoCounty(prisma, { now: NOW });
  const cadre = async (key: string) => prisma.cadre.findUniqueOrThrow({ where: { id: seed.cadres.find((c) => c.key === key)!.id } });
  const regionId = async (code: string) => (await prisma.region.findUniqueOrThrow({ where: { code } })).id;
  const other = await prisma.cadre.create({ data: { name: '太平洋核查员', role: 'verifier', regionId: await regionId('439901') } });
  const outside = await prisma.cadre.create({ data: { name: '白石核查员', role: 'verifier', regionId: await regionId('439901200') } });
  const rows: Record<string, { id: string; name: string; role: string; regionId: string }> = {
    village_in: await cadre('liushu'),
    village_out: await cadre('baishi'),
    town_in: await cadre('qingshan'),
    town_out: await cadre('baishi_town'),
    county: await cadre('county'),
    verifier_assigned: await cadre('verifier'),
    verifier_other: other,
    verifier_out: outside,
    auditor: await cadre('auditor'),
  };
  for (const [key, row] of Object.entries(rows)) actors[key as ActorKey] = await actorForCadre(prisma, row);
  verifierAssignedId = rows.verifier_assigned.id;

  const owner = await prisma.contact.create({ data: { channel: 'test:bot', externalId: 'owner', name: '申请人' } });
  const stranger = await prisma.contact.create({ data: { channel: 'test:bot', externalId: 'stranger', name: '路人' } });
  ownerContactId = owner.id;
  let n = 0;
  for (const s of SCENARIOS) {
    const made = await insertCase(prisma, '/nonexistent', { villageCode: LIUSHU, status: s.from, idNumber: idNumber(n++), contactId: owner.id, fields: fieldsFor(s.from, s.returnedFrom) });
    caseOf.set(s.key, made);
  }
  const ownerCase = await prisma.case.findFirstOrThrow({ where: { contactId: owner.id } });
  const strangerHousehold = await prisma.household.create({ data: { villageId: ownerCase.villageId, headName: '路人', headIdNumber: idNumber(999), phone: '13900139000', size: 1 } });
  actors.villager_owner = { kind: 'villager', contactId: owner.id, householdId: null };
  actors.villager_other = { kind: 'villager', contactId: stranger.id, householdId: strangerHousehold.id };
  actors.system = SYSTEM;
});

afterAll(async () => {
  await db.close();
});

/** Distinct 18-character ID numbers for fixture households (checksums do not matter here). */
function idNumber(n: number): string {
  return `1101051950${String(n).padStart(7, '0')}X`;
}

describe('the specification covers the whole table', () => {
  test('every rule and status it leaves has a row in the specification', () => {
    expect(SCENARIOS.filter((s) => !s.spec).map((s) => s.key)).toEqual([]);
    expect(SCENARIOS.length).toBe(Object.keys(SPEC).length);
  });
});

/** Whether the scenario's case has the assigned verifier by then (fieldsFor gives it one). */
const hasVerifier = (s: Scenario) => AFTER_COUNTY.includes(s.from) || (!!s.returnedFrom && AFTER_COUNTY.includes(s.returnedFrom));
const MATRIX = SCENARIOS.flatMap((s) => ACTOR_KEYS.map((who) => [s.key, who, s.spec ? expected(s.spec, who, hasVerifier(s)) : 'ok', s] as const));

describe('authorization matrix: every move × every actor × inside/outside', () => {
  test.each(MATRIX)('%s by %s → %s', async (_key, who, outcome, scenario) => {
    const { caseNo } = caseOf.get(scenario.key)!;
    await rolledBack(async (tx) => {
      const result = await attempt(tx, caseNo, actors[who], requestFor(scenario));
      expect(result.ok ? 'ok' : result.code).toBe(outcome);
      if (result.ok) expect(result.to).toBe(scenario.to);
    });
  });
});

describe('the applicant is recognised by contact or by household', () => {
  test('the same household on a new contact may withdraw', async () => {
    const { caseNo } = caseOf.get('withdraw:village_review')!;
    const c = await prisma.case.findUniqueOrThrow({ where: { caseNo } });
    const newContact = await prisma.contact.create({ data: { channel: 'test:bot', externalId: 'owner-relinked', name: '申请人', householdId: c.householdId } });
    await rolledBack(async (tx) => {
      const result = await attempt(tx, caseNo, { kind: 'villager', contactId: newContact.id, householdId: c.householdId }, { action: 'withdraw' });
      expect(result.ok).toBe(true);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// What a move needs
// ---------------------------------------------------------------------------------------------

describe('the data a move needs: refused with the field named, nothing changed', () => {
  let n = 500;
  const fresh = async (status: CaseStatus, fields: Partial<Prisma.CaseUncheckedCreateInput> = {}) =>
    (await insertCase(prisma, '/nonexistent', { villageCode: LIUSHU, status, idNumber: idNumber(n++), contactId: ownerContactId, fields: { ...fieldsFor(status), ...fields } })).caseNo;

  type Row = [label: string, status: CaseStatus, who: ActorKey, req: () => TransitionRequest, outcome: 'ok' | RefusalCode, field?: string, extra?: { now?: Date; settings?: WorkflowSettings; fields?: Partial<Prisma.CaseUncheckedCreateInput>; objections?: ('open' | 'resolved')[]; verifier?: () => Promise<string> }];
  const assessment = (start: string, end: string) => ({ result: 'agreed', attendance: 23, publicityStart: start, publicityEnd: end });
  const table: Row[] = [
    ['assigning without a verifier', 'county_review', 'county', () => ({ to: 'verification' }), 'invalid_data', 'data.verifierId'],
    ['assigning a cadre who is no verifier', 'county_review', 'county', () => ({ to: 'verification', data: { verifierId: (actors.village_in as CadreActor).id } }), 'invalid_data', 'data.verifierId'],
    ['assigning an unknown id', 'county_review', 'county', () => ({ to: 'verification', data: { verifierId: 'nobody-0000000' } }), 'invalid_data', 'data.verifierId'],
    ['assigning a verifier who does not cover the village', 'county_review', 'county', () => ({ to: 'verification', data: { verifierId: (actors.verifier_out as CadreActor).id } }), 'invalid_data', 'data.verifierId'],
    ['assigning a deactivated verifier', 'county_review', 'county', () => ({ to: 'verification', data: { verifierId: inactiveVerifierId } }), 'invalid_data', 'data.verifierId'],
    ['verification without the members', 'verification', 'verifier_assigned', () => ({ to: 'assessment', data: { ...VERIFIED, verifiedMembers: undefined } }), 'invalid_data', 'data.verifiedMembers'],
    ['verification with a fractional amount', 'verification', 'verifier_assigned', () => ({ to: 'assessment', data: { ...VERIFIED, verifiedIncomeFen: 12.5 } }), 'invalid_data', 'data.verifiedIncomeFen'],
    ['a notice of 4 days', 'assessment', 'village_in', () => ({ to: 'publicity', data: assessment('2026-03-11', '2026-03-14') }), 'invalid_data', 'data.publicityEnd'],
    ['a notice of exactly 5 days', 'assessment', 'village_in', () => ({ to: 'publicity', data: assessment('2026-03-11', '2026-03-15') }), 'ok'],
    ['a notice starting today', 'assessment', 'village_in', () => ({ to: 'publicity', data: assessment('2026-03-10', '2026-03-14') }), 'ok'],
    ['a notice that started yesterday', 'assessment', 'village_in', () => ({ to: 'publicity', data: assessment('2026-03-09', '2026-03-20') }), 'invalid_data', 'data.publicityStart'],
    ['5 days when the county asks for 7', 'assessment', 'village_in', () => ({ to: 'publicity', data: assessment('2026-03-11', '2026-03-15') }), 'invalid_data', 'data.publicityEnd', { settings: { ...SETTINGS, publicityMinDays: 7 } }],
    ['an assessment proposing measures', 'assessment', 'village_in', () => ({ to: 'publicity', data: { ...assessment('2026-03-11', '2026-03-17'), proposedMeasures: ['medical_aid'] } }), 'ok'],
    ['an assessment proposing an unknown measure', 'assessment', 'village_in', () => ({ to: 'publicity', data: { ...assessment('2026-03-11', '2026-03-17'), proposedMeasures: ['a_pony'] } }), 'invalid_data', 'data.proposedMeasures.0'],
    ['an assessment the village did not agree to', 'assessment', 'village_in', () => ({ to: 'publicity', data: { ...assessment('2026-03-11', '2026-03-17'), result: 'disagreed' } }), 'invalid_data', 'data.result'],
    ['approving while the notice runs', 'publicity', 'county', () => ({ to: 'approved', data: DECISION }), 'guard', undefined, { fields: { publicityStart: china('2026-03-06'), publicityEnd: china('2026-03-12') } }],
    ['approving on the notice’s last day', 'publicity', 'county', () => ({ to: 'approved', data: DECISION }), 'guard', undefined, { fields: { publicityStart: china('2026-03-04'), publicityEnd: china('2026-03-10') } }],
    ['approving the day after it ended', 'publicity', 'county', () => ({ to: 'approved', data: DECISION }), 'ok', undefined, { fields: { publicityStart: china('2026-03-03'), publicityEnd: china('2026-03-09') } }],
    ['approving with an open objection', 'publicity', 'county', () => ({ to: 'approved', data: DECISION }), 'guard', undefined, { objections: ['resolved', 'open'] }],
    ['approving once every objection is resolved', 'publicity', 'county', () => ({ to: 'approved', data: DECISION }), 'ok', undefined, { objections: ['resolved', 'resolved'] }],
    ['a decision without a measure', 'publicity', 'county', () => ({ to: 'approved', data: { ...DECISION, measures: [] } }), 'invalid_data', 'data.measures'],
    ['a decision with an unknown category', 'publicity', 'county', () => ({ to: 'approved', data: { ...DECISION, category: 'poor' } }), 'invalid_data', 'data.category'],
    ['a decision of 0 fen', 'publicity', 'county', () => ({ to: 'approved', data: { ...DECISION, amountFen: 0 } }), 'invalid_data', 'data.amountFen'],
    ['paying without a reference', 'approved', 'county', () => ({ to: 'paid', data: { paidOn: '2026-03-10' } }), 'invalid_data', 'data.paymentRef'],
    ['paying on a malformed date', 'approved', 'county', () => ({ to: 'paid', data: { paymentRef: 'PAY-1', paidOn: '10/03/2026' } }), 'invalid_data', 'data.paidOn'],
    ['rejecting without a reason', 'town_review', 'town_in', () => ({ to: 'rejected' }), 'invalid_data', 'note'],
    ['rejecting with a blank reason', 'town_review', 'town_in', () => ({ to: 'rejected', note: '   ' }), 'invalid_data', 'note'],
    ['returning without a list', 'village_review', 'village_in', () => ({ to: 'returned', data: { items: [] } }), 'invalid_data', 'data.items'],
    ['the green channel without a reason', 'village_review', 'county', () => ({ action: 'fast_approve', data: DECISION }), 'invalid_data', 'note'],
    ['the green channel from the public notice', 'publicity', 'county', () => ({ action: 'fast_approve', data: DECISION, note: '急' }), 'not_allowed_from_status', 'action'],
    ['a move the status does not have', 'village_review', 'village_in', () => ({ to: 'paid' }), 'not_allowed_from_status', 'to'],
    ['anything on a closed case', 'paid', 'county', () => ({ to: 'rejected', note: 'x' }), 'not_allowed_from_status', 'to'],
    ['an unknown case', 'village_review', 'county', () => ({ to: 'town_review' }), 'not_found'],
  ];

  let inactiveVerifierId: string;
  beforeAll(async () => {
    const county = await prisma.region.findUniqueOrThrow({ where: { code: '439901' } });
    inactiveVerifierId = (await prisma.cadre.create({ data: { name: '离职核查员', role: 'verifier', regionId: county.id, active: false } })).id;
  });

  // objects, not arrays: jest takes a row shorter than the function's arity as asking for `done`
  const rows = table.map(([label, status, who, req, outcome, field, extra]) => ({ label, status, who, req, outcome, field, extra: extra ?? {} }));
  test.each(rows)('$label ($status, by $who)', async ({ label, status, who, req, outcome, field, extra }) => {
    const caseNo = label === 'an unknown case' ? 'FP-2026-999999' : await fresh(status, extra.fields);
    if (extra.objections) {
      const c = await prisma.case.findUniqueOrThrow({ where: { caseNo } });
      for (const o of extra.objections) await prisma.objection.create({ data: { caseId: c.id, note: '有村民反映', ...(o === 'resolved' ? { resolvedAt: NOW, resolution: '核实无误' } : {}) } });
    }
    await rolledBack(async (tx) => {
      if (label === 'an unknown case') {
        const result = await performTransition(tx, SETTINGS, actors[who], caseNo, req(), NOW);
        expect(result).toMatchObject({ ok: false, code: 'not_found' });
        return;
      }
      const result = await attempt(tx, caseNo, actors[who], req(), extra.now ?? NOW, extra.settings ?? SETTINGS);
      expect(result.ok ? 'ok' : result.code).toBe(outcome);
      if (!result.ok && field) expect(result.field).toBe(field);
    });
  });

  test('an approval writes the data to the case', async () => {
    const caseNo = await fresh('assessment');
    const result = await prisma.$transaction((tx) =>
      performTransition(tx, SETTINGS, actors.village_in, caseNo, { to: 'publicity', data: assessment('2026-03-11', '2026-03-17') }, NOW),
    );
    expect(result.ok).toBe(true);
    const c = await prisma.case.findUniqueOrThrow({ where: { caseNo } });
    expect(c.publicityStart).toEqual(china('2026-03-11'));
    expect(c.publicityEnd).toEqual(china('2026-03-17'));
    expect(c.assessment).toMatchObject({ result: 'agreed', attendance: 23 });
    expect(c.assessment).not.toHaveProperty('proposedMeasures');
    expect(c.statusSince).toEqual(NOW);
  });

  test.each([
    ['two measures', ['medical_aid', 'temporary_relief'], ['medical_aid', 'temporary_relief']],
    ['one named twice', ['medical_aid', 'medical_aid'], ['medical_aid']],
    ['an empty list (the console’s cleared select)', [], undefined],
  ])('the assessment keeps the proposed measures (拟帮扶措施) in its record: %s', async (_what, proposed, stored) => {
    const caseNo = await fresh('assessment');
    const result = await prisma.$transaction((tx) =>
      performTransition(tx, SETTINGS, actors.village_in, caseNo, { to: 'publicity', data: { ...assessment('2026-03-11', '2026-03-17'), proposedMeasures: proposed } }, NOW),
    );
    expect(result.ok).toBe(true);
    const c = await prisma.case.findUniqueOrThrow({ where: { caseNo } });
    expect((c.assessment as { proposedMeasures?: string[] }).proposedMeasures).toEqual(stored);
    // the measures decided stay the county's to write
    expect(c.measures).toEqual(null);
  });
});

// ---------------------------------------------------------------------------------------------
// Two cadres at once
// ---------------------------------------------------------------------------------------------

describe('concurrency', () => {
  test.each([
    ['the village cadre twice', 'village_in', 'village_in'],
    ['the village cadre and the county office', 'village_in', 'county'],
  ] as const)('two approvals of one case at once (%s): exactly one succeeds, one event', async (_l, a, b) => {
    const { caseNo, caseId } = await insertCase(prisma, '/nonexistent', { villageCode: LIUSHU, status: 'village_review', idNumber: idNumber(800 + (a === b ? 0 : 1)), contactId: ownerContactId });
    const approve = (who: ActorKey) => prisma.$transaction((tx) => performTransition(tx, SETTINGS, actors[who], caseNo, { to: 'town_review' }, NOW));
    const results = await Promise.all([approve(a), approve(b)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'not_allowed_from_status' });
    expect(await prisma.caseEvent.count({ where: { caseId, type: 'approve' } })).toBe(1);
    expect((await prisma.case.findUniqueOrThrow({ where: { caseNo } })).status).toBe('town_review');
    expect(await prisma.auditEntry.count({ where: { caseNo } })).toBe(1);
  });
});
