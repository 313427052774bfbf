/**
 * console/ (the cadre console, its own package and lockfile), installed with `npm ci` and built
 * by scripts/front-end.ts: for `npm test` (its browser tests call ensureBuilt again) and for
 * `npm start`, which serves console/dist at /console/.
 */
import path from 'node:path';
import * as frontEnd from './front-end';

export const CONSOLE = path.resolve(__dirname, '..', 'console');

/** The files beside console/ it compiles in (paths from the project's root): China time, the alerts' words (department names, causes, closures). */
export const FROM_FLOWS = ['flows/china-time.ts', 'flows/i18n/alerts.zh-CN.ts', 'flows/i18n/alerts.en.ts', 'flows/i18n/stats.zh-CN.ts', 'flows/i18n/stats.en.ts'];

/** The console in `dir` (console/ itself, or a copy of it in a test). */
export function consoleAt(dir: string): { frontEnd: frontEnd.FrontEnd; build: frontEnd.Build } {
  return {
    frontEnd: {
      name: 'console',
      dir,
      install: 'ci',
      // the files of flows/ the console compiles in: a change there rebuilds it
      inputs: ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', ...FROM_FLOWS.map((f) => path.join('..', f))].map((p) => path.join(dir, p)),
    },
    build: { script: 'build', dir: path.join(dir, 'dist'), marker: path.join(dir, 'dist', 'index.html'), what: 'the cadre console', takes: 'seconds' },
  };
}

const { frontEnd: consoleApp, build } = consoleAt(CONSOLE);

export const ensureInstalled = (announce?: (line: string) => void) => frontEnd.ensureInstalled(consoleApp, announce);
export const buildState = () => frontEnd.buildState(consoleApp, build);
export const ensureBuilt = (announce?: (line: string) => void) => frontEnd.ensureBuilt(consoleApp, build, announce);
export const prepare = (announce?: (line: string) => void) => frontEnd.prepare(consoleApp, build, announce);
