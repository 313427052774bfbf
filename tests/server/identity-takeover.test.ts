/**
 * Issue 8, finding 1: filing with another household's ID number (with one's own phone, in another
 * village) takes nothing of that household — through the mini-program and through the chat. The
 * answer is the one a first-time filer gets; the case is filed apart from the household, flagged
 * 身份待核实, and its cadres read only what the filer gave; the household's record and case list
 * are untouched; its own village's cadre is told of the claim. Then the village review's gate:
 * a flagged case passes on only once its identity is confirmed (身份已核实).
 */
import { answersFor, call, capturingLogger, idNumber, loginByPhone, LIUSHU, BAISHI } from '../miniprogram/support';
import { chatWith } from '../support/chat';
import { startTestServer, type TestServer } from '../support/server';
import { maskPhone } from '../../server/core/cases/reveal';

const log = capturingLogger();
let srv: TestServer;

const VICTIM = { id: idNumber('19480506', 7), phone: '13811112222', name: '赵大山' };
let victimCaseNo: string;
let victimHouseholdId: string;

beforeAll(async () => {
  srv = await startTestServer({ log });
  // both villages' cadres have bound their WeChat: they hear of new cases and of claims
  for (const [key, wx] of [['liushu', 'wx-liushu-cadre'], ['baishi', 'wx-baishi-cadre']] as const) {
    const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: wx, name: key } });
    await srv.db.prisma.cadre.update({ where: { id: srv.cadre(key).id }, data: { contactId: contact.id } });
  }
  // the victim applied by chat in 柳树村: a registered household with an open illness case
  const reply = await applyByChat('victim-wx', { ...VICTIM, town: '青山镇' });
  victimCaseNo = /FP-\d{4}-\d{6}/.exec(reply)![0];
  victimHouseholdId = (await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: victimCaseNo } })).householdId!;
});
afterAll(async () => {
  await srv.close();
});

const { say, applyByChat } = chatWith(() => srv);

const submit = (token: string, key: string, answers: Record<string, unknown>, cause = 'illness') =>
  call(srv, 'POST', '/api/app/applications', { token, body: { cause, lang: 'zh-CN', answers, documents: [] }, headers: { 'idempotency-key': key } });

/** The structure of a JSON value: keys and types, with values left out. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, shape(x)]));
  return v === null ? null : typeof v;
}

const caseNoIn = (text: string) => /FP-\d{4}-\d{6}/.exec(text)?.[0];
const tok = (key: Parameters<TestServer['cadre']>[0]) => srv.cadre(key).token;

async function victimUntouched() {
  const household = await srv.db.prisma.household.findUniqueOrThrow({ where: { id: victimHouseholdId }, include: { village: true } });
  expect(household).toMatchObject({ headName: VICTIM.name, phone: VICTIM.phone, size: 4 });
  expect(household.village.code).toBe(LIUSHU.village);
  // no second case under the household; the victim's own list is their one case
  expect((await srv.db.prisma.case.findMany({ where: { householdId: victimHouseholdId } })).map((c) => c.caseNo)).toEqual([victimCaseNo]);
  const listed = await say('victim-wx', '查询');
  expect(listed.match(/FP-\d{4}-\d{6}/g)).toEqual([victimCaseNo]);
}

/** What the claimed case shows its own (the filer's village's) cadre, and the notices around it. */
async function claimedCaseChecks(caseNo: string, filer: { name: string; phone: string }) {
  const detail = await call(srv, 'GET', `/api/cases/${caseNo}`, { token: tok('baishi') });
  expect(detail.status).toBe(200);
  const text = JSON.stringify(detail.body);
  expect(text).not.toContain(VICTIM.name);
  expect(text).not.toContain(VICTIM.phone);
  expect(text).not.toContain(victimCaseNo);
  expect(detail.body).toMatchObject({ village: { code: BAISHI.village }, identity: { check: 'pending', reason: 'id_number_registered' } });
  expect(detail.body.household).toMatchObject({ registered: false, headName: filer.name, phone: maskPhone(filer.phone) }); // whole only through 显示完整
  const listed = await call(srv, 'GET', '/api/cases?status=village_review', { token: tok('baishi') });
  expect(listed.body.cases.find((c: { caseNo: string }) => c.caseNo === caseNo)).toMatchObject({ applicantName: filer.name, identity: { check: 'pending' } });

  const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } });
  expect(row).toMatchObject({ householdId: null, identityCheck: 'pending', status: 'village_review' });

  const outbox = await srv.db.prisma.outbox.findMany({ where: { OR: [{ caseId: row.id }, { dedupeKey: { startsWith: `identity_claim:${row.id}:` } }] } });
  const to = (wx: string) => outbox.filter((o) => o.targetId === wx).map((o) => JSON.stringify(o.payload));
  // the victim's village cadre hears of the claim, privately; the filer's village cadre gets the task, flagged
  expect(to('wx-liushu-cadre')).toEqual([expect.stringContaining('身份核实提醒')]);
  expect(to('wx-liushu-cadre')[0]).toContain(caseNo);
  expect(to('wx-baishi-cadre')).toEqual([expect.stringContaining('身份待核实')]);
  expect(to('wx-baishi-cadre')[0]).not.toContain(VICTIM.name);
  // nothing goes to the victim's chat
  expect(to('victim-wx')).toEqual([]);
}

describe('another household’s ID number, one’s own phone, another village', () => {
  test('through the mini-program: answered as a first filing; filed apart, flagged; the victim untouched and their cadre told', async () => {
    const fresh = await submit(await loginByPhone(srv, log, '13600000001'), 'fresh-app-0001', answersFor('illness', { name: '钱秀珍', idNumber: idNumber('19700101', 501), phone: '13600000001', townCode: BAISHI.town, villageCode: BAISHI.village }));
    const attacker = await loginByPhone(srv, log, '13600000002');
    const attack = await submit(attacker, 'attack-app-0001', answersFor('illness', { name: '孙小二', idNumber: VICTIM.id, phone: '13600000002', townCode: BAISHI.town, villageCode: BAISHI.village }));
    expect(fresh.status).toBe(201);
    expect(attack.status).toBe(201);
    expect(shape(attack.body)).toEqual(shape(fresh.body));
    expect(attack.body.duplicate).toBe(false);
    expect(attack.body.case.applicant).toEqual({ name: '孙小二', idNumberTail: VICTIM.id.slice(-4), phoneTail: '0002' });
    const text = JSON.stringify(attack.body);
    expect(text).not.toContain(VICTIM.name);
    expect(text).not.toContain(victimCaseNo);
    // the filer sees their own case, and only that
    const mine = await call(srv, 'GET', '/api/app/cases', { token: attacker });
    expect(mine.body.cases.map((c: { caseNo: string }) => c.caseNo)).toEqual([attack.body.case.caseNo]);

    await victimUntouched();
    await claimedCaseChecks(attack.body.case.caseNo, { name: '孙小二', phone: '13600000002' });
  });

  test('through the chat: the same reply as a first filing; filed apart, flagged; the victim untouched and their cadre told', async () => {
    const fresh = await applyByChat('fresh-wx', { id: idNumber('19700101', 502), phone: '13600000003', name: '周桂芳', town: '白石乡' });
    const attack = await applyByChat('impostor-wx', { id: VICTIM.id, phone: '13600000004', name: '周桂芳', town: '白石乡' });
    const attackNo = caseNoIn(attack)!;
    expect(attackNo).toBeDefined();
    expect(attack.replaceAll(attackNo, 'FP-X')).toBe(fresh.replaceAll(caseNoIn(fresh)!, 'FP-X'));
    expect(attack).not.toContain(victimCaseNo);
    const impostor = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: 'impostor-wx' } });
    expect(impostor.householdId).toBeNull();
    expect((await say('impostor-wx', '查询')).match(/FP-\d{4}-\d{6}/g)).toEqual([attackNo]);

    await victimUntouched();
    await claimedCaseChecks(attackNo, { name: '周桂芳', phone: '13600000004' });
    // the cadre's "查看" in a private chat shows the filer's own answers and the flag, never the registry's
    const view = await say('wx-baishi-cadre', `查看 ${attackNo}`);
    expect(view).toContain('身份待核实');
    expect(view).toContain('13600000004');
    expect(view).not.toContain(VICTIM.name);
    expect(view).not.toContain(VICTIM.phone);
    // and "待办" marks it
    expect((await say('wx-baishi-cadre', '待办')).split('\n').find((l) => l.includes(attackNo))).toContain('【身份待核实】');
  });

  test('the victim files again: their own open case takes it, the claim does not stand in their way', async () => {
    const again = await applyByChat('victim-wx', { ...VICTIM, town: '青山镇' });
    expect(caseNoIn(again)).toBe(victimCaseNo);
  });
});

describe('the village review passes a flagged case on only once its identity is confirmed', () => {
  test('API: without data.identityConfirmed 400 naming it; with it the case moves and the flag reads 身份已核实', async () => {
    const attack = await submit(await loginByPhone(srv, log, '13600000005'), 'attack-app-0002', answersFor('education', { idNumber: VICTIM.id, phone: '13600000005', townCode: BAISHI.town, villageCode: BAISHI.village }), 'education');
    expect(attack.status).toBe(201);
    const caseNo = attack.body.case.caseNo as string;
    const refused = await call(srv, 'POST', `/api/cases/${caseNo}/transitions`, { token: tok('baishi'), body: { to: 'town_review' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'invalid_data', field: 'data.identityConfirmed' });
    expect((await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } })).status).toBe('village_review');
    // the county's green channel is held to the same check
    const green = await call(srv, 'POST', `/api/cases/${caseNo}/transitions`, {
      token: tok('county'),
      body: { action: 'fast_approve', note: '急需', data: { amountFen: 100_000, category: 'sudden_hardship', measures: ['temporary_relief'] } },
    });
    expect(green.status).toBe(400);
    expect(green.body.error.field).toBe('data.identityConfirmed');

    const passed = await call(srv, 'POST', `/api/cases/${caseNo}/transitions`, { token: tok('baishi'), body: { to: 'town_review', note: '已当面核实', data: { identityConfirmed: true } } });
    expect(passed.status).toBe(200);
    expect(passed.body.case).toMatchObject({ status: 'town_review', identity: { check: 'confirmed' }, household: { registered: false } });
    expect(passed.body.event.data).toEqual({ identityConfirmed: true });
  });

  test('chat: "通过" is refused with what to do; "通过 … 身份已核实" passes it on', async () => {
    const attack = await submit(await loginByPhone(srv, log, '13600000006'), 'attack-app-0003', answersFor('disaster', { idNumber: VICTIM.id, phone: '13600000006', townCode: BAISHI.town, villageCode: BAISHI.village }), 'disaster');
    expect(attack.status).toBe(201);
    const caseNo = attack.body.case.caseNo as string;
    const refused = await say('wx-baishi-cadre', `通过 ${caseNo}`);
    expect(refused).toContain('身份待核实');
    expect(refused).toContain(`通过 ${caseNo} 身份已核实`);
    expect((await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } })).status).toBe('village_review');
    expect(await say('wx-baishi-cadre', `通过 ${caseNo} 身份已核实`)).toContain(caseNo);
    expect(await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } })).toMatchObject({ status: 'town_review', identityCheck: 'confirmed' });
  });
});
