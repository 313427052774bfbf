/**
 * `npm start`: the whole system in one process — the server (server/start.ts) and the WeChat bot
 * (bot/): the offline mock plus the browser simulator at /simulator unless WECHATY_PUPPET names a
 * real puppet; the simulator only on a loopback HOST outside production, or as SIMULATOR says (see
 * server/production-profile.ts). It lives above both because the server never depends on its
 * gateway: `npm run start:server` and `npm run start:bot` run them apart.
 */
import { ConfigError } from '../server/config';
import { announce, onShutdown, startServer } from '../server/start';
import { startBot } from '../bot';
import { loadPacing, PacingConfigError } from '../bot/pacing-config';
import { createPuppet, type PuppetChoice } from '../bot/puppet';
import { createSimulatorRouter } from '../bot/simulator';

async function main() {
  const pacing = loadPacing(process.env);
  let choice: PuppetChoice | undefined;
  let simulator = false;
  const running = await startServer(process.env, {
    // the simulator is a koa router of the bot's: mounted on the server's app before it listens
    async beforeListen(app, config, log) {
      choice = await createPuppet(process.env);
      if (choice.mocker && config.simulator) {
        const router = createSimulatorRouter({ mocker: choice.mocker });
        app.use(router.routes());
        app.use(router.allowedMethods());
        simulator = true;
      } else if (choice.mocker) {
        log.info('the chat simulator is off (SIMULATOR; on by default only on a loopback HOST outside production)');
      }
    },
  });
  const bot = await startBot({
    puppet: choice!.puppet,
    serverUrl: `http://127.0.0.1:${running.port}`,
    token: running.config.botToken,
    spoolDir: `${running.config.dataDir}/bot-spool`,
    // BOT_TOKEN may be drawn anew at every start here: the spool is sealed under the data keyring instead
    spoolSecret: running.keyring.digest('bot-spool', 'v1'),
    pacing,
  });
  announce(running, simulator);
  onShutdown(async () => {
    await bot.stop();
    await running.stop();
  });
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof PacingConfigError ? err.message : err);
  process.exit(1);
});
