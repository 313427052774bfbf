/**
 * 干部排查 (real PostgreSQL, fixed clock): POST /api/households/found registers a household new to
 * the register (sealed, its blind index written) or finds one by a member's ID number without a
 * second row; records a HouseholdRisk of source cadre_round and raises a check task due after the
 * county's identification limit, shown in GET /api/alerts as 干部排查 — not beside an open case of
 * the same cause, told by chat to the household's 帮扶责任人 or the village's cadres; another
 * village's cadre is answered as for a village that does not exist (404),
 * and a bad body is a 400 naming the field.
 */
import { idCheckChar } from '../../flows/parse/id-number';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { call } from '../miniprogram/support';
import { bindCadre, outboxRows } from '../outbox/support';
import { startTestServer, type TestServer } from '../support/server';

const LIUSHU = '439901100201';
const BAISHI = '439901200201';
const T0 = Date.parse('2026-07-20T01:00:00Z'); // a Monday, 09:00 in China
const TODAY = '2026-07-20';

let srv: TestServer;
let prisma: PrismaClient;
let liushuId: string;

function idFor(n: number): string {
  const first17 = `439901${1970 + n}0303${String(n).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

const body = (over: Record<string, unknown> = {}) => ({ headName: '何家旺', idNumber: idFor(1), village: LIUSHU, householdSize: 3, cause: 'illness', note: '户主住院，家中无劳力', foundOn: TODAY, ...over });
const found = (token: string, b: unknown) => call(srv, 'POST', '/api/households/found', { token, body: b });

beforeAll(async () => {
  srv = await startTestServer({ now: () => new Date(T0) });
  prisma = srv.db.prisma;
  liushuId = (await prisma.region.findUniqueOrThrow({ where: { code: LIUSHU } })).id;
});

afterAll(async () => {
  await srv.close();
});

const liushu = () => srv.cadre('liushu').token;

test('a household new to the register: registered sealed, a cadre_round risk and a check task shown as 干部排查', async () => {
  const res = await found(liushu(), body({ phone: '13900139001' }));
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ registered: true, alertId: expect.any(String) });
  const h = await prisma.household.findUniqueOrThrow({ where: { id: res.body.householdId }, include: { risks: true } });
  expect(h).toMatchObject({ villageId: liushuId, headName: '何家旺', headIdNumber: idFor(1), size: 3, monitoringState: 'none' });
  expect(h.risks).toEqual([expect.objectContaining({ cause: 'illness', source: 'cadre_round', note: '户主住院，家中无劳力' })]);
  // sealed at rest, found through its blind index
  const [raw] = await prisma.$queryRaw<{ headIdNumber: string; headIdIndex: string | null }[]>`SELECT "headIdNumber", "headIdIndex" FROM "Household" WHERE id = ${h.id}`;
  expect(raw!.headIdNumber).not.toContain(idFor(1));
  expect(raw!.headIdIndex).toBe(srv.db.keyring.blindIndex('household-id', idFor(1)));
  const [risk] = await prisma.$queryRaw<{ note: string }[]>`SELECT note FROM "HouseholdRisk" WHERE "householdId" = ${h.id}`;
  expect(risk!.note).not.toContain('住院');

  const alert = await prisma.alert.findUniqueOrThrow({ where: { id: res.body.alertId } });
  expect(alert).toMatchObject({ source: 'cadre_round', departmentId: null, foundById: srv.cadre('liushu').id, cause: 'illness', status: 'open', villageId: liushuId });
  // the 15-day clock of a department's alert (working days of the county's calendar): later than 15 calendar days less a weekend
  expect(alert.dueAt.getTime()).toBeGreaterThan(T0 + 14 * 86_400_000);
  expect(res.body.dueAt).toBe(alert.dueAt.toISOString());
  const list = await call(srv, 'GET', '/api/alerts?status=open', { token: liushu() });
  expect(list.status).toBe(200);
  expect(list.body.items.find((a: { id: string }) => a.id === alert.id)).toMatchObject({ source: 'cadre_round', origin: '干部排查', department: null, household: { id: h.id } });
  const audit = await prisma.auditEntry.findFirst({ where: { action: 'alerts:cadre-found', subject: `household:${h.id}`, allowed: true } });
  expect(audit).not.toBeNull();
});

test('a household found by a member’s ID number: no second household; the task dedupes against its open alert', async () => {
  const first = await found(liushu(), body({ idNumber: idFor(2), headName: '罗春', cause: 'disaster' }));
  expect(first.status).toBe(201);
  await prisma.member.create({ data: { householdId: first.body.householdId, name: '罗小春', relation: 'child', idNumber: idFor(3) } });
  const before = await prisma.household.count();
  const res = await found(liushu(), body({ idNumber: idFor(3), headName: '罗小春', cause: 'education' }));
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ householdId: first.body.householdId, registered: false, alertId: expect.any(String) });
  expect(await prisma.household.count()).toBe(before);
  // the same cause again: the risk is recorded, no second open task
  const again = await found(liushu(), body({ idNumber: idFor(3), headName: '罗小春', cause: 'disaster' }));
  expect(again.body).toMatchObject({ householdId: first.body.householdId, alertId: null, dueAt: null });
  expect(await prisma.alert.count({ where: { householdId: first.body.householdId, status: 'open' } })).toBe(2);
  expect(await prisma.householdRisk.count({ where: { householdId: first.body.householdId, source: 'cadre_round' } })).toBe(3);
});

test('no task beside an open case of the same cause; another cause still raises one', async () => {
  const h = await prisma.household.create({ data: { villageId: liushuId, headName: '邓有才', headIdNumber: idFor(4), phone: '13900139004', size: 2 } });
  await prisma.case.create({
    data: { caseNo: 'FP-2026-900001', householdId: h.id, villageId: liushuId, channel: 'test', cause: 'illness', status: 'village_review', answers: { note: 'fixture' }, householdSize: 2, annualIncomeFen: 2_000_000, perCapitaIncomeFen: 1_000_000, rigidExpenseFen: 3_000_000, incomeYear: 2026 },
  });
  const table = [
    { cause: 'illness', raised: false },
    { cause: 'housing', raised: true },
  ];
  for (const row of table) {
    const res = await found(liushu(), body({ idNumber: idFor(4), headName: '邓有才', cause: row.cause }));
    expect(res.status).toBe(201);
    expect({ cause: row.cause, registered: res.body.registered, raised: res.body.alertId !== null, household: res.body.householdId }).toEqual({ cause: row.cause, registered: false, raised: row.raised, household: h.id });
  }
});

test('another village’s cadre is answered as for a village that does not exist (404), audited; the county reaches it', async () => {
  const before = await prisma.household.count();
  const res = await found(srv.cadre('baishi').token, body({ idNumber: idFor(5) }));
  expect(res.status).toBe(404);
  expect(await prisma.household.count()).toBe(before);
  expect(await prisma.auditEntry.count({ where: { action: 'alerts:cadre-found', allowed: false, subject: `village:${LIUSHU}` } })).toBe(1);
  // a household of 柳树村 found by 白石村's cadre naming its own village: the household is not theirs
  const elsewhere = await found(srv.cadre('baishi').token, body({ idNumber: idFor(1), village: BAISHI }));
  expect(elsewhere.status).toBe(404);
  const county = await found(srv.tokenOf('county'), body({ idNumber: idFor(5), headName: '江水' }));
  expect(county.status).toBe(201);
  expect(await prisma.auditEntry.count({ where: { action: 'alerts:cadre-found', allowed: false } })).toBe(2);
});

test('the check task is told by chat in its transaction: the 帮扶责任人 when one is bound, else the village’s cadres — never the recorder', async () => {
  await bindCadre(prisma, srv.cadre('liushu').id, 'c-liushu');
  await bindCadre(prisma, srv.cadre('qingshan').id, 'c-qingshan');
  await prisma.household.create({ data: { villageId: liushuId, headName: '潘桂芳', headIdNumber: idFor(8), phone: '13900139008', size: 2, responsibleCadreId: srv.cadre('qingshan').id } });
  const table = [
    { who: 'the town records a household of no 帮扶责任人: the village hears', by: srv.cadre('qingshan').token, id: idFor(7), name: '黄大海', to: ['c-liushu'], masked: '黄*海' },
    { who: 'the village records a household its 帮扶责任人 follows: that cadre hears', by: liushu(), id: idFor(8), name: '潘桂芳', to: ['c-qingshan'], masked: '潘*芳' },
    { who: 'the village records one of no 帮扶责任人: the recorder is the village’s one bound cadre', by: liushu(), id: idFor(9), name: '龙国庆', to: [], masked: '' },
  ];
  for (const row of table) {
    const res = await found(row.by, body({ idNumber: row.id, headName: row.name, cause: 'housing' }));
    expect(res.status).toBe(201);
    const sent = (await outboxRows(prisma)).filter((r) => r.dedupeKey?.startsWith(`alert-found:${res.body.alertId}:`));
    expect({ who: row.who, to: sent.map((r) => r.targetId) }).toEqual({ who: row.who, to: row.to });
    for (const r of sent) {
      expect(r).toMatchObject({ targetType: 'contact', kind: 'case_task' });
      expect(r.text).toContain(`柳树村${row.masked}家经干部排查发现住房安全风险`);
      expect(r.text).not.toContain(row.name);
    }
  }
  // no task raised (an open one of the cause): nobody told again
  const before = (await outboxRows(prisma)).length;
  const again = await found(srv.cadre('qingshan').token, body({ idNumber: idFor(7), headName: '黄大海', cause: 'housing' }));
  expect(again.body.alertId).toBeNull();
  expect((await outboxRows(prisma)).length).toBe(before);
});

test.each([
  ['idNumber', { idNumber: idFor(6).slice(0, 17) + (idFor(6)[17] === '0' ? '1' : '0') }],
  ['idNumber', { idNumber: '12345' }],
  ['headName', { headName: '' }],
  ['phone', { phone: '12345' }],
  ['village', { village: 'liushu' }],
  ['householdSize', { householdSize: 0 }],
  ['cause', { cause: 'luck' }],
  ['note', { note: undefined }],
  ['foundOn', { foundOn: '2026-02-30' }],
  ['foundOn', { foundOn: '2026-07-21' }],
])('400 naming %s', async (field, over) => {
  const before = await prisma.household.count();
  const res = await found(liushu(), body(over));
  expect(res.status).toBe(400);
  expect(res.body.error.field).toBe(field);
  expect(await prisma.household.count()).toBe(before);
});
