/**
 * Text messages for villagers who filed in the app (server/core/sms): which provider the
 * configuration picks (and what it refuses), the Tencent Cloud adapter against a local stand-in
 * of its API (the request and its TC3 signature as Tencent documents them, its answers), and the
 * outbox path — a move of an app-filed case sends one message to the phone on its form; a case
 * filed in the chat gets none; with no provider the messages are skipped, with a refusing
 * provider they become dead letters at once.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { t } from '../../flows/i18n';
import { loadConfig } from '../../server/config';
import { FakeSmsSender } from '../../server/core/sms/fake';
import { enqueueSmsUpdate } from '../../server/core/sms/enqueue';
import { SmsError, type SmsSender } from '../../server/core/sms/sender';
import { TencentSmsSender } from '../../server/core/sms/tencent';
import { startSmsWorker } from '../../server/core/sms/worker';
import { SMS_CHANNEL } from '../../server/core/notify/channels';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { botKey } from '../../server/core/auth/bot-keys';
import { answersFor, call, capturingLogger, idNumber, loginByPhone } from './support';

const PRODUCTION = { NODE_ENV: 'production', FANGPIN_DATA_KEY: `k1:${Buffer.alloc(32, 1).toString('base64')},index:${Buffer.alloc(32, 2).toString('base64')}` };
const TENCENT = {
  SMS_PROVIDER: 'tencent',
  SMS_TEMPLATE_CASE_UPDATE: '2233445',
  SMS_TEMPLATE_LOGIN_CODE: '2233446',
  TENCENT_SMS_SECRET_ID: 'AKID-test',
  TENCENT_SMS_SECRET_KEY: 'secret-key-test',
  TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN_NAME: '防贫助手',
};

describe('configuration', () => {
  test.each([
    ['development, unset', 'fake', {}],
    ['production, unset', 'off', PRODUCTION],
    ['development, off', 'off', { SMS_PROVIDER: 'off' }],
    ['production, tencent with its keys', 'tencent', { ...PRODUCTION, ...TENCENT }],
  ] as const)('%s → %s', (_name, provider, env) => {
    expect(loadConfig(env).sms.provider).toBe(provider);
  });

  test.each([
    ['the fake in production (it sends nothing)', { ...PRODUCTION, SMS_PROVIDER: 'fake' }, /SMS_PROVIDER=fake is refused/],
    ['tencent without its keys', { SMS_PROVIDER: 'tencent', TENCENT_SMS_SECRET_ID: 'x' }, /SMS_PROVIDER=tencent needs SMS_TEMPLATE_CASE_UPDATE, SMS_TEMPLATE_LOGIN_CODE, TENCENT_SMS_SECRET_KEY, TENCENT_SMS_SDK_APP_ID, TENCENT_SMS_SIGN_NAME/],
    ['an unknown provider', { SMS_PROVIDER: 'aliyun' }, /SMS_PROVIDER/],
  ] as const)('refused: %s', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

// ---- Tencent Cloud SMS, against a local stand-in of sms.tencentcloudapi.com ----

type Seen = { headers: IncomingHttpHeaders; body: string };

async function fakeTencent(answer: (seen: Seen) => unknown): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const s = { headers: req.headers, body };
      seen.push(s);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer(s)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((r) => server.close(() => r())) };
}

/** The TC3-HMAC-SHA256 signature, step by step as Tencent's "签名方法 v3" document gives it (written apart from the adapter's). */
function expectedSignature(secretKey: string, host: string, body: string, timestamp: number): string {
  const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
  const hex = (s: string) => createHash('sha256').update(s).digest('hex');
  const canonical = `POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:${host}\n\ncontent-type;host\n${hex(body)}`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/sms/tc3_request\n${hex(canonical)}`;
  const kDate = createHmac('sha256', `TC3${secretKey}`).update(date).digest();
  const kService = createHmac('sha256', kDate).update('sms').digest();
  const kSigning = createHmac('sha256', kService).update('tc3_request').digest();
  return createHmac('sha256', kSigning).update(toSign).digest('hex');
}

describe('Tencent Cloud SMS', () => {
  const at = new Date('2026-03-05T06:30:00Z');
  const settings = (endpoint: string) => ({ secretId: 'AKID-test', secretKey: 'secret-key-test', sdkAppId: '1400000001', signName: '防贫助手', region: 'ap-guangzhou', endpoint });

  test('SendSms 2021-01-11: the number with +86, the app, signature, template and its parameters in order, signed with TC3-HMAC-SHA256', async () => {
    const api = await fakeTencent(() => ({ Response: { SendStatusSet: [{ SerialNo: '1', PhoneNumber: '+8613900001111', Fee: 1, Code: 'Ok', Message: 'send success' }], RequestId: 'r1' } }));
    try {
      await new TencentSmsSender(settings(api.url), () => at).send('13900001111', '2233445', ['FP-2026-000001', '镇审核中']);
      expect(api.seen).toHaveLength(1);
      const { headers, body } = api.seen[0];
      expect(JSON.parse(body)).toEqual({ PhoneNumberSet: ['+8613900001111'], SmsSdkAppId: '1400000001', SignName: '防贫助手', TemplateId: '2233445', TemplateParamSet: ['FP-2026-000001', '镇审核中'] });
      const timestamp = Math.floor(at.getTime() / 1000);
      expect(headers).toMatchObject({ 'x-tc-action': 'SendSms', 'x-tc-version': '2021-01-11', 'x-tc-region': 'ap-guangzhou', 'x-tc-timestamp': String(timestamp), 'content-type': 'application/json; charset=utf-8' });
      const host = new URL(api.url).host;
      expect(headers.authorization).toBe(
        `TC3-HMAC-SHA256 Credential=AKID-test/2026-03-05/sms/tc3_request, SignedHeaders=content-type;host, Signature=${expectedSignature('secret-key-test', host, body, timestamp)}`,
      );
    } finally {
      await api.close();
    }
  });

  test.each([
    ['a refused request (bad key)', true, { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad signature' }, RequestId: 'r' } }],
    ['a refused number', true, { Response: { SendStatusSet: [{ Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: 'bad number' }], RequestId: 'r' } }],
    ['a limit reached', false, { Response: { SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberDailyLimit', Message: 'daily limit' }], RequestId: 'r' } }],
    ['Tencent\'s own trouble', false, { Response: { Error: { Code: 'InternalError.Timeout', Message: 'timeout' }, RequestId: 'r' } }],
  ] as const)('%s → an SmsError, final: %s', async (_name, final, answer) => {
    const api = await fakeTencent(() => answer);
    try {
      const sent = new TencentSmsSender(settings(api.url), () => at).send('13900001111', '2233445', ['a', 'b']);
      await expect(sent).rejects.toBeInstanceOf(SmsError);
      await expect(sent).rejects.toMatchObject({ final });
    } finally {
      await api.close();
    }
  });

  test('no answer at all is worth another try', async () => {
    const sent = new TencentSmsSender(settings('http://127.0.0.1:9'), () => at).send('13900001111', '2233445', ['a', 'b']);
    await expect(sent).rejects.toMatchObject({ final: false });
  });
});

// ---- the outbox path ----

describe('a case filed in the app', () => {
  const log = capturingLogger();
  let srv: TestServer;
  let seq = 0;

  beforeAll(async () => {
    srv = await startTestServer({ log, env: { AUTH_CLIENT_PER_MINUTE: '1000', AUTH_CLIENT_PER_HOUR: '10000' } });
  });
  afterAll(async () => {
    await srv?.close();
  });

  /** A villager files an application by app with `phone` on its form, logged in with `loginPhone` (the same: proved); its case number. */
  async function fileByApp(formPhone: string, loginPhone = formPhone): Promise<string> {
    ++seq;
    const token = await loginByPhone(srv, log, loginPhone);
    const res = await call(srv, 'POST', '/api/app/applications', {
      token,
      headers: { 'idempotency-key': `sms-test-${seq}-${Date.now()}` },
      body: { cause: 'education', lang: 'zh-CN', answers: answersFor('education', { idNumber: idNumber('19800101', 300 + seq), phone: formPhone }), documents: [] },
    });
    expect(res.status).toBe(201);
    return res.body.case.caseNo as string;
  }

  const approve = async (caseNo: string, role: 'village' | 'town') =>
    expect((await call(srv, 'POST', `/api/cases/${caseNo}/transitions`, { token: srv.tokenOf(role), body: { action: 'approve', note: '同意' } })).status).toBe(200);

  const worker = (sender: SmsSender | null) =>
    startSmsWorker({ prisma: srv.db.prisma, sender, templates: sender ? { case_update: 'TPL-CASE', login_code: 'TPL-LOGIN' } : null, delivery: srv.config.outbox, sealKey: botKey(BOT_TOKEN, 'login-code-seal'), log, autoStart: false });

  test('each move sends one text message to the phone on its form, with its number and new status; filing itself sends none', async () => {
    const caseNo = await fileByApp('13811112222');
    const sms = new FakeSmsSender();
    const w = worker(sms);
    // the filing page said it was filed: no message for that
    expect(await w.runOnce()).toBe(0);
    await approve(caseNo, 'village');
    await approve(caseNo, 'town');
    expect(await w.runOnce()).toBe(2);
    await w.stop();
    expect(sms.sent.map((m) => [m.phone, m.templateId, m.params])).toEqual([
      ['13811112222', 'TPL-CASE', [caseNo, t('zh-CN', 'status.town_review')]],
      ['13811112222', 'TPL-CASE', [caseNo, t('zh-CN', 'status.county_review')]],
    ]);
    // the phone is in the sealed payload only: never in the outbox's clear columns
    const rows = await srv.db.raw.$queryRaw<{ targetId: string; payload: unknown }[]>`SELECT "targetId", payload FROM "Outbox" WHERE channel = ${SMS_CHANNEL}`;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(JSON.stringify(r)).not.toContain('13811112222');
    // the app says so (GET /api/app/config, the case's textsToPhone)
    expect((await call(srv, 'GET', '/api/app/config')).body.smsUpdates).toBe(true);
  });

  test('a phone typed on the form but not proved by the login gets no text message: it may be a stranger\'s', async () => {
    const caseNo = await fileByApp('13822223333', '13700009999');
    await approve(caseNo, 'village');
    const c = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } });
    expect(c.textsToPhone).toBe(false);
    expect(await srv.db.prisma.outbox.count({ where: { channel: SMS_CHANNEL, caseId: c.id } })).toBe(0);
  });

  test('a case filed in the chat hears its news in the chat: no text message', async () => {
    const c = { id: 'case-x', caseNo: 'FP-2026-999999', channel: 'wechaty-puppet-mock:bot', answers: { applicant: { phone: '13899998888' } }, contactId: 'contact-x', textsToPhone: true };
    const enqueued = await srv.db.prisma.$transaction((tx) => enqueueSmsUpdate(tx, c, '镇审核中', new Date(), 'test:chat-case'));
    expect(enqueued).toBe(false);
    expect(await srv.db.prisma.outbox.count({ where: { dedupeKey: 'test:chat-case:sms' } })).toBe(0);
  });

  test('with no provider (SMS_PROVIDER=off) the messages are marked skipped, not left waiting', async () => {
    const caseNo = await fileByApp('13833334444');
    await approve(caseNo, 'village');
    const w = worker(null);
    expect(await w.runOnce()).toBe(0);
    await w.stop();
    const c = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } });
    expect(await srv.db.prisma.outbox.findMany({ where: { channel: SMS_CHANNEL, caseId: c.id }, select: { status: true, lastError: true } })).toEqual([{ status: 'skipped', lastError: 'SMS_PROVIDER=off' }]);
  });

  test('a provider that refuses (a wrong template) makes a dead letter at once; one that is down is tried again later', async () => {
    const refused = await fileByApp('13855556666');
    await approve(refused, 'village');
    const w = worker({ send: async () => Promise.reject(new SmsError('template not approved', true)) });
    await w.runOnce();
    await w.stop();
    const id = (await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: refused } })).id;
    expect(await srv.db.prisma.outbox.findMany({ where: { channel: SMS_CHANNEL, caseId: id }, select: { status: true } })).toEqual([{ status: 'dead' }]);

    const down = await fileByApp('13877778888');
    await approve(down, 'village');
    const w2 = worker({ send: async () => Promise.reject(new SmsError('unreachable', false)) });
    await w2.runOnce();
    await w2.stop();
    const id2 = (await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: down } })).id;
    expect(await srv.db.prisma.outbox.findMany({ where: { channel: SMS_CHANNEL, caseId: id2 }, select: { status: true, attempts: true } })).toEqual([{ status: 'pending', attempts: 1 }]);
  });
});
