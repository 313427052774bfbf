/**
 * "显示完整" (POST /api/cases/:caseNo/reveal {field}): the case detail carries the applicant's ID
 * number and phone masked — in the applicant card and in the application's answers — and the whole
 * value is handed out one field at a time to the cadres who work the case (village, town, county,
 * the verifier it is assigned to), each reveal its own access-audit row; the auditor reads them
 * masked; outside one's region the case does not exist; a cadre reveals a bounded number an hour.
 */
import { REVEAL_LIMIT } from '../../server/core/cases/reveal';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { call, LIUSHU } from '../miniprogram/support';

const NOW = new Date('2026-03-10T02:00:00Z');
const ID = '11010519491231002X';
const PHONE = '13800138000';
let srv: TestServer;
let caseNo: string;

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  const c = await insertCase(srv.db.prisma, srv.config.documentsDir, {
    villageCode: LIUSHU.village,
    status: 'verification',
    idNumber: ID,
    fields: { verifierId: srv.cadre('verifier').id, answers: { applicant: { name: '测试户', idNumber: ID, phone: PHONE } } } as never,
  });
  caseNo = c.caseNo;
}, 120_000);
afterAll(() => srv?.close());

const reveal = (who: Parameters<TestServer['cadre']>[0], field: unknown, no = caseNo) => call(srv, 'POST', `/api/cases/${no}/reveal`, { token: srv.cadre(who).token, body: { field } });
const reveals = (actorId: string) => srv.db.prisma.auditEntry.findMany({ where: { action: 'case:reveal', actorId }, orderBy: { seq: 'asc' } });

test('the detail shows the ID number and phone masked, wherever they appear', async () => {
  const res = await call(srv, 'GET', `/api/cases/${caseNo}`, { token: srv.cadre('liushu').token });
  expect(res.status).toBe(200);
  expect(res.body.household).toMatchObject({ idNumber: '1101**********002X', phone: '138****8000' });
  expect(res.body.answers.applicant).toMatchObject({ idNumber: '1101**********002X', phone: '138****8000', name: '测试户' });
  expect(JSON.stringify(res.body)).not.toContain(ID);
  expect(JSON.stringify(res.body)).not.toContain(PHONE);
});

test.each([
  ['the village', 'liushu', 'idNumber', ID],
  ['the town', 'qingshan', 'phone', PHONE],
  ['the county office', 'county', 'idNumber', ID],
  ['the verifier the case is assigned to', 'verifier', 'phone', PHONE],
] as const)('%s (%s) reveals the %s, and the look is audited', async (_label, who, field, value) => {
  const cadre = srv.cadre(who);
  const before = (await reveals(cadre.id)).length;
  const res = await reveal(who, field);
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ field, value });
  const rows = (await reveals(cadre.id)).slice(before);
  expect(rows.map((r) => ({ kind: r.kind, caseNo: r.caseNo, fields: r.fields, allowed: r.allowed }))).toEqual([{ kind: 'access', caseNo, fields: [field], allowed: true }]);
});

test.each([
  ['the auditor: masked only (403), the refusal audited', 'auditor', 403],
  ['another town’s village: no such case (404), the refusal audited', 'baishi', 404],
] as const)('%s', async (_label, who, status) => {
  const cadre = srv.cadre(who);
  const res = await reveal(who, 'idNumber');
  expect(res.status).toBe(status);
  expect(JSON.stringify(res.body)).not.toContain(ID);
  const rows = await reveals(cadre.id);
  expect(rows.at(-1)).toMatchObject({ allowed: false, caseNo, kind: 'action' });
});

test.each([
  ['an unknown field', { field: 'bankAccount' }, 'field'],
  ['no field', {}, 'field'],
])('%s → 400 naming the field', async (_label, body, field) => {
  const res = await call(srv, 'POST', `/api/cases/${caseNo}/reveal`, { token: srv.cadre('liushu').token, body });
  expect(res.status).toBe(400);
  expect(res.body.error.field).toBe(field);
});

test('a malformed case number → 400 naming caseNo; an unknown one → 404', async () => {
  expect((await reveal('county', 'phone', 'FP-1')).body.error.field).toBe('caseNo');
  expect((await reveal('county', 'phone', 'FP-2026-999999')).status).toBe(404);
});

test(`past ${REVEAL_LIMIT.max} reveals within the hour a cadre waits (429, Retry-After), and nothing is shown`, async () => {
  const who = 'baishi_town'; // not yet counted; its own town's case
  const own = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901200201', status: 'town_review', idNumber: '110105195001011234' });
  const statuses: number[] = [];
  for (let i = 0; i < REVEAL_LIMIT.max; i++) statuses.push((await reveal(who, 'phone', own.caseNo)).status);
  expect(new Set(statuses)).toEqual(new Set([200]));
  const last = await reveal(who, 'phone', own.caseNo);
  expect(last.status).toBe(429);
  expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(last.body.value).toBeUndefined();
  const rows = await reveals(srv.cadre(who).id);
  expect(rows.filter((r) => r.allowed)).toHaveLength(REVEAL_LIMIT.max);
});
