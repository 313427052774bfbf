/**
 * Inside WeChat: Taro.login's code is exchanged with code2session for the villager's openid, and
 * a villager who accepts a subscribe message gets the next update of their case through
 * subscribeMessage.send as well as the chat. WeChat's API is a local fake (WECHAT_API_BASE).
 */
import { t } from '../../flows/i18n';
import { startSubscribeWorker, fitValue } from '../../server/app/subscribe-worker';
import { startTestServer, type TestServer } from '../support/server';
import { answersFor, call, capturingLogger, fakeWeChat, idNumber, loginByPhone } from './support';

const log = capturingLogger();
let srv: TestServer;
let wechat: Awaited<ReturnType<typeof fakeWeChat>>;
let seq = 0;

beforeAll(async () => {
  wechat = await fakeWeChat();
  srv = await startTestServer({
    log,
    env: { WECHAT_APPID: 'wx0123456789abcdef', WECHAT_SECRET: 'test-secret', WECHAT_API_BASE: wechat.url, WECHAT_SUBSCRIBE_TEMPLATE_ID: 'tmpl-case-update' },
  });
});
afterAll(async () => {
  await srv.close();
  await wechat.close();
});
beforeEach(() => {
  wechat.requests.length = 0;
  wechat.down = false;
});

async function wechatLogin(openid: string): Promise<{ token: string; id: string }> {
  const code = `code-${++seq}`;
  wechat.codes.set(code, openid);
  const res = await call(srv, 'POST', '/api/auth/wechat', { body: { code } });
  expect(res.status).toBe(200);
  return { token: res.body.token, id: res.body.villager.id };
}

function worker() {
  return startSubscribeWorker({ prisma: srv.db.prisma, wechat: srv.config.app.wechat!, delivery: srv.config.outbox, log, autoStart: false });
}

describe('WeChat login (code2session)', () => {
  test('a login code becomes a villager session for that openid; the same openid is the same villager', async () => {
    const first = await wechatLogin('openid-alice');
    const call2session = wechat.requests.find((r) => r.path === '/sns/jscode2session')!;
    expect(Object.fromEntries(call2session.query)).toEqual({ appid: 'wx0123456789abcdef', secret: 'test-secret', js_code: 'code-1', grant_type: 'authorization_code' });
    const me = await call(srv, 'GET', '/api/auth/villager/me', { token: first.token });
    expect(me.body.villager).toMatchObject({ id: first.id, via: 'wechat' });
    const contact = await srv.db.prisma.contact.findUniqueOrThrow({ where: { id: first.id } });
    expect(contact).toMatchObject({ channel: 'miniprogram', externalId: 'openid-alice' });
    const again = await wechatLogin('openid-alice');
    expect(again.id).toBe(first.id);
    expect(again.token).not.toBe(first.token);
    // the secret and the code are never logged
    expect(JSON.stringify(log.lines)).not.toContain('test-secret');
  });

  test('a used or invalid code: 401; WeChat unreachable: 502 — both in the caller’s language', async () => {
    const bad = await call(srv, 'POST', '/api/auth/wechat?lang=en', { body: { code: 'never-issued' } });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toEqual({ code: 'wechat_code_invalid', message: t('en', 'miniprogram.errors.wechat_code') });
    wechat.down = true;
    wechat.codes.set('code-down', 'openid-x');
    const down = await call(srv, 'POST', '/api/auth/wechat', { body: { code: 'code-down' } });
    expect(down.status).toBe(502);
    expect(down.body.error).toEqual({ code: 'wechat_unavailable', message: t('zh-CN', 'miniprogram.errors.wechat_unavailable') });
    expect((await call(srv, 'POST', '/api/auth/wechat', { body: {} })).status).toBe(400);
  });

  test('the config tells the front end to use WeChat login and the subscribe template', async () => {
    const res = await call(srv, 'GET', '/api/app/config');
    expect(res.body).toMatchObject({ wechatLogin: true, otpLogin: true, subscribeTemplateId: 'tmpl-case-update' });
  });
});

describe('subscribe messages', () => {
  test('subscribing needs the configured template and a WeChat login', async () => {
    const { token } = await wechatLogin('openid-bob');
    const wrong = await call(srv, 'POST', '/api/app/subscriptions', { token, body: { templateId: 'other' } });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.code).toBe('not_configured');
    const phoneOnly = await loginByPhone(srv, log, '13600000001');
    const refused = await call(srv, 'POST', '/api/app/subscriptions?lang=en', { token: phoneOnly, body: { templateId: 'tmpl-case-update' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(t('en', 'miniprogram.errors.subscribe_phone'));
    const notMine = await call(srv, 'POST', '/api/app/subscriptions', { token, body: { templateId: 'tmpl-case-update', caseNo: 'FP-2026-999999' } });
    expect(notMine.status).toBe(404);
  });

  test('an accepted subscription carries the next case update through subscribeMessage.send, once', async () => {
    const { token } = await wechatLogin('openid-carol');
    const filed = await call(srv, 'POST', '/api/app/applications', {
      token,
      headers: { 'idempotency-key': 'wechat-sub-0001' },
      body: { cause: 'disaster', answers: answersFor('disaster', { idNumber: idNumber('19800808', 8) }), documents: [] },
    });
    expect(filed.status).toBe(201);
    const caseNo = filed.body.case.caseNo;
    const sub = await call(srv, 'POST', '/api/app/subscriptions', { token, body: { templateId: 'tmpl-case-update', caseNo } });
    expect(sub.status).toBe(201);
    expect(sub.body).toEqual({ remaining: 1 });

    // filing itself is confirmed on screen: nothing queued yet
    expect(await srv.db.prisma.outbox.count({ where: { kind: 'subscribe_message' } })).toBe(0);
    const moved = await call(srv, 'POST', `/api/cases/${caseNo}/transitions`, { token: srv.tokenOf('village'), body: { to: 'town_review' } });
    expect(moved.status).toBe(200);
    const queued = await srv.db.prisma.outbox.findMany({ where: { kind: 'subscribe_message' } });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ channel: 'wechat-subscribe', targetType: 'contact', targetId: 'openid-carol', status: 'pending' });

    const w = worker();
    expect(await w.runOnce()).toBe(1);
    const sends = wechat.requests.filter((r) => r.path === '/cgi-bin/message/subscribe/send');
    expect(sends).toHaveLength(1);
    expect(sends[0].body).toEqual({
      touser: 'openid-carol',
      template_id: 'tmpl-case-update',
      page: `pages/case/index?caseNo=${caseNo}`,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
      data: {
        character_string1: { value: caseNo },
        phrase2: { value: '镇审核中' },
        time3: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/) },
        thing4: { value: t('zh-CN', 'workflow.villager.to_town_review').slice(0, 20) },
      },
    });
    expect((await srv.db.prisma.outbox.findUniqueOrThrow({ where: { id: queued[0].id } })).status).toBe('sent');

    // the acceptance is spent: the next move says nothing through WeChat's subscribe messages
    expect((await call(srv, 'POST', `/api/cases/${caseNo}/transitions`, { token: srv.tokenOf('town'), body: { to: 'county_review' } })).status).toBe(200);
    expect(await srv.db.prisma.outbox.count({ where: { kind: 'subscribe_message' } })).toBe(1);
    await w.stop();
  });

  test('the access token is cached, refreshed when WeChat says it is stale; a refusal is final, a busy WeChat is retried', async () => {
    const w = worker();
    const enqueue = async (openid: string) => {
      const { token } = await wechatLogin(openid);
      const filed = await call(srv, 'POST', '/api/app/applications', {
        token,
        headers: { 'idempotency-key': `wechat-tok-${openid}` },
        body: { cause: 'education', answers: answersFor('education', { idNumber: idNumber('19810101', ++seq) }), documents: [] },
      });
      await call(srv, 'POST', '/api/app/subscriptions', { token, body: { templateId: 'tmpl-case-update' } });
      await call(srv, 'POST', `/api/cases/${filed.body.case.caseNo}/transitions`, { token: srv.tokenOf('village'), body: { to: 'town_review' } });
      return srv.db.prisma.outbox.findFirstOrThrow({ where: { kind: 'subscribe_message', targetId: openid } });
    };
    const tokensBefore = wechat.tokensIssued;
    await enqueue('openid-d1');
    await enqueue('openid-d2');
    expect(await w.runOnce()).toBe(2);
    expect(wechat.tokensIssued - tokensBefore).toBeLessThanOrEqual(1); // one token for both (or none: still cached)

    wechat.tokensIssued++; // WeChat now only accepts a newer token: the cached one is stale (40001)
    const c = await enqueue('openid-d3');
    expect(await w.runOnce()).toBe(1);
    expect((await srv.db.prisma.outbox.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('sent');

    wechat.subscribeErrors.push(43101); // the user's subscription is used up: final
    const refused = await enqueue('openid-d4');
    await w.runOnce();
    expect(await srv.db.prisma.outbox.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({ status: 'dead', attempts: 1 });

    wechat.subscribeErrors.push(-1); // busy: retried later
    const busy = await enqueue('openid-d5');
    await w.runOnce();
    expect(await srv.db.prisma.outbox.findUniqueOrThrow({ where: { id: busy.id } })).toMatchObject({ status: 'pending', attempts: 1 });
    await w.stop();
  });

  test('values are cut to the template keywords’ limits', () => {
    expect(fitValue('thing4', '一二三四五六七八九十一二三四五六七八九十一二三')).toBe('一二三四五六七八九十一二三四五六七八九十');
    expect(fitValue('phrase2', '村委会初审中')).toBe('村委会初审');
    expect(fitValue('character_string1', 'FP-2026-000001 编号')).toBe('FP-2026-000001');
    expect(fitValue('time3', '2026-03-10T02:05:00.000Z')).toBe('2026年3月10日 10:05');
    expect(fitValue('date5', '2026-12-31T17:00:00.000Z')).toBe('2027年1月1日');
  });
});
