/**
 * The mini-program's builds for the tests that look at them (the h5 end-to-end test, the weapp
 * output check). CI builds both before the tests (.ci/run); run locally, a test builds what is
 * missing or older than its sources (miniprogram/src, its config and package.json, and flows/,
 * which the build compiles in). miniprogram/ must be installed: `cd miniprogram && npm install`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const MINIPROGRAM = path.resolve(__dirname, '..', '..', 'miniprogram');
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

/** Builds `target` unless a build newer than its sources is there. Throws with the build's output when it fails. */
export function ensureBuilt(target: 'h5' | 'weapp'): void {
  if (!existsSync(path.join(MINIPROGRAM, 'node_modules', '@tarojs', 'cli'))) {
    throw new Error('miniprogram/ is not installed: run `cd miniprogram && npm install` (CI does it in .ci/run)');
  }
  const sources = Math.max(
    newest(path.join(MINIPROGRAM, 'src')),
    newest(path.join(MINIPROGRAM, 'config')),
    newest(path.join(MINIPROGRAM, 'package.json')),
    newest(path.resolve(MINIPROGRAM, '..', 'flows')),
  );
  if (existsSync(marker(target)) && statSync(marker(target)).mtimeMs >= sources) return;
  const r = spawnSync('npm', ['run', `build:${target}`], { cwd: MINIPROGRAM, encoding: 'utf8', timeout: 10 * 60_000, env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0 || !existsSync(marker(target))) {
    throw new Error(`npm run build:${target} failed (${r.status ?? r.signal}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  }
}
