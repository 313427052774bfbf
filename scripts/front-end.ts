/**
 * A front end with its own package and lockfile (miniprogram/, console/), installed and built for
 * whoever needs it — `npm test` (scripts/test-setup.ts), `npm start` (scripts/prepare-app.ts) and
 * the browser tests, which call ensureBuilt again so that a single test file run alone also builds
 * what is missing or older than its sources. Each step says what it does, in one line, and is
 * skipped when already true.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type FrontEnd = {
  /** Its folder's name, as the progress lines say it. */
  name: string;
  dir: string;
  /** How it installs from its lockfile: `ci`, or `install` when the lockfile lacks other platforms' packages. */
  install: 'ci' | 'install';
  /** The files and folders a build is made from: a build older than any of them is stale. */
  sources: string[];
};

export type Build = {
  /** The npm script that builds it. */
  script: string;
  /** A file every finished build writes (its age is the build's). */
  marker: string;
  /** What the progress line calls it. */
  what: string;
};

/** The newest modification time under `p` (dependencies and builds aside). */
function newest(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(p)) if (name !== 'node_modules' && name !== 'dist') latest = Math.max(latest, newest(path.join(p, name)));
  return latest;
}

/** npm writes node_modules/.package-lock.json at every install: older than the lockfile means the lockfile changed since. */
const installRecord = (fe: FrontEnd) => path.join(fe.dir, 'node_modules', '.package-lock.json');

export function isInstalled(fe: FrontEnd): boolean {
  return existsSync(installRecord(fe)) && statSync(installRecord(fe)).mtimeMs >= newest(path.join(fe.dir, 'package-lock.json'));
}

/** Installs the front end from its lockfile when it is not installed, or its lockfile changed since. */
export function ensureInstalled(fe: FrontEnd, announce: (line: string) => void = () => {}): void {
  if (isInstalled(fe)) return;
  announce(`installing ${fe.name}/ from its lockfile (npm ${fe.install} in ${fe.name}/)`);
  const r = spawnSync('npm', [fe.install, '--no-audit', '--no-fund'], { cwd: fe.dir, stdio: 'inherit', timeout: 15 * 60_000 });
  if (r.status !== 0) throw new Error(`npm ${fe.install} in ${fe.name}/ failed (${r.status ?? r.signal})`);
}

/** Whether `build` has been made at all (stale or not). */
export const isBuilt = (build: Build) => existsSync(build.marker);

/** Builds unless a build newer than the sources is there. Throws with the build's output when it fails. */
export function ensureBuilt(fe: FrontEnd, build: Build, announce: (line: string) => void = () => {}): void {
  if (!existsSync(path.join(fe.dir, 'node_modules'))) {
    throw new Error(`${fe.name}/ is not installed: run \`npm test\` or \`npm start\` (they install it), or \`cd ${fe.name} && npm ${fe.install}\``);
  }
  const sources = Math.max(...fe.sources.map(newest));
  if (existsSync(build.marker) && statSync(build.marker).mtimeMs >= sources) return;
  announce(`building ${build.what} (npm run ${build.script} in ${fe.name}/)`);
  const r = spawnSync('npm', ['run', build.script], { cwd: fe.dir, encoding: 'utf8', timeout: 10 * 60_000, env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0 || !existsSync(build.marker)) {
    throw new Error(`npm run ${build.script} in ${fe.name}/ failed (${r.status ?? r.signal}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  }
}
