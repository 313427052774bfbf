/**
 * Filing through the inbound API on a real database: the session update, the case, its
 * documents and its event commit together — a failure half-way leaves nothing behind, and the
 * retried message files exactly once.
 */
import { Client } from 'pg';
import { illnessTyped } from '../support/illness';
import { databaseUrl } from '../support/postgres';
import { jpegBytes, sendFile, sendText, startTestServer, type TestServer } from '../support/server';

let srv: TestServer;
let n = 0;
const ID = '11010519491231002X';
const PHONE = '13812345678';

beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

async function say(who: string, text: string) {
  const res = await sendText(srv, who, text, `${who}-${++n}`);
  expect(res.status).toBe(200);
  return res.body.replies!.map((r) => r.text).join('\n');
}

/** An illness application up to the summary, with two photos of the first checklist item. */
async function toSummary(who: string, phone = PHONE) {
  for (const text of ['你好', '1', '因病', '张三', ID, phone, '青山镇', '1', '4口人', '2万', '是', ...illnessTyped()]) await say(who, text);
  for (const v of [1, 2]) expect((await sendFile(srv, who, jpegBytes(v), `bill-${v}.jpg`, `${who}-${++n}`)).status).toBe(200);
  await say(who, '好了');
  await say(who, '跳过');
  await say(who, '同意');
  const summary = await say(who, '同意');
  return summary;
}

async function sessionOf(who: string) {
  return srv.db.prisma.conversationSession.findFirstOrThrow({ where: { contact: { externalId: who } } });
}

test('a failure while filing rolls everything back; the retry files once', async () => {
  const summary = await toSummary('crash-villager');
  expect(summary).toContain('张三');
  expect((await sessionOf('crash-villager')).step).toBe('summary');

  // The database refuses the case insert, as if the process died at that line.
  const dbName = new URL(srv.db.url).pathname.slice(1);
  const trigger = async (sql: string) => {
    const client = new Client({ connectionString: databaseUrl(dbName) });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await trigger(`CREATE FUNCTION fail_case() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$ LANGUAGE plpgsql;
                 CREATE TRIGGER fail_case BEFORE INSERT ON "Case" FOR EACH ROW EXECUTE FUNCTION fail_case();`);
  const failed = await sendText(srv, 'crash-villager', '确认', 'crash-confirm');
  expect(failed.status).toBe(500);
  expect(await srv.db.prisma.case.count()).toBe(0);
  expect(await srv.db.prisma.caseCounter.count()).toBe(0);
  expect(await srv.db.prisma.inboundMessage.count({ where: { messageId: 'crash-confirm' } })).toBe(0);
  expect((await sessionOf('crash-villager')).step).toBe('summary');
  expect(await srv.db.prisma.document.count({ where: { caseId: null } })).toBe(2);

  await trigger(`DROP TRIGGER fail_case ON "Case"; DROP FUNCTION fail_case();`);
  const ok = await sendText(srv, 'crash-villager', '确认', 'crash-confirm');
  expect(ok.status).toBe(200);
  const caseNo = /FP-\d{4}-\d{6}/.exec(ok.body.replies!.map((r) => r.text).join('\n'))?.[0];
  expect(caseNo).toBeDefined();
  const again = await sendText(srv, 'crash-villager', '确认', 'crash-confirm');
  expect(again.body.replies).toEqual(ok.body.replies);

  const cases = await srv.db.prisma.case.findMany({ include: { documents: true, events: { orderBy: { seq: 'asc' } }, household: true } });
  expect(cases).toHaveLength(1);
  expect(cases[0]).toMatchObject({ caseNo, cause: 'illness', status: 'village_review', rigidExpenseFen: 3_000_000, annualIncomeFen: 2_000_000, perCapitaIncomeFen: 500_000 });
  expect(cases[0].household).toMatchObject({ headIdNumber: ID, phone: PHONE, size: 4, povertyAlleviated: true });
  expect(cases[0].documents.map((d) => d.kind)).toEqual(['hospital_bill', 'hospital_bill']);
  expect(cases[0].events.map((e) => [e.type, e.toStatus])).toEqual([
    ['submitted', 'submitted'],
    ['accept', 'village_review'],
  ]);
});

test('a second open application by the same household for the same cause is not filed', async () => {
  await toSummary('crash-villager');
  const replies = await say('crash-villager', '确认');
  const existing = await srv.db.prisma.case.findFirstOrThrow();
  expect(replies).toContain(existing.caseNo);
  expect(await srv.db.prisma.case.count()).toBe(1);
});

test('a villager on a new WeChat contact id finds their cases with ID number and phone', async () => {
  const existing = await srv.db.prisma.case.findFirstOrThrow();
  await say('same-person-new-id', '你好');
  const asked = await say('same-person-new-id', '查询');
  expect(asked).toMatch(/身份证/);
  await say('same-person-new-id', ID);
  const found = await say('same-person-new-id', PHONE);
  expect(found).toContain(existing.caseNo);
  const contact = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: 'same-person-new-id' } });
  expect(contact.householdId).toBe(existing.householdId);
});

test('the ID number alone is not enough to see someone’s cases', async () => {
  const existing = await srv.db.prisma.case.findFirstOrThrow();
  await say('stranger', '查询');
  await say('stranger', ID);
  const answer = await say('stranger', '13900000000');
  expect(answer).not.toContain(existing.caseNo);
  const contact = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: 'stranger' } });
  expect(contact.householdId).toBeNull();
});

test('filing with someone else’s ID number takes nothing over: no phone change, no link, no case number leaked', async () => {
  const existing = await srv.db.prisma.case.findFirstOrThrow({ include: { household: true } });
  await toSummary('impostor', '13700000000');
  const reply = await say('impostor', '确认');
  expect(reply).not.toContain(existing.caseNo); // not told of the household's open case
  const filed = /FP-\d{4}-\d{6}/.exec(reply)?.[0];
  expect(filed).toBeDefined(); // filed all the same, for the village to check
  const household = await srv.db.prisma.household.findUniqueOrThrow({ where: { id: existing.householdId! } });
  expect(household.phone).toBe(PHONE);
  const impostor = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: 'impostor' } });
  expect(impostor.householdId).toBeNull();
  const listed = await say('impostor', '查询');
  expect(listed).toContain(filed!);
  expect(listed).not.toContain(existing.caseNo);
});

test('人工 records a hand-over and queues a notice for the cadres (no village known yet: the county office)', async () => {
  const p = srv.db.prisma;
  const office = await p.contact.create({ data: { channel: 'test:bot', externalId: 'county-office-wechat', name: '县帮扶办' } });
  await p.cadre.update({ where: { id: srv.cadre('county').id }, data: { contactId: office.id } });
  await say('needs-help', '你好');
  const reply = await say('needs-help', '人工');
  expect(reply).toMatch(/村干部|工作人员/);
  const handover = await p.handover.findFirstOrThrow({ where: { contact: { externalId: 'needs-help' } } });
  expect(handover.reason).toBe('requested');
  const notices = await p.outbox.findMany({ where: { kind: 'handover', dedupeKey: { startsWith: `handover:${handover.id}:` } } });
  expect(notices.map((n) => ({ targetType: n.targetType, targetId: n.targetId }))).toEqual([{ targetType: 'contact', targetId: 'county-office-wechat' }]);
  expect((notices[0]!.payload as { text: string }).text).toContain('【请联系村民】needs-help');
  await p.cadre.update({ where: { id: srv.cadre('county').id }, data: { contactId: null } });
});

test('the language choice is remembered for the contact', async () => {
  await say('english-speaker', 'English');
  const contact = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: 'english-speaker' } });
  expect(contact.lang).toBe('en');
  expect(await say('english-speaker', 'hello')).toMatch(/apply/i);
});
