/**
 * console/ (the cadre console, its own package and lockfile), installed with `npm ci` and built
 * by scripts/front-end.ts: for `npm test` (its browser test calls ensureBuilt again) and for
 * `npm start`, which serves console/dist at /console/.
 */
import path from 'node:path';
import * as frontEnd from './front-end';

export const CONSOLE = path.resolve(__dirname, '..', 'console');

const consoleApp: frontEnd.FrontEnd = {
  name: 'console',
  dir: CONSOLE,
  install: 'ci',
  sources: ['src', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json'].map((p) => path.join(CONSOLE, p)),
};

const build: frontEnd.Build = { script: 'build', marker: path.join(CONSOLE, 'dist', 'index.html'), what: 'the cadre console' };

export const ensureInstalled = (announce?: (line: string) => void) => frontEnd.ensureInstalled(consoleApp, announce);
export const isBuilt = () => frontEnd.isBuilt(build);
export const ensureBuilt = (announce?: (line: string) => void) => frontEnd.ensureBuilt(consoleApp, build, announce);
