/**
 * `npm start`: the whole system in one process — migrations, the demo county when the database
 * is empty, the HTTP server, and the WeChat bot (the offline mock plus the browser simulator
 * at /simulator unless WECHATY_PUPPET names a real puppet).
 * `npm run start:server` (--server-only) runs the server alone; `npm run start:bot` the bot alone.
 */
import type { Server } from 'node:http';
import { createApp } from './app';
import { loadConfig, ConfigError } from './config';
import { connectDatabase } from './db/connect';
import { applyMigrations } from './db/schema-engine';
import { FileSystemDocumentStore } from './documents/store';
import { createLogger } from './log';
import { startDeadlineChecks } from './workflow/overdue';
import { startDocumentSweep } from './documents/gc';
import { startSubscribeWorker } from './miniprogram/subscribe-worker';
import { startBroadcastJob } from './broadcasts/schedule';
import { databaseIsEmpty, describeDemoSeed, seedDemoCounty } from './seed/demo-county';
import { seedPolicyKnowledge } from './seed/policy-knowledge';
import { startBot } from '../bot';
import { createPuppet } from '../bot/puppet';
import { createSimulatorRouter } from '../bot/simulator';

async function main() {
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  const serverOnly = process.argv.includes('--server-only');

  const db = await connectDatabase(config);
  const applied = await applyMigrations(db.adapterFactory);
  log.info('database ready', { kind: db.kind, migrationsApplied: applied.length });

  if (config.seedDemo === 'always' || (config.seedDemo === 'auto' && (await databaseIsEmpty(db.prisma)))) {
    const seed = await seedDemoCounty(db.prisma);
    // Printed once on purpose: only hashes are stored. Never shown again.
    console.log(`\n${describeDemoSeed(seed, config.port ? `http://localhost:${config.port}` : '')}`);
  }
  // the default FAQ and policy articles while the database has none (the county office edits them through the API)
  const knowledge = await seedPolicyKnowledge(db.prisma);
  if (knowledge.faqs > 0) log.info('default policy knowledge loaded', knowledge);

  const app = createApp({ prisma: db.prisma, config, log, store: new FileSystemDocumentStore(config.documentsDir) });
  // time limits: every hour and once now (overdue flags, reminders through the outbox)
  const deadlines = startDeadlineChecks(db.prisma, config.workflow, log);
  // unreferenced document files (cancelled applications): daily, and once now
  const sweep = startDocumentSweep({ prisma: db.prisma, documentsDir: config.documentsDir, log });
  // WeChat subscribe messages of the mini-program, when a template is configured
  const subscribe = config.app.wechat?.subscribe ? startSubscribeWorker({ prisma: db.prisma, wechat: config.app.wechat, delivery: config.outbox, log }) : undefined;
  // scheduled broadcasts start on time (every minute, and once now)
  const broadcasts = startBroadcastJob(db.prisma, log);
  let stopBot: (() => Promise<void>) | undefined;
  let simulatorMounted = false;

  if (!serverOnly) {
    const choice = await createPuppet(process.env);
    if (choice.mocker) {
      const router = createSimulatorRouter({ mocker: choice.mocker });
      app.use(router.routes());
      app.use(router.allowedMethods());
      simulatorMounted = true;
    }
    const server = await listen(app, config.port, config.host);
    const bot = await startBot({
      puppet: choice.puppet,
      serverUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
      token: config.botToken,
      spoolDir: `${config.dataDir}/bot-spool`,
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
