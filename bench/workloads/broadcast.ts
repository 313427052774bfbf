/**
 * Workload 4: a broadcast to `recipients` villagers (households and contacts seeded set-based in
 * one village), through the cadre API as the county office: the time from "send" until its outbox
 * rows are written, against one INSERT … SELECT writing the same rows (the database's own speed);
 * then lease + ack over HTTP (the bot's OutboxClient, no pacing) of as many case notices queued
 * beside it, against a raw `FOR UPDATE SKIP LOCKED` lease + delete loop over a copy of the same
 * rows; then cancelling the broadcast with all of it still queued, against one UPDATE of a copy
 * (so nothing is left to weigh on later workloads).
 */
import { OutboxClient } from '../../bot/outbox';
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
/** Messages per lease (the most GET /api/bot/outbox hands out at once), for the baseline too. */
const LEASE = 50;

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

  // lease + ack: the server's side of delivery, without the bot's deliberate pacing. The broadcast's
  // own messages go one per lease by design (delivery.ts PUBLICITY_PER_LEASE: publicity never
  // crowds out case notices), so its drain says how fast a bot may be handed a broadcast, not how
  // fast the server is: R case notices to the same villagers are queued beside it instead, and
  // leased LEASE at a time over HTTP with one batch ack each (POST /api/bot/outbox/ack), as fast
  // as the server answers — the bot's OutboxClient, nothing said, no Pacer.
  const notices = await db.query<{ n: number }>(
    `WITH w AS (
       INSERT INTO "Outbox" (id, channel, "targetType", "targetId", kind, payload, "createdAt", "nextAttemptAt")
       SELECT 'bench-notice-' || o.seq, o.channel, o."targetType", o."targetId", 'case_update', o.payload, now(), now()
       FROM "Outbox" o WHERE o."broadcastId" = $1 ORDER BY o.seq RETURNING 1)
     SELECT count(*)::int AS n FROM w`,
    [id],
  );
  const pending = notices[0]!.n;
  await db.query(`ANALYZE "Outbox"`);
  // the baseline's copy of the same rows, taken before the server drains them
  const queue = `bench_queue_${process.pid}`;
  await db.query(`CREATE TABLE "${queue}" AS SELECT id, seq, channel, "targetType", "targetId", kind, payload, "leaseUntil" FROM "Outbox" WHERE kind = 'case_update' AND channel = $1 AND status = 'pending'`, [CHANNEL]);
  await db.query(`ALTER TABLE "${queue}" ADD PRIMARY KEY (id)`);
  await db.query(`CREATE INDEX ON "${queue}" (channel, seq)`);
  await db.query(`ANALYZE "${queue}"`);
  const leases = new Recorder();
  const client = new OutboxClient(server.url, o.botToken, () => BOT);
  let acked = 0;
  const drained = await server.peakDuring(async () => {
    const never = new AbortController().signal;
    const t0 = performance.now();
    while (performance.now() - t0 < o.seconds * 1000 && acked < pending) {
      let batch: { id: string }[] = [];
      await leases.time(async () => {
        batch = await client.lease(0, LEASE, never);
        return true;
      });
      if (batch.length === 0) break;
      await client.ackMany(batch.map((m) => m.id));
      acked += batch.length;
    }
    return (performance.now() - t0) / 1000;
  });
  const apiRate = acked / drained.result;

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
      await sql.query(`DELETE FROM "${queue}" WHERE id = ANY($1::text[])`, [ids]);
      deleted += ids.length;
    }
  } finally {
    await sql.end();
  }
  const rawRate = deleted / ((performance.now() - t0) / 1000);
  await db.query(`DROP TABLE "${queue}"`);
  await db.query(`UPDATE "Outbox" SET status = 'cancelled' WHERE kind = 'case_update' AND channel = $1 AND status = 'pending'`, [CHANNEL]);
  const lease = leases.result(1);
  const raw = rawLeases.result(1);
  rows.push({
    workload: `outbox lease + ack, ${pending.toLocaleString('en')} pending (HTTP, ${LEASE} per lease, batch ack, no pacing)`,
    figure: rate(apiRate, 'messages/s'),
    baseline: `FOR UPDATE SKIP LOCKED lease (${LEASE}) + one DELETE of the batch, one connection: ${rate(rawRate, 'messages/s')} (lease p50 ${raw.p50.toFixed(1)} ms)`,
    ratio: share(apiRate, rawRate),
    latency: lease,
    peakRss: drained.peakRss,
    note: `${acked.toLocaleString('en')} acked in ${drained.result.toFixed(1)} s beside the broadcast's ${o.recipients.toLocaleString('en')} pending; latencies are the lease calls`,
  });

  // cancelling the broadcast with all its messages still queued
  const copy2 = `bench_cancel_${process.pid}`;
  await db.query(`CREATE TABLE "${copy2}" (LIKE "Outbox" INCLUDING DEFAULTS INCLUDING INDEXES)`);
  await db.query(`INSERT INTO "${copy2}" SELECT * FROM "Outbox" WHERE "broadcastId" = $1`, [id]);
  t = performance.now();
  await db.query(`UPDATE "${copy2}" SET status = 'cancelled', "lastError" = 'broadcast cancelled', "leaseUntil" = NULL WHERE "broadcastId" = $1 AND status = 'pending'`, [id]);
  const rawCancelMs = performance.now() - t;
  await db.query(`DROP TABLE "${copy2}"`);
  const cancel = await server.peakDuring(async () => {
    const c0 = performance.now();
    const answer = await api.postJson(`/api/broadcasts/${id}/cancel`, {}, auth);
    return { ms: performance.now() - c0, answer };
  });
  const { answer } = cancel.result;
  let cancelNote = `answered HTTP ${answer.status}`;
  if (answer.status !== 200) {
    const logged = server.tail(200).split('\n').filter((l) => l.includes('"level":"error"')).at(-1) ?? '';
    cancelNote += ` ${answer.body.toString().slice(0, 200)} ${logged.slice(0, 400)}`;
  } else {
    const b = JSON.parse(answer.body.toString()) as { status?: string; counts?: { cancelled?: number } };
    cancelNote += `: ${b.status}, ${b.counts?.cancelled?.toLocaleString('en') ?? '?'} messages not said`;
  }
  rows.push({
    workload: `cancelling the broadcast, ${o.recipients.toLocaleString('en')} still queued`,
    figure: seconds(cancel.result.ms),
    baseline: `one UPDATE of the same rows in a copy of "Outbox" (no triggers): ${seconds(rawCancelMs)}`,
    ratio: slower(cancel.result.ms, rawCancelMs),
    peakRss: cancel.peakRss,
    note: cancelNote,
  });
  api.close();
  return rows;
}
