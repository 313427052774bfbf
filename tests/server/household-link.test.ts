/**
 * Issue 8 follow-up (review /tmp/review-c, H1): an ID number and a phone are not secrets. A WeChat
 * contact that types them ("查询", or a chat filing whose phone matched) gets a `claimed` link: it
 * sees the household's cases and their status, and nothing more — no withdrawing, no papers, no
 * login codes — while the household's own WeChat and its village cadre are told. Only a link made
 * by filing (`created`) or confirmed by a cadre (`confirmed`) acts for the household.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { t } from '../../flows/i18n';
import { runEffects } from '../../server/chat/conversation/effects';
import { RegionTree } from '../../server/core/regions/tree';
import { call, idNumber, LIUSHU } from '../miniprogram/support';
import { insertCase } from '../support/fixtures';
import { chatWith } from '../support/chat';
import { TEST_KEYRING } from '../support/keys';
import { startTestServer, type TestServer } from '../support/server';

let srv: TestServer;
let seq = 0;
const CADRE_WX = 'wx-liushu-cadre-link';
const freshPhone = () => `1350000${String(++seq).padStart(4, '0')}`;
const freshId = () => idNumber('19520303', 600 + ++seq);
const CLAIMED_TEXT = t('zh-CN', 'workflow.villager.household_claimed');

beforeAll(async () => {
  // login codes through the chat, as with no SMS provider (by text message: tests/miniprogram/login-sms.test.ts)
  srv = await startTestServer({ env: { AUTH_CLIENT_PER_MINUTE: '1000', AUTH_CLIENT_PER_HOUR: '10000', SMS_PROVIDER: 'off' } });
  // 柳树村's cadre has bound a WeChat: they hear of claims on the village's households
  const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: CADRE_WX, name: 'liushu' } });
  await srv.db.prisma.cadre.update({ where: { id: srv.cadre('liushu').id }, data: { contactId: contact.id } });
});
afterAll(async () => {
  await srv.close();
});

const { say, applyByChat } = chatWith(() => srv);

const caseNoIn = (text: string) => /FP-\d{4}-\d{6}/.exec(text)?.[0];
const contactOf = (wx: string) => srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: wx } });
const statusOf = async (caseNo: string) => (await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } })).status;

/** A household that applied by chat: its WeChat is the `created` link. */
async function victim() {
  const v = { id: freshId(), phone: freshPhone(), name: '孙秀英', wx: `link-victim-${++seq}` };
  const caseNo = caseNoIn(await applyByChat(v.wx, v))!;
  return { ...v, caseNo };
}

/** The text of every outbox message to `wx` since `since`. */
async function textsTo(wx: string, since: Date): Promise<string[]> {
  const rows = await srv.db.prisma.outbox.findMany({ where: { targetId: wx, createdAt: { gte: since } }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => (r.payload as { text: string }).text);
}

async function loginCodeTargets(phone: string): Promise<string[]> {
  await srv.db.prisma.throttleCounter.deleteMany({ where: { key: { startsWith: 'otp:' } } });
  const since = new Date();
  expect((await call(srv, 'POST', '/api/auth/otp/request', { body: { phone } })).status).toBe(202);
  return (await srv.db.prisma.outbox.findMany({ where: { kind: 'login_code', createdAt: { gte: since } } })).map((m) => m.targetId);
}

describe('H1: "查询" with the victim’s ID number and phone from a new WeChat', () => {
  test('the attacker sees the status only, cannot withdraw, gets no login code; the victim and the village cadre are told', async () => {
    const v = await victim();
    const since = new Date();
    await say('h1-attacker', '查询');
    await say('h1-attacker', v.id);
    const found = await say('h1-attacker', v.phone);
    // the status is visible (re-identification exists for villagers whose contact id changed)
    expect(found).toContain(v.caseNo);
    expect(await contactOf('h1-attacker')).toMatchObject({ householdLink: 'claimed', householdLinkWhy: 'reidentified' });

    // "撤回" + "是", as the review did: nothing is offered, nothing moves
    const withdraw = await say('h1-attacker', '撤回');
    expect(withdraw).not.toContain(v.caseNo);
    await say('h1-attacker', '是');
    expect(await say('h1-attacker', `撤回 ${v.caseNo}`)).toContain(t('zh-CN', 'casework.withdraw.none'));
    expect(await statusOf(v.caseNo)).toBe('village_review');

    // the login code goes to the household's own WeChat only
    expect(await loginCodeTargets(v.phone)).toEqual([v.wx]);

    // the victim's WeChat is told in plain words; the attacker is not; the village cadre privately
    expect(await textsTo(v.wx, since)).toContain(CLAIMED_TEXT);
    expect(await textsTo('h1-attacker', since)).not.toContain(CLAIMED_TEXT);
    const cadre = (await textsTo(CADRE_WX, since)).filter((x) => x.includes('身份核实提醒'));
    expect(cadre).toHaveLength(1);
    expect(cadre[0]).toContain(v.name);
    expect(cadre[0]).toContain(v.id.slice(-4));
    expect(cadre[0]).not.toContain(v.phone);
  });

  test('once claimed, "查询" lists the status again and tells nobody a second time', async () => {
    const v = await victim();
    await say('h1-again', '查询');
    await say('h1-again', v.id);
    await say('h1-again', v.phone);
    const since = new Date();
    expect(await say('h1-again', '查询')).toContain(v.caseNo);
    expect(await textsTo(v.wx, since)).toEqual([]);
    expect(await textsTo(CADRE_WX, since)).toEqual([]);
    expect((await contactOf(v.wx)).householdLink).toBe('created');
  });

  test('the server refuses a claimed contact’s withdrawal even when asked for directly (not only the flow)', async () => {
    const v = await victim();
    await say('h1-direct', '查询');
    await say('h1-direct', v.id);
    await say('h1-direct', v.phone);
    const contact = await contactOf('h1-direct');
    const outcomes = await srv.db.prisma.$transaction(async (tx) =>
      runEffects(
        { tx, tree: await RegionTree.load(tx), contact, now: new Date(), workflow: srv.config.workflow, identityChecks: { keyring: TEST_KEYRING, perHour: 300 } },
        [{ type: 'withdraw_case', caseNo: v.caseNo }],
      ),
    );
    expect(outcomes).toEqual([{ type: 'case_action_refused', caseNo: v.caseNo, action: 'withdraw', status: 'village_review' }]);
    expect(await statusOf(v.caseNo)).toBe('village_review');
  });
});

describe('H1 by filing: a chat application with the victim’s ID number and phone on record', () => {
  test('filed apart (身份待核实), claimed, no hold on the victim’s case or codes; the victim and the cadre are told', async () => {
    const v = await victim();
    const since = new Date();
    const reply = await applyByChat('h1-filer', { id: v.id, phone: v.phone, name: '冯冒名' });
    const filed = caseNoIn(reply)!;
    expect(filed).not.toBe(v.caseNo);
    expect(await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: filed } })).toMatchObject({ householdId: null, identityCheck: 'pending', identityNote: 'id_phone_typed' });
    expect((await srv.db.prisma.case.findMany({ where: { householdId: (await contactOf(v.wx)).householdId } })).map((c) => c.caseNo)).toEqual([v.caseNo]);
    expect(await contactOf('h1-filer')).toMatchObject({ householdLink: 'claimed', householdLinkWhy: 'filing_phone_typed' });

    expect(await say('h1-filer', '撤回')).not.toContain(v.caseNo);
    await say('h1-filer', '取消');
    expect(await statusOf(v.caseNo)).toBe('village_review');
    expect(await loginCodeTargets(v.phone)).toEqual([v.wx]);

    expect(await textsTo(v.wx, since)).toContain(CLAIMED_TEXT);
    const cadre = (await textsTo(CADRE_WX, since)).filter((x) => x.includes('身份核实提醒'));
    expect(cadre).toHaveLength(1);
    expect(cadre[0]).toContain(filed);
    // the filed case's own task says why the identity is to be verified: the phone matched
    expect((await textsTo(CADRE_WX, since)).find((x) => x.includes(filed) && x.includes('【待办】'))).toContain(t('zh-CN', 'workflow.cadre.identity_pending_typed', { caseNo: filed }));
  });
});

describe('a villager whose WeChat contact id changed', () => {
  test('still sees the household’s cases and their status after "查询" + ID number + phone', async () => {
    const v = await victim();
    await say(`${v.wx}-new-id`, '查询');
    await say(`${v.wx}-new-id`, v.id);
    expect(await say(`${v.wx}-new-id`, v.phone)).toContain(v.caseNo);
    const listed = await say(`${v.wx}-new-id`, '查询');
    expect(listed).toContain(v.caseNo);
    expect(listed).toContain(t('zh-CN', 'status.village_review'));
  });
});

describe('a cadre confirms a link', () => {
  test.each([
    ['passing the village review of a case under the household', 'village_review'],
    ['"身份已核实" on a case filed apart', 'identity_confirmed'],
  ] as const)('%s: the filer’s contact becomes confirmed, then gets login codes and may withdraw the household’s cases', async (_label, why) => {
    const v = await victim();
    const wx = `confirm-${why}`;
    let caseNo: string;
    if (why === 'village_review') {
      // a claimed contact that filed a case of the household (as the migration leaves one)
      const household = (await contactOf(v.wx)).householdId!;
      const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: wx, name: wx, householdId: household, householdLink: 'claimed' } });
      caseNo = (await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: LIUSHU.village, status: 'village_review', idNumber: freshId(), contactId: contact.id })).caseNo;
      await srv.db.prisma.case.update({ where: { caseNo }, data: { householdId: household } });
    } else {
      caseNo = caseNoIn(await applyByChat(wx, { id: v.id, phone: v.phone, name: '孙小妹' }))!;
    }
    expect(await loginCodeTargets(v.phone)).toEqual([v.wx]);
    const moved = await call(srv, 'POST', `/api/cases/${caseNo}/transitions`, {
      token: srv.cadre('liushu').token,
      body: { to: 'town_review', note: '已当面核实', ...(why === 'identity_confirmed' ? { data: { identityConfirmed: true } } : {}) },
    });
    expect(moved.status).toBe(200);
    expect(await contactOf(wx)).toMatchObject({ householdLink: 'confirmed', householdLinkWhy: why });
    expect((await loginCodeTargets(v.phone)).sort()).toEqual([v.wx, wx].sort());
    await say(wx, `撤回 ${v.caseNo}`);
    await say(wx, '确认');
    expect(await statusOf(v.caseNo)).toBe('withdrawn');
  });
});

describe('migration of existing links', () => {
  test('created for a contact that filed a case of its household, claimed for any other linked contact', async () => {
    const dir = readdirSync(join(__dirname, '../../prisma/migrations')).find((d) => d.endsWith('_household_link'))!;
    const sql = readFileSync(join(__dirname, '../../prisma/migrations', dir, 'migration.sql'), 'utf8');
    const updates = sql.split(';').map((s) => s.replace(/--.*$/gm, '').trim()).filter((s) => s.startsWith('UPDATE'));
    expect(updates).toHaveLength(2);

    const p = srv.db.prisma;
    const filer = await p.contact.create({ data: { channel: 'test:mig', externalId: 'mig-filer', name: 'a' } });
    const other = await p.contact.create({ data: { channel: 'test:mig', externalId: 'mig-other', name: 'b' } });
    const filedElsewhere = await p.contact.create({ data: { channel: 'test:mig', externalId: 'mig-elsewhere', name: 'c' } });
    const unlinked = await p.contact.create({ data: { channel: 'test:mig', externalId: 'mig-none', name: 'd' } });
    const mine = await insertCase(p, srv.config.documentsDir, { villageCode: LIUSHU.village, idNumber: freshId(), contactId: filer.id });
    const theirs = await insertCase(p, srv.config.documentsDir, { villageCode: LIUSHU.village, idNumber: freshId(), contactId: filedElsewhere.id });
    await p.contact.updateMany({ where: { id: { in: [filer.id, other.id] } }, data: { householdId: mine.householdId } });
    await p.contact.update({ where: { id: filedElsewhere.id }, data: { householdId: mine.householdId } });
    expect(theirs.householdId).not.toBe(mine.householdId);

    for (const u of updates) await p.$executeRawUnsafe(`${u} AND "channel" = 'test:mig'`);
    const links = Object.fromEntries((await p.contact.findMany({ where: { channel: 'test:mig' } })).map((c) => [c.externalId, c.householdLink]));
    expect(links).toEqual({ 'mig-filer': 'created', 'mig-other': 'claimed', 'mig-elsewhere': 'claimed', 'mig-none': null });
    expect(unlinked.householdId).toBeNull();
  });
});
