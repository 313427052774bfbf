/**
 * `npm run start:bot`: the gateway alone, against a server elsewhere (SERVER_URL + BOT_TOKEN).
 * Several of these, one per WeChat account, can serve one server.
 */
import { loadPacing } from './pacing-config';
import { createPuppet } from './puppet';
import { startBot } from '.';
import { isProduction } from '../server/production-profile';

async function main() {
  const serverUrl = process.env.SERVER_URL;
  const token = process.env.BOT_TOKEN;
  if (!serverUrl || !/^https?:\/\//.test(serverUrl)) throw new Error('SERVER_URL must be the server address, e.g. http://127.0.0.1:3000');
  if (!token) throw new Error('BOT_TOKEN must be set to the server\'s BOT_TOKEN');
  // the server refuses a shorter one in production (server/production-profile.ts): say so here first
  if (isProduction(process.env) && token.length < 32) throw new Error('BOT_TOKEN is too short for NODE_ENV=production: at least 32 random characters, the same as the server\'s');
  const { puppet } = await createPuppet(process.env);
  const pacing = loadPacing(process.env);
  const running = await startBot({ puppet, serverUrl, token, spoolDir: process.env.BOT_SPOOL_DIR ?? './data/bot-spool', pacing });
  console.log(`bot logged in; forwarding to ${serverUrl}`);
  const stop = () => {
    running
      .stop()
      .catch((err) => console.error(err))
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
