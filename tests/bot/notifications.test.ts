/**
 * Case notices end to end: the real server writes them to the outbox in the transition's
 * transaction, the real gateway drains them into a mock WeChat. They arrive in order, exactly
 * once — also when the bot is stopped between a transition and its delivery, or in the middle
 * of a batch. A bot killed after saying a message but before its ack has it said again once the
 * lease ends: delivery is at least once, and the window is the lease (60 s by default).
 */
import { rmSync } from 'node:fs';
import type { mock } from 'wechaty-puppet-mock';
import { startBot, type RunningBot } from '../../bot';
import { createPuppet, MOCK_BOT } from '../../bot/puppet';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { SYSTEM } from '../../flows/workflow';
import { insertCase } from '../support/fixtures';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { bindCadre, bindRoom, cadreActor, CHANNEL, mustMove, outboxRows, villagerContact } from '../outbox/support';
import { inbox, leftovers, sleep, tempSpoolDir, waitFor } from './support';

const LIUSHU = '439901100201';
const ROOM = 'r-liushu@chatroom';

let clock = new Date('2026-07-20T02:00:00Z');
let srv: TestServer;
let prisma: PrismaClient;
let baseline: string[];
let bots: RunningBot[] = [];
let spoolDir: string;
let ids = 0;

beforeAll(async () => {
  baseline = process.getActiveResourcesInfo();
  srv = await startTestServer({ now: () => clock });
  prisma = srv.db.prisma;
  await bindCadre(prisma, srv.cadre('liushu').id, 'c-liushu');
  await bindCadre(prisma, srv.cadre('qingshan').id, 'c-qingshan');
  await bindRoom(prisma, LIUSHU, ROOM);
});
beforeEach(() => {
  spoolDir = tempSpoolDir();
});
afterEach(async () => {
  for (const b of bots) await b.stop();
  bots = [];
  rmSync(spoolDir, { recursive: true, force: true });
  // what one test left undelivered is not the next one's business
  await prisma.outbox.updateMany({ where: { status: 'pending' }, data: { status: 'sent' } });
});
afterAll(async () => {
  await srv.close();
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

/** Who is in the mock WeChat, and what each of them has received from the bot so far. */
type World = { mocker: mock.Mocker; said: Record<string, string[]> };

/** A fresh mock WeChat with the villager, the cadres and the work group in it, and a bot on it. */
async function startWorld(villager: string, minIntervalMs = 0): Promise<World> {
  const { puppet, mocker } = await createPuppet({});
  const said: Record<string, string[]> = {};
  for (const id of [villager, 'c-liushu', 'c-qingshan']) said[id] = inbox(mocker!.createContact({ id, name: id }));
  // the room needs the bot in it: the bot's own contact exists once the mock has logged in
  bots.push(await startBot({ puppet, serverUrl: srv.url, token: BOT_TOKEN, spoolDir, backoff: { initialMs: 20, maxMs: 80 }, pacing: { minIntervalMs } }));
  said[ROOM] = inbox(mocker!.createRoom({ id: ROOM, topic: '柳树村工作群', memberIdList: [MOCK_BOT.id, 'c-liushu'] }));
  return { mocker: mocker!, said };
}

async function stopBots(): Promise<void> {
  for (const b of bots) await b.stop();
  bots = [];
}

async function newCase() {
  ids += 1;
  const contact = await villagerContact(prisma, `v-${ids}`);
  const c = await insertCase(prisma, srv.config.documentsDir, { villageCode: LIUSHU, idNumber: `11010519491231${String(ids).padStart(3, '0')}X`, contactId: contact.id });
  return { ...c, villager: contact.externalId };
}

/** The three first moves of a case: filed → village → town → county. */
async function threeMoves(caseNo: string): Promise<void> {
  await mustMove(srv, SYSTEM, caseNo, { action: 'accept' }, clock);
  await mustMove(srv, await cadreActor(srv, 'liushu'), caseNo, { action: 'approve' }, clock);
  await mustMove(srv, await cadreActor(srv, 'qingshan'), caseNo, { action: 'approve' }, clock);
}

/** The texts the outbox holds for each target of a case, in the order written. */
async function expected(caseId: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const r of await outboxRows(prisma, { caseId })) (out[r.targetId] ??= []).push(r.text);
  return out;
}

const allSent = async (caseId: string) => (await prisma.outbox.count({ where: { caseId, status: { not: 'sent' } } })) === 0;

/** What several mock worlds received together (a bot restart is a new world). */
function together(worlds: World[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const w of worlds) for (const [k, v] of Object.entries(w.said)) if (v.length) (out[k] ??= []).push(...v);
  return out;
}

test('a transition’s notices arrive at the villager, the cadres and the work group, in order', async () => {
  const c = await newCase();
  const world = await startWorld(c.villager);
  await threeMoves(c.caseNo);
  await mustMove(srv, await cadreActor(srv, 'county'), c.caseNo, { action: 'return', data: { items: ['出院小结'] } }, clock);

  const want = await expected(c.caseId);
  expect(Object.keys(want).sort()).toEqual(['c-liushu', 'c-qingshan', ROOM, c.villager].sort());
  await waitFor(() => Object.entries(want).every(([k, v]) => world.said[k]?.length === v.length), 'every notice', 10_000);
  await sleep(300); // a second delivery would show up by now
  expect(together([world])).toEqual(want); // each once, in the order written
  expect(world.said[c.villager]!.map((s) => s.split('\n')[0])).toEqual([
    '您的申请村委会已经收到，正在初审。',
    '村委会初审通过了，申请已经交给镇里审核。',
    '镇里审核通过了，申请已经交给县里审核。',
    '您的申请还需要补充材料（县里审核时发现的）：',
  ]);
  expect(world.said[ROOM]![0]).toContain(`@防贫助手 通过 ${c.caseNo}`);
  expect(await allSent(c.caseId)).toBe(true);
});

test('stopping the bot between a transition and its delivery loses no notification and duplicates none', async () => {
  const c = await newCase();
  const first = await startWorld(c.villager);
  await stopBots(); // the bot goes away …
  await threeMoves(c.caseNo); // … the case moves meanwhile …
  expect(await allSent(c.caseId)).toBe(false);

  const second = await startWorld(c.villager); // … a new bot starts
  const want = await expected(c.caseId);
  await waitFor(() => Object.entries(want).every(([k, v]) => second.said[k]?.length === v.length), 'every notice', 10_000);
  await sleep(300); // a second delivery would show up by now
  const got = together([first, second]);
  expect(got).toEqual(want); // each exactly once, in order
  expect(await allSent(c.caseId)).toBe(true);
});

test('stopped in the middle of a paced batch: the one in hand is acked, the rest go with the next bot, once', async () => {
  const c = await newCase();
  await threeMoves(c.caseNo); // 7 notices waiting
  const first = await startWorld(c.villager, 10_000); // one per 10 s: batches of 3
  await waitFor(() => Object.values(first.said).flat().length === 1, 'the first notice');
  await stopBots();

  const second = await startWorld(c.villager);
  const want = await expected(c.caseId);
  const count = Object.values(want).flat().length;
  await waitFor(() => Object.values(together([first, second])).flat().length === count, 'every notice', 10_000);
  await sleep(300);
  expect(together([first, second])).toEqual(want);
  expect(await allSent(c.caseId)).toBe(true);
});

test('a bot killed after saying but before its ack: said again once the lease ends (at least once)', async () => {
  const c = await newCase();
  await mustMove(srv, SYSTEM, c.caseNo, { action: 'accept' }, clock);
  // a bot of the same account leases everything, says it, and dies without an ack
  const res = await fetch(`${srv.url}/api/bot/outbox?${new URLSearchParams({ puppet: 'wechaty-puppet-mock', accountId: MOCK_BOT.id, wait: '0' })}`, {
    headers: { authorization: `Bearer ${BOT_TOKEN}` },
  });
  const leased = ((await res.json()) as { messages: { text: string; targetId: string }[] }).messages;
  expect(leased.map((m) => m.targetId).sort()).toEqual(['c-liushu', ROOM, c.villager].sort());
  expect(CHANNEL).toBe(`wechaty-puppet-mock:${MOCK_BOT.id}`);

  const world = await startWorld(c.villager);
  await sleep(500);
  expect(Object.values(world.said).flat()).toEqual([]); // held by the dead bot's lease
  clock = new Date(clock.getTime() + 61_000); // the lease (60 s) ends
  await waitFor(() => Object.values(world.said).flat().length === 3, 'the redelivery', 10_000);
  expect(world.said[c.villager]).toEqual([leased.find((m) => m.targetId === c.villager)!.text]);
  // the last ack lands just after its say: wait for it rather than guess how long it takes
  await waitForAsync(() => allSent(c.caseId), 'the acks', 10_000);
});

/** Polls an async predicate until it holds (bounded). */
async function waitForAsync(check: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
