/**
 * 走访 and 风险消除 on the register (server/core/register/visits.ts, elimination.ts, follow-up-due.ts):
 * a household taken into monitoring by a cadre's risk, followed up monthly on the clock, proposed by
 * the village, returned, proposed again, approved by the town and the county — then told once; the
 * rules refuse naming what is missing; a new risk takes it back; other regions do not see it; the
 * 帮扶责任人 is reminded of a visit due once per due period.
 */
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { call, LIUSHU } from '../miniprogram/support';
import { checkFollowUpsDue } from '../../server/core/register/follow-up-due';

let now = new Date('2026-01-05T02:00:00Z'); // 5 January 2026, 10:00 in China
const at = (day: string) => (now = new Date(`${day}T10:00:00+08:00`));
let srv: TestServer;
let seq = 0;
const idNumber = () => `4399011981${String(++seq).padStart(7, '0')}X`;

type Cadre = Parameters<TestServer['cadre']>[0];
const send = (who: Cadre, path: string, body: unknown) => call(srv, 'POST', path, { token: srv.cadre(who).token, body });
const get = (who: Cadre, path: string) => call(srv, 'GET', path, { token: srv.cadre(who).token });

let a: string; // the scripted household
const ABOVE = 1_000_000; // 10,000 yuan a person a year: above the demo line of 8,700
const BELOW = 800_000;

const reminders = (householdId: string) => srv.db.prisma.outbox.count({ where: { dedupeKey: { startsWith: `follow-up-due:${householdId}:` } } });
const told = (householdId: string) => srv.db.prisma.outbox.findMany({ where: { dedupeKey: { startsWith: 'eliminated:' }, targetId: `wx-household-${householdId}` } });
const household = (id: string) => srv.db.prisma.household.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  srv = await startTestServer({ now: () => now });
  const db = srv.db.prisma;
  a = (await insertCase(db, srv.config.documentsDir, { villageCode: LIUSHU.village, status: 'paid', idNumber: idNumber() })).householdId;
  // the household's WeChat, and the village cadre's (the 帮扶责任人 is reminded there)
  await db.contact.create({ data: { channel: 'test:bot', externalId: `wx-household-${a}`, name: '户主', householdId: a, householdLink: 'confirmed' } });
  const cadreContact = await db.contact.create({ data: { channel: 'test:bot', externalId: 'wx-liushu-cadre', name: '村干部' } });
  await db.cadre.update({ where: { id: srv.cadre('liushu').id }, data: { contactId: cadreContact.id } });
}, 120_000);
afterAll(() => srv?.close());

describe('a household from 监测对象 to 风险消除', () => {
  let riskId: string;

  test('a cadre’s risk takes it into monitoring; its 帮扶责任人 is set', async () => {
    const res = await send('liushu', `/api/households/${a}/risks`, { cause: 'illness', startedOn: '2026-01-05', category: 'marginal', note: '户主慢性病' });
    expect(res.status).toBe(201);
    riskId = res.body.id;
    expect(await household(a)).toMatchObject({ monitoringState: 'monitored', monitoringCategory: 'marginal' });
    expect((await send('liushu', `/api/households/${a}/responsible`, { cadreId: srv.cadre('liushu').id })).status).toBe(200);
  });

  test('the 帮扶责任人 is reminded once when the visit is due, not every hour, and again the next period', async () => {
    at('2026-02-04');
    await checkFollowUpsDue(srv.db.prisma, now);
    expect(await reminders(a)).toBe(0); // due on 5 February
    at('2026-02-06');
    expect(await checkFollowUpsDue(srv.db.prisma, now)).toEqual({ due: 1, messages: 1 });
    now = new Date(now.getTime() + 3_600_000);
    expect((await checkFollowUpsDue(srv.db.prisma, now)).due).toBe(0);
    expect(await reminders(a)).toBe(1);
    const first = await send('liushu', `/api/households/${a}/follow-ups`, { day: '2026-02-06', perCapitaIncomeFen: ABOVE, solvedRiskIds: [riskId], note: '已报销，恢复务工' });
    expect(first.status).toBe(201);
    at('2026-03-05');
    await checkFollowUpsDue(srv.db.prisma, now);
    expect(await reminders(a)).toBe(1); // next due 6 March
    at('2026-03-07');
    await checkFollowUpsDue(srv.db.prisma, now);
    await checkFollowUpsDue(srv.db.prisma, now);
    expect(await reminders(a)).toBe(2);
  });

  test('too early: the proposal is refused naming the minimum period', async () => {
    const res = await send('liushu', `/api/households/${a}/elimination`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/less than 6 months/);
  });

  test('six monthly visits later the village proposes, the town returns, the village proposes again', async () => {
    for (const day of ['2026-03-07', '2026-04-06', '2026-05-06', '2026-06-06', '2026-07-06']) {
      at(day);
      expect((await send('liushu', `/api/households/${a}/follow-ups`, { day, perCapitaIncomeFen: ABOVE })).status).toBe(201);
    }
    expect((await send('liushu', `/api/households/${a}/elimination`, { note: '收入稳定' })).status).toBe(201);
    expect((await send('liushu', `/api/households/${a}/elimination`, {})).status).toBe(409); // one open proposal
    const noReason = await send('qingshan', `/api/households/${a}/elimination/step`, { action: 'return' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toMatch(/reason/);
    expect((await send('qingshan', `/api/households/${a}/elimination/step`, { action: 'return', reason: '补充走访照片' })).body).toEqual({ status: 'sent_back' });
    expect((await send('liushu', `/api/households/${a}/elimination`, {})).status).toBe(201);
  });

  test('the county cannot act before the town; the town approves, the county approves: eliminated and told once', async () => {
    expect((await send('county', `/api/households/${a}/elimination/step`, { action: 'approve' })).status).toBe(409);
    expect((await send('liushu', `/api/households/${a}/elimination/step`, { action: 'approve' })).status).toBe(403);
    expect((await send('qingshan', `/api/households/${a}/elimination/step`, { action: 'approve' })).body).toEqual({ status: 'town_approved' });
    at('2026-07-10');
    expect((await send('county', `/api/households/${a}/elimination/step`, { action: 'approve' })).body).toEqual({ status: 'county_approved' });
    const h = await household(a);
    expect(h.monitoringState).toBe('eliminated');
    expect(h.eliminatedOn?.toISOString()).toBe(new Date('2026-07-10T00:00:00+08:00').toISOString());
    expect(await told(a)).toHaveLength(1);
    const detail = await get('liushu', `/api/households/${a}`);
    expect(detail.body.monitoring).toMatchObject({ state: 'eliminated', eliminatedOn: '2026-07-10' });
    expect(detail.body.followUps).toHaveLength(6);
    expect(detail.body.eliminations.map((e: { status: string }) => e.status)).toEqual(['county_approved', 'sent_back']);
    expect(detail.body.history.map((e: { type: string }) => e.type).filter((t: string) => t.startsWith('elimination') || t === 'eliminated')).toEqual([
      'elimination_proposed',
      'elimination_returned',
      'elimination_proposed',
      'elimination_town_approved',
      'eliminated',
    ]);
    // an eliminated household is neither reminded nor proposed again
    at('2026-09-01');
    const before = await reminders(a);
    await checkFollowUpsDue(srv.db.prisma, now);
    expect(await reminders(a)).toBe(before);
  });

  test('a new risk takes it back into monitoring (返贫), its history kept', async () => {
    const res = await send('liushu', `/api/households/${a}/risks`, { cause: 'disaster', startedOn: '2026-08-30' });
    expect(res.status).toBe(201);
    expect(res.body.reincluded).toBe(true);
    const h = await household(a);
    expect(h).toMatchObject({ monitoringState: 'monitored', monitoringCategory: 'marginal', eliminatedOn: null });
    const types = (await srv.db.prisma.monitoringEvent.findMany({ where: { householdId: a }, orderBy: { seq: 'asc' } })).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['eliminated', 'reincluded']);
    expect(types[0]).toBe('identified');
    expect(await told(a)).toHaveLength(1);
  });

  test('another village’s cadre does not see it (404); a town cadre is not its visitor (403)', async () => {
    expect((await send('baishi', `/api/households/${a}/follow-ups`, { day: '2026-09-01', perCapitaIncomeFen: ABOVE })).status).toBe(404);
    expect((await send('baishi', `/api/households/${a}/risks`, { cause: 'illness', startedOn: '2026-09-01' })).status).toBe(404);
    expect((await send('baishi_town', `/api/households/${a}/elimination/step`, { action: 'approve' })).status).toBe(404);
    expect((await send('qingshan', `/api/households/${a}/follow-ups`, { day: '2026-09-01', perCapitaIncomeFen: ABOVE })).status).toBe(403);
  });
});

describe('the rules refuse naming what is missing', () => {
  const cases = [
    ['a household without labour capacity can never be proposed', { noLabourCapacity: true }, /no labour capacity/],
    ['a visit found the income below the line', { income: BELOW }, /not above the income line/],
    ['a risk is not solved', { unsolvedRisk: true }, /1 risk\(s\) not solved/],
    ['a case is still open', { caseStatus: 'village_review' }, /case FP-\d{4}-\d{6} is still open/],
    ['no visit in the period', { noVisit: true }, /no follow-up visit since/],
  ] as const;
  test.each(cases)('%s', async (_label, setup, why) => {
    at('2026-07-10');
    const db = srv.db.prisma;
    const s = setup as { noLabourCapacity?: boolean; income?: number; unsolvedRisk?: boolean; caseStatus?: string; noVisit?: boolean };
    const { householdId } = await insertCase(db, srv.config.documentsDir, { villageCode: LIUSHU.village, status: s.caseStatus ?? 'paid', idNumber: idNumber() });
    await db.household.update({ where: { id: householdId }, data: { monitoringState: 'monitored', monitoringCategory: 'marginal', monitoredSince: new Date('2025-12-01T00:00:00+08:00'), noLabourCapacity: s.noLabourCapacity ?? false } });
    if (s.unsolvedRisk) await db.householdRisk.create({ data: { householdId, cause: 'illness', source: 'cadre_round', startedOn: new Date('2025-12-01T00:00:00+08:00') } });
    if (!s.noVisit) await db.followUp.create({ data: { householdId, day: new Date('2026-06-01T00:00:00+08:00'), perCapitaIncomeFen: s.income ?? ABOVE, byId: srv.cadre('liushu').id } });
    const res = await send('liushu', `/api/households/${householdId}/elimination`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(why);
    expect(await srv.db.prisma.elimination.count({ where: { householdId } })).toBe(0);
    const refused = await srv.db.prisma.auditEntry.findFirst({ where: { action: 'household:elimination-propose', subject: `household:${householdId}` } });
    expect(refused).toMatchObject({ allowed: false });
  });

  test('the town cannot propose (403); a household that passes every rule can', async () => {
    const db = srv.db.prisma;
    const { householdId } = await insertCase(db, srv.config.documentsDir, { villageCode: LIUSHU.village, status: 'paid', idNumber: idNumber() });
    await db.household.update({ where: { id: householdId }, data: { monitoringState: 'monitored', monitoringCategory: 'marginal', monitoredSince: new Date('2025-12-01T00:00:00+08:00') } });
    await db.followUp.create({ data: { householdId, day: new Date('2026-06-01T00:00:00+08:00'), perCapitaIncomeFen: ABOVE, byId: srv.cadre('liushu').id } });
    expect((await send('qingshan', `/api/households/${householdId}/elimination`, {})).status).toBe(403);
    expect((await send('liushu', `/api/households/${householdId}/elimination`, {})).status).toBe(201);
    // the town rejects it with a reason: closed, and another may be proposed later
    expect((await send('qingshan', `/api/households/${householdId}/elimination/step`, { action: 'reject', reason: '收入来源不稳定' })).body).toEqual({ status: 'declined' });
    expect((await household(householdId)).monitoringState).toBe('monitored');
  });
});

describe('input checked field by field', () => {
  test.each([
    ['income not whole fen', { day: '2026-07-01', perCapitaIncomeFen: 1.5 }, 'perCapitaIncomeFen'],
    ['a later day', { day: '2027-01-01', perCapitaIncomeFen: ABOVE }, 'day'],
    ['a risk of another household', { day: '2026-07-01', perCapitaIncomeFen: ABOVE, solvedRiskIds: ['nosuchrisk'] }, 'solvedRiskIds'],
    ['an unknown field', { day: '2026-07-01', perCapitaIncomeFen: ABOVE, photo: 'x' }, ''],
  ] as const)('a follow-up: %s → 400', async (_label, body, field) => {
    at('2026-07-10');
    const res = await send('liushu', `/api/households/${a}/follow-ups`, body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });
});
