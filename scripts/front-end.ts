/**
 * A front end with its own package and lockfile (miniprogram/, console/), installed and built for
 * whoever needs it — `npm test` (scripts/test-setup.ts), `npm start` (scripts/prepare-app.ts) and
 * the browser tests, which call ensureBuilt again so that a single test file run alone also builds
 * what is missing or stale. Each step says what it does, in one line, and is skipped when already true.
 *
 * One rule for every build: it is current when its stamp (a file the build folder gets after a
 * build succeeded) holds the content hash of the inputs it was made from — sources, config,
 * package.json and lockfile, the environment it reads — and of the page it serves. Contents, not
 * modification times: a git clone or checkout resets those. A build that is missing or stale is
 * rebuilt; a build that fails leaves no build behind, so the server answers "not built" rather
 * than serve it.
 */
import { spawnSync } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type FrontEnd = {
  /** Its folder's name, as the progress lines say it. */
  name: string;
  dir: string;
  /** How it installs from its lockfile: `ci`, or `install` when the lockfile lacks other platforms' packages. */
  install: 'ci' | 'install';
  /** The files and folders (absolute) its builds are made from, lockfile and config included; one missing counts as missing. */
  inputs: string[];
};

export type Build = {
  /** The npm script that builds it. */
  script: string;
  /** The folder the build writes (its stamp goes in it; it is removed when a build fails). */
  dir: string;
  /** The page every finished build writes, the one served. */
  marker: string;
  /** What the progress line calls it, and how long it takes. */
  what: string;
  takes: string;
  /** Environment variables the build reads: their values are inputs too. */
  env?: string[];
};

/** Never inputs: installed packages, build output, compiler caches. */
const NOT_INPUTS = new Set(['node_modules', 'dist', '.swc', '.git']);

export const stampFile = (build: Build) => path.join(build.dir, '.build-stamp.json');

type Stamp = { inputs: string; page: string };

function hashTree(hash: Hash, base: string, p: string): void {
  const rel = path.relative(base, p).split(path.sep).join('/');
  if (!existsSync(p)) {
    hash.update(`${rel}\0missing\0`);
    return;
  }
  if (statSync(p).isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!NOT_INPUTS.has(name)) hashTree(hash, base, path.join(p, name));
    return;
  }
  hash.update(`${rel}\0`);
  hash.update(readFileSync(p));
  hash.update('\0');
}

/** The content hash of everything `build` is made from (paths relative to the front end, so a clone elsewhere agrees). */
export function inputsHash(fe: FrontEnd, build: Build): string {
  const hash = createHash('sha256');
  hash.update(`${build.script}\0`);
  for (const input of [...fe.inputs].sort()) hashTree(hash, fe.dir, input);
  for (const name of [...(build.env ?? [])].sort()) hash.update(`env ${name}=${process.env[name] ?? ''}\0`);
  return hash.digest('hex');
}

const fileHash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

function readStamp(build: Build): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampFile(build), 'utf8')) as Partial<Stamp>;
    return typeof stamp.inputs === 'string' && typeof stamp.page === 'string' ? { inputs: stamp.inputs, page: stamp.page } : undefined;
  } catch {
    return undefined;
  }
}

export type BuildState = 'missing' | 'stale' | 'current';

/** Whether `build` is there at all, and made from the inputs as they are now (and not rewritten since). */
export function buildState(fe: FrontEnd, build: Build): BuildState {
  if (!existsSync(build.marker)) return 'missing';
  const stamp = readStamp(build);
  return stamp && stamp.inputs === inputsHash(fe, build) && stamp.page === fileHash(build.marker) ? 'current' : 'stale';
}

/** npm writes node_modules/.package-lock.json at every install: older than the lockfile means the lockfile changed since. */
const installRecord = (fe: FrontEnd) => path.join(fe.dir, 'node_modules', '.package-lock.json');
const lockfile = (fe: FrontEnd) => path.join(fe.dir, 'package-lock.json');

export function isInstalled(fe: FrontEnd): boolean {
  return existsSync(installRecord(fe)) && (!existsSync(lockfile(fe)) || statSync(installRecord(fe)).mtimeMs >= statSync(lockfile(fe)).mtimeMs);
}

/** Installs the front end from its lockfile when it is not installed, or its lockfile changed since. */
export function ensureInstalled(fe: FrontEnd, announce: (line: string) => void = () => {}): void {
  if (isInstalled(fe)) return;
  announce(`installing ${fe.name}/ from its lockfile (npm ${fe.install} in ${fe.name}/)`);
  const r = spawnSync('npm', [fe.install, '--no-audit', '--no-fund'], { cwd: fe.dir, stdio: 'inherit', timeout: 15 * 60_000 });
  if (r.status !== 0) throw new Error(`npm ${fe.install} in ${fe.name}/ failed (${r.status ?? r.signal})`);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Runs `fn` holding the build's lock (a folder beside it, made atomically), so that test workers
 * or a test run and `npm start` building at once take turns instead of writing one folder together.
 * A lock whose process is gone is taken over.
 */
function withBuildLock<T>(fe: FrontEnd, build: Build, fn: () => T): T {
  const lock = path.join(fe.dir, `.${build.script.replace(/\W/g, '-')}.lock`);
  const owner = path.join(lock, 'pid');
  for (const giveUp = Date.now() + 15 * 60_000; ; sleep(500)) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(existsSync(owner) ? readFileSync(owner, 'utf8') : NaN);
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > giveUp) throw new Error(`${lock} is held by process ${pid}: another build of ${build.what} is running`);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds unless the build is current, then stamps it. Throws with the build's output when it fails, the failed build removed. */
export function ensureBuilt(fe: FrontEnd, build: Build, announce: (line: string) => void = () => {}): void {
  if (!existsSync(path.join(fe.dir, 'node_modules'))) {
    throw new Error(`${fe.name}/ is not installed: run \`npm test\` or \`npm start\` (they install it), or \`cd ${fe.name} && npm ${fe.install}\``);
  }
  if (buildState(fe, build) === 'current') return;
  withBuildLock(fe, build, () => buildNow(fe, build, announce));
}

function buildNow(fe: FrontEnd, build: Build, announce: (line: string) => void): void {
  // Checked again under the lock: whoever held it may have just built it.
  const state = buildState(fe, build);
  if (state === 'current') return;
  const why = state === 'missing' ? 'not built yet' : 'not made from its sources as they are now';
  announce(`building ${build.what}: ${why} (npm run ${build.script} in ${fe.name}/, ${build.takes})`);
  // Hashed before building: a source edited during the build leaves the build stale, as it is.
  const inputs = inputsHash(fe, build);
  rmSync(stampFile(build), { force: true });
  const r = spawnSync('npm', ['run', build.script], { cwd: fe.dir, encoding: 'utf8', timeout: 10 * 60_000, env: { ...process.env, NODE_ENV: 'production' } });
  if (r.status !== 0 || !existsSync(build.marker)) {
    rmSync(build.dir, { recursive: true, force: true });
    throw new Error(`npm run ${build.script} in ${fe.name}/ failed (${r.status ?? r.signal}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  }
  const stamp: Stamp = { inputs, page: fileHash(build.marker) };
  writeFileSync(stampFile(build), `${JSON.stringify(stamp)}\n`);
}

/**
 * Installs and builds for serving (`npm start`). When either fails, a build that is not current is
 * removed — the server then answers that the face is not built — and the error is thrown.
 */
export function prepare(fe: FrontEnd, build: Build, announce: (line: string) => void = () => {}): void {
  try {
    ensureInstalled(fe, announce);
    ensureBuilt(fe, build, announce);
  } catch (err) {
    if (buildState(fe, build) !== 'current') rmSync(build.dir, { recursive: true, force: true });
    throw err;
  }
}
