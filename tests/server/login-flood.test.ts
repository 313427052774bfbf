/**
 * Issue 8 finding 3: a flood of logins neither breaks the server nor locks anyone out. 200
 * concurrent logins with unknown names — from one address, then from 200 addresses (behind
 * TRUST_PROXY=1, as a botnet would look: the per-client limit does not apply, the limit on password
 * checks at once does) — are answered 401 or 429, never 500; the server keeps
 * answering /health and the bot's outbox poll meanwhile; and a cadre logging in from a client
 * that logged in before gets in during the flood. Timing is measured by bench/login-flood.ts,
 * not asserted here.
 */
import { capturingLogger } from '../miniprogram/support';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';

const log = capturingLogger();

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ env: { TRUST_PROXY: '1' }, log });
});
afterAll(async () => {
  await srv.close();
});

type Answer = { status: number; body: any };
async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${srv.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}
async function get(path: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${srv.url}${path}`, { headers });
  await res.body?.cancel();
  return res.status;
}
const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

test.each([
  ['one address', (_i: number) => '192.0.2.1'],
  ['200 addresses', (i: number) => `192.0.${3 + (i >> 8)}.${i & 255}`],
])('200 concurrent logins with unknown names from %s: throttled, never a 500, and a known client still logs in', async (label, addressOf) => {
  const liushu = srv.cadre('liushu');
  // the cadre's own computer logged in before the flood
  const before = await post('/api/auth/login', { username: liushu.username, password: liushu.password }, { 'x-forwarded-for': '198.18.0.1' });
  expect(before.status).toBe(200);
  const device = before.body.deviceToken as string;

  const flood = Promise.all(Array.from({ length: 200 }, (_, i) => post('/api/auth/login', { username: `intruder-${label}-${i}`, password: 'guess' }, { 'x-forwarded-for': addressOf(i) })));
  const during = await Promise.all([
    post('/api/auth/login', { username: liushu.username, password: liushu.password }, { 'x-forwarded-for': addressOf(0), 'x-device-token': device }),
    get('/health'),
    get('/api/bot/outbox?puppet=test&accountId=bot&wait=0', { authorization: `Bearer ${BOT_TOKEN}` }),
  ]);
  const answers = await flood;

  expect(log.lines.filter((l) => l.level === 'error').map((l) => `${l.msg}: ${(l.fields?.err as Error | undefined)?.message}`)).toEqual([]);
  expect(answers.filter((a) => a.status >= 500)).toEqual([]);
  expect(count(answers, 401) + count(answers, 429)).toBe(200);
  // one address: all but AUTH_CLIENT_PER_MINUTE refused; many: at most LOGIN_CONCURRENCY checked at once, the rest refused
  if (label === 'one address') expect(count(answers, 429)).toBeGreaterThanOrEqual(200 - srv.config.auth.clientPerMinute);
  else expect(count(answers, 429)).toBeGreaterThan(0);
  for (const a of answers.filter((x) => x.status === 429)) expect(a.body.error.code).toBe('too_many_attempts');
  expect(during[0].status).toBe(200);
  expect(during.slice(1)).toEqual([200, 200]);
});
