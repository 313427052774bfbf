/**
 * How fast a broadcast to many villagers goes through the real server and the bot's real outbox
 * drain (lease, say, ack over HTTP), the saying itself stubbed: the server-side cost per message.
 *
 *   npx tsx bench/broadcast.ts [recipients=1000] [minIntervalMs=0]
 *   DATABASE_URL=postgres://… npx tsx bench/broadcast.ts      # on PostgreSQL (default: a temporary PGlite)
 *
 * Prints the time to expand the broadcast into outbox rows, the drain's throughput and the
 * latency of each message (lease to ack), and what pacing makes of it: with BOT_MIN_INTERVAL_MS
 * and the daily cap, the real duration is set by WeChat's tolerance, not by the server.
 * With DATABASE_URL the bench creates and drops its own database on that server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { drainOutbox, OutboxClient } from '../bot/outbox';
import { DEFAULT_DAILY_CAPS, Pacer } from '../bot/pacer';
import { createApp } from '../server/web';
import { startBroadcast } from '../server/core/broadcasts/lifecycle';
import { loadConfig } from '../server/config';
import { connectDatabase } from '../server/core/db/connect';
import { applyMigrations } from '../server/core/db/schema-engine';
import { FileSystemDocumentStore } from '../server/core/documents/store';
import { loadKeyring } from '../server/core/crypto/keyring-source';
import { sealedClient } from '../server/core/crypto/sealed-client';
import { silentLogger } from '../server/log';
import { seedDemoCounty } from '../server/seed/demo-county';

const TOKEN = 'bench-bot-token';
const ACCOUNT = { puppet: 'bench', accountId: 'bot' };

async function main() {
  const [recipients = 1000, minIntervalMs = 0] = process.argv.slice(2).map(Number);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fangpin-bench-'));
  const base = process.env.DATABASE_URL;
  const dbName = `fangpin_bench_${process.pid}`;
  let databaseUrl: string | undefined;
  if (base) {
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const config = loadConfig({ DATA_DIR: dataDir, BOT_TOKEN: TOKEN, PORT: '0', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const db = await connectDatabase(config);
  await applyMigrations(db.adapterFactory);
  const { keyring } = loadKeyring(config.dataProtection.keys);
  const prisma = sealedClient(db.prisma, keyring);
  await seedDemoCounty(prisma);

  // villagers of 柳树村, each a household with a WeChat contact on the bench bot's channel
  const village = await prisma.region.findUniqueOrThrow({ where: { code: '439901100201' } });
  const households = await prisma.household.createManyAndReturn({
    data: Array.from({ length: recipients }, (_, i) => ({ villageId: village.id, headName: `村民${i}`, headIdNumber: `B${String(i).padStart(17, '0')}`, phone: '13800138000', size: 3 })),
    select: { id: true },
  });
  await prisma.contact.createMany({ data: households.map((h, i) => ({ channel: `${ACCOUNT.puppet}:${ACCOUNT.accountId}`, externalId: `v-${i}`, name: `村民${i}`, householdId: h.id })) });
  const broadcast = await prisma.broadcast.create({
    data: { regionId: village.id, title: 'bench', contentKind: 'text', content: { type: 'text', text: '新的医保报销政策来了' }, target: { regions: ['439901100201'], villagers: true, rooms: false, openCasesOnly: false, tags: [] } },
  });

  const app = createApp({ prisma, config, log: silentLogger, store: new FileSystemDocumentStore(config.documentsDir, keyring), keyring });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  let t = performance.now();
  const started = await startBroadcast(prisma, broadcast.id, new Date());
  const expandMs = performance.now() - t;

  const stop = new AbortController();
  const latencies: number[] = [];
  const leases: number[] = [];
  let said = 0;
  let leasedAt = 0;
  const client = new OutboxClient(url, TOKEN, () => ACCOUNT);
  const timed = Object.assign(Object.create(client) as OutboxClient, {
    lease: async (...args: Parameters<OutboxClient['lease']>) => {
      const before = performance.now();
      const items = await client.lease(...args);
      leasedAt = performance.now();
      if (items.length > 0) leases.push(leasedAt - before);
      return items;
    },
    ack: async (id: string) => {
      await client.ack(id);
      latencies.push(performance.now() - leasedAt);
    },
  });
  t = performance.now();
  const drained = drainOutbox({
    client: timed,
    pacer: new Pacer({ minIntervalMs }),
    stopped: stop.signal,
    waitSeconds: 1,
    log: { info() {}, warn: console.warn, error: console.error },
    say: async () => void said++,
  });
  while ((await prisma.outbox.count({ where: { broadcastId: broadcast.id, status: 'pending' } })) > 0) await new Promise((r) => setTimeout(r, 50));
  const drainMs = performance.now() - t;
  stop.abort();
  await drained;

  latencies.sort((a, b) => a - b);
  leases.sort((a, b) => a - b);
  const pct = (p: number, of = latencies) => of[Math.min(of.length - 1, Math.floor((p / 100) * of.length))]!.toFixed(1);
  const cap = DEFAULT_DAILY_CAPS['broadcast']!;
  console.log(`database:        ${db.kind}`);
  console.log(`recipients:      ${started && started.started ? started.recipients : 0}`);
  console.log(`expand:          ${expandMs.toFixed(0)} ms (outbox rows written in one transaction)`);
  console.log(`drain:           ${drainMs.toFixed(0)} ms for ${said} messages = ${((said / drainMs) * 1000).toFixed(0)} messages/s (minIntervalMs ${minIntervalMs})`);
  console.log(`lease call:      p50 ${pct(50, leases)} ms  p95 ${pct(95, leases)} ms  max ${leases.at(-1)!.toFixed(1)} ms (one broadcast message per lease, after any case notices)`);
  console.log(`leased → acked:  p50 ${pct(50)} ms  p95 ${pct(95)} ms  max ${latencies.at(-1)!.toFixed(1)} ms`);
  console.log(`paced for WeChat (BOT_MIN_INTERVAL_MS=1000, broadcast cap ${cap}/day): ${recipients} messages take ${Math.ceil(recipients / cap)} day(s), ${Math.min(recipients, cap)} s of sending a day`);

  await new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
  if (base) {
    const { Client } = await import('pg');
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

main()
  // PGlite's wasm runtime may set a non-zero exit code on its way out
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
