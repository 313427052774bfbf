/**
 * The demo clock (server/core/demo-clock.ts, server/api/routes/demo.ts): none without the simulator —
 * the endpoint is a 404, in production above all; with it, a cadre moves the clock days ahead, the
 * offset is kept for a restart, a login session survives the step, and a case in 公示 the publicity
 * guard held today is decided and paid once the clock has passed the notice's end.
 */
import { loadConfig } from '../../server/config';
import { DemoClock } from '../../server/core/demo-clock';
import { insertCase } from '../support/fixtures';
import { createTestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/server';
import { call, idNumber } from '../miniprogram/support';

const REAL = new Date('2026-03-10T02:00:00Z'); // 10 March, China time
const DAY = 24 * 3600_000;

test.each([
  ['production', { NODE_ENV: 'production', HOST: '127.0.0.1' }],
  ['SIMULATOR=off', { SIMULATOR: 'off' }],
  ['a host beyond this machine', { HOST: '0.0.0.0' }],
  ['a real WeChat puppet', { WECHATY_PUPPET: 'wechaty-puppet-wechat4u' }],
] as const)('no simulator (%s): no demo clock in the configuration', (_l, env) => {
  const config = (() => {
    try {
      return loadConfig({ DATA_DIR: '/tmp/fangpin-demo-clock', BOT_TOKEN: 'x'.repeat(40), FANGPIN_DATA_KEY: 'k'.repeat(64), ...env });
    } catch {
      return null; // refused to start at all: no clock either
    }
  })();
  expect(config?.simulator ?? false).toBe(false);
});

describe('without a demo clock', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ now: () => REAL });
  });
  afterAll(async () => {
    await srv.close();
  });
  test.each([
    ['GET', undefined],
    ['POST', { days: 6 }],
    ['DELETE', undefined],
  ])('%s /api/demo/clock → 404, logged in or not', async (method, body) => {
    expect((await call(srv, method, '/api/demo/clock', { token: srv.cadre('county').token, body })).status).toBe(404);
    expect((await call(srv, method, '/api/demo/clock', { body })).status).toBe(404);
  });
});

describe('with the demo clock of a development start', () => {
  let srv: TestServer;
  let clock: DemoClock;
  beforeAll(async () => {
    const db = await createTestDatabase();
    clock = await DemoClock.load(db.prisma, () => REAL);
    srv = await startTestServer({ db, demoClock: clock });
  });
  afterAll(async () => {
    await srv.close();
  });
  const tok = (key: Parameters<TestServer['cadre']>[0]) => srv.cadre(key).token;

  test.each([
    ['no days', {}, 400],
    ['zero days', { days: 0 }, 400],
    ['too many days', { days: 61 }, 400],
    ['a fraction', { days: 1.5 }, 400],
    ['the auditor', { days: 1 }, 403],
    ['nobody logged in', { days: 1 }, 401],
  ])('POST %s → %i, the clock unmoved', async (label, body, code) => {
    const token = label === 'the auditor' ? tok('auditor') : label === 'nobody logged in' ? undefined : tok('liushu');
    const res = await call(srv, 'POST', '/api/demo/clock', { token, body });
    expect(res.status).toBe(code);
    if (code === 400) expect(res.body.error.field).toBe('days');
    expect(clock.state().offsetMs).toBe(0);
  });

  test('an unknown key → 400 naming it, the clock unmoved', async () => {
    const res = await call(srv, 'POST', '/api/demo/clock', { token: tok('liushu'), body: { days: 1, hours: 5 } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('hours');
    expect(clock.state().offsetMs).toBe(0);
  });

  test('six days on, a case in 公示 is decided and paid; the session lasts; the offset is kept', async () => {
    const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: 'villager-demo-1', name: '村民' } });
    // the notice runs 10–16 March
    const { caseNo } = await insertCase(srv.db.prisma, srv.config.documentsDir, {
      villageCode: '439901100201',
      status: 'publicity',
      idNumber: idNumber('19600101', 901),
      contactId: contact.id,
      fields: { publicityStart: new Date('2026-03-10T00:00:00+08:00'), publicityEnd: new Date('2026-03-16T00:00:00+08:00') },
    });
    const login = await call(srv, 'POST', '/api/auth/login', { body: { username: srv.cadre('county').username, password: srv.cadre('county').password } });
    expect(login.status).toBe(200);
    const session: string = login.body.token;
    const decision = { amountFen: 500_000, category: 'sudden_hardship', measures: ['temporary_relief'] };
    const move = (body: unknown) => call(srv, 'POST', `/api/cases/${caseNo}/transitions`, { token: session, body });

    let res = await move({ to: 'approved', data: decision });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'guard' });

    res = await call(srv, 'POST', '/api/demo/clock', { token: session, body: { days: 6 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ offsetDays: 6, ahead: true, now: new Date(REAL.getTime() + 6 * DAY).toISOString(), realNow: REAL.toISOString() });
    expect((await call(srv, 'GET', '/api/demo/clock', { token: tok('liushu') })).body.now).toBe(new Date(REAL.getTime() + 6 * DAY).toISOString());
    // 16 March: the notice's last day — still running
    expect((await move({ to: 'approved', data: decision })).status).toBe(409);

    res = await call(srv, 'POST', '/api/demo/clock', { token: session, body: { days: 1 } });
    expect(res.status).toBe(200);
    res = await move({ to: 'approved', data: decision });
    expect(res.status).toBe(200);
    res = await move({ to: 'paid', data: { paymentRef: 'DEMO-0001', paidOn: '2026-03-17' } });
    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({ status: 'paid', payment: { ref: 'DEMO-0001', paidOn: '2026-03-17' } });
    const paid = await srv.db.prisma.caseEvent.findFirstOrThrow({ where: { case: { caseNo }, toStatus: 'paid' } });
    expect(paid.at.toISOString()).toBe(new Date(REAL.getTime() + 7 * DAY).toISOString());
    expect(await srv.db.prisma.auditEntry.count({ where: { action: 'demo_clock_advance' } })).toBe(2);

    // a restart keeps the demo's day
    expect((await DemoClock.load(srv.db.prisma, () => REAL)).state().offsetDays).toBe(7);
    res = await call(srv, 'DELETE', '/api/demo/clock', { token: session });
    expect(res.body).toMatchObject({ offsetMs: 0, ahead: false });
    expect((await DemoClock.load(srv.db.prisma, () => REAL)).state().offsetMs).toBe(0);
  });
});
