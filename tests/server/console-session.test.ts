/**
 * What the cadre console stands on, server side:
 *  - the session cookie: a login sets `fp_session` (HttpOnly, SameSite=Strict, Path=/api) and the
 *    cadre API accepts it instead of the Bearer header; a change made with it needs the
 *    X-Requested-With header (CSRF); logout ends it and clears it; an expired session says so;
 *  - /console/: the build served with an SPA fallback, hashed assets cached for a year, the CSP;
 *  - GET /api/workflow's words and the caller's 待办 statuses; GET /api/regions within the caller's region.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from '../support/server';

const START = new Date('2026-07-20T02:00:00Z');
let now = START;
let srv: TestServer;
const dist = mkdtempSync(path.join(os.tmpdir(), 'fangpin-console-dist-'));

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/console/assets/index-AbCd_123.js"></script>');
  writeFileSync(path.join(dist, 'assets', 'index-AbCd_123.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
  srv = await startTestServer({ now: () => now, env: { CONSOLE_DIST_DIR: dist, AUTH_CLIENT_PER_MINUTE: '100' } });
});
afterAll(async () => {
  await srv.close();
  rmSync(dist, { recursive: true, force: true });
});

/** Logs in as a demo cadre; returns the Set-Cookie value of fp_session and the cookie header to send back. */
async function login(key: 'liushu' | 'county' | 'auditor' = 'liushu') {
  const c = srv.cadre(key);
  const res = await fetch(`${srv.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: c.username, password: c.password }) });
  expect(res.status).toBe(200);
  const set = res.headers.getSetCookie().find((h) => h.startsWith('fp_session='))!;
  return { set, cookie: set.split(';')[0]!, body: (await res.json()) as { token: string } };
}

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${srv.url}${p}`, { headers, redirect: 'manual' });
const post = (p: string, headers: Record<string, string>, body: unknown = {}) => fetch(`${srv.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('the session cookie', () => {
  test('a login sets it HttpOnly, SameSite=Strict, for /api, expiring with the session; it is the session token', async () => {
    const { set, cookie, body } = await login();
    expect(set).toMatch(/; path=\/api/i);
    expect(set).toMatch(/; httponly/i);
    expect(set).toMatch(/; samesite=strict/i);
    expect(set).toMatch(/; expires=/i);
    expect(cookie).toBe(`fp_session=${body.token}`);
  });

  test.each([
    ['GET with the cookie', 'GET', {}, 200],
    ['a change with the cookie and X-Requested-With', 'POST', { 'x-requested-with': 'fangpin-console' }, 404],
    ['a change with the cookie alone (what another site’s form would send)', 'POST', {}, 403],
  ] as const)('%s', async (_name, method, extra, status) => {
    const { cookie } = await login();
    const res =
      method === 'GET'
        ? await get('/api/auth/me', { cookie, ...extra })
        : await post('/api/cases/FP-2026-999999/transitions', { cookie, ...extra }, { action: 'approve' });
    expect(res.status).toBe(status);
    if (status === 403) expect(((await res.json()) as { error: { code: string } }).error.code).toBe('csrf');
    if (method === 'GET') expect(await res.json()).toMatchObject({ via: 'session', cadre: { role: 'village' }, expiresAt: expect.any(String) });
  });

  test('the Bearer header still wins, and needs no CSRF header', async () => {
    const res = await post('/api/cases/FP-2026-999999/transitions', { authorization: `Bearer ${srv.tokenOf('county')}`, cookie: 'fp_session=nothing-of-the-sort-at-all' }, { action: 'approve' });
    expect(res.status).toBe(404);
  });

  test('logout with the cookie ends the session and clears the cookie', async () => {
    const { cookie } = await login();
    const out = await post('/api/auth/logout', { cookie, 'x-requested-with': 'fangpin-console' });
    expect(out.status).toBe(204);
    expect(out.headers.getSetCookie().find((h) => h.startsWith('fp_session='))).toMatch(/^fp_session=;.*expires=Thu, 01 Jan 1970/i);
    expect((await get('/api/auth/me', { cookie })).status).toBe(401);
  });

  test('an expired session answers session_expired, so the console can say so', async () => {
    const { cookie } = await login();
    now = new Date(START.getTime() + (srv.config.auth.sessionHours + 1) * 3_600_000);
    try {
      const res = await get('/api/auth/me', { cookie });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('session_expired');
    } finally {
      now = START;
    }
  });
});

describe('/console/', () => {
  test.each([
    ['/console', 302, null, null],
    ['/console/', 200, 'text/html; charset=utf-8', 'no-cache'],
    ['/console/cases/FP-2026-000001', 200, 'text/html; charset=utf-8', 'no-cache'],
    ['/console/assets/index-AbCd_123.js', 200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/console/favicon.svg', 200, 'image/svg+xml', 'public, max-age=3600'],
    ['/console/assets/index-Gone0000.js', 404, null, null],
    // a path out of the build is never followed: it is one of the app's pages
    ['/console/..%2f..%2fpackage.json', 200, 'text/html; charset=utf-8', 'no-cache'],
  ] as const)('%s → %i', async (p, status, type, cache) => {
    const res = await get(p);
    expect(res.status).toBe(status);
    if (status === 200 && type?.startsWith('text/html')) expect(await res.text()).toContain('<div id="root">');
    if (type) expect(res.headers.get('content-type')).toBe(type);
    if (cache) expect(res.headers.get('cache-control')).toBe(cache);
  });

  test('its pages may run their own scripts and Ant Design’s run-time styles, nothing else', async () => {
    const csp = (await get('/console/')).headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('what the console reads', () => {
  test.each([
    ['zh-CN', 'liushu', /[\u4e00-\u9fff]/, ['village_review', 'assessment']],
    ['en', 'county', /^[A-Za-z ’'-]+$/, ['county_review', 'verification', 'publicity', 'approved']],
    ['zh-CN', 'auditor', /[\u4e00-\u9fff]/, []],
  ] as const)('GET /api/workflow?lang=%s as %s: the words in that language and my 待办 statuses', async (lang, key, script, todo) => {
    const { cookie } = await login(key);
    const res = await get(`/api/workflow?lang=${lang}`, { cookie });
    const body = (await res.json()) as { todo: string[]; words: { statuses: Record<string, { label: string; stage: string }>; causes: Record<string, string>; fields: Record<string, string>; checklists: Record<string, { id: string; label: string }[]> } };
    expect(body.todo).toEqual(todo);
    expect(Object.keys(body.words.statuses)).toContain('town_review');
    for (const s of Object.values(body.words.statuses)) expect(s.label).toMatch(script);
    expect(body.words.causes.illness).toMatch(script);
    for (const [field, label] of Object.entries(body.words.fields)) expect(label).not.toContain(field);
    expect(body.words.checklists.illness!.map((i) => i.id)).toEqual(['hospital_bill', 'discharge_summary']);
  });

  test.each([
    ['liushu', ['439901100201']],
    ['county', ['439901', '439901100', '439901100201', '439901200', '439901200201']],
  ] as const)('GET /api/regions as %s: its region and below', async (key, within) => {
    const { cookie } = await login(key);
    const { regions } = (await (await get('/api/regions', { cookie })).json()) as { regions: { code: string; parentCode: string | null }[] };
    for (const code of within) expect(regions.map((r) => r.code)).toContain(code);
    if (key === 'liushu') expect(regions).toHaveLength(1);
  });
});
