/**
 * Cadre login and what a credential may do: passwords (argon2id; bcrypt hashes from before still
 * verify), expiring sessions, login limits per account, per known device and per client address
 * (on a fixed clock moved by hand — no sleeping; each call comes from its own address through
 * X-Forwarded-For unless a test names one), logout, deactivated accounts, the auditor who reads
 * but never acts, and the one-time WeChat binding codes.
 */
import bcrypt from 'bcryptjs';
import { findBindingCode, redeemBindingCode } from '../../server/core/auth/binding-codes';
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server';

const START = new Date('2026-03-10T02:00:00Z');
let clock = START;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let srv: TestServer;
let caseNo: string; // 柳树村, village_review

beforeAll(async () => {
  // LOGIN_CONCURRENCY high: the account limit is what these tests look at (the flood test looks at the gate)
  srv = await startTestServer({ now: () => clock, env: { TRUST_PROXY: '1', LOGIN_CONCURRENCY: '100' } });
  ({ caseNo } = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100201', status: 'village_review', idNumber: '11010519491231002X' }));
});
afterAll(async () => {
  await srv.close();
});
beforeEach(() => {
  clock = START;
});

type Res = { status: number; headers: Headers; body: any };
async function call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  const res = await fetch(`${srv.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}
let ipSeq = 0;
/** A login from `ip` (default: an address of its own), with a known-device token or cookie. */
const login = (username: string, password: string, from: { ip?: string; device?: string; cookie?: string } = {}) =>
  call('POST', '/api/auth/login', undefined, { username, password }, {
    'x-forwarded-for': from.ip ?? `10.${(++ipSeq >> 16) & 255}.${(ipSeq >> 8) & 255}.${ipSeq & 255}`,
    ...(from.device ? { 'x-device-token': from.device } : {}),
    ...(from.cookie ? { cookie: from.cookie } : {}),
  });

let accountSeq = 0;
/** A fresh village account with a known password (created through the API by the county office). */
async function account(password = 'correct horse battery'): Promise<{ id: string; username: string; password: string }> {
  const username = `cadre${++accountSeq}`;
  const res = await call('POST', '/api/cadres', ADMIN_TOKEN, { name: `测试村干部${accountSeq}`, role: 'village', regionCode: '439901100201', username, password });
  expect(res.status).toBe(201);
  return { id: res.body.cadre.id, username, password };
}

describe('login', () => {
  test('the right password opens a session of 12 hours that works on the API', async () => {
    const demo = srv.cadre('liushu');
    const res = await login(demo.username, demo.password);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token: expect.stringMatching(/^\S{20,}$/),
      expiresAt: new Date(START.getTime() + 12 * HOUR).toISOString(),
      deviceToken: expect.stringMatching(/^\S{20,}$/),
      cadre: { id: demo.id, name: '柳树村村委会', role: 'village', region: { code: '439901100201', name: '柳树村', level: 'village' } },
    });
    const list = await call('GET', '/api/cases', res.body.token);
    expect(list.status).toBe(200);
    expect(list.body.cases.map((c: { caseNo: string }) => c.caseNo)).toEqual([caseNo]);
    expect((await call('GET', '/api/auth/me', res.body.token)).body).toMatchObject({ cadre: { id: demo.id, role: 'village' }, via: 'session' });
  });

  test('only hashes are stored: the password as argon2id, the session and device tokens as SHA-256', async () => {
    const a = await account('a fine long password');
    const res = await login(a.username, a.password);
    const row = await srv.db.prisma.cadre.findUniqueOrThrow({ where: { id: a.id }, include: { sessions: true, devices: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.devices.map((d) => d.tokenHash)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(JSON.stringify(row.devices)).not.toContain(res.body.deviceToken);
    expect(row.passwordHash).not.toContain(a.password);
    expect(row.sessions).toHaveLength(1);
    expect(row.sessions[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.sessions[0].tokenHash).not.toBe(res.body.token);
  });

  test('a bcrypt hash from before still verifies, and the login replaces it with argon2id', async () => {
    const a = await account();
    await srv.db.prisma.cadre.update({ where: { id: a.id }, data: { passwordHash: await bcrypt.hash(a.password, 4) } });
    expect((await login(a.username, 'not it')).status).toBe(401);
    expect((await login(a.username, a.password)).status).toBe(200);
    expect((await srv.db.prisma.cadre.findUniqueOrThrow({ where: { id: a.id } })).passwordHash).toMatch(/^\$argon2id\$/);
    expect((await login(a.username, a.password)).status).toBe(200);
  });

  test('a wrong password and an unknown name get the same answer', async () => {
    const a = await account();
    const wrong = await login(a.username, 'not the password');
    const unknown = await login('nobody-here', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_login');
  });

  test.each([
    [{ password: 'x' }, 'username'],
    [{ username: 'x' }, 'password'],
    [{ username: '', password: 'x' }, 'username'],
  ])('%j → 400 naming %s', async (body, field) => {
    const res = await call('POST', '/api/auth/login', undefined, body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });
});

describe('login limits (issue 8 findings 3 and 6)', () => {
  const wrongAudits = (cadreId: string) => srv.db.prisma.auditEntry.count({ where: { action: 'login', actorId: cadreId, reason: 'wrong password' } });

  test('40 parallel wrong passwords from 40 addresses: only LOGIN_MAX_FAILURES (5) are checked, the rest refused before hashing', async () => {
    const a = await account();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => login(a.username, `wrong ${i}`)));
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(35);
    expect(await wrongAudits(a.id)).toBe(5);
    // the right one from yet another client is refused alike: the lock says nothing about the password
    const right = await login(a.username, a.password);
    const wrong = await login(a.username, 'still wrong');
    expect(right.status).toBe(429);
    expect(right.body).toEqual(wrong.body);
    expect(right.headers.get('retry-after')).toBe(String(15 * 60));
  });

  test('unknown name, wrong password, locked account: the same answers at each step', async () => {
    const a = await account();
    const ghost = `ghost${accountSeq}`;
    for (let i = 1; i <= 6; i++) {
      const real = await login(a.username, `wrong ${i}`);
      const unknown = await login(ghost, `wrong ${i}`);
      expect(real.status).toBe(i <= 5 ? 401 : 429);
      expect({ status: unknown.status, body: unknown.body, retryAfter: unknown.headers.get('retry-after') }).toEqual({ status: real.status, body: real.body, retryAfter: real.headers.get('retry-after') });
    }
    expect((await login(a.username, 'x')).body.error).toEqual({ code: 'too_many_attempts', message: expect.stringContaining('900') });
    // no 423 that only real accounts get
    expect((await login(a.username, a.password)).status).not.toBe(423);
  });

  test('the limit lasts LOGIN_LOCK_MINUTES from the first attempt; then the count starts again', async () => {
    const a = await account();
    for (let i = 0; i < 5; i++) await login(a.username, 'wrong');
    advance(14 * MINUTE);
    expect((await login(a.username, a.password)).status).toBe(429);
    advance(MINUTE);
    expect((await login(a.username, a.password)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login(a.username, 'wrong')).status).toBe(401);
    expect((await login(a.username, 'wrong')).status).toBe(429);
  });

  test('a successful login starts the count again', async () => {
    const a = await account();
    for (let i = 0; i < 4; i++) await login(a.username, 'wrong');
    expect((await login(a.username, a.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(a.username, 'wrong')).status).toBe(401);
    expect((await login(a.username, a.password)).status).toBe(200);
  });

  test('nobody can lock a cadre out: a client that logged in before still logs in, by header or cookie', async () => {
    const a = await account();
    const first = await login(a.username, a.password);
    expect(first.body.deviceToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const cookie = /fp_device=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBe(first.body.deviceToken);
    expect(first.headers.get('set-cookie')).toMatch(/httponly/i);

    // an attacker fails from many addresses: the account's limit for unknown clients is reached
    await Promise.all(Array.from({ length: 12 }, () => login(a.username, 'guess')));
    expect((await login(a.username, a.password)).status).toBe(429);
    const byHeader = await login(a.username, a.password, { device: first.body.deviceToken });
    expect(byHeader.status).toBe(200);
    expect(byHeader.body.deviceToken).toBe(first.body.deviceToken);
    expect((await login(a.username, a.password, { cookie: `fp_device=${cookie}` })).status).toBe(200);
    // and the attacker's count is not wiped by it
    expect((await login(a.username, a.password)).status).toBe(429);
  });

  test('a known device is limited on its own: its failures do not spill onto the account, nor others’ onto it', async () => {
    const a = await account();
    const device = (await login(a.username, a.password)).body.deviceToken as string;
    for (let i = 0; i < 5; i++) expect((await login(a.username, 'wrong', { device })).status).toBe(401);
    expect((await login(a.username, a.password, { device })).status).toBe(429);
    expect((await login(a.username, a.password)).status).toBe(200); // the account's own count is untouched
  });

  test('another account’s device token, or a made-up one, counts as no device', async () => {
    const a = await account();
    const b = await account();
    const bDevice = (await login(b.username, b.password)).body.deviceToken as string;
    await Promise.all(Array.from({ length: 6 }, () => login(a.username, 'guess')));
    expect((await login(a.username, a.password, { device: bDevice })).status).toBe(429);
    expect((await login(a.username, a.password, { device: 'x'.repeat(32) })).status).toBe(429);
  });

  test('per client: AUTH_CLIENT_PER_MINUTE (10) attempts a minute whatever the names, AUTH_CLIENT_PER_HOUR (60) an hour', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 10; i++) expect((await login(`nobody-${accountSeq}-${i}`, 'x', { ip })).status).toBe(401);
    const eleventh = await login(`nobody-${accountSeq}-x`, 'x', { ip });
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.get('retry-after')).toBe('60');
    expect((await login(`nobody-${accountSeq}-y`, 'x')).status).toBe(401); // another client is not held up
    // keeping at it shuts the client out for the hour
    for (let minute = 1; minute < 6; minute++) {
      advance(MINUTE);
      for (let i = 0; i < 10; i++) await login(`nobody-${accountSeq}-${minute}-${i}`, 'x', { ip });
    }
    advance(MINUTE);
    const late = await login(`nobody-${accountSeq}-late`, 'x', { ip });
    expect(late.status).toBe(429);
    expect(Number(late.headers.get('retry-after'))).toBe(60 * 60 - 6 * 60);
  });

  test('the county office lifts a lock', async () => {
    const a = await account();
    for (let i = 0; i < 6; i++) await login(a.username, 'wrong');
    const listed = (await call('GET', '/api/cadres?region=439901100201', ADMIN_TOKEN)).body.cadres.find((c: { id: string }) => c.id === a.id);
    expect(listed.lockedUntil).toBe(new Date(START.getTime() + 15 * MINUTE).toISOString());
    expect((await call('PATCH', `/api/cadres/${a.id}`, ADMIN_TOKEN, { unlock: true })).status).toBe(200);
    expect((await login(a.username, a.password)).status).toBe(200);
  });

  test('failed logins are in the audit trail', async () => {
    const a = await account();
    advance(HOUR); // newest first: later than the attempts of the tests above
    await login(a.username, 'wrong');
    const audit = await call('GET', '/api/audit', ADMIN_TOKEN);
    expect(audit.body.entries[0]).toMatchObject({ action: 'login', allowed: false, actor: { type: 'cadre', id: a.id }, reason: 'wrong password' });
  });
});

describe('sessions end', () => {
  test('a session expires after 12 hours', async () => {
    const a = await account();
    const { token } = (await login(a.username, a.password)).body;
    advance(12 * HOUR - 1000);
    expect((await call('GET', '/api/cases', token)).status).toBe(200);
    advance(1000);
    expect((await call('GET', '/api/cases', token)).status).toBe(401);
  });

  test('logout ends the session, and only that one', async () => {
    const a = await account();
    const first = (await login(a.username, a.password)).body.token;
    const second = (await login(a.username, a.password)).body.token;
    expect((await call('POST', '/api/auth/logout', first)).status).toBe(204);
    expect((await call('GET', '/api/cases', first)).status).toBe(401);
    expect((await call('GET', '/api/cases', second)).status).toBe(200);
  });

  test('logout with an API token leaves the token working', async () => {
    const token = srv.cadre('qingshan').token;
    expect((await call('POST', '/api/auth/logout', token)).status).toBe(204);
    expect((await call('GET', '/api/cases', token)).status).toBe(200);
  });

  test('a deactivated account: its sessions and API token stop working, and it cannot log in', async () => {
    const created = await call('POST', '/api/cadres', ADMIN_TOKEN, { name: '将离任干部', role: 'village', regionCode: '439901100201', username: 'leaving', password: 'a fine long password', apiToken: true });
    const { id } = created.body.cadre;
    const apiToken = created.body.apiToken as string;
    const session = (await login('leaving', 'a fine long password')).body.token;
    expect((await call('GET', '/api/cases', apiToken)).status).toBe(200);
    expect((await call('PATCH', `/api/cadres/${id}`, ADMIN_TOKEN, { active: false })).body.cadre.active).toBe(false);
    expect((await call('GET', '/api/cases', session)).status).toBe(401);
    expect((await call('GET', '/api/cases', apiToken)).status).toBe(401);
    const again = await login('leaving', 'a fine long password');
    expect(again.status).toBe(401);
    expect(again.body).toEqual((await login('nobody-here', 'x')).body);
  });

  test('a changed password ends the open sessions', async () => {
    const a = await account();
    const token = (await login(a.username, a.password)).body.token;
    expect((await call('PATCH', `/api/cadres/${a.id}`, ADMIN_TOKEN, { password: 'another long password' })).status).toBe(200);
    expect((await call('GET', '/api/cases', token)).status).toBe(401);
    expect((await login(a.username, a.password)).status).toBe(401);
    expect((await login(a.username, 'another long password')).status).toBe(200);
  });
});

describe('the auditor reads but never acts', () => {
  const auditor = () => srv.cadre('auditor').token;
  test.each([['/api/cases'], ['/api/cases/:caseNo'], ['/api/audit'], ['/api/cadres']])('GET %s → 200', async (path) => {
    expect((await call('GET', path.replace(':caseNo', caseNo), auditor())).status).toBe(200);
  });

  test.each<[string, () => [string, object]]>([
    ['a transition', () => [`/api/cases/${caseNo}/transitions`, { to: 'town_review' }]],
    ['a rejection', () => [`/api/cases/${caseNo}/transitions`, { to: 'rejected', note: '不符合' }]],
    ['an objection', () => [`/api/cases/${caseNo}/objections`, { note: '有异议' }]],
    ['a visit', () => [`/api/cases/${caseNo}/visit`, { date: '2026-03-12' }]],
    ['an account', () => ['/api/cadres', { name: 'x', role: 'village', regionCode: '439901100201' }]],
    ['a binding code for someone else', () => [`/api/cadres/${srv.cadre('liushu').id}/binding-code`, {}]],
    ['a work-group code', () => ['/api/regions/439901100201/room-binding-code', {}]],
  ])('%s → 403, nothing changes', async (_l, req) => {
    const [path, body] = req();
    const before = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } });
    const res = await call('POST', path, auditor(), body);
    expect(res.status).toBe(403);
    expect(await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } })).toEqual(before);
  });

  test('the detail offers the auditor no moves', async () => {
    expect((await call('GET', `/api/cases/${caseNo}`, auditor())).body.allowedMoves).toEqual([]);
    expect((await call('GET', `/api/cases/${caseNo}`, srv.cadre('liushu').token)).body.allowedMoves).toEqual(
      expect.arrayContaining([
        { action: 'approve', to: 'town_review' },
        { action: 'return', to: 'returned' },
        { action: 'reject', to: 'rejected' },
      ]),
    );
  });
});

describe('binding codes (绑定 / 绑定群)', () => {
  test('the seed prints codes for the simulator demo', () => {
    for (const key of ['county', 'qingshan', 'liushu'] as const) expect(srv.cadre(key).bindingCode).toMatch(/^\d{10}$/);
    expect(srv.seed.roomCodes).toEqual([{ region: '柳树村', topic: '柳树村工作群', code: expect.stringMatching(/^\d{10}$/) }]);
  });

  test('ten digits, valid 24 hours; a new one withdraws the earlier one', async () => {
    const a = await account();
    const first = await call('POST', `/api/cadres/${a.id}/binding-code`, ADMIN_TOKEN);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ code: expect.stringMatching(/^\d{10}$/), expiresAt: new Date(START.getTime() + 24 * HOUR).toISOString(), cadre: { id: a.id, name: expect.any(String), role: 'village' }, message: `绑定 ${first.body.code}`, qr: expect.stringMatching(/^data:image\/svg\+xml;base64,/) });
    const second = await call('POST', `/api/cadres/${a.id}/binding-code`, ADMIN_TOKEN);
    const live = await srv.db.prisma.bindingCode.findMany({ where: { cadreId: a.id } });
    expect(live.map((c) => c.id)).toEqual([(await findBindingCode(srv.db.prisma, second.body.code))!.id]);
  });

  test('only a slow hash of a code is stored (finding 7)', async () => {
    const a = await account();
    const { code } = (await call('POST', `/api/cadres/${a.id}/binding-code`, ADMIN_TOKEN)).body;
    const rows = await srv.db.prisma.bindingCode.findMany({ where: { cadreId: a.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(Object.keys(rows[0])).not.toContain('code');
  });

  test('a cadre may ask a code for their own account, not for another', async () => {
    const village = srv.cadre('baishi');
    expect((await call('POST', `/api/cadres/${village.id}/binding-code`, village.token)).status).toBe(201);
    expect((await call('POST', `/api/cadres/${srv.cadre('liushu').id}/binding-code`, village.token)).status).toBe(403);
  });

  test('a town cadre issues codes inside its town only', async () => {
    const town = srv.cadre('qingshan').token;
    expect((await call('POST', `/api/cadres/${srv.cadre('liushu').id}/binding-code`, town)).status).toBe(201);
    expect((await call('POST', `/api/cadres/${srv.cadre('baishi').id}/binding-code`, town)).status).toBe(404);
    expect((await call('POST', `/api/cadres/${srv.cadre('county').id}/binding-code`, town)).status).toBe(404);
  });

  const tokenOf = (key: 'qingshan' | 'liushu' | 'admin') => (key === 'admin' ? ADMIN_TOKEN : srv.cadre(key).token);
  test.each([
    ['a village of the caller’s town', 'qingshan', '439901100202', 201, undefined],
    ['the town itself', 'qingshan', '439901100', 201, undefined],
    ['the village cadre’s own village', 'liushu', '439901100201', 201, undefined],
    ['another town’s village', 'qingshan', '439901200201', 404, undefined],
    ['the county (no work group there)', 'admin', '439901', 400, 'code'],
    ['a malformed code', 'admin', 'abc', 400, 'code'],
  ] as const)('work-group code for %s, asked by %s → %s', async (_l, who, code, status, field) => {
    const res = await call('POST', `/api/regions/${code}/room-binding-code`, tokenOf(who));
    expect(res.status).toBe(status);
    if (field) expect(res.body.error.field).toBe(field);
    if (status === 201) {
      expect(res.body).toMatchObject({ code: expect.stringMatching(/^\d{10}$/), region: { code } });
      // the text to send in the group, and that text as a QR code (as the personal binding code's)
      expect(res.body.message).toBe(`绑定群 ${res.body.code}`);
      expect(res.body.qr).toMatch(/^data:image\/svg\+xml;base64,/);
      expect(Buffer.from(res.body.qr.split(',')[1], 'base64').toString('utf8')).toContain('<svg');
    }
  });

  test('a code binds once, for its purpose, until it expires', async () => {
    const a = await account();
    const { code } = (await call('POST', `/api/cadres/${a.id}/binding-code`, ADMIN_TOKEN)).body;
    const db = srv.db.prisma;
    expect(await redeemBindingCode(db, code, 'room', clock)).toEqual({ ok: false, reason: 'wrong_purpose' });
    expect(await redeemBindingCode(db, 'no-such-code', 'cadre', clock)).toEqual({ ok: false, reason: 'unknown' });
    const twice = await Promise.all([redeemBindingCode(db, code, 'cadre', clock), redeemBindingCode(db, code, 'cadre', clock)]);
    expect(twice.filter((r) => r.ok)).toEqual([{ ok: true, purpose: 'cadre', cadreId: a.id }]);
    expect(await redeemBindingCode(db, code, 'cadre', clock)).toEqual({ ok: false, reason: 'used' });

    const room = (await call('POST', '/api/regions/439901100202/room-binding-code', ADMIN_TOKEN)).body.code;
    expect(await redeemBindingCode(db, room, 'room', new Date(START.getTime() + 24 * HOUR))).toEqual({ ok: false, reason: 'expired' });
    const shiqiao = await db.region.findUniqueOrThrow({ where: { code: '439901100202' } });
    expect(await redeemBindingCode(db, room, 'room', clock)).toEqual({ ok: true, purpose: 'room', regionId: shiqiao.id });
  });
});
