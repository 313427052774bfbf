/**
 * Policy answers through the real server and database: "标准是多少" answers the figure configured
 * for the villager's own village (the demo county's 8,700 yuan, and a village-level line that
 * overrides it), a question mid-application leaves the stored session untouched, "全文" works
 * across messages, and "什么意思" explains a case a cadre has just moved.
 */
import { seedPolicyKnowledge } from '../../server/seed/policy-knowledge';
import { insertCase } from '../support/fixtures';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';

const NOW = new Date('2026-07-20T02:00:00Z'); // a Monday, 10:00 in China
const CHANNEL = 'test:bot';
const LIUSHU = '439901100201';
const SHIQIAO = '439901100202';
const ID = '11010519491231002X';
const PHONE = '13812345678';

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

async function say(from: string, text: string): Promise<string> {
  messageNo += 1;
  const res = await fetch(`${srv.url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: `f-${messageNo}`, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, type: 'text', text }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
}

const prisma = () => srv.db.prisma;
const contactOf = (externalId: string) => prisma().contact.findUniqueOrThrow({ where: { channel_externalId: { channel: CHANNEL, externalId } } });
async function sessionOf(externalId: string) {
  const contact = await contactOf(externalId);
  return prisma().conversationSession.findUniqueOrThrow({ where: { contactId: contact.id } });
}

/** 柳树村's own line for this year, above the county's 8,700 yuan. */
async function overrideLiushu(fen = 950_000) {
  const village = await prisma().region.findUniqueOrThrow({ where: { code: LIUSHU } });
  await prisma().incomeLine.create({ data: { regionId: village.id, year: 2026, perCapitaFen: fen, note: 'village override' } });
}

/** An illness application up to the household size, in 青山镇 and the given village (1 柳树村, 2 石桥村). */
async function applyUpToHouseholdSize(from: string, village: '1' | '2') {
  for (const m of ['你好', '1', '1', '张三', ID, PHONE, '1', village]) await say(from, m);
}

test('"标准是多少" from a new villager: the demo county\'s 8,700 yuan', async () => {
  const said = await say('new-villager', '标准是多少');
  expect(said).toContain('本地2026年的监测标准是：家庭人均纯收入每人每年8,700元');
  expect(said).toContain('回复“全文”');
  const full = await say('new-villager', '全文');
  expect(full).toContain('【防止返贫监测：谁会被监测，标准是多少】');
  expect(full).toContain('8,700元');
});

test('with a village-level line, each villager hears their own village\'s figure', async () => {
  await overrideLiushu();
  await applyUpToHouseholdSize('liushu-villager', '1');
  await applyUpToHouseholdSize('shiqiao-villager', '2');
  expect(await say('liushu-villager', '标准是多少')).toContain('柳树村2026年的监测标准是：家庭人均纯收入每人每年9,500元');
  expect(await say('shiqiao-villager', '表准是多少？')).toContain('石桥村2026年的监测标准是：家庭人均纯收入每人每年8,700元');
  // a villager whose village is not known yet hears both
  expect(await say('someone-else', '标准是多少')).toContain('柳树村 9,500元；其他村 8,700元');
});

test('a question mid-application leaves the stored session exactly as it was; the next answer continues', async () => {
  await applyUpToHouseholdSize('asker', '1');
  const before = await sessionOf('asker');
  expect(before.step).toBe('householdSize');
  const said = await say('asker', '报消了还能申请吗');
  expect(said).toContain('看的是报销以后您家自己负担的部分');
  expect(said).toContain('我们接着刚才的问题');
  expect(said).toContain('几口人');
  const after = await sessionOf('asker');
  expect(after.state).toEqual(before.state);
  expect(after.step).toBe('householdSize');
  // the answer that follows is taken as usual
  expect(await say('asker', '4')).toContain('纯收入');
  expect(await say('asker', '三万二')).toContain('人均纯收入约8,000元');
  expect((await sessionOf('asker')).step).toBe('povertyAlleviated');
});

test('after filing, the household\'s village is known at rest', async () => {
  await overrideLiushu(990_000);
  await say('filed', '你好');
  const contact = await contactOf('filed');
  const { householdId } = await insertCase(prisma(), srv.config.documentsDir, { villageCode: LIUSHU, idNumber: '110105196001010011', contactId: contact.id, status: 'village_review' });
  await prisma().contact.update({ where: { id: contact.id }, data: { householdId } });
  expect(await say('filed', '我们村收入线是多少')).toContain('柳树村2026年的监测标准是：家庭人均纯收入每人每年9,900元');
});

test('政策咨询 from the menu lists the topics; a number answers', async () => {
  await say('reader', '你好');
  const list = await say('reader', '3');
  expect(list).toContain('常见问题');
  expect(list).toContain('1. 监测标准是多少？');
  const answer = await say('reader', '1');
  expect(answer).toContain('8,700元');
});

test('"什么意思" after a cadre moved the case: what the new status means and what comes next', async () => {
  await say('waiting', '你好');
  const contact = await contactOf('waiting');
  const { caseNo } = await insertCase(prisma(), srv.config.documentsDir, { villageCode: LIUSHU, idNumber: '110105196001010022', contactId: contact.id, status: 'village_review' });
  clock += 3_600_000;
  const moved = await fetch(`${srv.url}/api/cases/${caseNo}/transitions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${srv.cadre('liushu').token}` },
    body: JSON.stringify({ to: 'town_review', note: '材料齐全' }),
  });
  expect(moved.status).toBe(200);
  clock += 3_600_000;
  const said = await say('waiting', '这是啥意思？');
  expect(said).toContain(caseNo);
  expect(said).toContain('镇审核中');
  expect(said).toContain('村里初审通过了，现在由镇里审核');
  expect(said).toContain('一般3天内有结果');
});

test('the default knowledge is loaded once: a second load adds nothing', async () => {
  const before = await prisma().faqEntry.count();
  expect(before).toBeGreaterThanOrEqual(40);
  expect(await seedPolicyKnowledge(prisma())).toEqual({ articles: 0, faqs: 0 });
  expect(await prisma().faqEntry.count()).toBe(before);
});

test('the villager\'s region decides which entries apply', async () => {
  const shiqiao = await prisma().region.findUniqueOrThrow({ where: { code: SHIQIAO } });
  await prisma().faqEntry.create({
    data: { key: 'shiqiao-bridge', lang: 'zh-CN', question: '石桥村修桥补助怎么申请？', synonyms: ['修桥补助', '修桥有补助吗'], keywords: ['修桥'], answer: '修桥补助找石桥村村委会。', regionId: shiqiao.id },
  });
  await applyUpToHouseholdSize('at-shiqiao', '2');
  await applyUpToHouseholdSize('at-liushu', '1');
  expect(await say('at-shiqiao', '修桥有补助吗？')).toContain('修桥补助找石桥村村委会');
  expect(await say('at-liushu', '修桥有补助吗？')).not.toContain('修桥补助找石桥村村委会');
});
