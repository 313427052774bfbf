/**
 * miniprogram/ (its own package and lockfile) installed and built, for whoever needs it: `npm test`
 * (scripts/test-setup.ts installs it and builds both faces before jest; the h5 browser test and the
 * weapp check call ensureBuilt again, so a single test file run alone also builds what is missing or
 * older than its sources — miniprogram/src, its config and package.json, and flows/, which the build
 * compiles in) and `npm start` (scripts/prepare-app.ts builds the h5 face served at /app/ once).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const MINIPROGRAM = path.resolve(__dirname, '..', 'miniprogram');
export const distDir = (target: 'h5' | 'weapp') => path.join(MINIPROGRAM, 'dist', target);
const marker = (target: 'h5' | 'weapp') => path.join(distDir(target), target === 'h5' ? 'index.html' : 'app.json');

function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') latest = Math.max(latest, newest(path.join(p, name)));
  return latest;
}

/**
 * Installs miniprogram/ from its lockfile when it is not installed. `npm install`, not `npm ci`:
 * the lockfile lacks other platforms' @tarojs/binding-* packages.
 */
export function ensureInstalled(announce: (line: string) => void = () => {}): void {
  if (existsSync(path.join(MINIPROGRAM, 'node_modules', '@tarojs', 'cli'))) return;
  announce('installing miniprogram/ from its lockfile (npm install in miniprogram/)');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: MINIPROGRAM, stdio: 'inherit', timeout: 15 * 60_000 });
  if (r.status !== 0) throw new Error(`npm install in miniprogram/ failed (${r.status ?? r.signal})`);
}

/** Whether `target` has been built at all (stale or not). */
export const isBuilt = (target: 'h5' | 'weapp') => existsSync(marker(target));

/** Builds `target` unless a build newer than its sources is there. Throws with the build's output when it fails. */
export function ensureBuilt(target: 'h5' | 'weapp', announce: (line: string) => void = () => {}): void {
  if (!existsSync(path.join(MINIPROGRAM, 'node_modules', '@tarojs', 'cli'))) {
    throw new Error('miniprogram/ is not installed: run `npm test` (it installs it) or `cd miniprogram && npm install`');
  }
  const sources = Math.max(
    newest(path.join(MINIPROGRAM, 'src')),
    newest(path.join(MINIPROGRAM, 'config')),
    newest(path.join(MINIPROGRAM, 'package.json')),
    newest(path.resolve(MINIPROGRAM, '..', 'flows')),
  );
  if (existsSync(marker(target)) && statSync(marker(target)).mtimeMs >= sources) return;
  announce(`building the mini-program's ${target} face (npm run build:${target} in miniprogram/)`);
  const r = spawnSync('npm', ['run', `build:${target}`], { cwd: MINIPROGRAM, encoding: 'utf8', timeout: 10 * 60_000, env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0 || !existsSync(marker(target))) {
    throw new Error(`npm run build:${target} failed (${r.status ?? r.signal}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  }
}
