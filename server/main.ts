/**
 * `npm run start:server`: the server alone — bots run elsewhere (`npm run start:bot`, one per
 * WeChat account) and reach it with BOT_TOKEN. `npm start` runs server and bot in one process
 * (start/embedded.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfig } from './config';
import { isProduction } from './production-profile';
import { announce, onShutdown, startServer } from './start';

async function main() {
  const config = loadConfig(process.env);
  // Before any WebAssembly is compiled. On PostgreSQL the only wasm is Prisma's query compiler, which
  // plans each query shape once: V8's baseline code (Liftoff) serves it as fast, while its optimizing
  // compiler leaves 50–100 MB more resident (measured idle: ~160 MB with this, 210–255 MB without;
  // the same CPU per conversation step). Embedded PGlite — a whole PostgreSQL in wasm — keeps it.
  if (config.databaseUrl) setFlagsFromString('--liftoff-only');
  // a separate bot authenticates with BOT_TOKEN: without it, no bot could ever deliver a message
  if (isProduction(process.env) && config.botTokenGenerated) {
    throw new ConfigError('refusing to start:\n- BOT_TOKEN is required for the server alone (npm run start:server) with NODE_ENV=production: set BOT_TOKEN (at least 32 random characters) here and for `npm run start:bot`.');
  }
  const running = await startServer(process.env);
  if (config.botTokenGenerated) running.log.warn('BOT_TOKEN is not set: no separate bot can authenticate (set it for start:bot)');
  announce(running, false);
  onShutdown(running.stop);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
