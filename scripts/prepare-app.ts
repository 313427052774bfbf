/**
 * Before `npm start`: the two front ends the server serves — the mini-program's h5 face at /app/
 * and the cadre console at /console/ — installed from their lockfiles and built when missing or
 * stale, by one rule (scripts/front-end.ts), each step with a progress line. A fresh clone's
 * `npm install && npm start` runs all of it; an up-to-date start costs a fraction of a second.
 *
 * A face that fails to install or build is not served stale or broken: its build is removed, the
 * server answers that face with a "not built" page (503), and this says so. The chat, the simulator
 * and the API start anyway. FANGPIN_SKIP_APP_BUILD=1 / FANGPIN_SKIP_CONSOLE_BUILD=1 leave a face
 * as it is (while `npm run dev:h5` or `npm run dev` rebuilds it, say).
 */
import * as cadreConsole from './console';
import * as miniprogram from './miniprogram';

const say = (line: string) => console.log(`[prepare-app] ${line}`);

const faces = [
  { at: '/app/', skip: 'FANGPIN_SKIP_APP_BUILD', prepare: () => miniprogram.prepare('h5', say) },
  { at: '/console/', skip: 'FANGPIN_SKIP_CONSOLE_BUILD', prepare: () => cadreConsole.prepare(say) },
];

for (const face of faces) {
  if (process.env[face.skip] === '1') {
    say(`${face.skip}=1: ${face.at} is served as it is, built or not`);
    continue;
  }
  try {
    face.prepare();
  } catch (err) {
    console.error(`[prepare-app] ${(err as Error).message}`);
    console.error(`[prepare-app] BUILD FAILED: starting without ${face.at} — it answers "not built" (503) until a build succeeds`);
  }
}
