/**
 * A villager identifies by phone and a one-time code (h5, development). The code goes through
 * the chat bot to the household's WeChat; with no such contact it is only in the development log.
 * The answer never says whether a phone is known; codes expire, are used once, and wrong tries
 * and requests are limited (on a fixed clock moved by hand). Villager and cadre tokens never mix.
 */
import { t } from '../../flows/i18n';
import { loadConfig } from '../../server/config';
import { requestOtp } from '../../server/app/otp';
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { call, capturingLogger, idNumber, loggedCode, loginByPhone } from './support';

const START = new Date('2026-03-10T02:00:00Z');
let clock = START;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const MINUTE = 60_000;

const log = capturingLogger();
let srv: TestServer;
let phoneSeq = 0;
/** A phone no test used before (rate limits are per phone). */
const freshPhone = () => `1370000${String(++phoneSeq).padStart(4, '0')}`;

beforeAll(async () => {
  // login codes through the chat, as with no SMS provider (by text message: tests/miniprogram/login-sms.test.ts)
  srv = await startTestServer({ now: () => clock, log, env: { SMS_PROVIDER: 'off' } });
});
afterAll(async () => {
  await srv.close();
});
beforeEach(() => {
  clock = new Date(clock.getTime() + 2 * 3_600_000); // each test starts clear of the previous one's limits
});

const request = (phone: string, lang?: string) => call(srv, 'POST', `/api/auth/otp/request${lang ? `?lang=${lang}` : ''}`, { body: { phone } });
const verify = (phone: string, code: string, lang?: string) => call(srv, 'POST', `/api/auth/otp/verify${lang ? `?lang=${lang}` : ''}`, { body: { phone, code } });

describe('phone and one-time code', () => {
  test('an unknown phone: the code is in the development log only (not the phone), and it logs the villager in', async () => {
    const phone = freshPhone();
    const asked = await request(phone);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ sent: true, sentBy: 'wechat', expiresInSeconds: 300, resendAfterSeconds: 60 });
    const code = loggedCode(log, phone)!;
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(log.lines)).not.toContain(phone);
    const outbox = await srv.db.prisma.outbox.count({ where: { kind: 'login_code' } });
    expect(outbox).toBe(0);

    const ok = await verify(phone, code);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token: expect.any(String), expiresAt: new Date(clock.getTime() + 30 * 86_400_000).toISOString(), villager: { via: 'phone', lang: 'zh-CN' } });
    const me = await call(srv, 'GET', '/api/auth/villager/me', { token: ok.body.token });
    expect(me.body.villager).toEqual(ok.body.villager);
    // stored hashed: neither the token nor the phone is in the database in clear
    const sessions = await srv.db.prisma.villagerSession.findMany();
    expect(JSON.stringify(sessions)).not.toContain(ok.body.token);
    const contact = await srv.db.prisma.contact.findUniqueOrThrow({ where: { id: ok.body.villager.id } });
    expect(contact.channel).toBe('app-phone');
    expect(contact.externalId).not.toContain(phone);
  });

  test('a household’s phone: the code goes to its WeChat through the bot, nothing is logged, and its cases show', async () => {
    const phone = freshPhone();
    const { caseNo, householdId } = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100201', status: 'village_review', idNumber: idNumber('19550101', 7) });
    await srv.db.prisma.household.update({ where: { id: householdId }, data: { phone } });
    await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: 'wx-grandma', name: '王大妈', householdId, householdLink: 'created', lang: 'en' } });
    const linesBefore = log.lines.length;

    const asked = await request(phone);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ sent: true, sentBy: 'wechat', expiresInSeconds: 300, resendAfterSeconds: 60 });
    expect(log.lines.slice(linesBefore).filter((l) => l.fields?.code)).toEqual([]);
    const sent = await srv.db.prisma.outbox.findMany({ where: { kind: 'login_code', targetId: 'wx-grandma' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: 'test:bot', targetType: 'contact', status: 'pending' });
    // the row does not hold the code: the bot gets it when it leases the message
    expect((sent[0].payload as { text: string }).text).toBe(t('en', 'auth.login_code_hidden'));
    const leased = await call(srv, 'GET', '/api/bot/outbox?puppet=test&accountId=bot&wait=0', { token: BOT_TOKEN });
    const text = leased.body.messages.find((m: { id: string }) => m.id === sent[0].id).text as string;
    const code = /\d{6}/.exec(text)![0];
    expect(text).toBe(t('en', 'miniprogram.otp.message', { code, minutes: 5 })); // the contact's language

    const ok = await verify(phone, code);
    expect(ok.status).toBe(200);
    const cases = await call(srv, 'GET', '/api/app/cases', { token: ok.body.token });
    expect(cases.body.cases.map((c: { caseNo: string }) => c.caseNo)).toEqual([caseNo]);
  });

  test('wrong codes: 401 in the caller’s language; after 5 the code is void (429), even the right one', async () => {
    const phone = freshPhone();
    await request(phone);
    const code = loggedCode(log, phone)!;
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      const r = await verify(phone, wrong, 'en');
      expect(r.status).toBe(401);
      expect(r.body.error).toEqual({ code: 'otp_invalid', field: 'code', message: t('en', 'miniprogram.errors.otp_invalid') });
    }
    const fifth = await verify(phone, wrong);
    expect(fifth.status).toBe(429);
    expect(fifth.body.error).toMatchObject({ code: 'too_many_attempts', message: t('zh-CN', 'miniprogram.errors.otp_too_many_attempts') });
    expect((await verify(phone, code)).status).toBe(429);
    // a new code works again
    advance(MINUTE);
    await request(phone);
    expect((await verify(phone, loggedCode(log, phone)!)).status).toBe(200);
  });

  test('a code lasts 5 minutes and is used once', async () => {
    const phone = freshPhone();
    await request(phone);
    const code = loggedCode(log, phone)!;
    advance(5 * MINUTE + 1000);
    expect((await verify(phone, code)).status).toBe(401);
    advance(MINUTE);
    await request(phone);
    const fresh = loggedCode(log, phone)!;
    expect((await verify(phone, fresh)).status).toBe(200);
    expect((await verify(phone, fresh)).status).toBe(401);
  });

  test('codes are asked at most once a minute and 5 times an hour, for known and unknown phones alike', async () => {
    const phone = freshPhone();
    expect((await request(phone)).status).toBe(202);
    const soon = await request(phone, 'en');
    expect(soon.status).toBe(429);
    expect(soon.headers.get('retry-after')).toBe('60');
    expect(soon.body.error).toMatchObject({ code: 'too_many_requests', message: t('en', 'miniprogram.errors.otp_too_soon', { seconds: 60 }) });
    for (let i = 2; i <= 5; i++) {
      advance(MINUTE);
      expect((await request(phone)).status).toBe(202);
    }
    advance(MINUTE);
    const sixth = await request(phone);
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.message).toBe(t('zh-CN', 'miniprogram.errors.otp_too_many'));
    advance(60 * MINUTE);
    expect((await request(phone)).status).toBe(202);
  });

  test.each([
    ['12345', 'zh-CN', 'miniprogram.errors.phone'],
    ['abc', 'en', 'miniprogram.errors.phone'],
    ['010-12345678', 'en', 'parse.phone_landline'],
  ])('a malformed phone %s is a 400 naming the field, in %s', async (phone, lang, key) => {
    const r = await request(phone, lang);
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual({ code: 'bad_request', field: 'phone', message: t(lang as 'en', key) });
  });

  test('without TRUST_PROXY, X-Forwarded-For does not make a client someone else (per-address limit)', async () => {
    const spoofed = (i: number) => call(srv, 'POST', '/api/auth/otp/request', { body: { phone: freshPhone() }, headers: { 'x-forwarded-for': `203.0.113.${i}` } });
    for (let i = 0; i < srv.config.auth.clientPerMinute; i++) expect((await spoofed(i)).status).toBe(202);
    const refused = await spoofed(99);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'too_many_requests', field: 'phone' });
  });

  test('"+86 138-0000-1234" is the same phone as 13800001234', async () => {
    await request('+86 138-0000-1234');
    const code = loggedCode(log, '13800001234')!;
    expect((await verify('13800001234', code)).status).toBe(200);
  });

  test('in production the code is never logged (unless DEV_OTP_LOG=1)', async () => {
    const quiet = capturingLogger();
    // production needs a data key to start at all; with one, codes are never logged, and asking for it is refused
    const production = { NODE_ENV: 'production', FANGPIN_DATA_KEY: `k1:${Buffer.alloc(32, 1).toString('base64')},index:${Buffer.alloc(32, 2).toString('base64')}` };
    const prod = loadConfig(production).app;
    expect(prod.devOtpLog).toBe(false);
    expect(() => loadConfig({ ...production, DEV_OTP_LOG: '1' })).toThrow(/DEV_OTP_LOG=1 is refused/);
    expect(loadConfig({ DEV_OTP_LOG: '0' }).app.devOtpLog).toBe(false);
    expect(loadConfig({}).app.devOtpLog).toBe(true);
    await requestOtp(srv.db.prisma, freshPhone(), clock, { log: quiet, devOtpLog: prod.devOtpLog, keyring: srv.db.keyring, botToken: BOT_TOKEN, sms: loadConfig(production).sms.provider });
    expect(quiet.lines).toEqual([]);
  });
});

describe('villager sessions', () => {
  test('expire after VILLAGER_SESSION_DAYS; logout ends them', async () => {
    const token = await loginByPhone(srv, log, freshPhone());
    expect((await call(srv, 'GET', '/api/app/cases', { token })).status).toBe(200);
    advance(30 * 86_400_000 + 1000);
    const expired = await call(srv, 'GET', '/api/app/cases', { token, headers: { 'accept-language': 'en' } });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe(t('en', 'miniprogram.errors.login_required'));

    const again = await loginByPhone(srv, log, freshPhone());
    expect((await call(srv, 'POST', '/api/auth/villager/logout', { token: again })).status).toBe(204);
    expect((await call(srv, 'GET', '/api/auth/villager/me', { token: again })).status).toBe(401);
  });

  test('a villager token is not a cadre token, and a cadre token is not a villager token', async () => {
    const token = await loginByPhone(srv, log, freshPhone());
    expect((await call(srv, 'GET', '/api/cases', { token })).status).toBe(401);
    expect((await call(srv, 'GET', '/api/auth/me', { token })).status).toBe(401);
    for (const cadre of [ADMIN_TOKEN, srv.tokenOf('county'), srv.tokenOf('village')]) {
      expect((await call(srv, 'GET', '/api/app/cases', { token: cadre })).status).toBe(401);
      expect((await call(srv, 'GET', '/api/auth/villager/me', { token: cadre })).status).toBe(401);
    }
    expect((await call(srv, 'GET', '/api/app/cases')).status).toBe(401);
  });

  test('WeChat login without an AppID: 404 with a pointer to the phone login', async () => {
    const r = await call(srv, 'POST', '/api/auth/wechat?lang=en', { body: { code: 'abc' } });
    expect(r.status).toBe(404);
    expect(r.body.error).toEqual({ code: 'wechat_login_disabled', message: t('en', 'miniprogram.errors.wechat_disabled') });
  });
});
