/**
 * The one rule `npm start` and `npm test` build the front ends by (scripts/front-end.ts): a build
 * is current when its stamp holds the content hash of what it was made from, rebuilt when missing
 * or stale, never left behind broken. The decision, table-driven, on a front end small enough to
 * build in a blink (its build is a node script); then the real console, copied, built from missing
 * and rebuilt after a source changed; and the check on the real front ends fast enough for every start.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as cadreConsole from '../../scripts/console';
import { buildState, ensureBuilt, inputsHash, prepare, stampFile, type Build, type FrontEnd } from '../../scripts/front-end';
import * as miniprogram from '../../scripts/miniprogram';

const FLAVOUR = 'FANGPIN_TEST_BUILD_FLAVOUR';

/** A front end whose build writes its source into dist/index.html, and fails on a source saying BROKEN. */
function fakeFrontEnd(root: string, { write = true } = {}): { fe: FrontEnd; build: Build; at: (rel: string) => string } {
  const dir = path.join(root, 'fake');
  const at = (rel: string) => path.join(dir, rel);
  const fe: FrontEnd = { name: 'fake', dir, install: 'ci', inputs: ['src', 'public', 'config', 'package.json', 'package-lock.json'].map(at) };
  const build: Build = { script: 'build', dir: at('dist'), marker: at('dist/index.html'), what: 'the fake face', takes: 'a blink', env: [FLAVOUR] };
  if (!write) return { fe, build, at };
  mkdirSync(at('src'), { recursive: true });
  mkdirSync(at('config'));
  mkdirSync(at('node_modules/some-dependency'), { recursive: true });
  writeFileSync(at('package.json'), JSON.stringify({ name: 'fake', private: true, scripts: { build: 'node build.js' } }));
  writeFileSync(at('package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: {} }));
  writeFileSync(at('config/index.js'), 'module.exports = { base: "/fake/" };\n');
  writeFileSync(at('src/main.ts'), 'export const words = "你好";\n');
  writeFileSync(at('node_modules/some-dependency/index.js'), 'module.exports = 1;\n');
  writeFileSync(
    at('build.js'),
    `const fs = require('fs');
const src = fs.readFileSync('src/main.ts', 'utf8');
if (src.includes('BROKEN')) { console.error('syntax error in src/main.ts'); process.exit(1); }
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/index.html', '<html>' + src + '</html>');
`,
  );
  return { fe, build, at };
}

let builtOnce: string;
beforeAll(() => {
  builtOnce = mkdtempSync(path.join(os.tmpdir(), 'fangpin-front-end-built-'));
  const { fe, build } = fakeFrontEnd(builtOnce);
  ensureBuilt(fe, build);
});
afterAll(() => rmSync(builtOnce, { recursive: true, force: true }));

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'fangpin-front-end-'));
  delete process.env[FLAVOUR];
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  delete process.env[FLAVOUR];
});

type Change = (at: (rel: string) => string) => void;
const later = new Date(Date.now() + 3_600_000);

test.each<[string, 'missing' | 'stale' | 'current', Change]>([
  ['nothing changed', 'current', () => {}],
  ['the build removed', 'missing', (at) => rmSync(at('dist'), { recursive: true })],
  ['a source changed', 'stale', (at) => writeFileSync(at('src/main.ts'), 'export const words = "您好";\n')],
  ['a source added', 'stale', (at) => writeFileSync(at('src/extra.ts'), 'export {};\n')],
  ['a source removed', 'stale', (at) => rmSync(at('src/main.ts'))],
  ['a file appears where one was missing', 'stale', (at) => (mkdirSync(at('public')), writeFileSync(at('public/logo.svg'), '<svg/>'))],
  ['the lockfile changed', 'stale', (at) => writeFileSync(at('package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { x: {} } }))],
  ['package.json changed', 'stale', (at) => writeFileSync(at('package.json'), JSON.stringify({ name: 'fake', version: '2', scripts: { build: 'node build.js' } }))],
  ['the config changed', 'stale', (at) => writeFileSync(at('config/index.js'), 'module.exports = { base: "/other/" };\n')],
  ['an environment variable the build reads changed', 'stale', () => void (process.env[FLAVOUR] = 'weapp-at-another-server')],
  ['the stamp lost (a build by hand)', 'stale', (at) => rmSync(at('dist/.build-stamp.json'))],
  ['the stamp unreadable', 'stale', (at) => writeFileSync(at('dist/.build-stamp.json'), '{"inputs":')],
  ['the page rewritten since', 'stale', (at) => writeFileSync(at('dist/index.html'), '<html>other</html>')],
  // contents decide, not times: a git clone or checkout gives every file a new time
  ['every input touched, contents the same', 'current', (at) => ['src/main.ts', 'package-lock.json', 'config/index.js'].forEach((f) => utimesSync(at(f), later, later))],
  ['an installed dependency changed', 'current', (at) => writeFileSync(at('node_modules/some-dependency/index.js'), 'module.exports = 2;\n')],
])('after a build, %s: the build is %s', (_change, expected, change) => {
  // a copy of one built front end: the stamp names inputs by their paths inside it, so it holds
  cpSync(path.join(builtOnce, 'fake'), path.join(root, 'fake'), { recursive: true });
  const { fe, build, at } = fakeFrontEnd(root, { write: false });
  expect(buildState(fe, build)).toBe('current');
  change(at);
  expect(buildState(fe, build)).toBe(expected);
});

test('a missing build is built and a stale one rebuilt, each with a progress line; a current one is left alone', () => {
  const { fe, build, at } = fakeFrontEnd(root);
  const lines: string[] = [];
  expect(buildState(fe, build)).toBe('missing');
  ensureBuilt(fe, build, (l) => lines.push(l));
  expect(lines).toEqual(['building the fake face: not built yet (npm run build in fake/, a blink)']);
  expect(readFileSync(at('dist/index.html'), 'utf8')).toContain('你好');

  const builtAt = statSync(at('dist/index.html')).mtimeMs;
  ensureBuilt(fe, build, (l) => lines.push(l));
  expect(lines).toHaveLength(1);
  expect(statSync(at('dist/index.html')).mtimeMs).toBe(builtAt);

  writeFileSync(at('src/main.ts'), 'export const words = "您好";\n');
  ensureBuilt(fe, build, (l) => lines.push(l));
  expect(lines[1]).toBe('building the fake face: not made from its sources as they are now (npm run build in fake/, a blink)');
  expect(readFileSync(at('dist/index.html'), 'utf8')).toContain('您好');
  expect(buildState(fe, build)).toBe('current');
});

test.each([
  ['ensureBuilt (tests)', ensureBuilt],
  ['prepare (npm start)', prepare],
])('%s: a build that fails says why and leaves no build to serve', (_who, step) => {
  const { fe, build, at } = fakeFrontEnd(root);
  ensureBuilt(fe, build);
  writeFileSync(at('node_modules/.package-lock.json'), '{}'); // installed, as far as prepare is concerned
  writeFileSync(at('src/main.ts'), 'BROKEN\n');
  expect(() => step(fe, build)).toThrow(/npm run build in fake\/ failed \(1\)[\s\S]*syntax error in src\/main\.ts/);
  expect(existsSync(at('dist'))).toBe(false);
  expect(buildState(fe, build)).toBe('missing');
});

test('a build lock left by a process that is gone is taken over, and removed after the build', () => {
  const { fe, build, at } = fakeFrontEnd(root);
  const gone = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  mkdirSync(at('.build.lock'));
  writeFileSync(at('.build.lock/pid'), gone.stdout);
  ensureBuilt(fe, build);
  expect(buildState(fe, build)).toBe('current');
  expect(existsSync(at('.build.lock'))).toBe(false);
});

test('the real console, copied with its installed packages, is built from missing and rebuilt when a source changes', () => {
  const copy = path.join(root, 'console');
  cpSync(cadreConsole.CONSOLE, copy, { recursive: true, filter: (src) => !/[/\\](node_modules|dist)$/.test(src) && !src.endsWith('.lock') });
  symlinkSync(path.join(cadreConsole.CONSOLE, 'node_modules'), path.join(copy, 'node_modules'));
  // the console compiles in a few files of flows/ from beside it
  for (const f of cadreConsole.FROM_FLOWS) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    cpSync(path.join(cadreConsole.CONSOLE, '..', f), path.join(root, f));
  }
  const { frontEnd, build } = cadreConsole.consoleAt(copy);
  expect(buildState(frontEnd, build)).toBe('missing');
  ensureBuilt(frontEnd, build);
  expect(buildState(frontEnd, build)).toBe('current');
  const first = readFileSync(build.marker, 'utf8');
  expect(first).toContain('<div id="root">');

  const main = path.join(copy, 'src', 'main.tsx');
  writeFileSync(main, `${readFileSync(main, 'utf8')}\nconsole.info('a change made by the test');\n`);
  expect(buildState(frontEnd, build)).toBe('stale');
  ensureBuilt(frontEnd, build);
  expect(buildState(frontEnd, build)).toBe('current');
  // the page names new hashed assets: the change is in them
  expect(readFileSync(build.marker, 'utf8')).not.toBe(first);
  expect(JSON.parse(readFileSync(stampFile(build), 'utf8'))).toEqual({ inputs: expect.stringMatching(/^[0-9a-f]{64}$/), page: expect.stringMatching(/^[0-9a-f]{64}$/) });
}, 120_000);

test('hashing what the real front ends are made from (every `npm start` does) takes well under a second', () => {
  const { frontEnd, build } = cadreConsole.consoleAt(cadreConsole.CONSOLE);
  const started = performance.now();
  const hashes = [inputsHash(frontEnd, build), inputsHash(miniprogram.miniprogram, miniprogram.build('h5')), inputsHash(miniprogram.miniprogram, miniprogram.build('weapp'))];
  expect(performance.now() - started).toBeLessThan(1000);
  expect(new Set(hashes).size).toBe(3);
});
