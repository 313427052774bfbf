/**
 * Second security review, M1 and L1 (issue 8 follow-up). M1: a JSON body nested ~5,000 levels deep
 * overflowed the call stack of the control-character walk (500 "Maximum call stack size
 * exceeded") on every JSON route, unauthenticated ones included, and 4,500 levels burned ~220 ms
 * of event loop each (the walk copied its path at every level). L1: a body sent as
 * `Content-Encoding: gzip|deflate|br` that is not validly compressed gave 500 before
 * authentication. Both are now a 400 naming the field (or the body) on every route that takes
 * JSON — walked from the app's own routers, with and without a token.
 */
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import type Koa from 'koa';
import { createApp } from '../../server/web';
import { loadConfig } from '../../server/config';
import { findControlChars } from '../../server/http/control-chars';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../server/http/json-depth';
import { silentLogger } from '../../server/log';
import { ADMIN_TOKEN, BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { capturingLogger, loginByPhone } from '../miniprogram/support';

const log = capturingLogger();
let srv: TestServer;
let villagerToken: string;

beforeAll(async () => {
  srv = await startTestServer({ log });
  villagerToken = await loginByPhone(srv, log, '13900004444');
});
afterAll(() => srv.close());

/** Every POST/PUT/PATCH route of the app, from its routers. */
function writeRoutes(app: Koa): string[] {
  const out: string[] = [];
  for (const mw of app.middleware as unknown as { router?: { stack: { methods: string[]; path: string | RegExp }[] } }[]) {
    for (const layer of mw.router?.stack ?? []) {
      if (typeof layer.path !== 'string') continue;
      for (const method of layer.methods) if (['POST', 'PUT', 'PATCH'].includes(method)) out.push(`${method} ${layer.path}`);
    }
  }
  return out;
}
const ROUTES = writeRoutes(createApp({ prisma: {} as never, config: loadConfig({ DATA_DIR: os.tmpdir(), BOT_TOKEN }), log: silentLogger, store: {} as never, keyring: {} as never }));
const tokenFor = (path: string) => (path.startsWith('/api/bot/') ? BOT_TOKEN : /^\/api\/(app\/|auth\/villager)/.test(path) ? villagerToken : ADMIN_TOKEN);
const fill = (path: string) => path.replace(/:(\w+)/g, 'x1');

async function send(method: string, path: string, body: Buffer | string, headers: Record<string, string>) {
  const res = await fetch(`${srv.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, field: json?.error?.field as string | undefined };
}

const DEEP_ARRAY = '['.repeat(5000) + ']'.repeat(5000);
const DEEP_OBJECT = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
/** The path of the first container past the limit: 32 keys down. */
const ARRAY_FIELD = Array.from({ length: MAX_JSON_DEPTH }, () => '0').join('.');
const OBJECT_FIELD = Array.from({ length: MAX_JSON_DEPTH }, () => 'a').join('.');

const cases = ROUTES.flatMap((key) =>
  [
    ['arrays', DEEP_ARRAY, ARRAY_FIELD],
    ['objects', DEEP_OBJECT, OBJECT_FIELD],
  ].flatMap(([shape, body, field]) => [
    [key, shape!, 'with its token', body!, field!, true] as const,
    [key, shape!, 'without a token', body!, field!, false] as const,
  ]),
);

describe('M1: a body nested 5,000 levels deep', () => {
  test('the walk finds the routers', () => expect(ROUTES.length).toBeGreaterThan(30));

  test.each(cases)('%s, %s, %s → 400 naming the field past the limit, never 500', async (key, _shape, _auth, body, field, withToken) => {
    const [method, path] = key.split(' ') as [string, string];
    const res = await send(method, fill(path), body, withToken ? { authorization: `Bearer ${tokenFor(path)}` } : {});
    expect(res).toEqual({ status: 400, field });
  });

  test('the bot\'s multipart meta nested too deep → 400 naming meta', async () => {
    const form = new FormData();
    form.append('meta', '{"messageId":"deep-meta","from":{"id":"v"},"type":"image","x":' + DEEP_ARRAY + '}');
    form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])]), 'a.png');
    const res = await fetch(`${srv.url}/api/bot/inbound`, { method: 'POST', headers: { authorization: `Bearer ${BOT_TOKEN}` }, body: form });
    const body = (await res.json()) as any;
    expect({ status: res.status, field: body.error.field }).toEqual({ status: 400, field: `meta.x.${Array.from({ length: MAX_JSON_DEPTH - 1 }, () => '0').join('.')}` });
  });

  test('as deep as the limit allows is fine: an ordinary 400 from the route, not a depth refusal', async () => {
    const ok = '{"username":' + '['.repeat(MAX_JSON_DEPTH - 1) + ']'.repeat(MAX_JSON_DEPTH - 1) + '}';
    const res = await send('POST', '/api/auth/login', ok, {});
    expect(res).toEqual({ status: 400, field: 'username' });
  });
});

describe('the walks themselves take no recursion', () => {
  const deep = (n: number) => {
    let v: unknown = 'x\u0000';
    for (let i = 0; i < n; i++) v = [v];
    return v;
  };
  test('findControlChars finds a NUL 200,000 levels down (a recursive walk overflowed at ~5,000)', () => {
    expect(findControlChars(deep(200_000))?.split('.').length).toBe(200_000);
  });
  test.each([
    [{ a: { b: [1, 2, { c: 'x' }] } }, undefined],
    [deep(MAX_JSON_DEPTH), undefined],
    [deep(MAX_JSON_DEPTH + 1), Array.from({ length: MAX_JSON_DEPTH }, () => '0').join('.')],
    [{ ok: 1, list: [{ deeper: deep(200_000) }] }, ['list', '0', 'deeper', ...Array.from({ length: MAX_JSON_DEPTH - 3 }, () => '0')].join('.')],
  ])('tooDeepAt(%#) → %s', (value, expected) => {
    expect(tooDeepAt(value)).toBe(expected);
  });
});

describe('L1: a body that does not decompress as its Content-Encoding says', () => {
  const garbage = Buffer.from('this is not compressed at all {"username":"x"}');
  const truncated = gzipSync(Buffer.from(JSON.stringify({ username: 'x', password: 'y' }))).subarray(0, 12);
  const encodings = [
    ['gzip', garbage],
    ['deflate', garbage],
    ['br', garbage],
    ['gzip (cut short)', truncated],
  ] as const;
  const table = ROUTES.flatMap((key) => encodings.map(([enc, bytes]) => [key, enc, bytes] as const));

  test.each(table)('%s with %s → 400 naming the body, before authentication', async (key, enc, bytes) => {
    const [method, path] = key.split(' ') as [string, string];
    const res = await send(method, fill(path), Buffer.from(bytes), { 'content-encoding': enc.split(' ')[0]! });
    expect(res).toEqual({ status: 400, field: 'body' });
  });

  test('a validly compressed body is still read', async () => {
    const res = await send('POST', '/api/auth/login', gzipSync(Buffer.from(JSON.stringify({ username: 'nobody-here', password: 'wrong-password' }))), { 'content-encoding': 'gzip' });
    expect(res.status).toBe(401);
  });
});
