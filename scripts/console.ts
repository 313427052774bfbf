/**
 * console/ (the cadre console, its own package and lockfile), installed with `npm ci` and built
 * by scripts/front-end.ts: for `npm test` (its browser tests call ensureBuilt again) and for
 * `npm start`, which serves console/dist at /console/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as frontEnd from './front-end';

export const CONSOLE = path.resolve(__dirname, '..', 'console');

/**
 * The files of flows/ the console compiles in (paths from the project's root): the ones console/src
 * imports, and what those import in turn — read from the sources, so a new import cannot be missed
 * (a hand-kept list missed two: the build's inputs, and the smoke test's copy, lacked them).
 */
export const FROM_FLOWS = flowsImportedBy(path.join(CONSOLE, 'src'));

function flowsImportedBy(srcDir: string): string[] {
  const root = path.resolve(CONSOLE, '..');
  const flowsDir = path.join(root, 'flows') + path.sep;
  const found = new Set<string>();
  const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => path.resolve(path.dirname(file), m[1]!));
  const asFile = (p: string) => [p, `${p}.ts`, `${p}.tsx`, path.join(p, 'index.ts')].find((f) => existsSync(f) && statSync(f).isFile());
  const follow = (file: string) => {
    for (const target of importsOf(file)) {
      const f = asFile(target);
      if (!f || !f.startsWith(flowsDir) || found.has(f)) continue;
      found.add(f);
      follow(f);
    }
  };
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) follow(p);
    }
  };
  walk(srcDir);
  return [...found].map((f) => path.relative(root, f)).sort();
}

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
