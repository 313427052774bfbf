/**
 * Issue 8 follow-up: the full ID number and phone left without an access-audit entry. Only
 * GET /api/cases/:caseNo wrote one; a move, an objection, its resolution and a scheduled visit
 * answer with the same case detail and wrote none. Every answer that carries the detail goes
 * through caseDetailAudited (server/core/cases/detail.ts): each writes exactly one entry — who, which
 * case, which fields — and a refusal, which shows nothing, writes none.
 */
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { call } from '../miniprogram/support';

const START = new Date('2026-03-10T02:00:00Z');
const publicity = { publicityStart: new Date('2026-03-05T00:00:00+08:00'), publicityEnd: new Date('2026-03-11T00:00:00+08:00') };
let srv: TestServer;
let seq = 0;

beforeAll(async () => {
  srv = await startTestServer({ now: () => START });
});
afterAll(() => srv.close());

const newCase = (status: string, fields: Record<string, unknown> = {}) =>
  insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100201', status, idNumber: `1101051961${String(++seq).padStart(7, '0')}X`, fields: fields as never });

const accessEntries = (caseNo: string) => srv.db.prisma.auditEntry.findMany({ where: { kind: 'access', caseNo }, orderBy: { at: 'asc' } });

type Row = [label: string, status: string, fields: () => Record<string, unknown>, request: (caseNo: string) => Promise<{ method: string; path: string; token: string; body?: unknown }>, expected: number, action: string];

const ROWS: Row[] = [
  ['GET the case', 'village_review', () => ({}), async (no) => ({ method: 'GET', path: `/api/cases/${no}`, token: srv.cadre('liushu').token }), 200, 'case:view'],
  ['a move', 'village_review', () => ({}), async (no) => ({ method: 'POST', path: `/api/cases/${no}/transitions`, token: srv.cadre('liushu').token, body: { to: 'town_review' } }), 200, 'case:transition'],
  ['an objection', 'publicity', () => publicity, async (no) => ({ method: 'POST', path: `/api/cases/${no}/objections`, token: srv.cadre('liushu').token, body: { note: '有异议' } }), 201, 'case:objection'],
  [
    'an objection resolved',
    'publicity',
    () => publicity,
    async (no) => {
      const c = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: no } });
      const o = await srv.db.prisma.objection.create({ data: { caseId: c.id, note: '有异议', receivedAt: START } });
      return { method: 'POST', path: `/api/cases/${no}/objections/${o.id}/resolve`, token: srv.cadre('county').token, body: { resolution: '已核实' } };
    },
    200,
    'case:objection-resolve',
  ],
  ['a visit', 'verification', () => ({ verifierId: srv.cadre('verifier').id }), async (no) => ({ method: 'POST', path: `/api/cases/${no}/visit`, token: srv.cadre('verifier').token, body: { date: '2026-03-12' } }), 201, 'case:visit'],
];

test.each(ROWS)('%s answers with the detail (ID number and phone masked) and writes exactly one access entry', async (_label, status, fields, request, expected, action) => {
  const { caseNo } = await newCase(status, fields());
  const req = await request(caseNo);
  const before = (await accessEntries(caseNo)).length;
  const res = await call(srv, req.method, req.path, { token: req.token, ...(req.body !== undefined ? { body: req.body } : {}) });
  expect(res.status).toBe(expected);
  const detail = req.method === 'GET' ? res.body : res.body.case;
  expect(detail.household.phone).toBe('138****8000');
  const entries = (await accessEntries(caseNo)).slice(before);
  expect(entries.map((e) => ({ action: e.action, fields: e.fields, caseNo: e.caseNo, allowed: e.allowed }))).toEqual([{ action, fields: ['case'], caseNo, allowed: true }]);
});

test('a refused move shows nothing and writes no access entry', async () => {
  const { caseNo } = await newCase('village_review');
  const res = await call(srv, 'POST', `/api/cases/${caseNo}/transitions`, { token: srv.cadre('baishi').token, body: { to: 'town_review' } });
  expect(res.status).toBe(404);
  expect(await accessEntries(caseNo)).toEqual([]);
});
