/**
 * Bulk moves (POST /api/cases/bulk-move {caseNos, move, note?, data?}): each case moves through
 * the one writer (performTransition) in its own transaction — its own event and refusal audit row —
 * by the approve of its own status, or is given a verifier; a refused case (another step's, its
 * identity to verify, outside the region) is listed with its refusal and changes nothing, the
 * others move all the same. The body is validated and bounded.
 */
import { BULK_MAX } from '../../server/core/cases/bulk-move';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { BAISHI, call, idNumber, LIUSHU } from '../miniprogram/support';

const NOW = new Date('2026-03-10T02:00:00Z');
let srv: TestServer;
let seq = 0;

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
}, 120_000);
afterAll(() => srv?.close());

const newCase = async (status: string, fields: Record<string, unknown> = {}, village = LIUSHU.village) =>
  (await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: village, status, idNumber: idNumber('19610101', 700 + ++seq), fields: fields as never })).caseNo;
const bulk = (who: Parameters<TestServer['cadre']>[0], body: unknown) => call(srv, 'POST', '/api/cases/bulk-move', { token: srv.cadre(who).token, body });
const statusOf = async (caseNo: string) => (await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } })).status;

test('the village approves three: two move on to the town, each with its own event; the one to verify in person is refused and stays', async () => {
  const [a, b] = [await newCase('village_review'), await newCase('village_review')];
  const pending = await newCase('village_review', { identityCheck: 'pending', identityNote: 'id_phone_typed' });
  const res = await bulk('liushu', { caseNos: [a, pending, b], move: 'approve', note: '材料齐全' });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ moved: 2, refused: 1 });
  expect(res.body.results).toEqual([
    { caseNo: a, ok: true, from: 'village_review', to: 'town_review' },
    { caseNo: pending, ok: false, code: 'invalid_data', message: expect.stringContaining('身份待核实'), field: 'data.identityConfirmed' },
    { caseNo: b, ok: true, from: 'village_review', to: 'town_review' },
  ]);
  for (const no of [a, b]) {
    expect(await statusOf(no)).toBe('town_review');
    const events = await srv.db.prisma.caseEvent.findMany({ where: { case: { caseNo: no }, type: 'approve' } });
    expect(events.map((e) => ({ actorId: e.actorId, note: e.note, toStatus: e.toStatus }))).toEqual([{ actorId: srv.cadre('liushu').id, note: '材料齐全', toStatus: 'town_review' }]);
  }
  expect(await statusOf(pending)).toBe('village_review');
  const refusals = await srv.db.prisma.auditEntry.findMany({ where: { caseNo: pending, allowed: false } });
  expect(refusals).toHaveLength(1);
});

test('a bulk move never confirms an identity: identityConfirmed in its data is dropped, the case to verify stays', async () => {
  const pending = await newCase('village_review', { identityCheck: 'pending', identityNote: 'id_phone_typed' });
  const row = () => srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: pending }, select: { status: true, identityCheck: true, householdId: true } });
  const before = await row();
  const res = await bulk('liushu', { caseNos: [pending], move: 'approve', data: { identityConfirmed: true } });
  expect(res.body.results).toEqual([expect.objectContaining({ caseNo: pending, ok: false, code: 'invalid_data', field: 'data.identityConfirmed' })]);
  expect(await row()).toEqual({ ...before, status: 'village_review', identityCheck: 'pending' });
});

test.each([
  ['a case of another step', () => newCase('town_review'), 'no_role'],
  ['a case outside the region: no such case', () => newCase('village_review', {}, BAISHI.village), 'not_found'],
  ['an unknown case number', async () => 'FP-2026-999999', 'not_found'],
])('%s is refused on its own, the others still move', async (_label, make, code) => {
  const ok = await newCase('village_review');
  const other = await make();
  const res = await bulk('liushu', { caseNos: [other, ok], move: 'approve' });
  expect(res.body.results).toEqual([expect.objectContaining({ caseNo: other, ok: false, code }), { caseNo: ok, ok: true, from: 'village_review', to: 'town_review' }]);
  if (code === 'not_found') expect(res.body.results[0].message).toBe('case not found');
});

test('approve is the move of the case’s own status: for the town, a town-reviewed case goes on to the county', async () => {
  const t = await newCase('town_review');
  const res = await bulk('qingshan', { caseNos: [t], move: 'approve' });
  expect(res.body.results).toEqual([{ caseNo: t, ok: true, from: 'town_review', to: 'county_review' }]);
});

test('the county assigns a verifier to several; one not in county review is refused', async () => {
  const [a, b] = [await newCase('county_review'), await newCase('county_review')];
  const early = await newCase('town_review');
  const res = await bulk('county', { caseNos: [a, b, early], move: 'assign_verifier', data: { verifierId: srv.cadre('verifier').id } });
  expect(res.body).toMatchObject({ moved: 2, refused: 1 });
  expect(res.body.results[2]).toMatchObject({ caseNo: early, ok: false, code: 'not_allowed_from_status' });
  for (const no of [a, b]) expect(await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: no } })).toMatchObject({ status: 'verification', verifierId: srv.cadre('verifier').id });
  // approve in county review needs the verifier: refused naming the field
  const c = await newCase('county_review');
  const missing = await bulk('county', { caseNos: [c], move: 'approve' });
  expect(missing.body.results[0]).toMatchObject({ ok: false, code: 'invalid_data', field: 'data.verifierId' });
});

test.each([
  ['发放: the payment reference and day', 'approved', 'paid', { paymentRef: 'ZF-2026-0310-007', paidOn: '2026-03-09' }, { paymentRef: 'ZF-2026-0310-007' }],
  ['县审核: the verifier', 'county_review', 'verification', () => ({ verifierId: srv.cadre('verifier').id }), () => ({ verifierId: srv.cadre('verifier').id })],
])('the county approves several in a step that needs data (%s): the data goes with each case', async (_label, from, to, data, stored) => {
  const given = typeof data === 'function' ? data() : data;
  const [a, b] = [await newCase(from, from === 'approved' ? { approvedAmountFen: 300_000 } : {}), await newCase(from, from === 'approved' ? { approvedAmountFen: 300_000 } : {})];
  // without the data, each case is refused naming the first field its step needs
  const bare = await bulk('county', { caseNos: [a, b], move: 'approve' });
  expect(bare.body).toMatchObject({ moved: 0, refused: 2 });
  expect(bare.body.results.map((r: { field?: string }) => r.field)).toEqual([`data.${Object.keys(given)[0]}`, `data.${Object.keys(given)[0]}`]);
  const res = await bulk('county', { caseNos: [a, b], move: 'approve', data: given });
  expect(res.body).toMatchObject({ moved: 2, refused: 0 });
  expect(res.body.results).toEqual([a, b].map((caseNo) => ({ caseNo, ok: true, from, to })));
  const want = typeof stored === 'function' ? stored() : stored;
  for (const no of [a, b]) expect(await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: no } })).toMatchObject({ status: to, ...want });
});

test('the verifier approves one case at a time: a bulk approve is refused as a whole (403 naming move), nothing moves', async () => {
  const a = await newCase('verification', { verifierId: srv.cadre('verifier').id });
  const res = await bulk('verifier', { caseNos: [a], move: 'approve', data: { verifiedIncomeFen: 100, verifiedMembers: 3, verifiedExpenseFen: 100, outcome: 'confirmed' } });
  expect(res.status).toBe(403);
  expect(res.body.error).toMatchObject({ code: 'forbidden', field: 'move' });
  expect(await statusOf(a)).toBe('verification');
});

test('the auditor moves nothing', async () => {
  const a = await newCase('village_review');
  const res = await bulk('auditor', { caseNos: [a], move: 'approve' });
  expect(res.body.results[0]).toMatchObject({ ok: false, code: 'no_role' });
  expect(await statusOf(a)).toBe('village_review');
});

test('a case number given twice moves once', async () => {
  const a = await newCase('village_review');
  const res = await bulk('liushu', { caseNos: [a, a.toLowerCase()], move: 'approve' });
  expect(res.body.results).toHaveLength(1);
});

test.each([
  ['no cases', 'caseNos', { caseNos: [], move: 'approve' }],
  [`more than ${BULK_MAX}`, 'caseNos', { caseNos: Array.from({ length: BULK_MAX + 1 }, (_, i) => `FP-2026-${String(i).padStart(6, '0')}`), move: 'approve' }],
  ['a malformed number', 'caseNos.0', { caseNos: ['FP-26-1'], move: 'approve' }],
  ['an unknown move', 'move', { caseNos: ['FP-2026-000001'], move: 'reject' }],
  ['a note too long', 'note', { caseNos: ['FP-2026-000001'], move: 'approve', note: '字'.repeat(1001) }],
])('%s → 400 naming %s', async (_label, field, body) => {
  const res = await bulk('county', body);
  expect(res.status).toBe(400);
  expect(res.body.error.field).toBe(field);
});
