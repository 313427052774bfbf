/**
 * `npm start`: the whole system in one process — migrations, the demo county when the database
 * is empty (never in production), the HTTP server, and the WeChat bot (the offline mock plus the
 * browser simulator at /simulator unless WECHATY_PUPPET names a real puppet; the simulator only
 * on a loopback HOST outside production, or as SIMULATOR says — see server/production-profile.ts).
 * `npm run start:server` (--server-only) runs the server alone; `npm run start:bot` the bot alone.
 */
import type { Server } from 'node:http';
import { createApp } from './app';
import { loadConfig, ConfigError } from './config';
import { isProduction } from './production-profile';
import { connectDatabase } from './db/connect';
import { applyMigrations } from './db/schema-engine';
import { FileSystemDocumentStore } from './documents/store';
import { loadKeyring } from './crypto/keyring-source';
import { checkIndexSetting } from './crypto/index-setting';
import { protect, sealClearData } from './crypto/protect';
import { startReplyPurge } from './conversation/purge-replies';
import { createLogger } from './log';
import { startDeadlineChecks } from './workflow/overdue';
import { startDocumentSweep } from './documents/gc';
import { startSubscribeWorker } from './miniprogram/subscribe-worker';
import { startBroadcastJob } from './broadcasts/schedule';
import { startAuthSweep } from './throttle/sweep';
import { databaseIsEmpty, describeDemoSeed, seedDemoCounty } from './seed/demo-county';
import { seedPolicyKnowledge } from './seed/policy-knowledge';
import { startBot } from '../bot';
import { createPuppet } from '../bot/puppet';
import { createSimulatorRouter } from '../bot/simulator';

async function main() {
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  const serverOnly = process.argv.includes('--server-only');
  // a separate bot authenticates with BOT_TOKEN: without it, no bot could ever deliver a message
  if (serverOnly && isProduction(process.env) && config.botTokenGenerated) {
    throw new ConfigError('refusing to start:\n- BOT_TOKEN is required with --server-only and NODE_ENV=production: set BOT_TOKEN (at least 32 random characters) here and for `npm run start:bot`.');
  }

  // the data keys first: production without one stops here, before touching the database
  const keys = loadKeyring(config.dataProtection.keys);
  for (const w of keys.warnings) log.warn(w);
  if (keys.createdFile) console.log(`\nCreated a key for personal data at ${keys.createdFile} (owner-only). Keep a copy: without it the data cannot be read. In production set FANGPIN_DATA_KEY or FANGPIN_DATA_KEY_FILE.`);
  const store = new FileSystemDocumentStore(config.documentsDir, keys.keyring);
  const db = protect(await connectDatabase(config), keys.keyring);
  const applied = await applyMigrations(db.adapterFactory);
  // the blind indexes of the stored data were made with one HMAC and index key: refuse any other
  await checkIndexSetting(db.raw, keys.keyring, { dataCipher: config.dataProtection.keys.cipher });
  await sealClearData(db.raw, keys.keyring, store, log);
  log.info('database ready', { kind: db.kind, migrationsApplied: applied.length, cipher: keys.keyring.cipher, keyId: keys.keyring.activeKeyId, keySource: keys.source });

  if (config.seedDemo === 'always' || (config.seedDemo === 'auto' && (await databaseIsEmpty(db.prisma)))) {
    const seed = await seedDemoCounty(db.prisma);
    // Printed once on purpose: only hashes are stored. Never shown again.
    console.log(`\n${describeDemoSeed(seed, config.port ? `http://localhost:${config.port}` : '')}`);
  }
  // the default FAQ and policy articles while the database has none (the county office edits them through the API)
  const knowledge = await seedPolicyKnowledge(db.prisma);
  if (knowledge.faqs > 0) log.info('default policy knowledge loaded', knowledge);

  const app = createApp({ prisma: db.prisma, config, log, store, keyring: keys.keyring });
  // time limits: every hour and once now (overdue flags, reminders through the outbox)
  const deadlines = startDeadlineChecks(db.prisma, config.workflow, log);
  // expired unfiled uploads, then unreferenced document files (cancelled applications): hourly, and once now
  const sweep = startDocumentSweep({ prisma: db.prisma, documentsDir: config.documentsDir, log, uploadTtlHours: config.uploads.ttlHours });
  // WeChat subscribe messages of the mini-program, when a template is configured
  const subscribe = config.app.wechat?.subscribe ? startSubscribeWorker({ prisma: db.prisma, wechat: config.app.wechat, delivery: config.outbox, log }) : undefined;
  // scheduled broadcasts start on time (every minute, and once now)
  const broadcasts = startBroadcastJob(db.prisma, log);
  // replies kept for idempotency are emptied after IDEMPOTENCY_HOURS (hourly, and once now)
  const replyPurge = startReplyPurge({ prisma: db.raw, hours: config.dataProtection.idempotencyHours, log });
  // expired throttle counters, login-code texts and one-time codes (every ten minutes)
  const authSweep = startAuthSweep(db.prisma, log);
  let stopBot: (() => Promise<void>) | undefined;
  let simulatorMounted = false;

  if (!serverOnly) {
    const choice = await createPuppet(process.env);
    if (choice.mocker && config.simulator) {
      const router = createSimulatorRouter({ mocker: choice.mocker });
      app.use(router.routes());
      app.use(router.allowedMethods());
      simulatorMounted = true;
    } else if (choice.mocker) {
      log.info('the chat simulator is off (SIMULATOR; on by default only on a loopback HOST outside production)');
    }
    const server = await listen(app, config.port, config.host);
    const bot = await startBot({
      puppet: choice.puppet,
      serverUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      token: config.botToken,
      spoolDir: `${config.dataDir}/bot-spool`,
      // BOT_TOKEN may be drawn anew at every start here: the spool is sealed under the data keyring instead
      spoolSecret: keys.keyring.digest('bot-spool', 'v1'),
      pacing: { minIntervalMs: config.botMinIntervalMs, dailyCaps: config.botDailyCaps },
    });
    stopBot = bot.stop;
    announce(server, config.host, simulatorMounted);
    onShutdown(async () => {
      await stopBot?.();
      await deadlines.stop();
      await sweep.stop();
      await subscribe?.stop();
      await broadcasts.stop();
      await replyPurge.stop();
      await authSweep.stop();
      await close(server);
      await db.close();
    });
  } else {
    if (config.botTokenGenerated) log.warn('BOT_TOKEN is not set: no separate bot can authenticate (set it for start:bot)');
    const server = await listen(app, config.port, config.host);
    announce(server, config.host, false);
    onShutdown(async () => {
      await deadlines.stop();
      await sweep.stop();
      await subscribe?.stop();
      await broadcasts.stop();
      await replyPurge.stop();
      await authSweep.stop();
      await close(server);
      await db.close();
    });
  }
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => resolve(server));
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

function announce(server: Server, host: string, simulator: boolean) {
  const port = (server.address() as { port: number }).port;
  const base = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  console.log(`\n防贫助手 is running at ${base}  (health: ${base}/health)`);
  if (simulator) console.log(`Play a villager in the chat simulator: ${base}/simulator`);
  console.log(`Apply by form (the mini-program's web version): ${base}/app/`);
  console.log(`FANGPIN_LISTENING ${port}`);
}

function onShutdown(stop: () => Promise<void>) {
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

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
