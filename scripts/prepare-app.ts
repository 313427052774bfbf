/**
 * Before `npm start`: the mini-program's h5 face (served at /app/) is built once, installing
 * miniprogram/ first when needed, so a fresh clone's `npm install && npm start` runs all of it.
 * An existing build is left alone (rebuild with `cd miniprogram && npm run build:h5`, or keep
 * `npm run dev:h5` running there). FANGPIN_SKIP_APP_BUILD=1 skips this (the server then answers
 * /app/ with build instructions).
 */
import * as cadreConsole from './console';
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

// The cadre console at /console/: installed and built when missing, rebuilt when older than its
// sources (a build takes seconds). FANGPIN_SKIP_CONSOLE_BUILD=1 skips this.
if (process.env.FANGPIN_SKIP_CONSOLE_BUILD !== '1') {
  try {
    cadreConsole.ensureInstalled(say);
    cadreConsole.ensureBuilt(say);
  } catch (err) {
    console.error(`[prepare-app] ${(err as Error).message}\n[prepare-app] starting without /console/`);
  }
}
