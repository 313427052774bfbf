/**
 * The walls of the tree, read from its imports (type-only imports count too: a type is a
 * dependency of the reader on the file that defines it):
 *  - the server never depends on its gateway (bot/) nor on the start that runs both (start/);
 *  - the server's channels (chat, app, api) use the core and never each other; the core uses no channel;
 *  - nothing the koa assembly (server/web.ts) imports leads back to it;
 *  - flows/ is pure: nothing from server/ or bot/.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');

/** Every .ts file under a folder (generated code and dependencies aside), as paths from the root. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'generated') continue;
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sources(rel));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** The project files a file imports (relative specifiers resolved; packages left out). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = path.join(path.dirname(file), fileName.replace(/\.js$/, ''));
    const hit = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((c) => fs.existsSync(path.join(root, c)) && fs.statSync(path.join(root, c)).isFile());
    if (hit) out.push(path.normalize(hit));
  }
  return out;
}

const files = ['server', 'bot', 'flows', 'start'].flatMap(sources);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const edges = [...graph].flatMap(([from, tos]) => tos.map((to) => ({ from, to })));

const CHANNELS = ['server/chat/', 'server/app/', 'server/api/'];
const channelOf = (f: string) => CHANNELS.find((c) => f.startsWith(c));

test('the graph is read: web.ts is seen importing each channel, and the core', () => {
  const fromWeb = graph.get('server/web.ts') ?? [];
  for (const c of CHANNELS) expect(fromWeb.some((f) => f.startsWith(c))).toBe(true);
  expect(edges.some((e) => e.from.startsWith('server/chat/') && e.to.startsWith('server/core/'))).toBe(true);
  expect(files.length).toBeGreaterThan(200);
});

test.each([
  ['server/ imports nothing from bot/', (e: { from: string; to: string }) => e.from.startsWith('server/') && e.to.startsWith('bot/')],
  ['server/ imports nothing from start/', (e: { from: string; to: string }) => e.from.startsWith('server/') && e.to.startsWith('start/')],
  ['flows/ imports nothing from server/ or bot/', (e: { from: string; to: string }) => e.from.startsWith('flows/') && (e.to.startsWith('server/') || e.to.startsWith('bot/'))],
  ['no channel imports another channel', (e: { from: string; to: string }) => !!channelOf(e.from) && !!channelOf(e.to) && channelOf(e.from) !== channelOf(e.to)],
  ['the core imports no channel', (e: { from: string; to: string }) => e.from.startsWith('server/core/') && !!channelOf(e.to)],
  ['nothing but the starts imports the koa assembly (server/web.ts)', (e: { from: string; to: string }) => e.to === 'server/web.ts' && e.from !== 'server/start.ts'],
])('%s', (_rule, breaks) => {
  expect(edges.filter(breaks).map((e) => `${e.from} → ${e.to}`)).toEqual([]);
});

test('nothing server/web.ts reaches leads back to it (no circle through the app)', () => {
  const seen = new Set<string>();
  const queue = [...(graph.get('server/web.ts') ?? [])];
  while (queue.length > 0) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    queue.push(...(graph.get(f) ?? []));
  }
  expect(seen.has('server/web.ts')).toBe(false);
  expect(seen.size).toBeGreaterThan(100);
});

/** The packages a file imports (dynamic `import()` too), by package name. */
function packagesOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((name) => !name.startsWith('.') && !name.startsWith('node:'))
    .map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/'));
}

test('the server alone (npm run start:server) reaches no wechaty: nothing of bot/ or start/, no wechaty package', () => {
  const reached = new Set<string>();
  const queue = ['server/main.ts'];
  while (queue.length > 0) {
    const f = queue.pop()!;
    if (reached.has(f)) continue;
    reached.add(f);
    queue.push(...(graph.get(f) ?? []));
  }
  const packages = new Set([...reached].flatMap(packagesOf));
  // the walk sees dynamic imports too (the PostgreSQL adapter is imported only when DATABASE_URL is set)
  expect(packages).toContain('@prisma/adapter-pg');
  expect([...reached].filter((f) => f.startsWith('bot/') || f.startsWith('start/'))).toEqual([]);
  expect([...packages].filter((p) => p.includes('wechaty'))).toEqual([]);
});
