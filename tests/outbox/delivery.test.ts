/**
 * The outbox protocol the bots speak (real database, fixed clock):
 *   GET /api/bot/outbox (long-poll, leases), POST …/:id/ack | fail | release,
 *   GET /api/outbox?status=dead and POST /api/outbox/:id/retry for the county office.
 */
import type { PrismaClient } from '../../server/generated/prisma/client';
import { enqueue, type OutboxMessage } from '../../server/core/outbox/enqueue';
import { backoffMs } from '../../server/core/outbox/delivery';
import { ADMIN_TOKEN, BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { insertCase } from '../support/fixtures';

const A = { puppet: 'wechaty-puppet-mock', accountId: 'bot-a' };
const B = { puppet: 'wechaty-puppet-mock', accountId: 'bot-b' };
const channel = (acc: typeof A) => `${acc.puppet}:${acc.accountId}`;

let clock = new Date('2026-07-20T02:00:00Z');
let srv: TestServer;
let prisma: PrismaClient;

beforeAll(async () => {
  srv = await startTestServer({ now: () => clock });
  prisma = srv.db.prisma;
});
beforeEach(async () => {
  await prisma.outbox.deleteMany();
  clock = new Date('2026-07-20T02:00:00Z');
});
afterAll(async () => {
  await srv.close();
});

type Msg = { id: string; targetType: string; targetId: string; kind: string; text: string; attempts: number };

async function put(...messages: Partial<OutboxMessage>[]): Promise<void> {
  await prisma.$transaction(async (tx) => {
    for (const m of messages) await enqueue(tx, { channel: channel(A), targetType: 'contact', targetId: 'v-1', kind: 'case_update', text: 'x', ...m }, clock);
  });
}

async function poll(acc = A, q: { wait?: number; limit?: number } = {}): Promise<Msg[]> {
  const params = new URLSearchParams({ ...acc, wait: String(q.wait ?? 0), ...(q.limit ? { limit: String(q.limit) } : {}) });
  const res = await fetch(`${srv.url}/api/bot/outbox?${params}`, { headers: { authorization: `Bearer ${BOT_TOKEN}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { messages: Msg[]; leaseSeconds: number };
  expect(body.leaseSeconds).toBe(60);
  return body.messages;
}

async function report(id: string, what: 'ack' | 'fail' | 'release', body: object = {}, token = BOT_TOKEN) {
  const res = await fetch(`${srv.url}/api/bot/outbox/${id}/${what}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const texts = (ms: Msg[]) => ms.map((m) => m.text);
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

describe('authentication and input', () => {
  test.each([
    ['no token', undefined],
    ['a cadre’s token', ADMIN_TOKEN],
  ])('%s → 401', async (_name, token) => {
    const res = await fetch(`${srv.url}/api/bot/outbox?${new URLSearchParams(A)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    expect(res.status).toBe(401);
    expect((await report('x', 'ack', {}, token ?? 'nope')).status).toBe(401);
  });

  test.each([
    ['no account', {}, 'puppet'],
    ['wait too long', { ...A, wait: '600' }, 'wait'],
    ['limit 0', { ...A, limit: '0' }, 'limit'],
  ])('%s → 400 naming the field', async (_name, query, field) => {
    const res = await fetch(`${srv.url}/api/bot/outbox?${new URLSearchParams(query as Record<string, string>)}`, { headers: { authorization: `Bearer ${BOT_TOKEN}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
  });

  test('ack, fail, release of an unknown id → 404', async () => {
    for (const what of ['ack', 'fail', 'release'] as const) expect((await report('nope', what)).status).toBe(404);
  });
});

describe('long-poll and leases', () => {
  test('each bot gets only its own account’s messages, oldest first', async () => {
    await put({ text: 'a1' }, { text: 'a2', targetId: 'v-2' }, { channel: channel(B), text: 'b1' }, { text: 'a3', targetType: 'room', targetId: 'r-1@chatroom', kind: 'case_task' });
    expect(texts(await poll(A))).toEqual(['a1', 'a2', 'a3']);
    const [b] = await poll(B);
    expect(b).toEqual({ id: expect.any(String), targetType: 'contact', targetId: 'v-1', kind: 'case_update', text: 'b1', attempts: 0 });
  });

  test('a leased message is handed to nobody else, not even by two polls at once', async () => {
    await put(...Array.from({ length: 12 }, (_, i) => ({ text: `m${i}`, targetId: `v-${i}` })));
    const [one, two] = await Promise.all([poll(A, { limit: 10 }), poll(A, { limit: 10 })]);
    const all = [...texts(one), ...texts(two)];
    expect(all.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`).sort());
    expect(await poll(A)).toEqual([]);
  });

  test('a waiting poll answers as soon as a message is written', async () => {
    const waiting = poll(A, { wait: 10 });
    await new Promise((r) => setTimeout(r, 400));
    await put({ text: 'just now' });
    expect(texts(await waiting)).toEqual(['just now']);
  });

  test('an empty poll ends after `wait` with no messages', async () => {
    expect(await poll(A, { wait: 1 })).toEqual([]);
  });

  test('an expired lease makes the message deliverable again (the bot died before its ack)', async () => {
    await put({ text: 'said, never acked' });
    const [first] = await poll(A);
    expect(await poll(A)).toEqual([]);
    later(59_000);
    expect(await poll(A)).toEqual([]);
    later(2_000);
    const [again] = await poll(A);
    expect(again!.id).toBe(first!.id);
  });

  test('release: deliverable again at once, or from retryAt; attempts unchanged', async () => {
    await put({ text: 'r' });
    const [m] = await poll(A);
    expect((await report(m!.id, 'release')).body).toEqual({ id: m!.id, status: 'pending' });
    const [again] = await poll(A);
    expect(again).toMatchObject({ id: m!.id, attempts: 0 });
    await report(m!.id, 'release', { retryAt: '2026-07-21T00:00:00+08:00' });
    expect(await poll(A)).toEqual([]);
    clock = new Date('2026-07-20T16:00:00Z');
    expect(texts(await poll(A))).toEqual(['r']);
  });
});

describe('ack', () => {
  test('marks it sent, once; a second ack changes nothing', async () => {
    await put({ text: 'hello' });
    const [m] = await poll(A);
    expect(await report(m!.id, 'ack')).toEqual({ status: 200, body: { id: m!.id, status: 'sent' } });
    const row = await prisma.outbox.findUniqueOrThrow({ where: { id: m!.id } });
    later(5_000);
    expect(await report(m!.id, 'ack')).toEqual({ status: 200, body: { id: m!.id, status: 'sent' } });
    expect((await prisma.outbox.findUniqueOrThrow({ where: { id: m!.id } })).sentAt).toEqual(row.sentAt);
    later(120_000);
    expect(await poll(A)).toEqual([]); // never again
  });
});

describe('order per target', () => {
  test('a message that failed holds back the later ones to the same target, not to others', async () => {
    await put({ text: 'zhang 1', targetId: 'v-zhang' }, { text: 'zhang 2', targetId: 'v-zhang' }, { text: 'li 1', targetId: 'v-li' });
    const [z1, z2, l1] = await poll(A);
    await report(z1!.id, 'fail', { error: 'contact not found' });
    await report(z2!.id, 'release');
    await report(l1!.id, 'ack');
    await put({ text: 'li 2', targetId: 'v-li' });
    expect(texts(await poll(A))).toEqual(['li 2']); // 张's second waits behind his first
    later(backoffMs(1));
    expect(texts(await poll(A))).toEqual(['zhang 1', 'zhang 2']);
  });

  test('a dead letter no longer holds anyone up', async () => {
    await put({ text: 'doomed', targetId: 'v-zhang' }, { text: 'next', targetId: 'v-zhang' });
    // payloads are sealed: found by reading them, not by filtering on them
    const dead = (await prisma.outbox.findMany({ where: { targetId: 'v-zhang' } })).find((o) => (o.payload as { text?: string }).text === 'doomed')!;
    await prisma.outbox.update({ where: { id: dead.id }, data: { status: 'dead' } });
    expect(texts(await poll(A))).toEqual(['next']);
  });
});

describe('failures, backoff and dead letters', () => {
  test(`fail → retried after a growing wait → a dead letter after ${8} attempts, visible to the county office, and retried by it`, async () => {
    const { caseId, caseNo } = await insertCase(prisma, srv.config.documentsDir, { villageCode: '439901100201', idNumber: '110105194912310099' });
    await put({ text: 'to a contact that left', caseId });
    const waits: number[] = [];
    let last: Record<string, unknown> = {};
    for (let attempt = 1; attempt <= 8; attempt++) {
      const [m] = await poll(A);
      expect(m).toMatchObject({ text: 'to a contact that left', attempts: attempt - 1 });
      last = (await report(m!.id, 'fail', { error: `contact not found (${attempt})` })).body;
      expect(last).toMatchObject({ attempts: attempt, status: attempt < 8 ? 'pending' : 'dead' });
      if (attempt < 8) {
        const wait = Date.parse(String(last.nextAttemptAt)) - clock.getTime();
        waits.push(wait);
        later(wait - 1);
        expect(await poll(A)).toEqual([]); // not before its time
        later(1);
      }
    }
    expect(waits).toEqual([15, 30, 60, 120, 240, 480, 960].map((s) => s * 1000));
    later(24 * 3_600_000);
    expect(await poll(A)).toEqual([]); // dead: never again by itself

    const list = async (token: string) => fetch(`${srv.url}/api/outbox?status=dead`, { headers: { authorization: `Bearer ${token}` } });
    expect((await list(srv.tokenOf('village'))).status).toBe(403);
    const res = await list(srv.tokenOf('county'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Record<string, unknown>[]; total: number };
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: last.id, status: 'dead', attempts: 8, lastError: 'contact not found (8)', caseNo, targetId: 'v-1', text: 'to a contact that left', channel: channel(A) });

    const retry = (id: string, token = srv.tokenOf('county')) => fetch(`${srv.url}/api/outbox/${id}/retry`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect((await retry(String(last.id), srv.tokenOf('town'))).status).toBe(403);
    expect((await retry(String(last.id))).status).toBe(200);
    expect((await retry(String(last.id))).status).toBe(409); // pending again: nothing to retry
    expect((await retry('nope')).status).toBe(404);
    const [back] = await poll(A);
    expect(back).toMatchObject({ id: last.id, attempts: 0 });
    expect(await prisma.auditEntry.count({ where: { action: 'outbox:retry', allowed: true } })).toBe(1);
  });

  test('the county office reads notices with ID numbers and phones masked', async () => {
    await put({ text: '村民 李桂兰（电话 13812345678，身份证 11010519491231002X）请求人工帮助', targetId: 'v-mask' });
    const res = await fetch(`${srv.url}/api/outbox?status=pending`, { headers: { authorization: `Bearer ${srv.tokenOf('county')}` } });
    const item = ((await res.json()) as { items: { targetId: string; text: string }[] }).items.find((i) => i.targetId === 'v-mask')!;
    expect(item.text).not.toContain('13812345678');
    expect(item.text).not.toContain('11010519491231002X');
    expect(item.text).toContain('5678');
    const [leased] = (await poll(A)).filter((m) => m.targetId === 'v-mask');
    expect(leased!.text).toContain('13812345678'); // the bot, and so the cadre, still gets it whole
  });

  test('a fail after the message was acked changes nothing', async () => {
    await put({ text: 'done' });
    const [m] = await poll(A);
    await report(m!.id, 'ack');
    expect((await report(m!.id, 'fail', { error: 'late' })).body).toMatchObject({ status: 'sent', attempts: 0 });
  });
});

describe('enqueue', () => {
  test('the same dedupe key is written once, and the transaction goes on', async () => {
    await prisma.$transaction(async (tx) => {
      const base = { channel: channel(A), targetType: 'contact' as const, targetId: 'v-1', kind: 'reminder' as const, text: 'reminder', dedupeKey: 'overdue:x:2026-07-20' };
      expect(await enqueue(tx, base, clock)).toBe(true);
      expect(await enqueue(tx, base, clock)).toBe(false);
      expect(await enqueue(tx, { ...base, dedupeKey: 'overdue:x:2026-07-21' }, clock)).toBe(true);
    });
    expect(await prisma.outbox.count()).toBe(2);
  });

  test.each([
    ['an empty text', { text: '' }],
    ['an unknown target type', { targetType: 'region' }],
    ['an unknown kind', { kind: 'spam' }],
  ])('refuses %s', async (_name, bad) => {
    await expect(
      prisma.$transaction((tx) => enqueue(tx, { channel: channel(A), targetType: 'contact', targetId: 'v-1', kind: 'case_update', text: 'x', ...bad } as OutboxMessage, clock)),
    ).rejects.toThrow();
  });
});
