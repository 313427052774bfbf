/**
 * What `npm test` needs before it runs, made sure of by `npm test` itself (a fresh clone's
 * `npm install && npm test` passes with nothing else typed):
 *   1. PostgreSQL on the tests' server — started with pg_ctlcluster when it is local and down;
 *   2. Debian's chromium, the CJK fonts and poppler's PDF tools for the browser tests — installed with apt when missing;
 *   3. miniprogram/ installed from its lockfile, and its h5 and weapp builds current;
 *   4. console/ installed from its lockfile, and its build current
 * (current: stamped with the content hash of what it is made from, scripts/front-end.ts).
 * Each step says what it does; each is skipped when already true, so a second run costs a second.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as cadreConsole from './console';
import { ensureBuilt, ensureInstalled } from './miniprogram';

const ADMIN_URL = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
// poppler-utils: pdftotext and pdfinfo, with which the 公示 print test reads its PDF back (tests/e2e/notice-print.test.ts)
const APT_PACKAGES = ['chromium', 'fonts-noto-cjk', 'poppler-utils'];

function say(line: string) {
  console.log(`[test-setup] ${line}`);
}

function run(cmd: string, args: string[], opts: { cwd?: string } = {}): boolean {
  return spawnSync(cmd, args, { stdio: 'inherit', cwd: opts.cwd }).status === 0;
}

const quiet = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;

function postgresReady(): boolean {
  return quiet('pg_isready', ['-q', '-h', ADMIN_URL.hostname.replace(/^\[|\]$/g, ''), '-p', ADMIN_URL.port || '5432']);
}

function ensurePostgres() {
  if (postgresReady()) return;
  if (!LOCAL_HOSTS.has(ADMIN_URL.hostname)) {
    throw new Error(`PostgreSQL at ${ADMIN_URL.host} does not answer (TEST_DATABASE_URL): start it and run again`);
  }
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed here: `apt-get install postgresql`, or point TEST_DATABASE_URL at a server');
  say(`starting PostgreSQL ${versions[0]} (pg_ctlcluster)`);
  run('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0]!, 'main', 'start']);
  for (let i = 0; i < 30 && !postgresReady(); i++) execFileSync('sleep', ['1']);
  if (!postgresReady()) throw new Error('PostgreSQL did not start: see `pg_lsclusters` and its log under /var/log/postgresql');
}

function ensureBrowser() {
  const missing = APT_PACKAGES.filter((p) => !quiet('dpkg', ['-s', p]));
  if (missing.length === 0) return;
  if (!existsSync('/usr/bin/apt-get')) throw new Error(`the browser tests need ${missing.join(', ')} (Debian packages); install them and run again`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  say(`installing ${missing.join(' ')} with apt (the browser tests drive Debian's chromium)`);
  const apt = (args: string[]) => run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args);
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  if (!apt(['update', '-q']) || !apt(['install', '-y', '-q', '--no-install-recommends', ...missing])) {
    throw new Error(`apt-get install ${missing.join(' ')} failed`);
  }
}

function ensureMiniprogram() {
  ensureInstalled(say);
  for (const target of ['h5', 'weapp'] as const) ensureBuilt(target, say);
}

try {
  ensurePostgres();
  ensureBrowser();
  ensureMiniprogram();
  cadreConsole.ensureInstalled(say);
  cadreConsole.ensureBuilt(say);
} catch (err) {
  console.error(`[test-setup] ${(err as Error).message}`);
  process.exit(1);
}
