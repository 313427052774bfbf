/**
 * miniprogram/ (its own package and lockfile), installed and built by scripts/front-end.ts: both
 * faces for `npm test` (the h5 browser test and the weapp check call ensureBuilt again), the h5
 * face served at /app/ for `npm start`. Its build compiles flows/ in, so flows/ is an input too.
 */
import path from 'node:path';
import * as frontEnd from './front-end';

export const MINIPROGRAM = path.resolve(__dirname, '..', 'miniprogram');
export const distDir = (target: 'h5' | 'weapp') => path.join(MINIPROGRAM, 'dist', target);

export const miniprogram: frontEnd.FrontEnd = {
  name: 'miniprogram',
  dir: MINIPROGRAM,
  // not `npm ci`: the lockfile lacks other platforms' @tarojs/binding-* packages
  install: 'install',
  // .env files: Taro reads them when they exist
  inputs: ['src', 'config', 'types', 'scripts', 'babel.config.js', 'tsconfig.json', 'project.config.json', 'package.json', 'package-lock.json', '.env', '.env.production']
    .map((p) => path.join(MINIPROGRAM, p))
    .concat(path.resolve(MINIPROGRAM, '..', 'flows')),
};

export const build = (target: 'h5' | 'weapp'): frontEnd.Build => ({
  script: `build:${target}`,
  dir: distDir(target),
  marker: path.join(distDir(target), target === 'h5' ? 'index.html' : 'app.json'),
  what: `the mini-program's ${target} face`,
  takes: 'a minute or two',
  // config/index.ts: where the weapp calls the server
  env: target === 'weapp' ? ['FANGPIN_API_BASE'] : [],
});

export const ensureInstalled = (announce?: (line: string) => void) => frontEnd.ensureInstalled(miniprogram, announce);
export const buildState = (target: 'h5' | 'weapp') => frontEnd.buildState(miniprogram, build(target));
export const ensureBuilt = (target: 'h5' | 'weapp', announce?: (line: string) => void) => frontEnd.ensureBuilt(miniprogram, build(target), announce);
export const prepare = (target: 'h5' | 'weapp', announce?: (line: string) => void) => frontEnd.prepare(miniprogram, build(target), announce);
