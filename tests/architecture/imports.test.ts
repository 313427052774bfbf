/**
 * The walls of the tree, read from its imports (type-only imports count too: a type is a
 * dependency of the reader on the file that defines it):
 *  - the server never depends on its gateway (bot/) nor on the start that runs both (start/);
 *  - the server's channels (chat, app, api: every folder of server/ classified as one) use the core
 *    and never each other; the core uses no channel, nor the HTTP layer (server/http);
 *  - nothing the koa assembly (server/web.ts) imports leads back to it, and no file of server/ or
 *    flows/ leads back to itself (no import cycle);
 *  - flows/ is pure: nothing from server/ or bot/;
 *  - every relative import resolves to a file.
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

/** Relative imports that name no file: `file: specifier`. */
const unresolved: string[] = [];

/** The project files a file imports (relative specifiers resolved; packages left out). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = path.join(path.dirname(file), fileName.replace(/\.js$/, ''));
    const hit = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((c) => fs.existsSync(path.join(root, c)) && fs.statSync(path.join(root, c)).isFile());
    if (hit) out.push(path.normalize(hit));
    else unresolved.push(`${file}: ${fileName}`);
  }
  return out;
}

const files = ['server', 'bot', 'flows', 'start'].flatMap(sources);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const edges = [...graph].flatMap(([from, tos]) => tos.map((to) => ({ from, to })));

/**
 * Every folder of server/, classified: a channel (a way in: chat for the gateway's messages, app
 * for the mini-program, api for the console) or one of the parts they share. A new folder fails
 * the test below until it is classified here.
 */
const SERVER_FOLDERS: Record<string, 'channel' | 'shared'> = {
  api: 'channel',
  app: 'channel',
  chat: 'channel',
  core: 'shared', // the actions and rules every channel uses
  http: 'shared', // koa plumbing: errors, body limits, headers
  seed: 'shared', // demo and test data
  generated: 'shared', // Prisma's client
};
const serverFolders = fs.readdirSync(path.join(root, 'server'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const CHANNELS = Object.entries(SERVER_FOLDERS).filter(([, kind]) => kind === 'channel').map(([dir]) => `server/${dir}/`);

test('every folder of server/ is classified (channel or shared)', () => {
  expect([...serverFolders].sort()).toEqual(Object.keys(SERVER_FOLDERS).sort());
  expect(CHANNELS).toEqual(['server/api/', 'server/app/', 'server/chat/']);
});

test('every relative import resolves to a file', () => {
  expect(unresolved).toEqual([]);
});
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
  ['the core imports nothing of the HTTP layer (server/http)', (e: { from: string; to: string }) => e.from.startsWith('server/core/') && e.to.startsWith('server/http/')],
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

/** The import cycles among these files (strongly connected components of more than one file, or a file importing itself). */
function cycles(within: (f: string) => boolean): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    const tos = (graph.get(v) ?? []).filter(within);
    for (const w of tos) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || tos.includes(v)) found.push(component.sort());
  };
  for (const f of files.filter(within)) if (!index.has(f)) visit(f);
  return found;
}

const inServerOrFlows = (f: string) => f.startsWith('server/') || f.startsWith('flows/');

test('no import cycle in server/ or flows/ (type-only imports included)', () => {
  expect(cycles(inServerOrFlows)).toEqual([]);
});

test('the cycle finder finds a cycle: web.ts made to import back from one it imports', () => {
  const some = graph.get('server/web.ts')![0]!;
  const saved = graph.get(some)!;
  graph.set(some, [...saved, 'server/web.ts']);
  try {
    expect(cycles(inServerOrFlows).some((c) => c.includes('server/web.ts') && c.includes(some))).toBe(true);
  } finally {
    graph.set(some, saved);
  }
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
