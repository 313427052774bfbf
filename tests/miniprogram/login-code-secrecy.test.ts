/**
 * Issue 8 findings 2 and 3 for villagers' one-time codes: a login code is readable by the bot
 * alone — not through GET /api/outbox (pending or sent), not in a dump of the database — it is
 * gone once said, never said after it expired or was used; and requests and guesses are counted
 * atomically (parallel ones never get past the limits), per phone and per client address.
 * Fixed clock moved by hand; each call comes from its own address unless a test names one.
 */
import { execFileSync } from 'node:child_process';
import { t } from '../../flows/i18n';
import { sweepAuthRows } from '../../server/core/throttle/sweep';
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { call as rawCall, capturingLogger, idNumber, loggedCode } from './support';

const START = new Date('2026-03-10T02:00:00Z');
let clock = START;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const MINUTE = 60_000;

const log = capturingLogger();
let srv: TestServer;
let seq = 0;
const freshPhone = () => `1360000${String(++seq).padStart(4, '0')}`;
const freshIp = () => `10.9.${(++seq >> 8) & 255}.${seq & 255}`;

beforeAll(async () => {
  // login codes through the chat, as with no SMS provider (by text message: tests/miniprogram/login-sms.test.ts)
  srv = await startTestServer({ now: () => clock, log, env: { TRUST_PROXY: '1', SMS_PROVIDER: 'off' } });
});
afterAll(async () => {
  await srv.close();
});
beforeEach(() => {
  clock = new Date(clock.getTime() + 2 * 3_600_000); // clear of the previous test's limits
});

const call = (method: string, path: string, opts: { token?: string; body?: unknown; ip?: string } = {}) =>
  rawCall(srv, method, path, { ...opts, headers: { 'x-forwarded-for': opts.ip ?? freshIp() } });
const request = (phone: string, ip?: string) => call('POST', '/api/auth/otp/request', { body: { phone }, ip });
const verify = (phone: string, code: string, ip?: string) => call('POST', '/api/auth/otp/verify', { body: { phone, code }, ip });
const lease = (accountId = 'bot') => call('GET', `/api/bot/outbox?puppet=test&accountId=${accountId}&wait=0`, { token: BOT_TOKEN });

/** A household with `phone` and WeChat contacts on the given bot accounts (channel test:<account>). */
async function household(phone: string, accounts: string[] = ['bot']) {
  const { householdId } = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100201', status: 'village_review', idNumber: idNumber('19550101', 100 + seq) });
  await srv.db.prisma.household.update({ where: { id: householdId }, data: { phone } });
  for (const account of accounts) await srv.db.prisma.contact.create({ data: { channel: `test:${account}`, externalId: `wx-${phone}-${account}`, name: '王大妈', householdId, householdLink: 'created' } });
}

/** The login code the bot gets for `phone` on `account` (and the outbox id), by leasing as the bot does. */
async function leasedCode(phone: string, account = 'bot') {
  const res = await lease(account);
  const m = res.body.messages.find((x: { kind: string; targetId: string }) => x.kind === 'login_code' && x.targetId === `wx-${phone}-${account}`);
  return m ? { id: m.id as string, text: m.text as string, code: /\d{6}/.exec(m.text)![0] } : null;
}

describe('a login code is for the bot alone (finding 2)', () => {
  test('GET /api/outbox shows neither the text nor the code, pending or sent', async () => {
    const phone = freshPhone();
    await household(phone);
    expect((await request(phone)).status).toBe(202);
    const pending = await call('GET', '/api/outbox?status=pending', { token: ADMIN_TOKEN });
    const item = pending.body.items.find((i: { kind: string; targetId: string }) => i.kind === 'login_code' && i.targetId === `wx-${phone}-bot`);
    expect(item.text).toBe(t('zh-CN', 'auth.login_code_hidden'));

    const got = (await leasedCode(phone))!;
    expect(got.text).toBe(t('zh-CN', 'miniprogram.otp.message', { code: got.code, minutes: 5 }));
    expect(JSON.stringify(pending.body)).not.toContain(got.code);
    expect((await call('POST', `/api/bot/outbox/${got.id}/ack`, { token: BOT_TOKEN })).status).toBe(200);
    const sent = await call('GET', '/api/outbox?status=sent', { token: ADMIN_TOKEN });
    expect(sent.body.items.some((i: { id: string }) => i.id === got.id)).toBe(true);
    expect(JSON.stringify(sent.body)).not.toContain(got.code);
  });

  test('a dump of the database holds the message nowhere in clear, and no unkeyed hash of the code', async () => {
    const phone = freshPhone();
    await household(phone);
    await request(phone);
    const got = (await leasedCode(phone))!;
    const dump = execFileSync('pg_dump', ['--data-only', srv.db.url], { maxBuffer: 256 * 1024 * 1024 }).toString();
    expect(dump).not.toContain(got.text);
    expect(dump).not.toContain(`验证码是 ${got.code}`);
    // the secret row is ciphertext: the code is not a substring of it, nor of anything the outbox row holds
    const secret = await srv.db.raw.outboxSecret.findUniqueOrThrow({ where: { outboxId: got.id } });
    expect(secret.sealed).not.toContain(got.code);
    expect(JSON.stringify(await srv.db.raw.outbox.findUniqueOrThrow({ where: { id: got.id } }))).not.toContain(got.code);
  });

  test('once the bot said it the sealed text is deleted', async () => {
    const phone = freshPhone();
    await household(phone);
    await request(phone);
    const got = (await leasedCode(phone))!;
    expect(await srv.db.prisma.outboxSecret.count({ where: { outboxId: got.id } })).toBe(1);
    await call('POST', `/api/bot/outbox/${got.id}/ack`, { token: BOT_TOKEN });
    expect(await srv.db.prisma.outboxSecret.count({ where: { outboxId: got.id } })).toBe(0);
    expect((await verify(phone, got.code)).status).toBe(200);
  });

  test('not said before the code expired: never said, the message is expired', async () => {
    const phone = freshPhone();
    await household(phone);
    await request(phone);
    const row = await srv.db.prisma.outbox.findFirstOrThrow({ where: { kind: 'login_code', targetId: `wx-${phone}-bot` } });
    advance(5 * MINUTE + 1000);
    expect(await leasedCode(phone)).toBeNull();
    expect(await srv.db.prisma.outbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'expired', leaseUntil: null });
    expect(await srv.db.prisma.outboxSecret.count({ where: { outboxId: row.id } })).toBe(0);
  });

  test('a dead letter the county office retries after the code expired is not said either', async () => {
    const phone = freshPhone();
    await household(phone);
    await request(phone);
    const got = (await leasedCode(phone))!;
    // the bot could not say it, time after time: a dead letter
    await srv.db.prisma.outbox.update({ where: { id: got.id }, data: { status: 'dead', leaseUntil: null, attempts: srv.config.outbox.maxAttempts } });
    advance(6 * MINUTE);
    const retried = await call('POST', `/api/outbox/${got.id}/retry`, { token: ADMIN_TOKEN });
    expect(retried.status).toBe(200);
    expect(await leasedCode(phone)).toBeNull();
    expect((await srv.db.prisma.outbox.findUniqueOrThrow({ where: { id: got.id } })).status).toBe('expired');
  });

  test('a code used before the bot reached another WeChat of the household is not said there any more', async () => {
    const phone = freshPhone();
    await household(phone, ['bot', 'bot2']);
    await request(phone);
    const got = (await leasedCode(phone, 'bot'))!;
    expect((await verify(phone, got.code)).status).toBe(200);
    expect(await leasedCode(phone, 'bot2')).toBeNull();
    expect(await srv.db.prisma.outbox.findFirstOrThrow({ where: { kind: 'login_code', targetId: `wx-${phone}-bot2` } })).toMatchObject({ status: 'expired' });
  });

  test('the sweep drops expired secrets (their messages expire) and expired counters', async () => {
    const phone = freshPhone();
    await household(phone);
    await request(phone);
    const row = await srv.db.prisma.outbox.findFirstOrThrow({ where: { kind: 'login_code', targetId: `wx-${phone}-bot` } });
    advance(2 * 3_600_000);
    const swept = await sweepAuthRows(srv.db.prisma, clock);
    expect(swept.secrets).toBeGreaterThanOrEqual(1);
    expect(swept.counters).toBeGreaterThanOrEqual(2); // this phone's resend and hourly counters at least
    expect((await srv.db.prisma.outbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('expired');
    expect(await srv.db.prisma.throttleCounter.count({ where: { expiresAt: { lte: clock } } })).toBe(0);
  });
});

describe('codes are counted atomically (finding 3)', () => {
  test('40 parallel wrong codes: at most 5 compared; then even the right one is refused', async () => {
    const phone = freshPhone();
    await request(phone);
    const code = loggedCode(log, phone)!;
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => verify(phone, wrong(i))));
    expect(results.filter((r) => r.status === 401)).toHaveLength(4);
    expect(results.filter((r) => r.status === 429)).toHaveLength(36);
    const rows = await srv.db.prisma.otpCode.findMany({ where: { createdAt: clock } });
    expect(rows.map((r) => r.attempts)).toEqual([5]);
    expect((await verify(phone, code)).status).toBe(429);
  });

  test('10 parallel requests for one phone make one code', async () => {
    const phone = freshPhone();
    const before = await srv.db.prisma.otpCode.count();
    const results = await Promise.all(Array.from({ length: 10 }, () => request(phone)));
    expect(results.map((r) => r.status).sort()).toEqual([202, ...Array(9).fill(429)]);
    expect(await srv.db.prisma.otpCode.count()).toBe(before + 1);
  });

  test('one client address: AUTH_CLIENT_PER_MINUTE requests a minute whatever the phones, then 429 with Retry-After', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < 10; i++) expect((await request(freshPhone(), ip)).status).toBe(202);
    const refused = await call('POST', '/api/auth/otp/request?lang=en', { body: { phone: freshPhone() }, ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(refused.body.error).toEqual({ code: 'too_many_requests', field: 'phone', message: t('en', 'auth.throttled', { seconds: 60 }) });
    expect((await request(freshPhone())).status).toBe(202); // others are not held up
    advance(MINUTE);
    expect((await request(freshPhone(), ip)).status).toBe(202);
  });

  test('guesses spread over phones from one address are limited the same way', async () => {
    const ip = '198.51.100.8';
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await verify(freshPhone(), '123456', ip)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
  });
});
