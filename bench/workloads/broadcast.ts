/**
 * Workload 4: a broadcast to `recipients` villagers (households and contacts seeded set-based in
 * one village), through the cadre API as the county office: the time from "send" until its outbox
 * rows are written, against one INSERT … SELECT writing the same rows (the database's own speed);
 * then the bot's real drain loop (bot/outbox.ts: lease, say — stubbed —, ack over HTTP) with all of
 * them pending, against a raw `FOR UPDATE SKIP LOCKED` lease + delete loop over a copy of the same
 * rows. The broadcast is cancelled at the end, so what is left does not weigh on later workloads.
 */
import { drainOutbox, OutboxClient } from '../../bot/outbox';
import { Pacer } from '../../bot/pacer';
import type { BenchDatabase } from '../harness/database';
import { HttpTarget } from '../harness/http';
import { Recorder } from '../harness/load';
import type { ChildServer } from '../harness/server-process';
import { rate, seconds, share, slower, type Row } from '../harness/table';
import { seedHouseholds } from '../seed/villagers';
import type { SealedTemplate } from '../seed/template';

const BOT = { puppet: 'bench', accountId: 'broadcast' };
const CHANNEL = `${BOT.puppet}:${BOT.accountId}`;
const VILLAGE = '439901100203'; // 河湾村: no other bench villager lives there
/** The bot's lease size (bot/outbox.ts drainOutbox's default), for the baseline too. */
const LEASE = 10;

export type BroadcastOptions = { recipients: number; seconds: number; adminToken: string; botToken: string; template: SealedTemplate };

export async function broadcastOutbox(server: ChildServer, db: BenchDatabase, o: BroadcastOptions): Promise<Row[]> {
  const [village] = await db.query<{ id: string }>(`SELECT id FROM "Region" WHERE code = $1`, [VILLAGE]);
  let t = performance.now();
  await seedHouseholds(db, o.template, { n: o.recipients, prefix: 'bcast-', channel: CHANNEL, villageIds: [village!.id] });
  const seedMs = performance.now() - t;
  const api = new HttpTarget(server.url, 2);
  const auth = { authorization: `Bearer ${o.adminToken}` };
  const composed = await api.postJson('/api/broadcasts', { title: 'bench', content: { type: 'text', text: '新的医保报销政策来了，详情请问村委会。' }, target: { regions: [VILLAGE], villagers: true } }, auth);
  if (composed.status !== 201) throw new Error(`POST /api/broadcasts: HTTP ${composed.status} ${composed.body.toString().slice(0, 300)}`);
  const id = (JSON.parse(composed.body.toString()) as { id: string }).id;
  const rows: Row[] = [];

  // writing the outbox
  const written = await server.peakDuring(async () => {
    const t0 = performance.now();
    const sent = await api.postJson(`/api/broadcasts/${id}/send`, {}, auth);
    if (sent.status !== 200) throw new Error(`POST /api/broadcasts/:id/send: HTTP ${sent.status} ${sent.body.toString().slice(0, 300)}`);
    const answeredMs = performance.now() - t0;
    for (;;) {
      const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Outbox" WHERE "broadcastId" = $1`, [id]);
      if (row!.n >= o.recipients) return { ms: performance.now() - t0, answeredMs };
      if (performance.now() - t0 > 15 * 60_000) throw new Error(`broadcast: ${row!.n} of ${o.recipients} outbox rows after 15 minutes`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  const copy = `bench_outbox_${process.pid}`;
  await db.query(`CREATE TABLE "${copy}" (LIKE "Outbox" INCLUDING DEFAULTS INCLUDING INDEXES)`);
  t = performance.now();
  const [{ n: baseRows }] = (await db.query<{ n: number }>(
    `WITH w AS (
       INSERT INTO "${copy}" (id, channel, "targetType", "targetId", kind, payload, "dedupeKey", "broadcastId")
       SELECT gen_random_uuid()::text, c.channel, 'contact', c."externalId", 'broadcast', (SELECT payload FROM "Outbox" WHERE "broadcastId" = $1 LIMIT 1), 'broadcast:' || $1 || ':contact:' || c.id, $1
       FROM "Contact" c JOIN "Household" h ON h.id = c."householdId"
       WHERE h."villageId" = $2 AND c.channel LIKE '%:%' AND NOT c."publicityOptOut"
       RETURNING 1)
     SELECT count(*)::int AS n FROM w`,
    [id, village!.id],
  )) as [{ n: number }];
  const baseMs = performance.now() - t;
  await db.query(`DROP TABLE "${copy}"`);
  rows.push({
    workload: `broadcast to ${o.recipients.toLocaleString('en')} recipients: writing the outbox`,
    figure: seconds(written.result.ms),
    baseline: `one INSERT … SELECT of the same ${baseRows.toLocaleString('en')} rows: ${seconds(baseMs)}`,
    ratio: slower(written.result.ms, baseMs),
    peakRss: written.peakRss,
    note: `send answered after ${seconds(written.result.answeredMs)}; seeding ${o.recipients.toLocaleString('en')} households + contacts took ${seconds(seedMs)}`,
  });

  // lease + ack with them all pending
  const leases = new Recorder();
  let acked = 0;
  const client = new OutboxClient(server.url, o.botToken, () => BOT);
  const timed = Object.assign(Object.create(client) as OutboxClient, {
    lease: async (...args: Parameters<OutboxClient['lease']>) => {
      const t0 = performance.now();
      const items = await client.lease(...args); // the long-poll cut short by the stop throws: not a lease
      leases.latencies.push(performance.now() - t0);
      return items;
    },
    ack: async (messageId: string) => {
      await client.ack(messageId);
      acked += 1;
    },
  });
  const pending = o.recipients;
  const drained = await server.peakDuring(async () => {
    const stop = new AbortController();
    const t0 = performance.now();
    const loop = drainOutbox({ client: timed, pacer: new Pacer({ minIntervalMs: 0 }), stopped: stop.signal, waitSeconds: 1, limit: LEASE, say: async () => undefined, log: { info() {}, warn() {}, error() {} } });
    while (performance.now() - t0 < o.seconds * 1000 && acked < pending) await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    await loop;
    return (performance.now() - t0) / 1000;
  });
  const apiRate = acked / drained.result;

  const queue = `bench_queue_${process.pid}`;
  await db.query(`CREATE TABLE "${queue}" AS SELECT id, seq, channel, "targetType", "targetId", kind, payload, "leaseUntil" FROM "Outbox" WHERE "broadcastId" = $1 AND status = 'pending'`, [id]);
  await db.query(`ALTER TABLE "${queue}" ADD PRIMARY KEY (id)`);
  await db.query(`CREATE INDEX ON "${queue}" (channel, seq)`);
  await db.query(`ANALYZE "${queue}"`);
  const sql = await db.connect();
  let deleted = 0;
  const t0 = performance.now();
  const rawLeases = new Recorder();
  try {
    while (performance.now() - t0 < o.seconds * 1000) {
      let ids: string[] = [];
      await rawLeases.time(async () => {
        ids = (
          await sql.query<{ id: string }>(
            `UPDATE "${queue}" SET "leaseUntil" = now() + interval '60 seconds' WHERE id IN (
               SELECT id FROM "${queue}" WHERE channel = $1 AND ("leaseUntil" IS NULL OR "leaseUntil" < now()) ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED)
             RETURNING id, payload`,
            [CHANNEL, LEASE],
          )
        ).rows.map((r) => r.id);
        return true;
      });
      if (ids.length === 0) break;
      for (const leased of ids) {
        await sql.query(`DELETE FROM "${queue}" WHERE id = $1`, [leased]);
        deleted += 1;
      }
    }
  } finally {
    await sql.end();
  }
  const rawRate = deleted / ((performance.now() - t0) / 1000);
  await db.query(`DROP TABLE "${queue}"`);
  const lease = leases.result(1);
  const raw = rawLeases.result(1);
  rows.push({
    workload: `outbox lease + ack, ${pending.toLocaleString('en')} pending (the bot's drain loop)`,
    figure: rate(apiRate, 'messages/s'),
    baseline: `FOR UPDATE SKIP LOCKED lease (${LEASE}) + delete each, one connection: ${rate(rawRate, 'messages/s')} (lease p50 ${raw.p50.toFixed(1)} ms)`,
    ratio: share(apiRate, rawRate),
    latency: lease,
    peakRss: drained.peakRss,
    note: `${acked} acked in ${drained.result.toFixed(1)} s; latencies are the lease calls`,
  });

  const cancelled = await api.postJson(`/api/broadcasts/${id}/cancel`, {}, auth);
  if (cancelled.status !== 200) {
    const logged = server.tail(200).split('\n').filter((l) => l.includes('"level":"error"')).at(-1) ?? '';
    rows[rows.length - 1]!.note += `; cancelling the broadcast afterwards: HTTP ${cancelled.status} ${cancelled.body.toString().slice(0, 200)} ${logged.slice(0, 400)}`;
  }
  api.close();
  return rows;
}
