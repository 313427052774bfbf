/**
 * Two server instances on one PostgreSQL database behave as one (real database): two koa apps,
 * each with its own connection pool, share the outbox — a message is leased to one of them only,
 * a target's messages still go out in write order — case numbers filed through both at once are
 * unique and without gaps, and a scheduled job ticking on both runs once per tick.
 */
import type { Server } from 'node:http';
import { PrismaPg } from '@prisma/adapter-pg';
import { createApp } from '../../server/web';
import { FileSystemDocumentStore } from '../../server/core/documents/store';
import { sealedClient } from '../../server/core/crypto/sealed-client';
import { PrismaClient } from '../../server/generated/prisma/client';
import { enqueueMany, type OutboxMessage } from '../../server/core/outbox/enqueue';
import { allocateCaseNumber } from '../../server/core/cases/case-number';
import { startScheduledJob } from '../../server/core/jobs/scheduled';
import { silentLogger } from '../../server/log';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';

const ACCOUNT = { puppet: 'wechaty-puppet-mock', accountId: 'bot-1' };
const CHANNEL = `${ACCOUNT.puppet}:${ACCOUNT.accountId}`;

let a: TestServer;
let raw2: PrismaClient;
let prisma2: PrismaClient;
let server2: Server;
let url2 = '';

beforeAll(async () => {
  a = await startTestServer();
  // the second instance: its own pool on the same database, its own app and port
  raw2 = new PrismaClient({ adapter: new PrismaPg({ connectionString: a.db.url }) });
  prisma2 = sealedClient(raw2, a.db.keyring);
  const app = createApp({ prisma: prisma2, config: a.config, log: silentLogger, store: new FileSystemDocumentStore(a.config.documentsDir, a.db.keyring), keyring: a.db.keyring });
  await new Promise<void>((resolve) => {
    server2 = app.listen(0, '127.0.0.1', () => resolve());
  });
  url2 = `http://127.0.0.1:${(server2.address() as { port: number }).port}`;
});
afterAll(async () => {
  server2.closeAllConnections();
  await new Promise((r) => server2.close(r));
  await raw2.$disconnect();
  await a.close();
});

type Leased = { id: string; targetId: string; text: string };

async function lease(base: string): Promise<Leased[]> {
  const res = await fetch(`${base}/api/bot/outbox?${new URLSearchParams({ ...ACCOUNT, wait: '0', limit: '5' })}`, { headers: { authorization: `Bearer ${BOT_TOKEN}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { messages: Leased[] }).messages;
}

async function ack(base: string, id: string): Promise<void> {
  const res = await fetch(`${base}/api/bot/outbox/${id}/ack`, { method: 'POST', headers: { authorization: `Bearer ${BOT_TOKEN}` } });
  expect(res.status).toBe(200);
}

test('outbox leases from both instances never hand out a message twice, and each target hears in write order', async () => {
  const targets = 12;
  const each = 6;
  const messages: OutboxMessage[] = [];
  for (let n = 0; n < each; n++) for (let t = 0; t < targets; t++) messages.push({ channel: CHANNEL, targetType: 'contact', targetId: `v-${t}`, kind: 'case_update', text: `${t}:${n}` });
  await a.db.prisma.$transaction((tx) => enqueueMany(tx, messages));

  // a log of what happened, in the order it happened, across both bots
  const events: { what: 'lease' | 'ack'; id: string; text: string; batch: number }[] = [];
  let batches = 0;
  const seen = new Set<string>();
  const twice: string[] = [];
  async function bot(base: string) {
    for (let idle = 0; idle < 3; ) {
      const got = await lease(base);
      const batch = ++batches;
      if (got.length === 0) {
        idle++;
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      idle = 0;
      for (const m of got) {
        if (seen.has(m.id)) twice.push(m.text);
        seen.add(m.id);
        events.push({ what: 'lease', id: m.id, text: m.text, batch });
      }
      for (const m of got) {
        await ack(base, m.id);
        events.push({ what: 'ack', id: m.id, text: m.text, batch });
      }
    }
  }
  await Promise.all([bot(a.url), bot(url2), bot(a.url), bot(url2)]);

  expect(twice).toEqual([]);
  expect(seen.size).toBe(targets * each);
  expect(await a.db.prisma.outbox.count({ where: { status: 'sent' } })).toBe(targets * each);
  // per target: message n+1 was leased with n (behind it, in the same lease) or after n was acked
  for (let t = 0; t < targets; t++) {
    for (let n = 0; n + 1 < each; n++) {
      const at = (what: string, text: string) => events.findIndex((e) => e.what === what && e.text === text);
      const prevLease = events[at('lease', `${t}:${n}`)]!;
      const nextLease = events[at('lease', `${t}:${n + 1}`)]!;
      const inOrder = nextLease.batch === prevLease.batch ? at('lease', `${t}:${n + 1}`) > at('lease', `${t}:${n}`) : at('lease', `${t}:${n + 1}`) > at('ack', `${t}:${n}`);
      expect({ target: t, n, inOrder }).toEqual({ target: t, n, inOrder: true });
    }
  }
});

test('case numbers filed through both instances at once are unique and leave no gap', async () => {
  const perInstance = 20;
  const file = (db: PrismaClient) => db.$transaction((tx) => allocateCaseNumber(tx, 2031));
  const numbers = await Promise.all(Array.from({ length: perInstance }, () => [file(a.db.prisma), file(prisma2)]).flat());
  expect(new Set(numbers).size).toBe(2 * perInstance);
  expect([...numbers].sort()).toEqual(Array.from({ length: 2 * perInstance }, (_, i) => `FP-2031-${String(i + 1).padStart(6, '0')}`));
});

test('a scheduled job ticking on both instances runs once per tick', async () => {
  // every second, so that a few ticks pass during the test; each run notes the second it ran in
  const runs: { instance: string; second: number }[] = [];
  const start = (instance: string, db: PrismaClient) =>
    startScheduledJob({
      name: `two-instance probe ${instance}`,
      tickName: 'two-instance probe',
      pattern: '* * * * * *',
      log: silentLogger,
      db,
      task: async () => {
        runs.push({ instance, second: Math.floor(Date.now() / 1000) });
        await new Promise((r) => setTimeout(r, 50)); // a run takes a moment: both timers fire meanwhile
      },
    });
  const jobs = [start('a', a.db.raw), start('b', raw2)];
  await new Promise((r) => setTimeout(r, 3_500));
  await Promise.all(jobs.map((j) => j.stop()));

  const seconds = runs.map((r) => r.second);
  expect(runs.length).toBeGreaterThanOrEqual(3);
  expect(new Set(seconds).size).toBe(seconds.length); // never two runs of one tick
});
