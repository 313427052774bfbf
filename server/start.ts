/**
 * Starting the server: migrations, the demo county when the database is empty (never in
 * production), the default policy knowledge, the scheduled jobs and the HTTP listener. Used by
 * `server/main.ts` (the server alone) and by `start/embedded.ts` (`npm start`: server and bot in one
 * process) — the server never starts a bot itself; what runs beside it is the caller's business.
 */
import type { Server } from 'node:http';
import type Koa from 'koa';
import { createApp } from './web';
import { loadConfig, type Config } from './config';
import { connectDatabase } from './core/db/connect';
import { applyMigrations } from './core/db/schema-engine';
import { FileSystemDocumentStore } from './core/documents/store';
import { loadKeyring } from './core/crypto/keyring-source';
import { checkIndexSetting } from './core/crypto/index-setting';
import type { Keyring } from './core/crypto/keyring';
import { protect, sealClearData } from './core/crypto/protect';
import { fillSearchIndexes } from './core/crypto/search-indexes';
import { startReplyPurge } from './chat/conversation/purge-replies';
import { createLogger, type Logger } from './log';
import { startDeadlineChecks } from './core/workflow/overdue';
import { startDocumentSweep } from './core/documents/gc';
import { startSubscribeWorker } from './app/subscribe-worker';
import { createSmsSender } from './core/sms/create';
import { startSmsWorker } from './core/sms/worker';
import { botKey } from './core/auth/bot-keys';
import { startBroadcastJob } from './core/broadcasts/schedule';
import { startAuthSweep } from './core/throttle/sweep';
import { startUnmatchedRowPurge } from './core/alerts/retention';
import { databaseIsEmpty, describeDemoSeed, seedDemoCounty } from './seed/demo-county';
import { seedPolicyKnowledge } from './seed/policy-knowledge';
import { DemoClock } from './core/demo-clock';
import { systemClock } from './core/clock';
import { keepIdleConnectionsOpen } from './http/keep-alive';

export type RunningServer = {
  config: Config;
  log: Logger;
  keyring: Keyring;
  server: Server;
  /** The port it listens on (PORT=0 picks a free one). */
  port: number;
  /** Stops the jobs, the listener and the database, in that order. */
  stop(): Promise<void>;
};

export type StartOptions = {
  /** Called with the koa app before it listens: the embedded start mounts the chat simulator here. */
  beforeListen?: (app: Koa, config: Config, log: Logger) => Promise<void>;
};

export async function startServer(env: NodeJS.ProcessEnv, opts: StartOptions = {}): Promise<RunningServer> {
  const config = loadConfig(env);
  const log = createLogger(config.logLevel);

  // the data keys first: production without one stops here, before touching the database
  const keys = loadKeyring(config.dataProtection.keys);
  for (const w of keys.warnings) log.warn(w);
  if (keys.createdFile) console.log(`\nCreated a key for personal data at ${keys.createdFile} (owner-only). Keep a copy: without it the data cannot be read. In production set FANGPIN_DATA_KEY or FANGPIN_DATA_KEY_FILE.`);
  const store = new FileSystemDocumentStore(config.documentsDir, keys.keyring);
  const db = protect(await connectDatabase({ ...config, progress: (line) => log.info(line), onConnectionLost: (error) => log.warn('a database connection ended; the next query opens a new one', { error }) }), keys.keyring);
  const applied = await applyMigrations(db.adapterFactory, { progress: (pending) => log.info('applying migrations…', { pending }) });
  // the blind indexes of the stored data were made with one HMAC and index key: refuse any other
  await checkIndexSetting(db.raw, keys.keyring, { dataCipher: config.dataProtection.keys.cipher });
  await sealClearData(db.raw, keys.keyring, store, log);
  await fillSearchIndexes(db.raw, keys.keyring, log);
  log.info('database ready', { kind: db.kind, migrationsApplied: applied.length, cipher: keys.keyring.cipher, keyId: keys.keyring.activeKeyId, keySource: keys.source, ms: sinceStart() });

  if (config.seedDemo === 'always' || (config.seedDemo === 'auto' && (await databaseIsEmpty(db.prisma)))) {
    log.info('seeding the demo county…');
    const seed = await seedDemoCounty(db.prisma);
    // Printed once on purpose: only hashes are stored. Never shown again.
    console.log(`\n${describeDemoSeed(seed, config.port ? `http://localhost:${config.port}` : '')}`);
  }
  // the default FAQ and policy articles while the database has none (the county office edits them through the API)
  const knowledge = await seedPolicyKnowledge(db.prisma);
  if (knowledge.faqs > 0) log.info('default policy knowledge loaded', knowledge);

  // the simulator's start (never production): one demo clock for the app and the jobs, moved from the console
  const demoClock = config.simulator ? await DemoClock.load(db.prisma) : undefined;
  const clock = demoClock?.now ?? systemClock;
  if (demoClock?.state().ahead) log.info('the demo clock is ahead', { days: demoClock.state().offsetDays });
  const app = createApp({ prisma: db.prisma, sql: db.sql, config, log, store, keyring: keys.keyring, ...(demoClock ? { now: demoClock.now, demoClock } : {}) });
  const jobs = [
    // time limits: every hour and once now (overdue flags, reminders through the outbox)
    startDeadlineChecks(db.prisma, config.workflow, log, clock),
    // expired unfiled uploads, then unreferenced document files (cancelled applications): hourly, and once now
    startDocumentSweep({ prisma: db.prisma, documentsDir: config.documentsDir, log, uploadTtlHours: config.uploads.ttlHours }),
    // WeChat subscribe messages of the mini-program, when a template is configured
    ...(config.app.wechat?.subscribe ? [startSubscribeWorker({ prisma: db.prisma, wechat: config.app.wechat, delivery: config.outbox, log })] : []),
    // text messages: news of cases filed in the app, and login codes (SMS_PROVIDER; off: marked skipped)
    startSmsWorker({ prisma: db.prisma, sender: createSmsSender(config.sms, log), templates: config.sms.provider === 'off' ? null : config.sms.templates, delivery: config.outbox, sealKey: botKey(config.botToken, 'login-code-seal'), log }),
    // scheduled broadcasts start on time (every minute, and once now)
    startBroadcastJob(db.prisma, log, clock),
    // replies kept for idempotency are emptied after IDEMPOTENCY_HOURS (hourly, and once now)
    startReplyPurge({ prisma: db.raw, hours: config.dataProtection.idempotencyHours, log }),
    // expired throttle counters, login-code texts and one-time codes (every ten minutes)
    startAuthSweep(db.prisma, log),
    // department rows of people not registered, after DEPARTMENT_UNMATCHED_RETENTION_DAYS (daily, and once now)
    startUnmatchedRowPurge({ prisma: db.prisma, days: config.dataProtection.unmatchedRowDays, log, clock }),
  ];
  await opts.beforeListen?.(app, config, log);
  const server = await listen(app, config.port, config.host);
  log.info('listening', { port: (server.address() as { port: number }).port, ms: sinceStart() });
  return {
    config,
    log,
    keyring: keys.keyring,
    server,
    port: (server.address() as { port: number }).port,
    async stop() {
      for (const job of jobs) await job.stop();
      await close(server);
      await db.close();
    },
  };
}

/** The lines a person starting the system reads: where each face is. */
export function announce(running: RunningServer, simulator: boolean) {
  const host = running.config.host;
  const base = `http://${host === '0.0.0.0' ? 'localhost' : host}:${running.port}`;
  console.log(`\n防贫助手 is running at ${base}  (health: ${base}/health)`);
  if (simulator) console.log(`Play a villager in the chat simulator: ${base}/simulator`);
  console.log(`Apply by form (the mini-program's web version): ${base}/app/`);
  console.log(`FANGPIN_LISTENING ${running.port}`);
}

/** SIGINT/SIGTERM run `stop` once, then exit. */
export function onShutdown(stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stop()
      .catch((err) => console.error(err))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** Milliseconds since the process started: how long a start took, in its log. */
const sinceStart = () => Math.round(performance.now());

function listen(app: Koa, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = keepIdleConnectionsOpen(app.listen(port, host, () => resolve(server)));
    server.once('error', reject);
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // bots waiting in a long-poll of the outbox would hold the close for up to 30 s
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}
