/**
 * Issue 8, finding 11: no CSP, frame-ancestors or nosniff on pages, no `Cache-Control: no-store`
 * on answers carrying ID numbers or phones. Every page (the h5 app, its not-built page, koa's own
 * error answers) forbids framing and foreign scripts; every private answer is no-store; the
 * public policy and form answers stay cacheable.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inlineScriptHashes } from '../../server/http/headers';
import { ADMIN_TOKEN, sendText, startTestServer, type TestServer } from '../support/server';
import { answersFor } from '../miniprogram/support';

let srv: TestServer;
let dist: string;
const INLINE = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';

beforeAll(async () => {
  // a stand-in h5 build with an inline script like Taro's (the rem sizing)
  dist = mkdtempSync(path.join(os.tmpdir(), 'fangpin-h5-'));
  writeFileSync(path.join(dist, 'index.html'), `<!doctype html><html><head><script>${INLINE}</script><script defer src="/app/js/app.js"></script></head><body></body></html>`);
  srv = await startTestServer({ env: { APP_DIST_DIR: dist } });
});
afterAll(async () => {
  await srv.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (p: string, token?: string) => fetch(`${srv.url}${p}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

function policy(res: Response): Record<string, string> {
  const csp = res.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]));
}

test.each([
  ['the h5 app', '/app/'],
  ['a page of the h5 app', '/app/pages/apply/index'],
  ['an unknown path (koa\'s 404)', '/nothing-here'],
  ['an API error', '/api/cases'],
  ['health', '/health'],
])('%s: CSP without framing or foreign scripts, nosniff, no referrer', async (_label, p) => {
  const res = await get(p);
  const csp = policy(res);
  expect(csp['frame-ancestors']).toBe("'none'");
  expect(csp['object-src']).toBe("'none'");
  expect(csp['base-uri']).toBe("'none'");
  expect(csp['script-src']).toBeDefined();
  expect(csp['script-src']).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
});

test('the h5 page allows its own inline script by hash, and nothing else inline', async () => {
  const res = await get('/app/');
  expect(res.status).toBe(200);
  const [hash] = inlineScriptHashes(await res.text());
  expect(policy(res)['script-src']).toBe(`'self' '${hash}'`);
  // a rebuild with another inline script is picked up
  writeFileSync(path.join(dist, 'index.html'), `<!doctype html><script>console.log(1)</script>`);
  const again = await get('/app/');
  expect(policy(again)['script-src']).toBe(`'self' '${inlineScriptHashes('<script>console.log(1)</script>')[0]}'`);
  expect(policy(again)['script-src']).not.toContain(hash!);
});

test.each([
  ['a case list (cadres)', '/api/cases', ADMIN_TOKEN],
  ['the account list', '/api/cadres', ADMIN_TOKEN],
  ['the audit log', '/api/audit', ADMIN_TOKEN],
  ['who am I', '/api/auth/me', ADMIN_TOKEN],
  ['a refusal', '/api/cases', undefined],
  ['a missing case', '/api/cases/FP-2026-999999', ADMIN_TOKEN],
])('%s is no-store', async (_label, p, token) => {
  const res = await get(p, token);
  expect(res.headers.get('cache-control')).toBe('no-store');
});

test('a bot answer carrying a villager\'s words is no-store', async () => {
  const res = await fetch(`${srv.url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${srv.config.botToken}` },
    body: JSON.stringify({ messageId: 'hdr-1', from: { id: 'v-hdr', name: '王大妈' }, type: 'text', text: '你好' }),
  });
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect((await sendText(srv, 'v-hdr', '1', 'hdr-2')).status).toBe(200);
});

test.each([
  ['published policies', '/api/public/policies'],
  ['the application form', '/api/forms/application?cause=illness'],
  ['the app settings', '/api/app/config'],
])('%s (public) are not forced to no-store', async (_label, p) => {
  const res = await get(p);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).not.toBe('no-store');
});

test('the form check echoes the full ID number and phone: no-store, although /api/forms/ is public for reading', async () => {
  const res = await fetch(`${srv.url}/api/forms/application/check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cause: 'illness', answers: answersFor('illness') }),
  });
  expect(res.status).toBe(200);
  expect(JSON.stringify(await res.json())).toContain('13900001111');
  expect(res.headers.get('cache-control')).toBe('no-store');
});
