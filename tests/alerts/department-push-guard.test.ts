/**
 * The push API of a department's system lets a request in before its body is read (real
 * PostgreSQL): without the department's token it is answered 401 while its body is still being
 * sent — nobody without a token makes the server read and parse a 3 MB body —; refused pushes
 * are limited per client address and per department code: past the limit 429 with Retry-After,
 * and one audit row per window instead of one per request; the department's own token still passes.
 */
import http from 'node:http';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { PushRefusals, REFUSED_PUSHES_PER_CODE } from '../../server/core/alerts/push-refusals';
import { PUSH_JSON_LIMIT } from '../../server/api/routes/departments';
import { call } from '../miniprogram/support';
import { startTestServer, type TestServer } from '../support/server';

const T0 = Date.parse('2026-12-08T02:00:00Z');
let srv: TestServer;
let prisma: PrismaClient;
let token: string;

beforeAll(async () => {
  srv = await startTestServer({ now: () => new Date(T0) });
  prisma = srv.db.prisma;
  token = (await call(srv, 'POST', '/api/departments/yingji/token', { token: srv.tokenOf('county') })).body.token;
});
afterAll(async () => {
  await srv.close();
});

const refusedRows = (subject: string) => prisma.auditEntry.findMany({ where: { action: 'alerts:push-rows', allowed: false, subject }, orderBy: { at: 'asc' } });

/**
 * Sends the headers of a push declaring a body of PUSH_JSON_LIMIT bytes and only its first bytes:
 * the status when the server answers within `waitMs` with the rest unsent, else 'no answer'.
 */
function pushHeadersOnly(headers: Record<string, string>, waitMs = 3000): Promise<number | 'no answer'> {
  const url = new URL(srv.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: '/api/departments/yingji/rows', headers: { 'content-type': 'application/json', 'content-length': String(PUSH_JSON_LIMIT), ...headers } });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('no answer');
    }, waitMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode!);
    });
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? undefined : reject(err)));
    req.write('{"batchId":"B-0","rows":[');
  });
}

test.each([
  ['a wrong token', { authorization: 'Bearer not-the-token' }],
  ['no token', {} as Record<string, string>],
])('%s is answered 401 before the body is sent', async (_label, headers) => {
  expect(await pushHeadersOnly(headers)).toBe(401);
});

test('the department’s token lets the body be read: the same unfinished body gets no answer yet', async () => {
  expect(await pushHeadersOnly({ authorization: `Bearer ${token}` }, 1000)).toBe('no answer');
});

test('refused pushes past the per-address limit: 429 with Retry-After, one audit row for the window; the token still passes', async () => {
  const before = (await refusedRows('yingji')).length; // the two refusals above
  const perMinute = srv.config.auth.clientPerMinute;
  const statuses: number[] = [];
  let retryAfter: string | null = null;
  for (let i = 0; i < perMinute + 20; i += 1) {
    const res = await call(srv, 'POST', '/api/departments/yingji/rows', { token: `wrong-${i}`, body: { batchId: 'B-1', rows: [] } });
    statuses.push(res.status);
    retryAfter ??= res.headers.get('retry-after');
  }
  expect(statuses).toEqual([...Array(perMinute - before).fill(401), ...Array(20 + before).fill(429)]);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  const rows = await refusedRows('yingji');
  // one row per refusal within the limit, one summary for the rest
  expect(rows).toHaveLength(perMinute + 1);
  expect(rows.at(-1)!.reason).toMatch(/too many refused pushes from one client address/);
  const ok = await call(srv, 'POST', '/api/departments/yingji/rows', { token, body: { batchId: 'B-1', rows: [{ rowId: 'r1', idNumber: '110101199003078515', disasterKind: '洪涝', lossAmount: 100 }] } });
  expect(ok.status).toBe(200);
});

test('refused pushes at one department code from many addresses are limited too, and the summary is written once per window', async () => {
  const refusals = new PushRefusals({ perMinute: 1000, perHour: 10_000 });
  const at = new Date(T0);
  const kinds: string[] = [];
  for (let i = 0; i < REFUSED_PUSHES_PER_CODE.perMinute + 5; i += 1) kinds.push((await refusals.refuse(prisma, `10.0.${Math.floor(i / 250)}.${i % 250}`, 'canlian', at)).kind);
  expect(kinds).toEqual([...Array(REFUSED_PUSHES_PER_CODE.perMinute).fill('unauthorized'), ...Array(5).fill('too_many')]);
  expect(await refusedRows('canlian')).toHaveLength(REFUSED_PUSHES_PER_CODE.perMinute + 1);
  // another code is its own count
  expect((await refusals.refuse(prisma, '10.9.9.9', 'zhujian', at)).kind).toBe('unauthorized');
  // the next minute: counted again
  const later = new Date(T0 + 61_000);
  expect((await refusals.refuse(prisma, '10.9.9.8', 'canlian', later)).kind).toBe('unauthorized');
});
