/**
 * 预警 and 统计 said in a group (real PostgreSQL, through the bot's inbound endpoint): a bound cadre
 * @-mentioning the bot in a room gets 预警's count only (the list names households and their answers
 * — for a private chat), and 统计 only in a work group bound within the cadre's region; privately
 * both answer in full.
 */
import { idCheckChar } from '../../flows/parse/id-number';
import { t } from '../../flows/i18n';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { call } from '../miniprogram/support';
import { bindCadre, bindRoom } from '../outbox/support';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';

const CHANNEL = 'test:bot';
const LIUSHU = '439901100201';
const BAISHI = '439901200201';
const T0 = Date.parse('2026-07-20T01:00:00Z');

let srv: TestServer;
let prisma: PrismaClient;
let n = 0;

function idFor(i: number): string {
  const first17 = `43990119700101${String(600 + i).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** What the bot answers `text` from `from`, said privately or in `room`. */
async function say(from: string, text: string, room?: string): Promise<string> {
  const res = await fetch(`${srv.url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: `room-${++n}`, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, type: 'text', text, ...(room ? { room: { id: room, topic: room } } : {}) }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
}

beforeAll(async () => {
  srv = await startTestServer({ now: () => new Date(T0) });
  prisma = srv.db.prisma;
  const village = await prisma.region.findUniqueOrThrow({ where: { code: LIUSHU } });
  for (let i = 0; i < 3; i += 1) await prisma.household.create({ data: { villageId: village.id, headName: `预警户${i}`, headIdNumber: idFor(i), phone: '13800138000', size: 3 } });
  await bindCadre(prisma, srv.cadre('liushu').id, 'c-liushu', 'zh-CN', CHANNEL);
  await bindRoom(prisma, LIUSHU, 'r-liushu@chatroom', CHANNEL);
  await bindRoom(prisma, BAISHI, 'r-baishi@chatroom', CHANNEL);
  const rules = await call(srv, 'PUT', '/api/departments/yibao', {
    token: srv.tokenOf('county'),
    body: { rules: [{ kind: 'threshold', figure: 'selfPaidInpatientYtd', lineOtherFen: 2_000_000, cause: 'illness', wording: 'medical_costs' }] },
  });
  expect(rules.status).toBe(200);
  const csv = ['身份证号,住院自付累计,医疗总费用', ...[0, 1, 2].map((i) => `${idFor(i)},32000,96000`)].join('\n');
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(csv, 'utf8')]), 'yibao.csv');
  const res = await fetch(`${srv.url}/api/departments/yibao/imports`, { method: 'POST', headers: { authorization: `Bearer ${srv.tokenOf('county')}` }, body: form });
  expect(res.status).toBe(201);
  expect(await prisma.alert.count()).toBe(3);
});
afterAll(async () => {
  await srv.close();
});

describe('预警', () => {
  test.each([
    ['its village’s work group', 'r-liushu@chatroom'],
    ['another village’s work group', 'r-baishi@chatroom'],
    ['a group bound to no region', 'r-family@chatroom'],
  ])('in %s: the count only, and to ask privately', async (_label, room) => {
    const reply = await say('c-liushu', '预警', room);
    expect(reply).toBe(t('zh-CN', 'cadre.room.alerts_count', { region: '柳树村', count: 3 }));
    expect(reply).not.toMatch(/预警户|\*/);
    // the list was not given, so no number of it can be closed from the group
    expect(await say('c-liushu', '预警 1 已有帮扶', room)).not.toContain('已关闭');
  });

  test('privately: the list', async () => {
    const reply = await say('c-liushu', '预警');
    expect(reply).toContain('柳树村未关闭的部门预警 3 条');
    expect(reply.split('\n').length).toBeGreaterThan(3);
  });
});

describe('统计', () => {
  test.each([
    ['privately', undefined, true],
    ['in its village’s work group', 'r-liushu@chatroom', true],
    ['in another village’s work group', 'r-baishi@chatroom', false],
    ['in a group bound to no region', 'r-family@chatroom', false],
  ])('%s (room %s): answered with the figures — %s', async (_label, room, answered) => {
    const reply = await say('c-liushu', '统计', room);
    if (answered) expect(reply).toContain('【柳树村·');
    else expect(reply).toBe(t('zh-CN', 'cadre.room.stats_private'));
  });
});
