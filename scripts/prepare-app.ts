/**
 * Before `npm start`: the mini-program's h5 face (served at /app/) is built once, installing
 * miniprogram/ first when needed, so a fresh clone's `npm install && npm start` runs all of it.
 * An existing build is left alone (rebuild with `cd miniprogram && npm run build:h5`, or keep
 * `npm run dev:h5` running there). FANGPIN_SKIP_APP_BUILD=1 skips this (the server then answers
 * /app/ with build instructions).
 */
import { ensureBuilt, ensureInstalled, isBuilt } from './miniprogram';

const say = (line: string) => console.log(`[prepare-app] ${line}`);

if (process.env.FANGPIN_SKIP_APP_BUILD !== '1' && !isBuilt('h5')) {
  try {
    say('first start: building the mini-program web app served at /app/ (a minute or two, once)');
    ensureInstalled(say);
    ensureBuilt('h5', say);
  } catch (err) {
    // The chat, the simulator and the API run without it: say so and start anyway.
    console.error(`[prepare-app] ${(err as Error).message}\n[prepare-app] starting without /app/`);
  }
}
