/**
 * The bot's side of the outbox, against a stand-in server: each message said to its contact or
 * room and acked once, in order; failures reported and the target's later messages held back;
 * spacing per account on a virtual clock; daily caps; a stop hands back what was not started.
 */
import { rmSync } from 'node:fs';
import type { OutboxItem } from '../../bot/outbox';
import { MOCK_BOT } from '../../bot/puppet';
import { FakeServer, inbox, leftovers, sleep, startTestBot, VirtualClock, waitFor, type TestBot } from './support';

let baseline: string[];
let server: FakeServer;
let running: TestBot | undefined;
let warned: string[] = [];

beforeAll(() => {
  baseline = process.getActiveResourcesInfo();
  for (const level of ['info', 'warn', 'error'] as const) jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void warned.push(args.join(' ')));
});
beforeEach(async () => {
  server = await new FakeServer().start();
  warned = [];
});
afterEach(async () => {
  await running?.stop();
  if (running) rmSync(running.spoolDir, { recursive: true, force: true });
  running = undefined;
  await server.stop();
});
afterAll(async () => {
  jest.restoreAllMocks();
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

const item = (id: string, targetId: string, text: string, extra: Partial<OutboxItem> = {}): OutboxItem => ({ id, targetType: 'contact', targetId, kind: 'case_update', text, attempts: 0, ...extra });

test('each message is said to its contact or room, in order, and acked once', async () => {
  running = await startTestBot(server.url);
  const { mocker, botContact } = running;
  const villager = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const cadre = mocker.createContact({ id: 'c-liu', name: '刘书记' });
  const room = mocker.createRoom({ id: 'r-liushu@chatroom', topic: '柳树村工作群', memberIdList: [botContact.id, cadre.id] });
  const villagerSaid = inbox(villager);
  const cadreSaid = inbox(cadre);
  const roomSaid = inbox(room);

  server.outbox.push(
    item('o1', 'v-zhang', '一'),
    item('o2', 'c-liu', '待办 1', { kind: 'case_task' }),
    item('o3', 'r-liushu@chatroom', '群待办 1', { targetType: 'room', kind: 'case_task' }),
    item('o4', 'v-zhang', '二'),
  );
  await waitFor(() => server.outboxReports.length === 4, 'four acks');
  expect(villagerSaid).toEqual(['一', '二']);
  expect(cadreSaid).toEqual(['待办 1']);
  expect(roomSaid).toEqual(['群待办 1']);
  expect(server.outboxReports).toEqual(['ack o1', 'ack o2', 'ack o3', 'ack o4']);
  expect(server.outboxChannel).toBe(`wechaty-puppet-mock:${MOCK_BOT.id}`);
  await sleep(150);
  expect(server.outboxReports).toHaveLength(4); // nothing acked twice
});

test('a message that cannot be said is reported; that target’s later messages wait, others go on', async () => {
  running = await startTestBot(server.url);
  const { mocker } = running;
  const villager = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(villager);
  server.outbox.push(item('o1', 'v-gone', '给一个不在的人'), item('o2', 'v-gone', '第二条'), item('o3', 'v-zhang', '你好'));

  await waitFor(() => server.outboxReports.length === 3, 'three reports');
  expect(server.outboxReports[0]).toBe('fail o1');
  expect(server.outboxReports.slice(1).sort()).toEqual(['ack o3', 'release o2']);
  expect(said).toEqual(['你好']);
  expect(warned.some((l) => l.includes('o1') && l.includes('not said'))).toBe(true);
  expect(warned.filter((l) => l.includes('给一个不在的人'))).toEqual([]); // never the text in a log
});

test('notices to one account leave at least minIntervalMs apart (virtual clock)', async () => {
  const clock = new VirtualClock();
  running = await startTestBot(server.url, { pacing: { minIntervalMs: 1000, clock } });
  const villager = running.mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const at: number[] = [];
  villager.on('message', (m) => {
    if (m.payload.talkerId === MOCK_BOT.id) at.push(clock.now());
  });
  server.outbox.push(...['1', '2', '3', '4', '5'].map((n) => item(`o${n}`, 'v-zhang', n)));

  await waitFor(() => at.length === 5, 'five notices');
  const gaps = at.slice(1).map((t, i) => t - at[i]!);
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1000);
});

test('a daily cap per kind: the rest is handed back until midnight (China time)', async () => {
  running = await startTestBot(server.url, { pacing: { minIntervalMs: 0, dailyCaps: { reminder: 2 } } });
  const villager = running.mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  running.mocker.createContact({ id: 'c-liu', name: '刘书记' });
  const said = inbox(villager);
  server.outbox.push(
    item('r1', 'c-liu', '提醒1', { kind: 'reminder' }),
    item('r2', 'c-liu', '提醒2', { kind: 'reminder' }),
    item('r3', 'c-liu', '提醒3', { kind: 'reminder' }),
    item('u1', 'v-zhang', '进度', { kind: 'case_update' }),
  );
  await waitFor(() => server.outboxReports.length === 4, 'four reports');
  expect(server.outboxReports.slice(0, 2)).toEqual(['ack r1', 'ack r2']);
  expect(server.outboxReports[2]).toMatch(/^release r3 \d{4}-\d\d-\d\dT16:00:00\.000Z$/);
  expect(server.outboxReports[3]).toBe('ack u1');
  expect(said).toEqual(['进度']);
});

test('stop: the message in hand is acked, the rest handed back at once (not left to their lease)', async () => {
  // one notice per 10 s (batches of 3): the second waits for its turn when the bot is stopped
  running = await startTestBot(server.url, { pacing: { minIntervalMs: 10_000 } });
  const villager = running.mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(villager);
  server.outbox.push(item('o1', 'v-zhang', '一'), item('o2', 'v-zhang', '二'), item('o3', 'v-zhang', '三'));
  await waitFor(() => server.outboxReports.length === 1, 'the first ack');

  const bot = running;
  running = undefined;
  await bot.stop();
  rmSync(bot.spoolDir, { recursive: true, force: true });
  expect(said).toEqual(['一']);
  expect(server.outboxReports).toEqual(['ack o1', 'release o2', 'release o3']);
});

test('outbox unreachable: the bot keeps answering villagers and tries again', async () => {
  running = await startTestBot(server.url);
  const { mocker, botContact } = running;
  const villager = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(villager);
  await server.stop();
  await sleep(100);
  await server.start(); // same port
  server.outbox.push(item('o1', 'v-zhang', '通知'));
  villager.say('你好').to(botContact);
  await waitFor(() => said.length === 2, 'the reply and the notice');
  expect(new Set(said)).toEqual(new Set(['收到：你好', '通知']));
  expect(warned.filter((l) => l.includes('outbox unavailable')).length).toBeLessThanOrEqual(1); // once per outage, not per retry
});
