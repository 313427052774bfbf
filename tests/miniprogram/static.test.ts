/**
 * The h5 build is served at /app/: its files, index.html for any page path (the SPA's router),
 * 404 for a missing asset, nothing outside the build directory, and a page saying how to build
 * it while it is not built.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/server';

const dist = mkdtempSync(path.join(os.tmpdir(), 'fangpin-h5-'));
let srv: TestServer;

beforeAll(async () => {
  srv = await startTestServer({ env: { APP_DIST_DIR: dist } });
});
afterAll(async () => {
  await srv.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (p: string) => fetch(`${srv.url}${p}`, { redirect: 'manual' });

test('before the build: a page saying how to build it', async () => {
  const res = await get('/app/');
  expect(res.status).toBe(503);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  expect(await res.text()).toContain('npm run build:h5');
});

test('after the build: files, the SPA fallback, caching, and nothing outside', async () => {
  mkdirSync(path.join(dist, 'js'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>h5</title><div id="app"></div>');
  writeFileSync(path.join(dist, 'js', 'app.1a2b3c4d.js'), 'console.log(1)');
  writeFileSync(path.join(os.tmpdir(), 'fangpin-secret.txt'), 'secret');

  const index = await get('/app/');
  expect(index.status).toBe(200);
  expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(index.headers.get('cache-control')).toBe('no-cache');
  expect(await index.text()).toContain('<div id="app">');

  const js = await get('/app/js/app.1a2b3c4d.js');
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(js.headers.get('cache-control')).toMatch(/immutable/);

  for (const page of ['/app/pages/cases/index', '/app/anything?x=1']) {
    const res = await get(page);
    expect({ page, status: res.status, html: (await res.text()).includes('<div id="app">') }).toEqual({ page, status: 200, html: true });
  }
  expect((await get('/app/js/missing.deadbeef.js')).status).toBe(404);
  expect((await get('/app')).headers.get('location')).toBe('/app/');
  for (const attempt of ['/app/../fangpin-secret.txt', '/app/%2e%2e/fangpin-secret.txt', '/app/..%2ffangpin-secret.txt']) {
    const res = await get(attempt);
    expect(await res.text()).not.toBe('secret');
  }
  rmSync(path.join(os.tmpdir(), 'fangpin-secret.txt'), { force: true });
});

test('no dot file of the build is served (its stamp, an editor\'s leftovers)', async () => {
  mkdirSync(path.join(dist, '.cache'), { recursive: true });
  writeFileSync(path.join(dist, '.build-stamp.json'), '{"inputs":"abc"}');
  writeFileSync(path.join(dist, '.cache', 'x.js'), 'x');
  for (const p of ['/app/.build-stamp.json', '/app/.cache/x.js', '/app/%2ebuild-stamp.json']) {
    const res = await get(p);
    expect({ p, status: res.status }).toEqual({ p, status: 404 });
  }
});
