/**
 * Login codes by text message (server/app/otp.ts with an SMS provider): the code goes to the phone
 * typed, and only there — no chat copy — through the outbox's 'sms' channel, sealed (the payload
 * shows neither the code nor the phone; the worker opens it just before the send and never sends
 * it late). A villager with no WeChat contact logs in with it; a proven phone claims the one
 * household on record with it, links to none when two have it. The answer is the same 202 for
 * every phone, the limits per phone and per address hold, and no log line holds a code or a whole
 * phone (DEV_OTP_LOG=0, as in production). With no provider nothing changes (the chat, as before).
 * Fixed clock moved by hand; each call from its own address unless a test names one.
 */
import { t } from '../../flows/i18n';
import { OTP_MAX_ATTEMPTS, OTP_MAX_PER_HOUR } from '../../server/app/otp';
import { botKey } from '../../server/core/auth/bot-keys';
import { APP_CHANNEL, appPhoneId, SMS_CHANNEL } from '../../server/core/notify/channels';
import { FakeSmsSender } from '../../server/core/sms/fake';
import { smsText } from '../../server/core/sms/templates';
import { startSmsWorker, type SmsWorker } from '../../server/core/sms/worker';
import { insertCase } from '../support/fixtures';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { call as rawCall, capturingLogger, idNumber, loggedCode } from './support';

const START = new Date('2026-03-10T02:00:00Z');
let clock = START;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const MINUTE = 60_000;

const log = capturingLogger();
let srv: TestServer;
let sms: FakeSmsSender;
let worker: SmsWorker;
let seq = 0;
const freshPhone = () => `1350000${String(++seq).padStart(4, '0')}`;
const freshIp = () => `10.7.${(++seq >> 8) & 255}.${seq & 255}`;
/** Every phone and code the tests used: none may be in a log line. */
const used = { phones: [] as string[], codes: [] as string[] };

beforeAll(async () => {
  srv = await startTestServer({ now: () => clock, log, env: { SMS_PROVIDER: 'fake', DEV_OTP_LOG: '0', TRUST_PROXY: '1' } });
  sms = new FakeSmsSender(log);
  const templates = srv.config.sms.provider === 'off' ? null : srv.config.sms.templates;
  worker = startSmsWorker({ prisma: srv.db.prisma, sender: sms, templates, delivery: srv.config.outbox, sealKey: botKey(BOT_TOKEN, 'login-code-seal'), log, autoStart: false });
});
afterAll(async () => {
  await worker.stop();
  await srv.close();
});
beforeEach(() => {
  clock = new Date(clock.getTime() + 2 * 3_600_000); // clear of the previous test's limits
});

const call = (path: string, body: unknown, ip?: string) => rawCall(srv, 'POST', path, { body, headers: { 'x-forwarded-for': ip ?? freshIp() } });
const request = (phone: string, ip?: string) => {
  used.phones.push(phone);
  return call('/api/auth/otp/request', { phone }, ip);
};
const verify = (phone: string, code: string, ip?: string) => call('/api/auth/otp/verify', { phone, code }, ip);
const SENT = { sent: true, sentBy: 'sms', expiresInSeconds: 300, resendAfterSeconds: 60 };

/** The worker runs; the codes the fake provider recorded for `phone` since `from` (sent index). */
async function textedCodes(phone: string, from = 0): Promise<string[]> {
  await worker.runOnce(clock);
  const codes = sms.sent.slice(from).filter((m) => m.phone === phone && m.templateId === 'login_code').map((m) => m.params[0]);
  used.codes.push(...codes);
  return codes;
}
const smsRows = (phone: string) => srv.db.prisma.outbox.findMany({ where: { channel: SMS_CHANNEL, kind: 'login_code', targetId: appPhoneId(srv.db.keyring, phone) }, orderBy: { seq: 'asc' } });
const chatCodes = (since: Date) => srv.db.prisma.outbox.count({ where: { kind: 'login_code', channel: { not: SMS_CHANNEL }, createdAt: { gte: since } } });
const appContact = (phone: string) => srv.db.prisma.contact.findUnique({ where: { channel_externalId: { channel: APP_CHANNEL.phone, externalId: appPhoneId(srv.db.keyring, phone) } } });

/** A household registered with `phone`, and a chat contact that filed its application (it acts for it). */
async function household(phone: string, withChat: boolean): Promise<string> {
  const { householdId } = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100201', status: 'village_review', idNumber: idNumber('19600101', 500 + ++seq) });
  await srv.db.prisma.household.update({ where: { id: householdId }, data: { phone } });
  if (withChat) await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: `wx-${seq}`, name: '王大妈', householdId, householdLink: 'created' } });
  return householdId;
}

describe('the code goes by text message to the phone itself', () => {
  test.each([
    ['no household and no WeChat contact', 'none', 0, false],
    ['one household, with a WeChat contact acting for it', 'claimed', 1, true],
    ['one household, no WeChat contact', 'claimed', 1, false],
    ['two households on record with the phone', 'none', 2, true],
  ] as const)('%s: one text message, no chat copy, it logs in; household link: %s', async (_name, link, households, withChat) => {
    const phone = freshPhone();
    const ids: string[] = [];
    for (let i = 0; i < households; i++) ids.push(await household(phone, withChat));
    const since = clock;
    const from = sms.sent.length;

    const asked = await request(phone);
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual(SENT);
    expect(await chatCodes(since)).toBe(0);
    const [row] = await smsRows(phone);
    // the row says only that a login code goes there: the code is sealed apart, the phone is in the payload only
    expect(row).toMatchObject({ status: 'pending', targetType: 'contact' });
    expect(row.payload).toMatchObject({ text: t('zh-CN', 'miniprogram.otp.sms_hidden'), content: { type: 'sms', phone, template: 'login_code', values: { minutes: '5' } } });

    const codes = await textedCodes(phone, from);
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatch(/^\d{6}$/);
    expect(sms.sent.at(-1)!.params).toEqual([codes[0], '5']);
    expect(smsText('zh-CN', 'login_code', { code: codes[0], minutes: '5' })).toContain(codes[0]);
    // sent once: the secret is gone, the row is done
    expect((await smsRows(phone)).map((m) => m.status)).toEqual(['sent']);
    expect(await srv.db.prisma.outboxSecret.count({ where: { outboxId: row.id } })).toBe(0);
    expect(await textedCodes(phone, sms.sent.length)).toEqual([]);

    const ok = await verify(phone, codes[0]);
    expect(ok.status).toBe(200);
    expect(ok.body.villager).toMatchObject({ via: 'phone' });
    const contact = await appContact(phone);
    if (link === 'claimed') expect(contact).toMatchObject({ householdId: ids[0], householdLink: 'claimed', householdLinkWhy: 'phone_login' });
    else expect(contact).toMatchObject({ householdId: null, householdLink: null });
    // one use
    expect((await verify(phone, codes[0])).status).toBe(401);
  });

  test('the same answer for every phone, known or not', async () => {
    const known = freshPhone();
    await household(known, true);
    const answers = await Promise.all([request(known), request(freshPhone())]);
    expect(answers.map((a) => [a.status, a.body])).toEqual([
      [202, SENT],
      [202, SENT],
    ]);
  });

  test('in the database the code is nowhere in clear, and the phone only in the sealed payload', async () => {
    const phone = freshPhone();
    const from = sms.sent.length;
    expect((await request(phone)).status).toBe(202);
    const [row] = await smsRows(phone);
    const rawBefore = JSON.stringify(await srv.db.raw.$queryRaw`SELECT o.*, s.sealed FROM "Outbox" o LEFT JOIN "OutboxSecret" s ON s."outboxId" = o.id WHERE o.id = ${row.id}`);
    const [code] = await textedCodes(phone, from);
    expect(JSON.stringify(row)).not.toContain(code);
    expect(rawBefore).not.toContain(code);
    expect(rawBefore).not.toContain(phone);
    const rawAfter = JSON.stringify(await srv.db.raw.$queryRaw`SELECT * FROM "Outbox" WHERE id = ${row.id}`);
    expect(rawAfter).not.toContain(code);
  });

  test('a text message not sent within the code’s five minutes is never sent late', async () => {
    const phone = freshPhone();
    expect((await request(phone)).status).toBe(202);
    advance(5 * MINUTE + 1000);
    expect(await textedCodes(phone, sms.sent.length)).toEqual([]);
    expect((await smsRows(phone)).map((m) => m.status)).toEqual(['expired']);
  });
});

describe('the limits hold', () => {
  test('per phone: once a minute, five times an hour — a refused request sends nothing', async () => {
    const phone = freshPhone();
    const answers: number[] = [];
    for (let i = 0; i < OTP_MAX_PER_HOUR + 1; i++) {
      answers.push((await request(phone)).status);
      answers.push((await request(phone)).status); // again at once
      advance(MINUTE + 1000);
    }
    expect(answers).toEqual([...Array(OTP_MAX_PER_HOUR).fill([202, 429]).flat(), 429, 429]);
    expect(await smsRows(phone)).toHaveLength(OTP_MAX_PER_HOUR);
  });

  test('per address: AUTH_CLIENT_PER_MINUTE requests a minute whatever the phones, then nothing is sent', async () => {
    const ip = freshIp();
    const phones = Array.from({ length: srv.config.auth.clientPerMinute + 1 }, freshPhone);
    const statuses: number[] = [];
    for (const p of phones) statuses.push((await request(p, ip)).status);
    expect(statuses).toEqual([...Array(srv.config.auth.clientPerMinute).fill(202), 429]);
    expect(await smsRows(phones.at(-1)!)).toEqual([]);
  });

  test('five wrong tries void the code: the right one is refused after them', async () => {
    const phone = freshPhone();
    const from = sms.sent.length;
    expect((await request(phone)).status).toBe(202);
    const [code] = await textedCodes(phone, from);
    const wrong = code === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    for (let i = 0; i < OTP_MAX_ATTEMPTS; i++) statuses.push((await verify(phone, wrong)).status);
    expect(statuses).toEqual([...Array(OTP_MAX_ATTEMPTS - 1).fill(401), 429]);
    expect((await verify(phone, code)).status).toBe(429);
  });
});

describe('the logs', () => {
  test('no line holds a code or a whole phone; the fake provider logs the last four digits', async () => {
    expect(used.codes.length).toBeGreaterThan(5);
    const text = JSON.stringify(log.lines);
    for (const code of used.codes) expect(text).not.toContain(code);
    for (const phone of used.phones) expect(text).not.toContain(phone);
    expect(log.lines.some((l) => l.fields?.phoneTail === used.phones[0].slice(-4) && l.fields?.templateId === 'login_code')).toBe(true);
    expect(loggedCode(log, used.phones[0])).toBeUndefined();
  });
});

describe('with no SMS provider nothing changes', () => {
  let off: TestServer;
  const offLog = capturingLogger();
  beforeAll(async () => {
    off = await startTestServer({ log: offLog, env: { SMS_PROVIDER: 'off' } });
  });
  afterAll(async () => {
    await off?.close();
  });

  test.each([
    ['no WeChat contact: the code only in the development log', false],
    ['a household with a WeChat contact: the code goes to that chat', true],
  ] as const)('%s', async (_name, withChat) => {
    const phone = `1340000${String(++seq).padStart(4, '0')}`;
    if (withChat) {
      const { householdId } = await insertCase(off.db.prisma, off.config.documentsDir, { villageCode: '439901100201', status: 'village_review', idNumber: idNumber('19600101', 700 + seq) });
      await off.db.prisma.household.update({ where: { id: householdId }, data: { phone } });
      await off.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: `wx-off-${seq}`, name: '王大妈', householdId, householdLink: 'created' } });
    }
    const asked = await rawCall(off, 'POST', '/api/auth/otp/request', { body: { phone } });
    expect(asked.status).toBe(202);
    expect(asked.body).toEqual({ ...SENT, sentBy: 'wechat' });
    expect(await off.db.prisma.outbox.count({ where: { channel: SMS_CHANNEL } })).toBe(0);
    expect(await off.db.prisma.outbox.findMany({ where: { kind: 'login_code' }, select: { targetId: true } })).toEqual(withChat ? [{ targetId: `wx-off-${seq}` }] : []);
    expect(loggedCode(offLog, phone) !== undefined).toBe(!withChat);
    await off.db.prisma.outbox.deleteMany({ where: { kind: 'login_code' } });
  });
});
