/**
 * Cadres acting by chat, through the real inbound endpoint and a real database: binding a WeChat
 * contact and a work group with one-time codes, the commands, their refusals (each audited), the
 * privacy of a group, and the villager's side of a returned case (photos, "好了") and "撤回".
 * The end-to-end runs through the mock WeChat are in tests/e2e/workflow-*.test.ts.
 */
import { issueBindingCode } from '../../server/core/auth/binding-codes';
import { insertCase } from '../support/fixtures';
import { BOT_TOKEN, jpegBytes, startTestServer, type TestServer } from '../support/server';
import { REVEAL_LIMIT, revealBudgetKey } from '../../server/core/cases/reveal';

/** 10:00 on a Monday in China. */
const NOW = new Date('2026-07-20T02:00:00Z');
const CHANNEL = 'test:bot';
const LIUSHU = '439901100201';
const SHIQIAO = '439901100202';

let srv: TestServer;
let clock = NOW.getTime();
let messageNo = 0;

beforeEach(async () => {
  clock = NOW.getTime();
  srv = await startTestServer({ now: () => new Date(clock) });
});
afterEach(async () => {
  await srv.close();
});

type Room = { id: string; topic: string };

/** One message to the bot, as the gateway sends it; the bot's answer, one string. */
async function say(from: string, text: string, room?: Room): Promise<string> {
  messageNo += 1;
  const res = await fetch(`${srv.url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: `m-${messageNo}`, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, ...(room ? { room } : {}), type: 'text', text }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { replies: { text: string }[] };
  return body.replies.map((r) => r.text).join('\n');
}

async function sendPhoto(from: string, variant: number): Promise<string> {
  messageNo += 1;
  const form = new FormData();
  form.append('meta', JSON.stringify({ messageId: `m-${messageNo}`, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, type: 'image' }));
  form.append('file', new Blob([new Uint8Array(jpegBytes(variant))]), `p${variant}.jpg`);
  const res = await fetch(`${srv.url}/api/bot/inbound`, { method: 'POST', headers: { authorization: `Bearer ${BOT_TOKEN}` }, body: form });
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
}

const prisma = () => srv.db.prisma;
const contactOf = (externalId: string) => prisma().contact.findUniqueOrThrow({ where: { channel_externalId: { channel: CHANNEL, externalId } } });

/** Binds a WeChat contact to a demo cadre with a fresh code. */
async function bind(externalId: string, key: Parameters<TestServer['cadre']>[0]): Promise<void> {
  const { code } = await issueBindingCode(prisma(), { purpose: 'cadre', cadreId: srv.cadre(key).id }, new Date(clock));
  expect(await say(externalId, `绑定 ${code}`)).toContain('绑定成功');
}

let idNo = 0;
/** A valid-looking 18-character ID number per case (fixtures need a unique one). */
const nextId = () => `11010519491231${String(1000 + ++idNo).slice(-4)}`;

async function caseAt(status: string, villageCode = LIUSHU, fields: Record<string, unknown> = {}, contactId?: string) {
  return insertCase(prisma(), srv.config.documentsDir, { villageCode, status, idNumber: nextId(), ...(contactId ? { contactId } : {}), fields: { statusSince: new Date(clock - 86_400_000), ...fields } });
}

async function audits(actorType: string) {
  return prisma().auditEntry.findMany({ where: { actorType }, orderBy: { seq: 'asc' }, select: { action: true, caseNo: true, allowed: true, reason: true } });
}

describe('binding by code', () => {
  test('"绑定 <code>" binds the sender to the cadre, once; a wrong, used or expired code changes nothing', async () => {
    const liushu = srv.cadre('liushu');
    const reply = await say('wx-cun', `绑定 ${liushu.bindingCode}`);
    expect(reply).toContain('绑定成功');
    expect(reply).toContain('柳树村');
    const contact = await contactOf('wx-cun');
    expect((await prisma().cadre.findUniqueOrThrow({ where: { id: liushu.id } })).contactId).toBe(contact.id);

    // the code is spent: someone else typing it binds nothing
    expect(await say('wx-other', `绑定 ${liushu.bindingCode}`)).toContain('绑定码不对或已过期');
    expect(await say('wx-other', '绑定 000000')).toContain('绑定码不对或已过期');
    const { code } = await issueBindingCode(prisma(), { purpose: 'cadre', cadreId: srv.cadre('qingshan').id }, new Date(clock - 25 * 3_600_000));
    expect(await say('wx-other', `绑定 ${code}`)).toContain('绑定码不对或已过期');
    expect(await prisma().cadre.count({ where: { contactId: { not: null } } })).toBe(1);
    expect((await audits('contact')).map((a) => [a.action, a.allowed])).toEqual([
      ['bind', true],
      ['bind', false],
      ['bind', false],
      ['bind', false],
    ]);
    // without digits: how to do it
    expect(await say('wx-other', '绑定')).toContain('绑定 123456');
  });

  test('guessing codes is stopped after a few failures', async () => {
    for (let i = 0; i < 5; i++) expect(await say('wx-guess', `绑定 99999${i}`)).toContain('绑定码不对');
    expect(await say('wx-guess', `绑定 ${srv.cadre('county').bindingCode}`)).toContain('尝试次数太多');
    expect(await prisma().cadre.count({ where: { contactId: { not: null } } })).toBe(0);
  });

  test('"绑定群 <code>" @-mentioning the bot in a group binds the group to the code\'s region', async () => {
    const room = { id: 'room-liushu@chatroom', topic: '柳树村工作群' };
    const code = srv.seed.roomCodes[0]!.code;
    // in a private chat it is not used up: it must be said in the group
    expect(await say('wx-cun', `绑定群 ${code}`)).toContain('工作群里 @我');
    expect(await say('wx-cun', `绑定群 ${code}`, room)).toContain('本群是柳树村的工作群');
    const bindings = await prisma().roomBinding.findMany({ include: { region: true } });
    expect(bindings.map((b) => ({ channel: b.channel, roomId: b.roomId, topic: b.topic, region: b.region.name }))).toEqual([
      { channel: CHANNEL, roomId: room.id, topic: '柳树村工作群', region: '柳树村' },
    ]);
    expect(await say('wx-cun', `绑定群 ${code}`, room)).toContain('绑定码不对或已过期');
  });

  test('a personal code posted in a group is withdrawn, not used', async () => {
    const liushu = srv.cadre('liushu');
    const room = { id: 'room-liushu@chatroom', topic: '柳树村工作群' };
    expect(await say('wx-cun', `绑定 ${liushu.bindingCode}`, room)).toContain('已作废');
    expect(await say('wx-cun', `绑定 ${liushu.bindingCode}`)).toContain('绑定码不对或已过期');
    expect((await prisma().cadre.findUniqueOrThrow({ where: { id: liushu.id } })).contactId).toBeNull();
  });

  test('"解绑" unbinds the sender, who is a villager again', async () => {
    await bind('wx-cun', 'liushu');
    expect(await say('wx-cun', '待办')).toContain('柳树村现在没有需要您办的案件');
    expect(await say('wx-cun', '解绑')).toContain('已解绑');
    expect((await prisma().cadre.findUniqueOrThrow({ where: { id: srv.cadre('liushu').id } })).contactId).toBeNull();
    expect(await say('wx-cun', '你好')).toContain('请问您要办什么');
    expect(await say('wx-cun', '解绑')).toContain('没有绑定干部账号');
  });
});

describe('commands', () => {
  test('"待办" lists the cases waiting for my role in my region, oldest first, overdue marked', async () => {
    await bind('wx-cun', 'liushu');
    const older = await caseAt('village_review', LIUSHU, { statusSince: new Date(clock - 3 * 86_400_000), dueAt: new Date(clock - 86_400_000) });
    const newer = await caseAt('village_review', LIUSHU, { statusSince: new Date(clock - 3_600_000), dueAt: new Date(clock + 2 * 86_400_000) });
    await caseAt('town_review', LIUSHU); // the town's step
    await caseAt('village_review', SHIQIAO); // another village
    const reply = await say('wx-cun', '待办');
    expect(reply).toContain('您有2件待办，其中1件已超期');
    expect(reply.indexOf(older.caseNo)).toBeLessThan(reply.indexOf(newer.caseNo));
    // when it arrived, and by when it is due — never "今天到", which reads as a deadline
    expect(reply).toMatch(new RegExp(`${older.caseNo}.*｜已等3天｜2026年7月19日前办理【已超期】`));
    expect(reply).toMatch(new RegExp(`${newer.caseNo}.*｜今天收到｜2026年7月22日前办理`));
    expect(reply).not.toContain('今天到');
    expect(reply).toContain(`查看 ${older.caseNo}`);
    expect(await say('wx-cun', `查看 ${newer.caseNo}`)).toContain(`【${newer.caseNo}】因病｜村初审（今天收到，2026年7月22日前办理）`);
    expect(await say('wx-cun', `查看 ${older.caseNo}`)).toContain('（已3天，2026年7月19日前办理）【已超期】');
  });

  test('"查看" shows the case in short; the ID\'s last 4 and the phone only in a private chat', async () => {
    await bind('wx-cun', 'liushu');
    const c = await caseAt('village_review');
    const room = { id: 'room-liushu@chatroom', topic: '柳树村工作群' };
    const household = await prisma().household.findFirstOrThrow({ where: { cases: { some: { caseNo: c.caseNo } } } });
    for (const typed of [`查看 ${c.caseNo}`, `查看 ${c.caseNo.toLowerCase()}`, `查看 ${Number(c.caseNo.slice(-6))}`, c.caseNo]) {
      const reply = await say('wx-cun', typed);
      expect(reply).toContain(`【${c.caseNo}】因病｜村初审`);
      expect(reply).toContain(household.headName);
      expect(reply).toContain(`身份证尾号：${household.headIdNumber.slice(-4)}`);
      expect(reply).toContain('13800138000');
      expect(reply).toContain('人均5,000元，不高于监测标准8,700元');
      expect(reply).toContain(`「通过 ${c.caseNo}」`);
    }
    const inRoom = await say('wx-cun', `查看 ${c.caseNo}`, room);
    expect(inRoom).toContain(`【${c.caseNo}】`);
    expect(inRoom).not.toContain('13800138000');
    expect(inRoom).not.toContain(household.headIdNumber.slice(-4));
    expect(inRoom).not.toContain('身份证');
  });

  test('"查看" in a private chat: the phone whole only to the roles that may reveal it, on the console\'s hourly budget', async () => {
    const c = await caseAt('village_review');
    await bind('wx-audit', 'auditor');
    const seen = await say('wx-audit', `查看 ${c.caseNo}`);
    expect(seen).toContain('138****8000');
    expect(seen).not.toContain('13800138000');
    // the village cadre past the budget its 显示完整 in the console also spends: masked too
    await bind('wx-cun', 'liushu');
    expect(await say('wx-cun', `查看 ${c.caseNo}`)).toContain('13800138000');
    const key = revealBudgetKey({ id: srv.cadre('liushu').id });
    await prisma().throttleCounter.update({ where: { key }, data: { n: REVEAL_LIMIT.max } });
    const past = await say('wx-cun', `查看 ${c.caseNo}`);
    expect(past).toContain('138****8000');
    expect(past).not.toContain('13800138000');
  });

  test.each([
    ['a town cadre, on a case at village review', 'qingshan', 'village_review', LIUSHU, 'no_role', '这一步由村干部办理'],
    // outside the region: the words of a case that does not exist (the audit trail says why)
    ['a village cadre of another village', 'baishi', 'village_review', LIUSHU, 'outside_jurisdiction', '没有找到案件'],
    ['the village cadre, on a case already at town review', 'liushu', 'town_review', LIUSHU, 'no_role', '这一步由镇干部办理'],
    ['the auditor', 'auditor', 'village_review', LIUSHU, 'no_role', '审计只能查看'],
    ['the village cadre, on a paid case', 'liushu', 'paid', LIUSHU, 'not_allowed_from_status', '现在是「已发放」，不能通过'],
  ] as const)('"通过" from %s is refused with the reason, and audited', async (_who, key, status, village, code, words) => {
    await bind('wx-x', key);
    const c = await caseAt(status, village);
    const reply = await say('wx-x', `通过 ${c.caseNo}`);
    expect(reply).toContain(words);
    expect((await prisma().case.findUniqueOrThrow({ where: { caseNo: c.caseNo } })).status).toBe(status);
    const audit = await audits('cadre');
    expect(audit).toEqual([{ action: 'transition:approve', caseNo: c.caseNo, allowed: false, reason: expect.stringMatching(new RegExp(`^${code}:`)) }]);
  });

  test('a cadre command from someone who is not a bound cadre is refused with how to bind, and audited', async () => {
    const c = await caseAt('village_review');
    for (const text of [`通过 ${c.caseNo}`, `驳回 ${c.caseNo} 不符合`, `查看 ${c.caseNo}`, '待办']) {
      expect(await say('wx-stranger', text)).toContain('只有绑定了干部账号的微信才能办理案件');
    }
    expect((await prisma().case.findUniqueOrThrow({ where: { caseNo: c.caseNo } })).status).toBe('village_review');
    expect((await audits('contact')).map((a) => [a.action, a.caseNo, a.allowed, a.reason])).toEqual([
      ['chat:approve', c.caseNo, false, 'no_role: not a bound cadre'],
      ['chat:reject', c.caseNo, false, 'no_role: not a bound cadre'],
      ['chat:view', c.caseNo, false, 'no_role: not a bound cadre'],
      ['chat:pending', null, false, 'no_role: not a bound cadre'],
    ]);
  });

  test('viewing a case outside the jurisdiction reads as not found, and is audited', async () => {
    await bind('wx-baishi', 'baishi');
    const c = await caseAt('village_review', LIUSHU);
    const reply = await say('wx-baishi', `查看 ${c.caseNo}`);
    expect(reply).toContain(`没有找到案件 ${c.caseNo}`);
    expect(reply).not.toContain('13800138000');
    expect(await audits('cadre')).toEqual([{ action: 'chat:view', caseNo: c.caseNo, allowed: false, reason: expect.stringMatching(/^outside_jurisdiction:/) }]);
  });

  test('"通过", "退回 … 缺 …", "驳回 … 原因": the case moves, with an event, and the reply says what next', async () => {
    await bind('wx-cun', 'liushu');
    const a = await caseAt('village_review');
    const b = await caseAt('village_review');
    const d = await caseAt('village_review');
    expect(await say('wx-cun', `通过 ${a.caseNo} 材料齐全`)).toContain(`已通过：${a.caseNo} 转到「镇审核」`);
    expect(await say('wx-cun', `退回 ${b.caseNo} 缺 出院小结、户口本`)).toContain(`已退回：${b.caseNo}，请申请人补充：出院小结、户口本`);
    expect(await say('wx-cun', `驳回 ${d.caseNo} 家庭人均收入明显高于标准`)).toContain(`已驳回：${d.caseNo}`);
    const rows = await prisma().case.findMany({ where: { caseNo: { in: [a.caseNo, b.caseNo, d.caseNo] } }, orderBy: { caseNo: 'asc' }, include: { events: true } });
    expect(rows.map((r) => [r.status, r.missingItems, r.returnedFrom, r.rejectionReason])).toEqual([
      ['town_review', null, null, null],
      ['returned', ['出院小结', '户口本'], 'village_review', null],
      ['rejected', null, null, '家庭人均收入明显高于标准'],
    ]);
    expect(rows[0]!.events).toEqual([expect.objectContaining({ type: 'approve', actorType: 'cadre', actorId: srv.cadre('liushu').id, fromStatus: 'village_review', toStatus: 'town_review', note: '材料齐全' })]);
  });

  test('"驳回" without a reason and "退回" without items ask for them; "取消" leaves the case as it was', async () => {
    await bind('wx-cun', 'liushu');
    const c = await caseAt('village_review');
    expect(await say('wx-cun', `驳回 ${c.caseNo}`)).toContain('请回复驳回的原因');
    expect(await say('wx-cun', '取消')).toContain('已放弃');
    expect(await say('wx-cun', `退回 ${c.caseNo}`)).toContain('缺哪些材料');
    expect(await say('wx-cun', '出院小结，诊断证明')).toContain(`已退回：${c.caseNo}，请申请人补充：出院小结、诊断证明`);
  });

  test('a short number that matches cases of two years asks which', async () => {
    await bind('wx-county', 'county');
    const c = await caseAt('county_review');
    const seq = c.caseNo.slice(-6);
    await prisma().case.update({ where: { caseNo: c.caseNo }, data: { caseNo: `FP-2025-${seq}` } });
    await caseAt('county_review', LIUSHU, { caseNo: `FP-2026-${seq}` });
    expect(await say('wx-county', `查看 ${Number(seq)}`)).toContain(`FP-2026-${seq}、FP-2025-${seq}`);
  });
});

describe('guided exchanges', () => {
  test('county review → verification: the verifier is picked from a numbered list, then confirmed', async () => {
    await bind('wx-county', 'county');
    const c = await caseAt('county_review');
    const ask = await say('wx-county', `通过 ${c.caseNo}`);
    expect(ask).toContain('请选择入户核查的核查员');
    expect(ask).toContain('1. 人保核查员（清溪县）');
    // a new question while it waits is not taken for an answer
    expect(await say('wx-county', '7')).toContain('没有这个选项');
    expect(await say('wx-county', '1')).toContain('核查员：人保核查员（清溪县）');
    expect(await say('wx-county', '确认')).toContain(`已通过：${c.caseNo} 转到「入户核查」`);
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNo: c.caseNo } });
    expect([row.status, row.verifierId]).toEqual(['verification', srv.cadre('verifier').id]);
  });

  test('verification results, field by field, with the villagers\' number parsers; a photo joins the case', async () => {
    await bind('wx-ver', 'verifier');
    const c = await caseAt('verification', LIUSHU, { verifierId: srv.cadre('verifier').id });
    expect(await say('wx-ver', `核查 ${c.caseNo} 预约 7月22日`)).toContain(`已预约：${c.caseNo} 2026年7月22日入户核查`);
    expect(await say('wx-ver', `通过 ${c.caseNo}`)).toContain('核实的家庭年纯收入');
    expect(await sendPhoto('wx-ver', 1)).toContain('第1张照片已存入');
    expect(await say('wx-ver', '三万二')).toContain('几人');
    expect(await say('wx-ver', '4口人')).toContain('刚性支出');
    expect(await say('wx-ver', '2万2')).toContain('核查结论');
    const check = await say('wx-ver', '1');
    expect(check).toContain('核实年纯收入：32,000元');
    expect(check).toContain('核查照片：1张');
    expect(await say('wx-ver', '确认')).toContain('转到「村级评议」');
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNo: c.caseNo }, include: { documents: true } });
    expect(row.verification).toMatchObject({ verifiedIncomeFen: 3_200_000, verifiedMembers: 4, verifiedExpenseFen: 2_200_000, outcome: 'confirmed' });
    expect(row.documents.map((d) => d.kind)).toEqual(['verification_photo']);
  });

  test('assessment: the notice dates default to today and the shortest notice; publicity cannot be decided early', async () => {
    await bind('wx-cun', 'liushu');
    await bind('wx-county', 'county');
    const c = await caseAt('assessment');
    expect(await say('wx-cun', `通过 ${c.caseNo}`)).toContain('村级评议结果');
    expect(await say('wx-cun', '同意')).toContain('参加评议');
    expect(await say('wx-cun', '25')).toContain('回复「好」从今天（2026年7月20日）开始');
    expect(await say('wx-cun', '好')).toContain('回复「好」到2026年7月24日结束');
    expect(await say('wx-cun', '7月22日')).toContain('公示至少要到2026年7月24日');
    const check = await say('wx-cun', '好');
    expect(check).toContain('公示开始：2026年7月20日');
    expect(check).toContain('公示结束：2026年7月24日');
    expect(await say('wx-cun', '确认')).toContain('转到「公示」');

    expect(await say('wx-county', `通过 ${c.caseNo}`)).toContain('公示要到2026年7月24日才结束');
    expect(await say('wx-county', `异议 ${c.caseNo} 邻居反映家中有营运车辆`)).toContain('第1条异议');
    clock += 5 * 86_400_000; // the 25th: the notice has ended
    expect(await say('wx-county', `通过 ${c.caseNo}`)).toContain('还有1条异议没处理');
    expect(await say('wx-county', `异议处理 ${c.caseNo} 1 经核实车辆已转让`)).toContain('没有未处理的异议了');
    expect(await say('wx-county', `通过 ${c.caseNo}`)).toContain('救助金额');
    expect(await say('wx-county', '5千')).toContain('认定为哪一类');
    expect(await say('wx-county', '2')).toContain('帮扶措施');
    expect(await say('wx-county', '2 3 9 x')).toContain('没看懂「x」');
    const check2 = await say('wx-county', '2 3 5');
    expect(check2).toContain('帮扶措施：临时救助、医疗救助、防贫保险金');
    expect(await say('wx-county', '确认')).toContain('转到「已批准待发放」');
    expect(await say('wx-county', `通过 ${c.caseNo}`)).toContain('发放凭证号');
    expect(await say('wx-county', 'ZF-2026-0725-001')).toContain('哪天发放');
    expect(await say('wx-county', '今天')).toContain('发放日期：2026年7月25日');
    expect(await say('wx-county', '确认')).toContain(`已登记发放：${c.caseNo} 办结`);
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNo: c.caseNo } });
    expect(row).toMatchObject({ status: 'paid', approvedAmountFen: 500_000, householdCategory: 'marginal', measures: ['temporary_relief', 'medical_aid', 'insurance_payout'], paymentRef: 'ZF-2026-0725-001' });
  });

  test('a case moved by someone else while the exchange waits is not overwritten', async () => {
    await bind('wx-county', 'county');
    await bind('wx-ver', 'verifier');
    const c = await caseAt('verification', LIUSHU, { verifierId: srv.cadre('verifier').id });
    await say('wx-ver', `通过 ${c.caseNo}`);
    await say('wx-ver', '3万');
    await say('wx-ver', '4');
    await say('wx-ver', '2万');
    await say('wx-ver', '1');
    expect(await say('wx-county', `驳回 ${c.caseNo} 重复申请`)).toContain('已驳回');
    expect(await say('wx-ver', '确认')).toContain('刚才已经变成「已驳回」');
  });

  test('绿色通道: the county approves urgent help at once and is asked the decision', async () => {
    await bind('wx-county', 'county');
    await bind('wx-town', 'qingshan');
    const c = await caseAt('town_review');
    expect(await say('wx-town', `绿色通道 ${c.caseNo} 急`)).toContain('只有县帮扶办可以走绿色通道');
    expect(await say('wx-county', `绿色通道 ${c.caseNo} 重病住院急需救助`)).toContain('救助金额');
    await say('wx-county', '8000');
    await say('wx-county', '3');
    expect(await say('wx-county', '1 2')).toContain('原因：重病住院急需救助');
    expect(await say('wx-county', '确认')).toContain('绿色通道已批准');
    expect(await prisma().case.findUniqueOrThrow({ where: { caseNo: c.caseNo } })).toMatchObject({ status: 'approved', greenChannel: true, approvedAmountFen: 800_000 });
  });

  test('an exchange left for hours is dropped, not answered by a stray "1"', async () => {
    await bind('wx-county', 'county');
    const c = await caseAt('county_review');
    await say('wx-county', `通过 ${c.caseNo}`);
    clock += 3 * 3_600_000;
    const reply = await say('wx-county', '1');
    expect(reply).toContain('已超过2小时，已放弃');
    expect((await prisma().case.findUniqueOrThrow({ where: { caseNo: c.caseNo } })).status).toBe('county_review');
  });

  test('"English" switches the cadre\'s language, kept on the account', async () => {
    await bind('wx-cun', 'liushu');
    expect(await say('wx-cun', 'English')).toContain('in English from now on');
    expect(await say('wx-cun', 'todo')).toContain('Nothing is waiting for you in 柳树村');
    expect((await prisma().cadre.findUniqueOrThrow({ where: { id: srv.cadre('liushu').id } })).lang).toBe('en');
    expect(await say('wx-cun', '中文')).toContain('以后用中文');
  });

  test('help lists the commands of my role', async () => {
    await bind('wx-cun', 'liushu');
    await bind('wx-county', 'county');
    const village = await say('wx-cun', '帮助');
    expect(village).toContain('通过 编号');
    expect(village).not.toContain('绿色通道');
    expect(await say('wx-county', '帮助')).toContain('绿色通道 编号 原因');
  });
});

describe('the villager\'s side of a returned case', () => {
  async function villagerWithReturnedCase() {
    await say('wx-li', '你好'); // the contact exists
    const contact = await contactOf('wx-li');
    const c = await caseAt('returned', LIUSHU, { returnedFrom: 'village_review', missingItems: ['出院小结'] }, contact.id);
    return c;
  }

  test('photos go to the returned case; "好了" sends it back to the step that returned it', async () => {
    const c = await villagerWithReturnedCase();
    expect(await say('wx-li', '你好')).toContain(`您的申请 ${c.caseNo} 需要补充材料：出院小结`);
    expect(await say('wx-li', '好了')).toContain('还没收到补充的照片');
    expect(await sendPhoto('wx-li', 2)).toContain(`收到第1张，已放进申请 ${c.caseNo}`);
    expect(await sendPhoto('wx-li', 3)).toContain('收到第2张');
    expect(await say('wx-li', '好了')).toContain(`已经重新提交了！申请 ${c.caseNo} 现在是“村委会初审中”`);
    const row = await prisma().case.findUniqueOrThrow({ where: { caseNo: c.caseNo }, include: { documents: true, events: true } });
    expect(row.status).toBe('village_review');
    expect(row.documents.map((d) => d.kind)).toEqual(['supplement', 'supplement']);
    expect(row.events.map((e) => [e.type, e.actorType, e.toStatus])).toEqual([['resubmit', 'villager', 'village_review']]);
    // nothing is left in supplement mode
    expect(await say('wx-li', '你好')).toContain('请问您要办什么');
  });

  test('a photo sent while an application is in progress stays with the application', async () => {
    const c = await villagerWithReturnedCase();
    await say('wx-li', '菜单');
    await say('wx-li', '1');
    expect(await say('wx-li', '1')).toContain('申请人叫什么名字');
    await sendPhoto('wx-li', 4);
    expect(await prisma().document.count({ where: { caseId: c.caseId } })).toBe(0);
    // choosing it: the application waits and comes back afterwards
    expect(await say('wx-li', '补材料')).toContain('需要补充材料：出院小结');
    await sendPhoto('wx-li', 5);
    const done = await say('wx-li', '好了');
    expect(done).toContain('已经重新提交了');
    expect(done).toContain('您之前的申请还没填完');
    expect(await say('wx-li', '你好')).toContain('申请人叫什么名字');
    expect(await prisma().document.count({ where: { caseId: c.caseId } })).toBe(1);
  });

  test('"撤回" asks for confirmation, then withdraws', async () => {
    await say('wx-wang', '你好');
    const contact = await contactOf('wx-wang');
    const c = await caseAt('town_review', LIUSHU, {}, contact.id);
    expect(await say('wx-wang', '撤回')).toContain(`确定要撤回申请 ${c.caseNo} 吗`);
    expect(await say('wx-wang', '不是')).toContain('不撤回');
    expect(await say('wx-wang', `撤回 ${c.caseNo}`)).toContain('确定要撤回');
    expect(await say('wx-wang', '是')).toContain(`申请 ${c.caseNo} 已经撤回`);
    expect((await prisma().case.findUniqueOrThrow({ where: { caseNo: c.caseNo } })).status).toBe('withdrawn');
    expect(await say('wx-wang', '撤回')).toContain('没有可以撤回的申请');
  });
});
