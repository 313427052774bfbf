/**
 * `npm run start:server`: the server alone — bots run elsewhere (`npm run start:bot`, one per
 * WeChat account) and reach it with BOT_TOKEN. `npm start` runs server and bot in one process
 * (start/embedded.ts). SERVER_PROCESSES above one: this process forks that many server
 * processes sharing the port and keeps them running (server/processes.ts).
 */
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfig } from './config';
import { isProduction } from './production-profile';
import { asServerProcess, isFirstServerProcess, isServerProcess, runPrimary } from './processes';

async function main() {
  const config = loadConfig(process.env);
  // a separate bot authenticates with BOT_TOKEN: without it, no bot could ever deliver a message
  if (isProduction(process.env) && config.botTokenGenerated) {
    throw new ConfigError('refusing to start:\n- BOT_TOKEN is required for the server alone (npm run start:server) with NODE_ENV=production: set BOT_TOKEN (at least 32 random characters) here and for `npm run start:bot`.');
  }
  if (config.serverProcesses > 1 && !isServerProcess()) {
    if (config.botTokenGenerated) console.warn('BOT_TOKEN is not set: no separate bot can authenticate (set it for start:bot)');
    // one generated token for all of them (it also keys what one process seals for another to open)
    runPrimary(config.serverProcesses, config.logLevel, config.botTokenGenerated ? { BOT_TOKEN: randomBytes(24).toString('hex') } : {});
    return;
  }
  // Before any WebAssembly is compiled. On PostgreSQL the only wasm is Prisma's query compiler, which
  // plans each query shape once: V8's baseline code (Liftoff) serves it as fast, while its optimizing
  // compiler leaves 50–100 MB more resident (measured idle: ~160 MB with this, 210–255 MB without;
  // the same CPU per conversation step). Embedded PGlite — a whole PostgreSQL in wasm — keeps it.
  if (config.databaseUrl) setFlagsFromString('--liftoff-only');
  // loaded here, not above: the primary of several server processes holds no app
  const { announce, onShutdown, startServer } = await import('./start.js');
  const running = await startServer(process.env);
  if (config.botTokenGenerated) running.log.warn('BOT_TOKEN is not set: no separate bot can authenticate (set it for start:bot)');
  if (isServerProcess()) asServerProcess(running.server, { log: running.log, showPid: process.env.NODE_ENV === 'test' });
  // where to find it, said once: by the one process, or the first of several (the others join its port)
  if (!isServerProcess() || isFirstServerProcess()) announce(running, false);
  onShutdown(running.stop);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
