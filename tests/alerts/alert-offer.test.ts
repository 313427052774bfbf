/**
 * The household hears of its alert privately (real PostgreSQL, fixed clock): a 医保 file raises
 * alerts; each household with a WeChat contact that acts for it and has not opted out gets exactly
 * one private message (none for a household without one, an opted-out contact or a work group) with
 * the gentle wording and never the figures; "1" starts an application pre-filled from the register,
 * said back for a yes, whose case is linked to the alert and closes it when approved; "2" tells the
 * village cadre; "3" is recorded and leaves the alert to the cadre; another message is answered as
 * usual after the choice is said again once; 预警 in the cadre chat lists the region's open alerts
 * and closes one.
 */
import { idCheckChar } from '../../flows/parse/id-number';
import { CASE_STATUS } from '../../flows/workflow';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { linkAlertCase } from '../../server/core/alerts/offer';
import { call } from '../miniprogram/support';
import { bindCadre, bindRoom, cadreActor, mustMove, outboxRows } from '../outbox/support';
import { chatWith } from '../support/chat';
import { illnessTyped } from '../support/illness';
import { jpegBytes, sendFile, startTestServer, type TestServer } from '../support/server';

const LIUSHU = '439901100201';
const BAISHI = '439901200201';
const CHANNEL = 'test:bot';
const D = 86_400_000;
const T0 = Date.parse('2026-07-20T01:00:00Z'); // a Monday, 09:00 in China

let srv: TestServer;
let prisma: PrismaClient;
const chat = chatWith(() => srv);

function idFor(n: number): string {
  const first17 = `439901${1960 + n}0101${String(n).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** The households: who they are, where, and how they talk to the bot. */
const HOUSEHOLDS = [
  { key: 'apply', name: '李桂兰', village: LIUSHU, contact: 'v-apply' },
  { key: 'call', name: '王建国', village: LIUSHU, contact: 'v-call' },
  { key: 'no', name: '张秀英', village: LIUSHU, contact: 'v-no' },
  { key: 'other', name: '刘大山', village: LIUSHU, contact: 'v-other' },
  { key: 'none', name: '陈小红', village: LIUSHU, contact: null },
  { key: 'optout', name: '赵四', village: LIUSHU, contact: 'v-optout' },
  { key: 'claimed', name: '孙五', village: LIUSHU, contact: 'v-claimed' },
  { key: 'baishi', name: '周六', village: BAISHI, contact: 'v-baishi' },
  // in the middle of an application when the alert is raised
  { key: 'busy', name: '吴七', village: LIUSHU, contact: 'v-busy' },
] as const;
type Key = (typeof HOUSEHOLDS)[number]['key'];
const ids = new Map<Key, string>();
const SELF_PAID_YUAN = 32_000;

beforeAll(async () => {
  srv = await startTestServer({ now: () => new Date(T0) });
  prisma = srv.db.prisma;
  const villages = new Map((await prisma.region.findMany({ where: { code: { in: [LIUSHU, BAISHI] } } })).map((r) => [r.code, r.id]));
  for (const [i, h] of HOUSEHOLDS.entries()) {
    const made = await prisma.household.create({ data: { villageId: villages.get(h.village)!, headName: h.name, headIdNumber: idFor(i), phone: `1380013800${i}`, size: 4 } });
    ids.set(h.key, made.id);
    if (!h.contact) continue;
    await prisma.contact.create({
      data: {
        channel: CHANNEL,
        externalId: h.contact,
        name: h.contact,
        householdId: made.id,
        householdLink: h.key === 'claimed' ? 'claimed' : 'confirmed',
        householdLinkAt: new Date(T0 - D),
        householdLinkWhy: 'test',
        ...(h.key === 'optout' ? { publicityOptOut: true, publicityOptOutAt: new Date(T0 - D) } : {}),
      },
    });
  }
  expect(await chat.say('v-busy', '我要申请帮扶')).toContain('什么原因');
  await bindCadre(prisma, srv.cadre('liushu').id, 'c-liushu', 'zh-CN', CHANNEL);
  await bindCadre(prisma, srv.cadre('baishi').id, 'c-baishi', 'zh-CN', CHANNEL);
  await bindRoom(prisma, LIUSHU, 'r-liushu@chatroom', CHANNEL);
  const rules = await call(srv, 'PUT', '/api/departments/yibao', {
    token: srv.tokenOf('county'),
    body: { rules: [{ kind: 'threshold', figure: 'selfPaidInpatientYtd', lineSpecialFen: 500_000, lineOtherFen: 2_000_000, cause: 'illness', wording: 'medical_costs' }] },
  });
  expect(rules.status).toBe(200);
  const csv = ['身份证号,住院自付累计,医疗总费用', ...HOUSEHOLDS.map((_, i) => `${idFor(i)},${SELF_PAID_YUAN},${SELF_PAID_YUAN * 3}`)].join('\n');
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(csv, 'utf8')]), '医保2026年6月.csv');
  const res = await fetch(`${srv.url}/api/departments/yibao/imports`, { method: 'POST', headers: { authorization: `Bearer ${srv.tokenOf('county')}` }, body: form });
  expect(res.status).toBe(201);
  expect(((await res.json()) as { alertsRaised: number }).alertsRaised).toBe(HOUSEHOLDS.length);
});
afterAll(async () => {
  await srv.close();
});

const alertOf = (key: Key) => prisma.alert.findFirstOrThrow({ where: { householdId: ids.get(key)! } });
const offers = async () => (await outboxRows(prisma)).filter((r) => r.dedupeKey?.startsWith('alert-offer:'));

test('exactly one private message per household with an acting, subscribed contact — none without one, opted out, claimed, or to a room', async () => {
  const sent = await offers();
  // v-busy is in the middle of an application: not written to now (below)
  expect(sent.map((r) => r.targetId).sort()).toEqual(['v-apply', 'v-baishi', 'v-call', 'v-no', 'v-other']);
  for (const r of sent) {
    expect(r).toMatchObject({ targetType: 'contact', channel: CHANNEL, kind: 'case_update' });
    expect(r.text).toBe('最近家里看病花费比较大，如果生活有困难，可以申请帮扶。回复 1 开始申请，回复 2 请村干部联系您，回复 3 不需要。');
  }
  // never the figures, never a room
  expect(sent.some((r) => /32,?000|医保/.test(r.text))).toBe(false);
  expect((await outboxRows(prisma)).filter((r) => r.targetType === 'room' && r.text.includes('回复 1'))).toHaveLength(0);
  // the offer waits on the contact's session
  const apply = await alertOf('apply');
  const session = await prisma.conversationSession.findFirstOrThrow({ where: { contact: { externalId: 'v-apply' } } });
  expect((session.state as { alertOffer?: { alertId: string } }).alertOffer?.alertId).toBe(apply.id);
});

test('"1" starts an application pre-filled from the register, said back for a yes; the case filed is linked to the alert', async () => {
  const who = 'v-apply';
  const first = await chat.say(who, '1');
  expect(first).toContain('村里已经登记的信息会先念给您核对');
  expect(first).toContain('申请人是李桂兰，对吗？');
  expect(await chat.say(who, '对')).toContain('身份证号是 439901');
  expect(await chat.say(who, '对')).toContain('联系电话是 138****8000');
  expect(await chat.say(who, '对')).toContain('您家在青山镇柳树村，对吗？');
  expect(await chat.say(who, '对')).toContain('家里一共 4 口人，对吗？');
  await chat.say(who, '对');
  await chat.say(who, '2万'); // income
  await chat.say(who, '不是'); // not a 脱贫户
  // the illness questions up to the cost, then the department's total, reimbursement (total − self-paid) and self-paid figure said back
  const typed = illnessTyped();
  let reply = '';
  for (const text of typed.slice(0, 4)) reply = await chat.say(who, text);
  expect(reply).toContain('医保记录里，今年看病一共花了 96,000元，报销了 64,000元，您家自己付了 32,000元');
  const answers = await prisma.alert.findFirstOrThrow({ where: { householdId: ids.get('apply')! } });
  expect(answers).toMatchObject({ answer: 'apply', status: 'open', caseId: null });
  // nothing is stored before the yes
  let state = (await prisma.conversationSession.findFirstOrThrow({ where: { contact: { externalId: who } } })).state as { answers: Record<string, unknown> };
  expect(state.answers.totalCostFen).toBeUndefined();
  reply = await chat.say(who, '对');
  state = (await prisma.conversationSession.findFirstOrThrow({ where: { contact: { externalId: who } } })).state as { answers: Record<string, unknown> };
  expect(state.answers).toMatchObject({ totalCostFen: 9_600_000, reimbursedFen: 6_400_000, selfPaidConfirmed: true, selfPaidFen: 3_200_000, alertId: answers.id, cause: 'illness', name: '李桂兰', villageCode: LIUSHU, householdSize: 4 });
  // the rest of the application as any villager's: the bill's photo, the consents, 确认
  expect((await sendFile(srv, who, jpegBytes(7), 'bill.jpg', `${who}-photo`)).status).toBe(200);
  for (const text of ['好了', '跳过', '同意', '同意']) reply = await chat.say(who, text);
  const filed = await chat.say(who, '确认');
  const caseNo = /FP-\d{4}-\d{6}/.exec(filed)?.[0];
  expect(caseNo).toBeDefined();
  const c = await prisma.case.findUniqueOrThrow({ where: { caseNo: caseNo! } });
  expect(c.householdId).toBe(ids.get('apply'));
  expect((await alertOf('apply')).caseId).toBe(c.id);
  expect(await prisma.auditEntry.count({ where: { action: 'alerts:answer', subject: `alert:${answers.id}` } })).toBe(1);
});

test('the alert closes as 纳入监测 when its case is approved', async () => {
  const alert = await alertOf('apply');
  const c = await prisma.case.findUniqueOrThrow({ where: { id: alert.caseId! } });
  // the case has been through its reviews and notice (set here); the county decides
  await prisma.case.update({ where: { id: c.id }, data: { status: CASE_STATUS.publicity, publicityStart: new Date(T0 - 9 * D), publicityEnd: new Date(T0 - 2 * D) } });
  await mustMove(srv, await cadreActor(srv, 'county'), c.caseNo, { action: 'approve', data: { amountFen: 500_000, category: 'marginal', measures: ['medical_aid'] } }, new Date(T0));
  expect(await alertOf('apply')).toMatchObject({ status: 'closed', closure: 'case', caseId: c.id, closedById: srv.cadre('county').id });
});

test('a rejected case leaves its alert open, for the village cadre to close with the reason', async () => {
  const alert = await alertOf('call');
  const h = await prisma.household.findUniqueOrThrow({ where: { id: ids.get('call')! } });
  const c = await prisma.case.create({
    data: { caseNo: 'FP-2026-900001', householdId: h.id, villageId: h.villageId, channel: 'test', cause: 'illness', status: CASE_STATUS.county_review, answers: { note: 'fixture' }, householdSize: 4, annualIncomeFen: 2_000_000, perCapitaIncomeFen: 500_000, rigidExpenseFen: 3_200_000, incomeYear: 2026 },
  });
  expect(await prisma.$transaction((tx) => linkAlertCase(tx, alert.id, c.caseNo, new Date(T0)))).toBe(true);
  await mustMove(srv, await cadreActor(srv, 'county'), c.caseNo, { action: 'reject', note: '家庭收入高于标准' }, new Date(T0));
  expect(await alertOf('call')).toMatchObject({ status: 'open', closure: null, caseId: c.id });
});

test('"2" is recorded and tells the village cadre privately, with the figures', async () => {
  const before = (await outboxRows(prisma)).length;
  expect(await chat.say('v-call', '2')).toContain('已经请村干部联系您');
  expect(await alertOf('call')).toMatchObject({ answer: 'call_me', answeredAt: new Date(T0), status: 'open' });
  const told = (await outboxRows(prisma)).slice(before);
  expect(told.map((r) => [r.targetType, r.targetId])).toEqual([['contact', 'c-liushu']]);
  expect(told[0]!.text).toContain('回复请村干部联系');
  expect(told[0]!.text).toContain('32,000元');
  expect(told[0]!.text).not.toContain('王建国'); // the name masked
  // the figures handed over are a look by the cadre told
  const alert = await alertOf('call');
  expect(await prisma.auditEntry.findMany({ where: { action: 'alerts:call-me-notice' }, select: { kind: true, actorId: true, subject: true, fields: true } })).toEqual([
    { kind: 'access', actorId: srv.cadre('liushu').id, subject: `alert:${alert.id}`, fields: ['alert'] },
  ]);
});

test('"3" is recorded and leaves the alert open for the cadre', async () => {
  expect(await chat.say('v-no', '不需要')).toContain('知道了');
  expect(await alertOf('no')).toMatchObject({ answer: 'not_needed', status: 'open' });
  // the offer is answered: a later "1" is the menu's again
  const state = (await prisma.conversationSession.findFirstOrThrow({ where: { contact: { externalId: 'v-no' } } })).state as { alertOffer?: unknown };
  expect(state.alertOffer).toBeUndefined();
});

test('another message is answered as usual after the choice is said once; the one after that drops the offer', async () => {
  const first = await chat.say('v-other', '你好');
  expect(first).toContain('关于村里刚才发给您的消息');
  const second = await chat.say('v-other', '你好');
  expect(second).not.toContain('关于村里刚才发给您的消息');
  expect((await alertOf('other')).answer).toBeNull();
  const state = (await prisma.conversationSession.findFirstOrThrow({ where: { contact: { externalId: 'v-other' } } })).state as { alertOffer?: unknown };
  expect(state.alertOffer).toBeUndefined();
});

test('预警 lists only the cadre’s region, the household’s answer beside each; 预警 N closes one', async () => {
  const list = await chat.say('c-liushu', '预警');
  expect(list.split('\n').length).toBeLessThanOrEqual(10);
  expect(list).toContain('柳树村未关闭的部门预警 7 条'); // the 'busy' household's too
  expect(list).toContain('请村干部联系');
  expect(list).not.toContain('白石村');
  expect(list).not.toContain('32,000');
  const other = await chat.say('c-baishi', '预警');
  expect(other).toContain('未关闭的部门预警 1 条');
  expect(other).not.toContain('柳树村');
  // closing: a reason is asked for 不需要
  const n = list.split('\n').findIndex((l) => l.includes('户答复：不需要')); // the "3" household's line (line 0 is the heading)
  expect(n).toBeGreaterThan(0);
  expect(await chat.say('c-liushu', `预警 ${n} 不需要`)).toContain('请写明怎么关闭');
  expect(await chat.say('c-liushu', `预警 ${n} 不需要 入户核实，已报销大部分，生活无困难`)).toContain(`第 ${n} 条预警已关闭（不需要）`);
  expect(await alertOf('no')).toMatchObject({ status: 'closed', closure: 'not_needed', closeReason: '入户核实，已报销大部分，生活无困难' });
  expect(await chat.say('c-liushu', `预警 ${n} 已有帮扶`)).toContain('已经关闭了');
  expect(await chat.say('c-liushu', '预警 9 已有帮扶')).toContain('没有第 9 条');
});

test('in the middle of an application: no message then; the offer waits and is told once they are back at rest', async () => {
  const busy = await alertOf('busy');
  const session = await prisma.conversationSession.findFirstOrThrow({ where: { contact: { externalId: 'v-busy' } } });
  expect((session.state as { alertOffer?: unknown }).alertOffer).toMatchObject({ alertId: busy.id, deferred: true });
  // "1" answers the question on screen (the cause: 因病), not the offer
  expect(await chat.say('v-busy', '1')).not.toContain('回复 1 开始申请');
  expect((await alertOf('busy')).answer).toBeNull();
  const back = await chat.say('v-busy', '取消');
  expect(back).toContain('最近家里看病花费比较大，如果生活有困难，可以申请帮扶。回复 1 开始申请');
  await chat.say('v-busy', '2');
  expect((await alertOf('busy')).answer).toBe('call_me');
  expect((await offers()).filter((r) => r.targetId === 'v-busy')).toHaveLength(0);
});
