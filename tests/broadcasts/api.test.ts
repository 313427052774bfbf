/**
 * Broadcasts through the offices' API and the bots' outbox protocol (real database, fixed clock):
 * composing and its validation, who may send to whom (a town office only within its town),
 * targeting (regions, work groups, villagers with open cases, tags), sending now or at a time
 * (the scheduled job is idempotent), counts, cancelling mid-way, "退订" before and after a
 * broadcast started, images and cards in the outbox, and case notices going first.
 */
import type { PrismaClient } from '../../server/generated/prisma/client';
import { startBroadcast } from '../../server/core/broadcasts/lifecycle';
import { runDueBroadcasts, startBroadcastJob } from '../../server/core/broadcasts/schedule';
import { enqueue } from '../../server/core/outbox/enqueue';
import { PUBLICITY_PER_LEASE } from '../../server/core/outbox/delivery';
import { silentLogger } from '../../server/log';
import { insertCase } from '../support/fixtures';
import { BOT_TOKEN, pngBytes, startTestServer, type TestServer } from '../support/server';
import { bindCadre, bindRoom } from '../outbox/support';
import { api, chat, CHANNEL, poll, report, sendNow, villagers } from './support';

const COUNTY = '439901';
const QINGSHAN = '439901100';
const LIUSHU = '439901100201';
const SHIQIAO = '439901100202';
const BAISHI_TOWN = '439901200';
const BAISHI = '439901200201';

let clock = new Date('2026-07-20T02:00:00Z'); // 10:00 in China
let srv: TestServer;
let prisma: PrismaClient;
let county: string;
let qingshan: string;
let n = 0;

beforeAll(async () => {
  srv = await startTestServer({ now: () => clock });
  prisma = srv.db.prisma;
  county = srv.tokenOf('county');
  qingshan = srv.cadre('qingshan').token;
  await bindRoom(prisma, LIUSHU, 'r-liushu@chatroom');
  await bindRoom(prisma, QINGSHAN, 'r-qingshan@chatroom');
  await bindRoom(prisma, BAISHI, 'r-baishi@chatroom');
});
beforeEach(async () => {
  clock = new Date('2026-07-20T02:00:00Z');
  await prisma.outbox.deleteMany();
  await prisma.broadcast.deleteMany();
  // the villagers of earlier tests leave their villages: each test counts its own
  await prisma.contact.updateMany({ data: { householdId: null } });
});
afterAll(async () => {
  await srv.close();
});

/** A fresh prefix per call, so contact ids never collide between tests. */
const prefix = (name: string) => `${name}${++n}`;
const rowsOf = (id: string) => prisma.outbox.findMany({ where: { broadcastId: id }, orderBy: { seq: 'asc' } });
const get = async (id: string, token = county) => (await api(srv, token, 'GET', `/api/broadcasts/${id}`)).body;
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

/** Drains everything deliverable, acking each; returns the targets in the order said. */
async function drainAll(): Promise<string[]> {
  const said: string[] = [];
  for (;;) {
    const batch = await poll(srv);
    if (batch.length === 0) return said;
    for (const m of batch) {
      said.push(m.targetId);
      expect((await report(srv, m.id, 'ack')).status).toBe(200);
    }
  }
}

describe('composing', () => {
  const text = { type: 'text', text: '秋季学生资助开始申请了' };
  const target = { regions: [LIUSHU] };
  test.each([
    ['no content', { target }, 'content'],
    ['an unknown kind', { content: { type: 'video' }, target }, 'content.type'],
    ['empty text', { content: { type: 'text', text: '  ' }, target }, 'content.text'],
    ['text too long', { content: { type: 'text', text: '字'.repeat(1501) }, target }, 'content.text'],
    ['a link that is not http', { content: { type: 'link', url: 'javascript:alert(1)', title: '政策' }, target }, 'content.url'],
    ['a link without title', { content: { type: 'link', url: 'https://example.gov.cn/a' }, target }, 'content.title'],
    ['a link with a bad thumbnail', { content: { type: 'link', url: 'https://example.gov.cn/a', title: '政策', thumbnailUrl: 'ftp://x/y.png' }, target }, 'content.thumbnailUrl'],
    ['a mini-program with a bad appid', { content: { type: 'miniprogram', appid: 'wx123', path: 'pages/index/index', title: '申请' }, target }, 'content.appid'],
    ['a mini-program without path', { content: { type: 'miniprogram', appid: 'wx0123456789abcdef', title: '申请' }, target }, 'content.path'],
    ['an image never uploaded', { content: { type: 'image', documentId: 'cnotanimage000000000' }, target }, 'content.documentId'],
    ['no target', { content: text }, 'target'],
    ['no region', { content: text, target: { regions: [] } }, 'target.regions'],
    ['a malformed region', { content: text, target: { regions: ['青山镇'] } }, 'target.regions.0'],
    ['an unknown region', { content: text, target: { regions: [LIUSHU, '439901999999'] } }, 'target.regions.1'],
    ['nobody', { content: text, target: { regions: [LIUSHU], villagers: false, rooms: false } }, 'target.villagers'],
    ['a tag too long', { content: text, target: { regions: [LIUSHU], tags: ['字'.repeat(21)] } }, 'target.tags.0'],
  ])('%s → 400 naming the field, nothing stored', async (_name, body, field) => {
    const res = await api(srv, county, 'POST', '/api/broadcasts', body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(await prisma.broadcast.count()).toBe(0);
  });

  test('a draft: nothing sent, the audience it would reach now, a title from the text', async () => {
    await villagers(prisma, LIUSHU, 3, prefix('v'));
    const res = await api(srv, county, 'POST', '/api/broadcasts', { content: text, target });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      title: '秋季学生资助开始申请了',
      contentKind: 'text',
      content: text,
      target: { regions: [LIUSHU], villagers: true, rooms: false, openCasesOnly: false, tags: [] },
      region: { code: COUNTY },
      author: { name: '县帮扶办' },
      audience: 3,
      counts: { recipients: 0, queued: 0, sent: 0, failed: 0, cancelled: 0, optedOut: 0 },
    });
    expect(await prisma.outbox.count()).toBe(0);
  });
});

describe('who may send to whom', () => {
  test.each(['village', 'verifier', 'auditor'] as const)('a %s account cannot compose (403)', async (role) => {
    const res = await api(srv, srv.tokenOf(role), 'POST', '/api/broadcasts', { content: { type: 'text', text: '通知' }, target: { regions: [LIUSHU] } });
    expect(res.status).toBe(403);
  });

  test('a town office sends within its town only; others do not see its broadcasts', async () => {
    const outside = await api(srv, qingshan, 'POST', '/api/broadcasts', { content: { type: 'text', text: '通知' }, target: { regions: [LIUSHU, BAISHI] } });
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain('白石村');
    const county_wide = await api(srv, qingshan, 'POST', '/api/broadcasts', { content: { type: 'text', text: '通知' }, target: { regions: [COUNTY] } });
    expect(county_wide.status).toBe(403);

    const own = await api(srv, qingshan, 'POST', '/api/broadcasts', { content: { type: 'text', text: '青山镇通知' }, target: { regions: [QINGSHAN] } });
    expect(own.status).toBe(201);
    expect(own.body.region).toEqual({ code: QINGSHAN, name: '青山镇' });
    const countyOwn = await api(srv, county, 'POST', '/api/broadcasts', { content: { type: 'text', text: '全县通知' }, target: { regions: [COUNTY] } });
    const baishiTown = srv.cadre('baishi_town').token;
    const baishiOwn = await api(srv, baishiTown, 'POST', '/api/broadcasts', { content: { type: 'text', text: '白石乡通知' }, target: { regions: [BAISHI_TOWN] } });

    const titles = async (token: string) => (await api(srv, token, 'GET', '/api/broadcasts')).body.items.map((b: { title: string }) => b.title).sort();
    expect(await titles(qingshan)).toEqual(['青山镇通知']);
    expect(await titles(baishiTown)).toEqual(['白石乡通知']);
    expect(await titles(county)).toEqual(['全县通知', '白石乡通知', '青山镇通知'].sort());
    expect(await titles(srv.tokenOf('auditor'))).toHaveLength(3); // reads everything, acts on nothing
    expect(await titles(srv.cadre('liushu').token)).toEqual([]);

    // another town's or the county's broadcast does not exist for a town office
    for (const [id, token] of [[own.body.id, baishiTown], [countyOwn.body.id, qingshan], [baishiOwn.body.id, qingshan]]) {
      expect((await api(srv, token, 'GET', `/api/broadcasts/${id}`)).status).toBe(404);
      expect((await api(srv, token, 'POST', `/api/broadcasts/${id}/send`, {})).status).toBe(404);
      expect((await api(srv, token, 'POST', `/api/broadcasts/${id}/cancel`)).status).toBe(404);
    }
    // the county office may act on a town's broadcast
    expect((await api(srv, county, 'POST', `/api/broadcasts/${own.body.id}/cancel`)).status).toBe(200);
  });
});

describe('targeting', () => {
  test('the villagers of the regions, once each — not cadres, not mini-program logins, not the opted-out, not elsewhere', async () => {
    const liushu = await villagers(prisma, LIUSHU, 3, prefix('liu'));
    const shiqiao = await villagers(prisma, SHIQIAO, 2, prefix('shi'), { lang: 'en' });
    await villagers(prisma, BAISHI, 2, prefix('bai'));
    await villagers(prisma, LIUSHU, 1, prefix('app'), { channel: 'miniprogram' });
    const [optedOut] = await villagers(prisma, LIUSHU, 1, prefix('out'));
    await prisma.contact.update({ where: { id: optedOut!.id }, data: { publicityOptOut: true } });
    const [cadreContact] = await villagers(prisma, LIUSHU, 1, prefix('cadre'));
    await prisma.cadre.update({ where: { id: srv.cadre('liushu').id }, data: { contactId: cadreContact!.id } });

    const id = await sendNow(srv, county, { regions: [QINGSHAN] });
    const rows = await rowsOf(id);
    expect(rows.map((r) => r.targetId).sort()).toEqual([...liushu, ...shiqiao].map((c) => c.externalId).sort());
    expect(rows.every((r) => r.kind === 'broadcast' && r.channel === CHANNEL && r.targetType === 'contact' && r.status === 'pending')).toBe(true);
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([...liushu, ...shiqiao].map((c) => `broadcast:${id}:contact:${c.id}`).sort());
    // the text, and how to opt out in the villager's language
    const textOf = (externalId: string) => (rows.find((r) => r.targetId === externalId)!.payload as { text: string }).text;
    expect(textOf(liushu[0]!.externalId)).toBe('新的医保报销政策来了\n\n（回复“退订”不再接收政策宣传）');
    expect(textOf(shiqiao[0]!.externalId)).toContain('Reply "退订" (unsubscribe)');
    expect((await get(id)).counts).toMatchObject({ recipients: 5, queued: 5, sent: 0 });
    await prisma.cadre.update({ where: { id: srv.cadre('liushu').id }, data: { contactId: null } });
  });

  test('work groups bound to the regions and the regions below them, without the opt-out line', async () => {
    await villagers(prisma, LIUSHU, 2, prefix('v'));
    const onlyRooms = await sendNow(srv, county, { regions: [QINGSHAN], villagers: false, rooms: true });
    const rows = await rowsOf(onlyRooms);
    expect(rows.map((r) => `${r.targetType}:${r.targetId}`).sort()).toEqual(['room:r-liushu@chatroom', 'room:r-qingshan@chatroom']);
    expect((rows[0]!.payload as { text: string }).text).toBe('新的医保报销政策来了');

    const both = await sendNow(srv, county, { regions: [LIUSHU], villagers: true, rooms: true });
    expect((await rowsOf(both)).map((r) => r.targetType).sort()).toEqual(['contact', 'contact', 'room']);
  });

  test('villagers with an open case; villagers with a tag (set by their village cadre); both', async () => {
    const open = await insertCase(prisma, srv.config.documentsDir, { villageCode: LIUSHU, idNumber: `OPEN${prefix('x')}`, status: 'town_review' });
    const paid = await insertCase(prisma, srv.config.documentsDir, { villageCode: LIUSHU, idNumber: `PAID${prefix('x')}`, status: 'paid' });
    const withOpen = await prisma.contact.create({ data: { channel: CHANNEL, externalId: prefix('open'), name: '有案', householdId: open.householdId } });
    const withPaid = await prisma.contact.create({ data: { channel: CHANNEL, externalId: prefix('paid'), name: '已结', householdId: paid.householdId } });
    const [plain] = await villagers(prisma, LIUSHU, 1, prefix('plain'));

    // tags: the village cadre of 柳树村 labels its villagers; 白石村's cannot
    const liushuCadre = srv.cadre('liushu').token;
    expect(await api(srv, liushuCadre, 'PUT', `/api/contacts/${plain!.id}/tags`, { tags: ['低保户', '种植户', '低保户'] })).toEqual({ status: 200, body: { id: plain!.id, tags: ['低保户', '种植户'] } });
    expect((await api(srv, liushuCadre, 'PUT', `/api/contacts/${withOpen.id}/tags`, { tags: ['低保户'] })).status).toBe(200);
    expect((await api(srv, srv.cadre('baishi').token, 'PUT', `/api/contacts/${plain!.id}/tags`, { tags: ['x'] })).status).toBe(404);
    expect((await api(srv, srv.tokenOf('auditor'), 'PUT', `/api/contacts/${plain!.id}/tags`, { tags: ['x'] })).status).toBe(403);
    expect((await api(srv, liushuCadre, 'PUT', `/api/contacts/${plain!.id}/tags`, { tags: [''] })).body.error.field).toBe('tags.0');
    const listed = await api(srv, liushuCadre, 'GET', '/api/contacts?tag=低保户');
    expect(listed.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['有案', plain!.externalId.replace('-', '')].sort());
    expect(listed.body.items[0]).not.toHaveProperty('phone');
    expect((await api(srv, srv.cadre('baishi').token, 'GET', '/api/contacts')).body.total).toBe(0);

    const targets = async (target: object) => (await rowsOf(await sendNow(srv, county, { regions: [LIUSHU], ...target }))).map((r) => r.targetId).sort();
    expect(await targets({})).toEqual([withOpen.externalId, withPaid.externalId, plain!.externalId].sort());
    expect(await targets({ openCasesOnly: true })).toEqual([withOpen.externalId]);
    expect(await targets({ tags: ['低保户'] })).toEqual([withOpen.externalId, plain!.externalId].sort());
    expect(await targets({ tags: ['种植户'] })).toEqual([plain!.externalId]);
    expect(await targets({ tags: ['低保户'], openCasesOnly: true })).toEqual([withOpen.externalId]);

    // a tag removed is gone
    await api(srv, liushuCadre, 'PUT', `/api/contacts/${plain!.id}/tags`, { tags: [] });
    expect(await targets({ tags: ['种植户'] })).toEqual([]);
  });

  test('nobody to reach: done at once', async () => {
    const id = await sendNow(srv, county, { regions: [BAISHI] });
    expect(await get(id)).toMatchObject({ status: 'done', counts: { recipients: 0 } });
  });
});

describe('sending once', () => {
  test('send, send again, start again, even forced back to draft: each recipient has one message', async () => {
    await villagers(prisma, LIUSHU, 4, prefix('v'));
    const id = await sendNow(srv, county, { regions: [LIUSHU] });
    expect(await get(id)).toMatchObject({ status: 'sending', startedAt: clock.toISOString(), counts: { recipients: 4, queued: 4 } });
    const again = await api(srv, county, 'POST', `/api/broadcasts/${id}/send`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('not_startable');
    expect(await startBroadcast(prisma, id, clock)).toEqual({ started: false, status: 'sending' });
    // a re-run after a crash that lost the status (or anything else) adds nobody twice
    await prisma.broadcast.update({ where: { id }, data: { status: 'draft' } });
    expect(await startBroadcast(prisma, id, clock)).toEqual({ started: true, recipients: 4 });
    expect(await rowsOf(id)).toHaveLength(4);
  });

  test('two sends at the same moment: one starts it, the other is refused', async () => {
    await villagers(prisma, LIUSHU, 3, prefix('v'));
    const made = await api(srv, county, 'POST', '/api/broadcasts', { content: { type: 'text', text: '通知' }, target: { regions: [LIUSHU] } });
    const results = await Promise.all([1, 2, 3].map(() => api(srv, county, 'POST', `/api/broadcasts/${made.body.id}/send`, {})));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await rowsOf(made.body.id)).toHaveLength(3);
  });

  test('all said: done, with the counts', async () => {
    await villagers(prisma, LIUSHU, 3, prefix('v'));
    const id = await sendNow(srv, county, { regions: [LIUSHU] });
    expect(await drainAll()).toHaveLength(3);
    later(1000);
    expect(await get(id)).toMatchObject({ status: 'done', finishedAt: clock.toISOString(), counts: { recipients: 3, queued: 0, sent: 3 } });
    const list = await api(srv, county, 'GET', '/api/broadcasts?status=done');
    expect(list.body.items.map((b: { id: string }) => b.id)).toEqual([id]);
  });
});

describe('scheduling', () => {
  test('at a time: started by the job when it comes, once, however often the job runs', async () => {
    await villagers(prisma, SHIQIAO, 2, prefix('v'));
    const made = await api(srv, qingshan, 'POST', '/api/broadcasts', { content: { type: 'text', text: '明天上午体检' }, target: { regions: [SHIQIAO] } });
    for (const [at, field] of [['2026-07-20T09:00:00+08:00', 'at'], ['tomorrow', 'at'], ['2026-12-31T09:00:00+08:00', 'at']]) {
      const res = await api(srv, qingshan, 'POST', `/api/broadcasts/${made.body.id}/send`, { at });
      expect([res.status, res.body.error.field]).toEqual([400, field]);
    }
    const at = '2026-07-20T18:00:00+08:00';
    const scheduled = await api(srv, qingshan, 'POST', `/api/broadcasts/${made.body.id}/send`, { at });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', scheduledAt: '2026-07-20T10:00:00.000Z', audience: 2 });

    expect(await runDueBroadcasts(prisma, new Date('2026-07-20T09:59:59Z'))).toEqual({ started: 0, recipients: 0, done: 0 });
    expect(await rowsOf(made.body.id)).toHaveLength(0);
    // the job, as the server runs it: once at start and every minute; run again and again
    clock = new Date('2026-07-20T10:00:30Z');
    const job = startBroadcastJob(prisma, silentLogger, () => clock);
    try {
      expect(await job.runNow()).toMatchObject({ started: 1, recipients: 2 }); // the run at start
      expect(await job.runNow()).toMatchObject({ started: 0 });
      expect(await job.runNow()).toMatchObject({ started: 0 });
    } finally {
      await job.stop();
    }
    expect(await runDueBroadcasts(prisma, clock)).toMatchObject({ started: 0 });
    expect(await rowsOf(made.body.id)).toHaveLength(2);
    expect(await get(made.body.id)).toMatchObject({ status: 'sending', startedAt: '2026-07-20T10:00:30.000Z', counts: { queued: 2 } });
  });

  test('a scheduled broadcast can be sent now, moved, or cancelled before its time', async () => {
    await villagers(prisma, LIUSHU, 1, prefix('v'));
    const make = async () => (await api(srv, county, 'POST', '/api/broadcasts', { content: { type: 'text', text: '通知' }, target: { regions: [LIUSHU] } })).body.id as string;
    const a = await make();
    await api(srv, county, 'POST', `/api/broadcasts/${a}/send`, { at: '2026-07-21T09:00:00+08:00' });
    expect((await api(srv, county, 'POST', `/api/broadcasts/${a}/send`, { at: '2026-07-22T09:00:00+08:00' })).body.scheduledAt).toBe('2026-07-22T01:00:00.000Z');
    expect((await api(srv, county, 'POST', `/api/broadcasts/${a}/send`, {})).body).toMatchObject({ status: 'sending', counts: { recipients: 1 } });

    const b = await make();
    await api(srv, county, 'POST', `/api/broadcasts/${b}/send`, { at: '2026-07-21T09:00:00+08:00' });
    expect((await api(srv, county, 'POST', `/api/broadcasts/${b}/cancel`)).body.status).toBe('cancelled');
    expect(await runDueBroadcasts(prisma, new Date('2026-07-22T00:00:00Z'))).toMatchObject({ started: 0 });
    expect(await rowsOf(b)).toHaveLength(0);
    expect((await api(srv, county, 'POST', `/api/broadcasts/${b}/send`, {})).status).toBe(409);
  });
});

describe('cancelling mid-way', () => {
  test('what is not yet said is not said; the one a bot was saying counts as sent', async () => {
    await villagers(prisma, LIUSHU, 6, prefix('v'));
    const id = await sendNow(srv, county, { regions: [LIUSHU] });
    const [first] = await poll(srv);
    await report(srv, first!.id, 'ack');
    const [inHand] = await poll(srv); // a bot is saying this one right now
    expect(inHand!.kind).toBe('broadcast');

    const cancelled = await api(srv, county, 'POST', `/api/broadcasts/${id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: clock.toISOString(), counts: { recipients: 6, sent: 1, cancelled: 5, queued: 0 } });
    expect(await poll(srv)).toEqual([]);
    later(120_000); // leases long over: still nothing
    expect(await poll(srv)).toEqual([]);

    await report(srv, inHand!.id, 'ack');
    expect((await get(id)).counts).toMatchObject({ sent: 2, cancelled: 4, queued: 0 });
    expect((await api(srv, county, 'POST', `/api/broadcasts/${id}/cancel`)).status).toBe(409);
    const deliveries = await api(srv, county, 'GET', `/api/broadcasts/${id}/deliveries?status=cancelled`);
    expect(deliveries.body.total).toBe(4);
    expect(deliveries.body.items[0]).toMatchObject({ status: 'cancelled', lastError: 'broadcast cancelled', village: '柳树村' });
  });

  test('a draft is cancelled without anything written; a done broadcast cannot be', async () => {
    const made = await api(srv, county, 'POST', '/api/broadcasts', { content: { type: 'text', text: '通知' }, target: { regions: [LIUSHU] } });
    expect((await api(srv, county, 'POST', `/api/broadcasts/${made.body.id}/cancel`)).body).toMatchObject({ status: 'cancelled', counts: { recipients: 0 } });
    const done = await sendNow(srv, county, { regions: [BAISHI] });
    const res = await api(srv, county, 'POST', `/api/broadcasts/${done}/cancel`);
    expect([res.status, res.body.error.code]).toEqual([409, 'not_cancellable']);
  });
});

describe('退订 / 订阅', () => {
  test('before a broadcast: left out; after it started: the rest is not said; case updates still come; 订阅 resumes', async () => {
    const [early, late, other] = await villagers(prisma, LIUSHU, 3, prefix('v'));
    expect(await chat(srv, early!.externalId, '退订')).toContain('已经退订');
    expect(await prisma.contact.findUniqueOrThrow({ where: { id: early!.id } })).toMatchObject({ publicityOptOut: true, publicityOptOutAt: clock });

    const first = await sendNow(srv, county, { regions: [LIUSHU] });
    expect((await rowsOf(first)).map((r) => r.targetId).sort()).toEqual([late!.externalId, other!.externalId].sort());

    // "退订" after it started, before their message went out
    expect(await chat(srv, late!.externalId, 'TD')).toContain('已经退订');
    await prisma.$transaction((tx) => enqueue(tx, { channel: CHANNEL, targetType: 'contact', targetId: late!.externalId, kind: 'case_update', text: '您的申请镇里审核通过了' }, clock));
    const said = await drainAll();
    expect(said.sort()).toEqual([late!.externalId, other!.externalId].sort()); // the case update, and the other villager's broadcast
    const lateRows = await prisma.outbox.findMany({ where: { targetId: late!.externalId }, orderBy: { seq: 'asc' } });
    expect(lateRows.map((r) => [r.kind, r.status, r.lastError])).toEqual([
      ['broadcast', 'skipped', 'opted out'],
      ['case_update', 'sent', null],
    ]);
    expect(await get(first)).toMatchObject({ status: 'done', counts: { recipients: 2, sent: 1, optedOut: 1, queued: 0 } });
    const skipped = await api(srv, county, 'GET', `/api/broadcasts/${first}/deliveries?status=optedOut`);
    expect(skipped.body.items.map((d: { name: string }) => d.name)).toEqual([late!.externalId]); // the WeChat name it chatted with

    // "订阅": the next broadcast reaches them again
    expect(await chat(srv, early!.externalId, '订阅')).toContain('已经订阅');
    const second = await sendNow(srv, county, { regions: [LIUSHU] });
    expect((await rowsOf(second)).map((r) => r.targetId).sort()).toEqual([early!.externalId, other!.externalId].sort());
  });
});

describe('case notices go first', () => {
  test(`notices before publicity, at most ${PUBLICITY_PER_LEASE} broadcast message per lease; a broadcast backing off never holds up a notice`, async () => {
    const vs = await villagers(prisma, LIUSHU, 5, prefix('v'));
    const cadre = await bindCadre(prisma, srv.cadre('qingshan').id, prefix('c-qingshan'));
    const id = await sendNow(srv, county, { regions: [LIUSHU] });
    later(1000); // notices written after the broadcast
    await prisma.$transaction(async (tx) => {
      await enqueue(tx, { channel: CHANNEL, targetType: 'contact', targetId: vs[3]!.externalId, kind: 'case_update', text: '进度' }, clock);
      await enqueue(tx, { channel: CHANNEL, targetType: 'contact', targetId: cadre.externalId, kind: 'case_task', text: '待办' }, clock);
    });
    const batch = await poll(srv, 10);
    expect(batch.map((m) => m.kind)).toEqual(['case_update', 'case_task', 'broadcast']);
    for (const m of batch.slice(0, 2)) await report(srv, m.id, 'ack');
    // the broadcast message fails: it backs off, and a notice to the same villager is not held up by it
    const failing = batch[2]!;
    await report(srv, failing.id, 'fail', { error: 'WeChat: 操作过于频繁' });
    await prisma.$transaction((tx) => enqueue(tx, { channel: CHANNEL, targetType: 'contact', targetId: failing.targetId, kind: 'case_update', text: '又有进度' }, clock));
    const next = await poll(srv, 10);
    expect(next.map((m) => [m.kind, m.targetId])).toEqual([
      ['case_update', failing.targetId],
      ['broadcast', expect.not.stringMatching(failing.targetId)],
    ]);
    const counts = (await get(id)).counts;
    expect(counts).toMatchObject({ queued: 5, retrying: 1, failed: 0 });
    const failed = await api(srv, county, 'GET', `/api/broadcasts/${id}/deliveries?status=queued`);
    expect(failed.body.items.find((d: { attempts: number }) => d.attempts === 1)).toMatchObject({ lastError: 'WeChat: 操作过于频繁' });
    await prisma.cadre.update({ where: { id: srv.cadre('qingshan').id }, data: { contactId: null } });
  });

  test('a bot at its daily cap for broadcasts skips them; they stay queued and hold nothing else up', async () => {
    const [v] = await villagers(prisma, LIUSHU, 1, prefix('v'));
    await sendNow(srv, county, { regions: [LIUSHU] });
    await prisma.$transaction((tx) => enqueue(tx, { channel: CHANNEL, targetType: 'contact', targetId: v!.externalId, kind: 'case_update', text: '进度' }, clock));
    expect((await poll(srv, 10, 'broadcast')).map((m) => m.kind)).toEqual(['case_update']);
    expect(await poll(srv, 10, 'broadcast')).toEqual([]);
    expect((await poll(srv, 10)).map((m) => m.kind)).toEqual(['broadcast']);
    const bad = await fetch(`${srv.url}/api/bot/outbox?puppet=a&accountId=b&skip=gossip`, { headers: { authorization: `Bearer ${BOT_TOKEN}` } });
    expect(bad.status).toBe(400);
  });

  test('a message that keeps failing becomes a failed delivery, with the reason', async () => {
    const [v] = await villagers(prisma, LIUSHU, 1, prefix('v'));
    const id = await sendNow(srv, county, { regions: [LIUSHU] });
    for (let attempt = 1; attempt <= srv.config.outbox.maxAttempts; attempt++) {
      const [m] = await poll(srv);
      await report(srv, m!.id, 'fail', { error: 'contact not found' });
      later(3_600_000);
    }
    expect(await get(id)).toMatchObject({ status: 'done', counts: { failed: 1, queued: 0, sent: 0 } });
    const failed = await api(srv, qingshan, 'GET', `/api/broadcasts/${id}/deliveries`);
    expect(failed.status).toBe(404); // the county's broadcast: not the town's business
    const mine = await api(srv, county, 'GET', `/api/broadcasts/${id}/deliveries?status=failed`);
    expect(mine.body.items).toEqual([expect.objectContaining({ targetType: 'contact', name: v!.externalId.replace('-', ''), village: '柳树村', status: 'failed', attempts: srv.config.outbox.maxAttempts, lastError: 'contact not found' })]);
  });
});

describe('images and cards', () => {
  async function uploadImage(bytes: Buffer, token = county) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), 'poster.png');
    const res = await fetch(`${srv.url}/api/broadcasts/images`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  }

  test('an image: uploaded (sniffed, not trusted by name), sent, its bytes fetched by the bot only', async () => {
    expect((await uploadImage(Buffer.from('MZ not a picture at all'))).status).toBe(415);
    expect((await uploadImage(pngBytes(7), srv.cadre('liushu').token)).status).toBe(403);
    const up = await uploadImage(pngBytes(7));
    expect(up).toEqual({ status: 201, body: { documentId: expect.any(String), mime: 'image/png', size: pngBytes(7).length } });

    const [v] = await villagers(prisma, LIUSHU, 1, prefix('v'));
    const made = await api(srv, county, 'POST', '/api/broadcasts', { content: { type: 'image', documentId: up.body.documentId }, target: { regions: [LIUSHU] } });
    expect(made.body).toMatchObject({ title: '[图片]', contentKind: 'image' });
    await api(srv, county, 'POST', `/api/broadcasts/${made.body.id}/send`, {});
    const [m] = await poll(srv);
    expect(m).toMatchObject({ targetId: v!.externalId, kind: 'broadcast', text: '[图片]', content: { type: 'image', documentId: up.body.documentId, mime: 'image/png' } });

    const media = await fetch(`${srv.url}/api/bot/outbox/${m!.id}/media`, { headers: { authorization: `Bearer ${BOT_TOKEN}` } });
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await media.arrayBuffer())).toEqual(pngBytes(7));
    expect((await fetch(`${srv.url}/api/bot/outbox/${m!.id}/media`, { headers: { authorization: `Bearer ${county}` } })).status).toBe(401);
    // a text message has no media
    await prisma.$transaction((tx) => enqueue(tx, { channel: CHANNEL, targetType: 'contact', targetId: 'x', kind: 'case_update', text: '进度' }, clock));
    const [text] = await poll(srv);
    expect((await fetch(`${srv.url}/api/bot/outbox/${text!.id}/media`, { headers: { authorization: `Bearer ${BOT_TOKEN}` } })).status).toBe(404);
    // the offices can look at it
    const preview = await fetch(`${srv.url}/api/broadcasts/images/${up.body.documentId}`, { headers: { authorization: `Bearer ${qingshan}` } });
    expect([preview.status, preview.headers.get('content-type')]).toEqual([200, 'image/png']);
  });

  test.each([
    [
      'a link card',
      { type: 'link', url: 'https://www.example.gov.cn/zhengce/2026.html', title: '2026年防返贫政策解读', description: '一图看懂', thumbnailUrl: 'https://www.example.gov.cn/t.png' },
      { type: 'link', url: 'https://www.example.gov.cn/zhengce/2026.html', title: '2026年防返贫政策解读', description: '一图看懂', thumbnailUrl: 'https://www.example.gov.cn/t.png' },
      '[链接] 2026年防返贫政策解读 https://www.example.gov.cn/zhengce/2026.html',
    ],
    [
      'a mini-program card',
      { type: 'miniprogram', appid: 'wx0123456789abcdef', path: 'pages/apply/index?from=broadcast', title: '在线申请帮扶', username: 'gh_0123456789ab' },
      { type: 'miniprogram', appid: 'wx0123456789abcdef', pagePath: 'pages/apply/index?from=broadcast', title: '在线申请帮扶', username: 'gh_0123456789ab' },
      '[小程序] 在线申请帮扶',
    ],
  ])('%s goes to the bot as a card', async (_name, content, card, text) => {
    await villagers(prisma, LIUSHU, 1, prefix('v'));
    const made = await api(srv, county, 'POST', '/api/broadcasts', { content, target: { regions: [LIUSHU], rooms: true } });
    expect(made.status).toBe(201);
    await api(srv, county, 'POST', `/api/broadcasts/${made.body.id}/send`, {});
    const leased = [...(await poll(srv)), ...(await poll(srv))];
    expect(leased.map((m) => m.targetType).sort()).toEqual(['contact', 'room']);
    for (const m of leased) expect(m).toMatchObject({ kind: 'broadcast', text, content: card });
  });
});
