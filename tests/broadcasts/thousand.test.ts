/**
 * A broadcast to 1,000 villagers through the real server and the bot's real outbox drain
 * (bot/outbox.ts: lease, say, ack over HTTP), on a virtual clock shared by the server and the
 * bot's pacing: no wall-clock assertions. It reaches each villager exactly once —
 *  - with one message at a time, at least BOT_MIN_INTERVAL_MS apart, at most the daily cap of
 *    broadcasts a day (the rest waits for the next morning);
 *  - across a restart halfway (bot and server stopped, the scheduled job run again, both
 *    started again: the new bot keeps to the cap the old one had used up);
 *  - across the server going away between a say and its ack;
 *  - leaving out the villager who replied "退订" after it started;
 * while case notices written meanwhile go out next, not after the thousand. And a broadcast
 * cancelled mid-way says nothing more.
 */
import { drainOutbox, OutboxClient, type OutboxItem } from '../../bot/outbox';
import { Pacer } from '../../bot/pacer';
import { shanghaiDate } from '../../flows/i18n';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { startBroadcast } from '../../server/core/broadcasts/lifecycle';
import { runDueBroadcasts } from '../../server/core/broadcasts/schedule';
import { enqueue } from '../../server/core/outbox/enqueue';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { VirtualClock } from '../bot/support';
import { bindCadre } from '../outbox/support';
import { ACCOUNT, api, chat, CHANNEL, sendNow, villagers } from './support';

jest.setTimeout(180_000);

const QINGSHAN = '439901100';
const MIN_INTERVAL_MS = 1000;
const DAILY_CAP = 400;

const clock = new VirtualClock(Date.parse('2026-07-20T01:00:00Z')); // 09:00 in China
let srv: TestServer;
let prisma: PrismaClient;
let county: string;

type Said = { targetId: string; kind: string; at: number; bot: string };
const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  srv = await startTestServer({ now: () => new Date(clock.at) });
  prisma = srv.db.prisma;
  county = srv.tokenOf('county');
  await villagers(prisma, '439901100201', 400, 'liu');
  await villagers(prisma, '439901100202', 300, 'shi');
  await villagers(prisma, '439901100203', 300, 'he', { lang: 'en' });
  await villagers(prisma, '439901200201', 5, 'bai'); // another town: not targeted
});
afterAll(async () => {
  await srv.close();
});

/** A bot draining the outbox of ACCOUNT into `said`; `hook` runs inside each say (the n-th, 1-based). */
function startDrain(bot: string, said: Said[], hook: (n: number, item: OutboxItem) => Promise<void> = async () => {}, caps = { broadcast: DAILY_CAP }) {
  const stop = new AbortController();
  const pacer = new Pacer({ minIntervalMs: MIN_INTERVAL_MS, dailyCaps: caps, clock });
  const drained = drainOutbox({
    client: new OutboxClient(srv.url, BOT_TOKEN, () => ACCOUNT),
    pacer,
    clock,
    stopped: stop.signal,
    waitSeconds: 1,
    backoff: { initialMs: 1000, maxMs: 8000 },
    log: quiet,
    say: async (item) => {
      said.push({ targetId: item.targetId, kind: item.kind, at: clock.now(), bot });
      await hook(said.length, item);
    },
  });
  return {
    pacer,
    async stop() {
      stop.abort();
      await drained;
    },
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The drain has nothing it may say now: stays put for a while. */
async function settled(said: Said[]): Promise<void> {
  for (let before = -1; before !== said.length; ) {
    before = said.length;
    await new Promise((r) => setTimeout(r, 1500)); // longer than one idle long-poll
  }
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);

test('1,000 villagers, paced and capped per day, a restart halfway and an outage: each reached exactly once; notices go first', async () => {
  const [cadre] = [await bindCadre(prisma, srv.cadre('qingshan').id, 'c-qingshan')];
  const [optedOutBefore] = await villagers(prisma, '439901100201', 1, 'out');
  await prisma.contact.update({ where: { id: optedOutBefore!.id }, data: { publicityOptOut: true } });

  const id = await sendNow(srv, county, { regions: [QINGSHAN] });
  const rows = await prisma.outbox.findMany({ where: { broadcastId: id }, orderBy: { seq: 'asc' }, select: { targetId: true } });
  expect(rows).toHaveLength(1000);
  const order = rows.map((r) => r.targetId);
  const lastInLine = order[999]!; // hears of a case while the broadcast is on
  const optsOutLater = order[998]!; // replies "退订" when the broadcast is on its way

  const said: Said[] = [];
  let optOutReply = '';
  let releaseFirstBot!: () => void;
  const firstBotHeld = new Promise<void>((r) => (releaseFirstBot = r));

  // ---- bot 1, day 1: 400 (the cap), with a case update and a cadre's task written at the 100th
  const bot1 = startDrain('bot1', said, async (n) => {
    if (n === 50) optOutReply = await chat(srv, optsOutLater, '退订');
    if (n === 100) {
      await prisma.$transaction(async (tx) => {
        await enqueue(tx, { channel: CHANNEL, targetType: 'contact', targetId: lastInLine, kind: 'case_update', text: '您的申请镇里审核通过了' }, new Date(clock.now()));
        await enqueue(tx, { channel: CHANNEL, targetType: 'contact', targetId: cadre.externalId, kind: 'case_task', text: '【待办】' }, new Date(clock.now()));
      });
    }
    if (n === 500) await firstBotHeld; // the restart comes while this one is being said
  });
  await until(() => bot1.pacer.kindsAtCap().includes('broadcast'), 'the daily cap');
  await settled(said);
  const day1 = said.filter((s) => s.kind === 'broadcast');
  expect(day1).toHaveLength(DAILY_CAP);
  // the notices went out right after the message in hand, not after the thousand
  expect(said.slice(100, 102).map((s) => [s.kind, s.targetId])).toEqual([
    ['case_update', lastInLine],
    ['case_task', cadre.externalId],
  ]);

  // ---- day 2: bot 1 goes on, and is stopped at the 500th message — halfway
  clock.at = bot1.pacer.nextDay().getTime() + 60_000;
  await until(() => said.length === 500, 'the 500th message');
  const stopping = bot1.stop();
  releaseFirstBot();
  await stopping; // the message in hand is said and acked; nothing else is started
  expect(said).toHaveLength(500);

  // the server is restarted too, and the scheduled job runs again on the way: nothing starts twice
  await srv.stopHttp();
  expect(await runDueBroadcasts(prisma, new Date(clock.now()))).toMatchObject({ started: 0 });
  expect(await startBroadcast(prisma, id, new Date(clock.now()))).toEqual({ started: false, status: 'sending' });
  await srv.restart();

  // ---- bot 2: knows that 100 broadcasts went out today already; at the 900th the server goes
  // away between a say and its ack, and comes back
  let outage: Promise<void> | undefined;
  const bot2 = startDrain('bot2', said, async (n) => {
    if (n === 900) {
      await srv.stopHttp();
      outage = new Promise((r) => setTimeout(r, 500)).then(() => srv.restart());
    }
  });
  await until(() => bot2.pacer.kindsAtCap().includes('broadcast'), 'the daily cap, day 2');
  await settled(said);
  const byDay = (kind: string) => {
    const out: Record<string, number> = {};
    for (const s of said.filter((x) => x.kind === kind)) out[shanghaiDate(new Date(s.at))] = (out[shanghaiDate(new Date(s.at))] ?? 0) + 1;
    return out;
  };
  expect(byDay('broadcast')).toEqual({ '2026-07-20': 400, '2026-07-21': 400 });

  // ---- day 3: the rest
  clock.at = bot2.pacer.nextDay().getTime() + 60_000;
  await until(async () => (await prisma.outbox.count({ where: { broadcastId: id, status: 'pending' } })) === 0, 'the rest');
  await outage;
  await settled(said);
  await bot2.stop();

  // exactly once each; the opted-out never; nobody outside the town
  const broadcasts = said.filter((s) => s.kind === 'broadcast');
  expect(broadcasts).toHaveLength(999);
  const times = new Map<string, number>();
  for (const s of broadcasts) times.set(s.targetId, (times.get(s.targetId) ?? 0) + 1);
  expect([...times.values()].every((n) => n === 1)).toBe(true);
  expect(new Set(times.keys())).toEqual(new Set(order.filter((t) => t !== optsOutLater)));
  expect(times.has(optedOutBefore!.externalId)).toBe(false);
  expect([...times.keys()].some((t) => t.startsWith('bai-'))).toBe(false);
  expect(said.filter((s) => s.kind === 'case_update').map((s) => s.targetId)).toEqual([lastInLine]);
  expect(optOutReply).toContain('no more policy announcements'); // 河湾村's villagers chat in English

  // one message at a time, at least MIN_INTERVAL_MS apart (each bot on its own account clock)
  for (const bot of ['bot1', 'bot2']) {
    const mine = said.filter((s) => s.bot === bot).map((s) => s.at);
    expect(Math.min(...gaps(mine))).toBeGreaterThanOrEqual(MIN_INTERVAL_MS);
  }
  expect(byDay('broadcast')).toEqual({ '2026-07-20': 400, '2026-07-21': 400, '2026-07-22': 199 });

  const b = (await api(srv, county, 'GET', `/api/broadcasts/${id}`)).body;
  expect(b).toMatchObject({ status: 'done', counts: { recipients: 1000, sent: 999, optedOut: 1, queued: 0, failed: 0, cancelled: 0 } });
  await prisma.cadre.update({ where: { id: srv.cadre('qingshan').id }, data: { contactId: null } });
});

test('cancelled at the 200th of 1,000: nothing more is said', async () => {
  await prisma.contact.updateMany({ data: { publicityOptOut: false } });
  const id = await sendNow(srv, county, { regions: [QINGSHAN] }, '今晚停电检修');
  const said: Said[] = [];
  const bot = startDrain(
    'bot3',
    said,
    async (n) => {
      if (n === 200) expect((await api(srv, county, 'POST', `/api/broadcasts/${id}/cancel`)).body.status).toBe('cancelled');
    },
    { broadcast: 5000 },
  );
  await until(() => said.length >= 200, 'the 200th message');
  await settled(said);
  await bot.stop();
  expect(said).toHaveLength(200);
  expect(new Set(said.map((s) => s.targetId)).size).toBe(200);
  const b = (await api(srv, county, 'GET', `/api/broadcasts/${id}`)).body;
  expect(b).toMatchObject({ status: 'cancelled', counts: { recipients: 1001, sent: 200, cancelled: 801, queued: 0 } });
});
