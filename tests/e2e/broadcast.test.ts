/**
 * Publicity end to end: the county office composes through the API, the real gateway drains
 * the outbox into a mock WeChat. Villagers get the text (with how to opt out) and the work group
 * gets it plain; a link card and a mini-program card go through wechaty's UrlLink and
 * MiniProgram (the mock does not deliver cards, so the puppet's calls are watched); an image
 * arrives as a picture. A villager who replies "退订" gets none of the next ones; "订阅" brings
 * them back.
 */
import { rmSync } from 'node:fs';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { MOCK_BOT } from '../../bot/puppet';
import { inbox, leftovers } from '../bot/support';
import { bindRoom } from '../outbox/support';
import { api, villagers } from '../broadcasts/support';
import { pngBytes, startTestServer, type TestServer } from '../support/server';
import { recordedIn, sleep, startChatBot, tempDir, Villager, waitFor, type ChatBot } from './support';

const LIUSHU = '439901100201';
const ROOM = 'r-liushu@chatroom';

let baseline: string[];
let srv: TestServer;
let prisma: PrismaClient;
let bot: ChatBot;
let spoolDir: string;
let county: string;
let people: Villager[];
let room: string[];
let sendUrl: jest.SpyInstance;
let sendMiniProgram: jest.SpyInstance;

beforeAll(async () => {
  baseline = process.getActiveResourcesInfo();
  srv = await startTestServer();
  prisma = srv.db.prisma;
  county = srv.tokenOf('county');
  const contacts = await villagers(prisma, LIUSHU, 3, 'v'); // v-0, v-1, v-2, households in 柳树村
  await bindRoom(prisma, LIUSHU, ROOM);
  people = contacts.map((c, i) => new Villager(c.externalId, `村民${i}`, recordedIn(srv)));
  spoolDir = tempDir('bot-spool-');
  bot = await startChatBot(srv, spoolDir, people);
  room = inbox(bot.mocker.createRoom({ id: ROOM, topic: '柳树村工作群', memberIdList: [MOCK_BOT.id, 'v-0'] }));
  sendUrl = jest.spyOn(bot.bot.puppet, 'messageSendUrl');
  sendMiniProgram = jest.spyOn(bot.bot.puppet, 'messageSendMiniProgram');
});
afterAll(async () => {
  jest.restoreAllMocks();
  await bot.stop();
  await srv.close();
  rmSync(spoolDir, { recursive: true, force: true });
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

async function broadcast(content: object): Promise<string> {
  const made = await api(srv, county, 'POST', '/api/broadcasts', { content, target: { regions: [LIUSHU], villagers: true, rooms: true } });
  expect(made.status).toBe(201);
  expect((await api(srv, county, 'POST', `/api/broadcasts/${made.body.id}/send`, {})).status).toBe(200);
  return made.body.id as string;
}

async function done(id: string) {
  let b: any;
  await waitFor(async () => (b = (await api(srv, county, 'GET', `/api/broadcasts/${id}`)).body).status === 'done', () => `broadcast ${id} done: ${JSON.stringify(b)}`);
  return b;
}

const FOOTER = '（回复“退订”不再接收政策宣传）';

test('a text reaches the villagers (with how to opt out) and the work group (plain), once each', async () => {
  const id = await broadcast({ type: 'text', text: '7月25日上午在村委会办理医保缴费。' });
  const b = await done(id);
  expect(b.counts).toMatchObject({ recipients: 4, sent: 4, queued: 0 });
  for (const p of people) expect(p.botSaid()).toEqual([`7月25日上午在村委会办理医保缴费。\n\n${FOOTER}`]);
  expect(room).toEqual(['7月25日上午在村委会办理医保缴费。']);
});

test('"退订" in the chat: the next cards and images skip that villager; the others get them', async () => {
  expect((await people[1]!.send('退订')).join('\n')).toContain('已经退订');

  const link = await broadcast({ type: 'link', url: 'https://www.example.gov.cn/fpzs/2026.html', title: '防返贫监测政策解读', description: '一图看懂', thumbnailUrl: 'https://www.example.gov.cn/t.png' });
  expect((await done(link)).counts).toMatchObject({ recipients: 3, sent: 3 });
  expect(sendUrl.mock.calls.map(([to]) => to).sort()).toEqual(['r-liushu@chatroom', 'v-0', 'v-2']);
  for (const [, payload] of sendUrl.mock.calls) {
    expect(payload).toEqual({ url: 'https://www.example.gov.cn/fpzs/2026.html', title: '防返贫监测政策解读', description: '一图看懂', thumbnailUrl: 'https://www.example.gov.cn/t.png' });
  }

  const card = await broadcast({ type: 'miniprogram', appid: 'wx0123456789abcdef', path: 'pages/apply/index', title: '在线申请帮扶', username: 'gh_0123456789ab' });
  expect((await done(card)).counts).toMatchObject({ recipients: 3, sent: 3 });
  expect(sendMiniProgram.mock.calls.map(([to]) => to).sort()).toEqual(['r-liushu@chatroom', 'v-0', 'v-2']);
  expect(sendMiniProgram.mock.calls[0]![1]).toMatchObject({ appid: 'wx0123456789abcdef', pagePath: 'pages/apply/index', title: '在线申请帮扶', username: 'gh_0123456789ab' });

  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(pngBytes(3))]), 'poster');
  const up = await fetch(`${srv.url}/api/broadcasts/images`, { method: 'POST', headers: { authorization: `Bearer ${county}` }, body: form });
  const image = await broadcast({ type: 'image', documentId: ((await up.json()) as { documentId: string }).documentId });
  expect((await done(image)).counts).toMatchObject({ recipients: 3, sent: 3 });
  for (const p of [people[0]!, people[2]!]) expect(p.transcript.filter((s) => s.from === 'bot' && s.fileName).map((s) => s.fileName)).toEqual(['image.png']);
  expect(people[1]!.transcript.some((s) => s.fileName)).toBe(false);
  // what the opted-out villager heard since: only the answer to "退订"
  expect(people[1]!.botSaid()).toHaveLength(2);
});

test('"订阅" brings the publicity back', async () => {
  expect((await people[1]!.send('订阅')).join('\n')).toContain('已经订阅');
  const id = await broadcast({ type: 'text', text: '秋季助学金开始申请。' });
  expect((await done(id)).counts).toMatchObject({ recipients: 4, sent: 4 });
  expect(people[1]!.botSaid().at(-1)).toBe(`秋季助学金开始申请。\n\n${FOOTER}`);
});
