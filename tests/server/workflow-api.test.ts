/**
 * The case workflow over HTTP: a case carried from village review to paid by the cadres who own
 * each step (each with their own credential), refusals as status codes with the field named,
 * objections during the public notice, the household visit, the list's filters and paging, and
 * account management. The clock is fixed and moved by hand.
 */
import { SIDE_ACT_ROLES, statusOfAct } from '../../flows/workflow';
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server';

const START = new Date('2026-03-10T02:00:00Z'); // Tuesday 10 March 2026, 10:00 in China
let clock = START;
const DAY = 86_400_000;

let srv: TestServer;
let seq = 0;
const idNumber = () => `1101051960${String(++seq).padStart(7, '0')}X`;

beforeAll(async () => {
  srv = await startTestServer({ now: () => clock });
});
afterAll(async () => {
  await srv.close();
});
beforeEach(() => {
  clock = START;
});

type Res = { status: number; body: any };
async function call(method: string, path: string, token: string | undefined, body?: unknown): Promise<Res> {
  const res = await fetch(`${srv.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
const move = (caseNo: string, token: string, body: unknown) => call('POST', `/api/cases/${caseNo}/transitions`, token, body);
const tok = (key: Parameters<TestServer['cadre']>[0]) => srv.cadre(key).token;
/** A row's columns as data (rows read through the sealing client carry per-object helper functions). */
const columns = (row: unknown): unknown => JSON.parse(JSON.stringify(row));

async function newCase(opts: { village?: string; status?: string; cause?: 'illness' | 'disaster' | 'education'; fields?: Record<string, unknown> } = {}) {
  const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: `villager-${seq + 1}`, name: '村民' } });
  return insertCase(srv.db.prisma, srv.config.documentsDir, {
    villageCode: opts.village ?? '439901100201',
    status: opts.status ?? 'village_review',
    cause: opts.cause,
    idNumber: idNumber(),
    contactId: contact.id,
    fields: opts.fields as never,
  });
}

describe('a case from village review to paid, each step by its owner', () => {
  test('village → town → county → verifier → village → public notice → county decides and pays', async () => {
    const { caseNo } = await newCase();
    const village = srv.cadre('liushu');
    // the village cadre logs in (a session of 12 hours); the others use their API tokens
    const signIn = async () => (await call('POST', '/api/auth/login', undefined, { username: village.username, password: village.password })).body.token as string;
    let session = await signIn();

    let res = await move(caseNo, session, { to: 'town_review', note: '材料齐全' });
    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({ caseNo, status: 'town_review' });
    expect(res.body.event).toMatchObject({ type: 'approve', from: 'village_review', to: 'town_review', note: '材料齐全' });

    res = await move(caseNo, tok('qingshan'), { to: 'county_review' });
    expect(res.body.case.status).toBe('county_review');

    const verifiers = (await call('GET', '/api/cadres?role=verifier', tok('county'))).body.cadres;
    expect(verifiers.map((v: { name: string }) => v.name)).toContain('人保核查员');
    const verifierId = srv.cadre('verifier').id;
    res = await move(caseNo, tok('county'), { to: 'verification', data: { verifierId } });
    expect(res.status).toBe(200);
    expect(res.body.case.verifier).toEqual({ id: verifierId, name: '人保核查员' });

    // the verifier sees the case among those assigned to it, and schedules the visit
    const mine = (await call('GET', '/api/cases?assignedToMe=true', tok('verifier'))).body.cases.map((c: { caseNo: string }) => c.caseNo);
    expect(mine).toEqual([caseNo]);
    res = await call('POST', `/api/cases/${caseNo}/visit`, tok('verifier'), { date: '2026-03-12' });
    expect(res.status).toBe(201);
    expect(res.body.visit).toEqual({ date: '2026-03-12', scheduledAt: START.toISOString() });

    clock = new Date(START.getTime() + 2 * DAY);
    res = await move(caseNo, tok('verifier'), {
      to: 'assessment',
      data: { verifiedIncomeFen: 1_800_000, verifiedMembers: 4, verifiedExpenseFen: 3_500_000, outcome: 'differs', visitedOn: '2026-03-12', note: '收入略低于申报' },
    });
    expect(res.status).toBe(200);

    expect((await move(caseNo, session, { to: 'publicity' })).status).toBe(401); // two days on: the session has expired
    session = await signIn();
    res = await move(caseNo, session, { to: 'publicity', data: { result: 'agreed', attendance: 31, publicityStart: '2026-03-13', publicityEnd: '2026-03-19' } });
    expect(res.status).toBe(200);
    expect(res.body.case.publicity).toEqual({ start: '2026-03-13', end: '2026-03-19' });

    // a villager objects during the notice; the county cannot decide until it is resolved and the notice is over
    const objection = await call('POST', `/api/cases/${caseNo}/objections`, session, { note: '有村民反映其子女有稳定收入' });
    expect(objection.status).toBe(201);
    expect(objection.body.objection).toMatchObject({ note: '有村民反映其子女有稳定收入', resolvedAt: null, recordedBy: { name: '柳树村村委会' } });

    const decision = { amountFen: 800_000, category: 'sudden_hardship', measures: ['temporary_relief', 'medical_aid'] };
    clock = new Date(START.getTime() + 10 * DAY); // 20 March: the notice ended yesterday
    res = await move(caseNo, tok('county'), { to: 'approved', data: decision });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'guard', message: expect.stringContaining('objection') });

    res = await call('POST', `/api/cases/${caseNo}/objections/${objection.body.objection.id}/resolve`, tok('county'), { resolution: '经核实子女在读，无收入' });
    expect(res.status).toBe(200);
    expect(res.body.objection).toMatchObject({ resolution: '经核实子女在读，无收入', resolvedAt: clock.toISOString() });

    res = await move(caseNo, tok('county'), { to: 'approved', data: decision });
    expect(res.status).toBe(200);
    expect(res.body.case.decision).toEqual(decision);

    res = await move(caseNo, tok('county'), { to: 'paid', data: { paymentRef: 'QX-2026-0042', paidOn: '2026-03-20' } });
    expect(res.status).toBe(200);

    const detail = (await call('GET', `/api/cases/${caseNo}`, tok('county'))).body;
    expect(detail).toMatchObject({
      status: 'paid',
      payment: { ref: 'QX-2026-0042', paidOn: '2026-03-20' },
      decision,
      verification: { verifiedIncomeFen: 1_800_000, outcome: 'differs' },
      assessment: { result: 'agreed', attendance: 31 },
      visit: { date: '2026-03-12' },
      overdue: false,
      allowedMoves: [],
    });
    expect(detail.events.map((e: { type: string; actorName: string | null }) => `${e.type}:${e.actorName}`)).toEqual([
      'approve:柳树村村委会',
      'approve:青山镇帮扶站',
      'approve:县帮扶办',
      'visit_scheduled:人保核查员',
      'approve:人保核查员',
      'approve:柳树村村委会',
      'objection:柳树村村委会',
      'objection_resolved:县帮扶办',
      'approve:县帮扶办',
      'approve:县帮扶办',
    ]);
  });

  test('return for papers, the villager’s papers recorded by the village, back to the level that returned it', async () => {
    const { caseNo } = await newCase({ status: 'town_review' });
    let res = await move(caseNo, tok('qingshan'), { to: 'returned', data: { items: ['出院小结', '费用清单'] } });
    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({ status: 'returned', returnedFrom: 'town_review', missingItems: ['出院小结', '费用清单'] });
    res = await move(caseNo, tok('qingshan'), { to: 'town_review' });
    expect(res.status).toBe(200);
    expect(res.body.event).toMatchObject({ type: 'resubmit', from: 'returned', to: 'town_review' });
  });

  test('the green channel: the county approves first, with a reason', async () => {
    const { caseNo } = await newCase();
    const res = await move(caseNo, tok('county'), { to: 'approved', action: 'fast_approve', note: '火灾，急需', data: { amountFen: 300_000, category: 'sudden_hardship', measures: ['temporary_relief'] } });
    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({ status: 'approved', greenChannel: true });
  });
});

describe('GET /api/workflow', () => {
  test('the moves with their data as JSON Schema, for a cadre only', async () => {
    expect((await call('GET', '/api/workflow', undefined)).status).toBe(401);
    const res = await call('GET', '/api/workflow', tok('qingshan'));
    expect(res.status).toBe(200);
    expect(res.body.statuses).toContain('town_review');
    expect(res.body.owners.verification).toEqual(['verifier', 'county']);
    // the side acts as the workflow defines them (the console's verifier pages read them)
    expect(res.body.sideActs).toEqual({ visit: { status: statusOfAct('visit'), roles: [...SIDE_ACT_ROLES.visit] }, objection: { status: statusOfAct('objection'), roles: [...SIDE_ACT_ROLES.objection] } });
    const decision = res.body.moves.find((m: { id: string }) => m.id === 'decision');
    expect(decision).toMatchObject({ action: 'approve', from: ['publicity'], to: 'approved', data: { type: 'object', required: ['amountFen', 'category', 'measures'] } });
  });
});

describe('refusals as status codes, audited', () => {
  let liushu: string; // village_review in 柳树村
  let baishi: string; // village_review in 白石村
  beforeAll(async () => {
    liushu = (await newCase()).caseNo;
    baishi = (await newCase({ village: '439901200201' })).caseNo;
  });

  const table: [string, () => [string, string, unknown], number, string, string?][] = [
    ['an unknown target', () => [liushu, tok('liushu'), { to: 'somewhere' }], 400, 'bad_request', 'to'],
    ['no target at all', () => [liushu, tok('liushu'), { note: 'x' }], 400, 'bad_request', 'to'],
    ['an unknown action', () => [liushu, tok('liushu'), { action: 'approve_all' }], 400, 'bad_request', 'action'],
    ['data that is not an object', () => [liushu, tok('liushu'), { to: 'town_review', data: [1] }], 400, 'bad_request', 'data'],
    ['a note too long', () => [liushu, tok('liushu'), { to: 'town_review', note: 'x'.repeat(1001) }], 400, 'bad_request', 'note'],
    ['a case outside the jurisdiction', () => [baishi, tok('liushu'), { to: 'town_review' }], 404, 'not_found'],
    ['an unknown case', () => ['FP-2026-999999', tok('county'), { to: 'town_review' }], 404, 'not_found'],
    ['the wrong role', () => [liushu, tok('qingshan'), { to: 'town_review' }], 403, 'no_role'],
    ['a role that does not own the step', () => [liushu, tok('auditor'), { to: 'town_review' }], 403, 'no_role'],
    ['a verifier, on a case not assigned to it', () => [liushu, tok('verifier'), { to: 'town_review' }], 404, 'not_found'],
    ['a move the status does not have', () => [liushu, tok('liushu'), { to: 'paid' }], 409, 'not_allowed_from_status', 'to'],
    ['a rejection without a reason', () => [liushu, tok('liushu'), { to: 'rejected' }], 400, 'invalid_data', 'note'],
    ['a return without the list', () => [liushu, tok('liushu'), { to: 'returned', data: {} }], 400, 'invalid_data', 'data.items'],
  ];
  // a rest parameter: jest would take a row shorter than the function's arity as asking for `done`
  test.each(table)('%s → %s', async (...row) => {
    const [, req, status, code, field] = row;
    const [caseNo, token, body] = req();
    const before = await srv.db.prisma.case.findUnique({ where: { caseNo } });
    const res = await move(caseNo, token, body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (field) expect(res.body.error.field).toBe(field);
    expect(columns(await srv.db.prisma.case.findUnique({ where: { caseNo } }))).toEqual(columns(before));
  });

  test('a refused move is in the audit trail (the transaction committed it)', async () => {
    clock = new Date(START.getTime() + DAY); // the newest attempt on this case
    await move(baishi, tok('liushu'), { to: 'town_review' });
    const audit = await call('GET', `/api/audit?caseNo=${baishi}`, tok('county'));
    expect(audit.status).toBe(200);
    expect(audit.body.entries[0]).toMatchObject({ action: 'transition:town_review', caseNo: baishi, allowed: false, actor: { type: 'cadre', name: '柳树村村委会' }, reason: expect.stringMatching(/^outside_jurisdiction/) });
    expect((await call('GET', '/api/audit', tok('liushu'))).status).toBe(403);
  });

  test.each([
    ['no token', undefined, 401],
    ['a malformed case number', tok, 400],
  ] as const)('%s → %s', async (_l, token, status) => {
    const res = await call('POST', `/api/cases/${status === 400 ? 'FP-1' : liushu}/transitions`, token ? token('county') : undefined, { to: 'town_review' });
    expect(res.status).toBe(status);
  });

  test('malformed JSON → 400', async () => {
    expect((await call('POST', `/api/cases/${liushu}/transitions`, tok('county'), '{"to":')).status).toBe(400);
  });

  test('assigning someone who is not a verifier → 400 naming data.verifierId', async () => {
    const { caseNo } = await newCase({ status: 'county_review' });
    const res = await move(caseNo, tok('county'), { to: 'verification', data: { verifierId: srv.cadre('liushu').id } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('data.verifierId');
  });
});

describe('objections during the public notice', () => {
  const publicity = { publicityStart: new Date('2026-03-05T00:00:00+08:00'), publicityEnd: new Date('2026-03-11T00:00:00+08:00') };
  test.each([
    ['the village cadre', 'liushu', 201],
    ['the county office', 'county', 201],
    ['the town cadre', 'qingshan', 403],
    ['the verifier (not assigned to it: as if it did not exist)', 'verifier', 404],
    ['another village’s cadre', 'baishi', 404],
  ] as const)('recorded by %s → %s', async (_l, who, status) => {
    const { caseNo } = await newCase({ status: 'publicity', fields: publicity });
    const res = await call('POST', `/api/cases/${caseNo}/objections`, tok(who), { note: '有异议' });
    expect(res.status).toBe(status);
    expect(await srv.db.prisma.objection.count({ where: { case: { caseNo } } })).toBe(status === 201 ? 1 : 0);
  });

  test('only while the notice runs; a note is needed', async () => {
    const { caseNo } = await newCase({ status: 'assessment' });
    expect((await call('POST', `/api/cases/${caseNo}/objections`, tok('liushu'), { note: '有异议' })).status).toBe(409);
    const open = await newCase({ status: 'publicity', fields: publicity });
    const blank = await call('POST', `/api/cases/${open.caseNo}/objections`, tok('liushu'), { note: '  ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.field).toBe('note');
  });

  test('resolving: once, with a resolution, an objection of that case', async () => {
    const { caseNo } = await newCase({ status: 'publicity', fields: publicity });
    const other = await newCase({ status: 'publicity', fields: publicity });
    const id = (await call('POST', `/api/cases/${caseNo}/objections`, tok('liushu'), { note: '有异议' })).body.objection.id;
    const resolve = (no: string, body: unknown, token = tok('county')) => call('POST', `/api/cases/${no}/objections/${id}/resolve`, token, body);
    expect((await resolve(caseNo, {})).body.error.field).toBe('resolution');
    const wrongCase = await resolve(other.caseNo, { resolution: '已核实' });
    expect(wrongCase.status).toBe(404);
    expect(wrongCase.body.error.field).toBe('objectionId');
    expect((await resolve(caseNo, { resolution: '已核实' }, tok('qingshan'))).status).toBe(403);
    expect((await resolve(caseNo, { resolution: '已核实' })).status).toBe(200);
    expect((await resolve(caseNo, { resolution: '再次' })).status).toBe(409);
  });
});

describe('the household visit', () => {
  let verifierId: string;
  let otherVerifierToken: string;
  beforeAll(async () => {
    verifierId = srv.cadre('verifier').id;
    const other = await call('POST', '/api/cadres', ADMIN_TOKEN, { name: '太平洋核查员', role: 'verifier', regionCode: '439901', apiToken: true });
    otherVerifierToken = other.body.apiToken;
  });
  test.each([
    ['the assigned verifier', () => tok('verifier'), '2026-03-12', 'verification', 201, undefined],
    ['the county office', () => tok('county'), '2026-03-10', 'verification', 201, undefined],
    ['another verifier (as if the case did not exist)', () => otherVerifierToken, '2026-03-12', 'verification', 404, undefined],
    ['the village cadre', () => tok('liushu'), '2026-03-12', 'verification', 403, undefined],
    ['a day in the past', () => tok('verifier'), '2026-03-09', 'verification', 400, 'date'],
    ['not a date', () => tok('verifier'), '12 March', 'verification', 400, 'date'],
    ['an impossible date', () => tok('verifier'), '2026-02-30', 'verification', 400, 'date'],
    ['before verification', () => tok('county'), '2026-03-12', 'county_review', 409, undefined],
  ])('scheduled by %s → %s', async (_l, token, date, status, code, field) => {
    const { caseNo } = await newCase({ status, fields: { verifierId } });
    const res = await call('POST', `/api/cases/${caseNo}/visit`, token(), { date });
    expect(res.status).toBe(code);
    if (field) expect(res.body.error.field).toBe(field);
    expect(await srv.db.prisma.caseEvent.count({ where: { case: { caseNo }, type: 'visit_scheduled' } })).toBe(code === 201 ? 1 : 0);
  });
});

describe('GET /api/cases filters and paging', () => {
  const made: Record<string, string> = {};
  let total = 0;
  beforeAll(async () => {
    // a separate clock day so these cases are easy to tell apart: the filters below combine with cause=education
    const at = (d: number) => new Date(START.getTime() - d * DAY);
    made.liushuTown = (await newCase({ status: 'town_review', cause: 'education', fields: { submittedAt: at(5), dueAt: at(1) } })).caseNo; // overdue by dueAt
    made.shiqiaoCounty = (await newCase({ village: '439901100202', status: 'county_review', cause: 'education', fields: { submittedAt: at(4), overdueSince: at(1) } })).caseNo; // flagged
    made.baishiVillage = (await newCase({ village: '439901200201', status: 'village_review', cause: 'education', fields: { submittedAt: at(3), dueAt: new Date(START.getTime() + DAY) } })).caseNo;
    made.shanmuPaid = (await newCase({ village: '439901200202', status: 'paid', cause: 'education', fields: { submittedAt: at(2) } })).caseNo;
    total = 4;
  });
  const list = async (query: string, token = ADMIN_TOKEN) => {
    const res = await call('GET', `/api/cases?cause=education&${query}`, token);
    expect(res.status).toBe(200);
    return res.body;
  };
  const nos = (body: { cases: { caseNo: string }[] }) => body.cases.map((c) => c.caseNo);

  test.each([
    ['one status', 'status=town_review', ['liushuTown']],
    ['a comma list', 'status=town_review,county_review', ['shiqiaoCounty', 'liushuTown']],
    ['a town: its villages', 'region=439901100', ['shiqiaoCounty', 'liushuTown']],
    ['a village', 'region=439901200202', ['shanmuPaid']],
    ['the county', 'region=439901', ['shanmuPaid', 'baishiVillage', 'shiqiaoCounty', 'liushuTown']],
    ['overdue', 'overdue=true', ['shiqiaoCounty', 'liushuTown']],
    ['not overdue', 'overdue=false', ['shanmuPaid', 'baishiVillage']],
    ['overdue in a town', 'overdue=true&region=439901100201', ['liushuTown']],
    ['by due date', 'sort=due&status=town_review,village_review', ['liushuTown', 'baishiVillage']],
  ])('%s (%s)', async (_l, query, expected) => {
    expect(nos(await list(query))).toEqual(expected.map((k) => made[k]));
  });

  test('a region outside the jurisdiction lists nothing', async () => {
    expect(nos(await list('region=439901200', tok('qingshan')))).toEqual([]);
    expect(nos(await list('region=439901', tok('qingshan')))).toEqual([made.shiqiaoCounty, made.liushuTown]);
  });

  test('the summary says whether a case is overdue', async () => {
    const body = await list('status=town_review');
    expect(body.cases[0]).toMatchObject({ caseNo: made.liushuTown, overdue: true, dueAt: new Date(START.getTime() - DAY).toISOString(), greenChannel: false });
  });

  test('paging', async () => {
    const pages = [await list('pageSize=3&page=1'), await list('pageSize=3&page=2')];
    expect(pages.map((p) => p.total)).toEqual([total, total]);
    expect([...nos(pages[0]), ...nos(pages[1])]).toEqual([made.shanmuPaid, made.baishiVillage, made.shiqiaoCounty, made.liushuTown]);
    expect(nos(await list('pageSize=3&page=3'))).toEqual([]);
  });

  test.each([
    ['newest', 'sort=newest', ['shanmuPaid', 'baishiVillage', 'shiqiaoCounty', 'liushuTown']],
    ['by due date (those without one last)', 'sort=due', ['liushuTown', 'baishiVillage', 'shiqiaoCounty', 'shanmuPaid']],
    ['a status in a town', 'status=town_review,county_review&region=439901100', ['shiqiaoCounty', 'liushuTown']],
  ])('paging by cursor, one case a page: %s', async (_l, query, expected) => {
    const first = await list(`${query}&pageSize=1`);
    expect(first).toMatchObject({ total: expected.length, totalExact: true, page: 1 });
    const seen = nos(first);
    for (let cursor = first.nextCursor; cursor; ) {
      const next = await list(`${query}&pageSize=1&cursor=${cursor}`);
      expect(next.total).toBeUndefined(); // counts come with the first page only
      seen.push(...nos(next));
      cursor = next.nextCursor;
    }
    expect(seen).toEqual(expected.map((k) => made[k]));
  });

  test('the first page counts per status in the region asked for', async () => {
    const body = (await call('GET', '/api/cases?region=439901100&status=town_review', ADMIN_TOKEN)).body;
    const town = await srv.db.prisma.region.findUniqueOrThrow({ where: { code: '439901100' } });
    const counted = await srv.db.prisma.case.groupBy({ by: ['status'], where: { village: { parentId: town.id } }, _count: true });
    expect(body.statusCounts).toEqual(Object.fromEntries(counted.map((g) => [g.status, g._count])));
    expect(body).toMatchObject({ total: body.statusCounts.town_review, totalExact: true });
  });

  test('by due date, a first page of cases without one still carries the counts', async () => {
    // the dated cases' statement finds none here; the undated cases' statement fills the page
    const body = await list('sort=due&region=439901200202');
    expect(nos(body)).toEqual([made.shanmuPaid]);
    expect(body).toMatchObject({ total: 1, totalExact: true });
    expect(Object.values(body.statusCounts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(1);
  });

  test('a case number or its beginning', async () => {
    expect(nos(await list(`caseNo=${made.baishiVillage}`))).toEqual([made.baishiVillage]);
    expect(nos(await list(`caseNo=${made.baishiVillage!.slice(0, -1).toLowerCase()}`))).toContain(made.baishiVillage);
  });

  test.each([
    ['status=town_review,bogus', 'status'],
    ['cursor=abc', 'cursor'],
    ['page=2&cursor=abc', 'page'],
    ['page=42&pageSize=50', 'page'],
    ['caseNo=FP-26', 'caseNo'],
    ['status=', 'status'],
    ['region=12', 'region'],
    ['region=999999', 'region'],
    ['overdue=maybe', 'overdue'],
    ['sort=oldest', 'sort'],
    ['page=0', 'page'],
    ['pageSize=201', 'pageSize'],
  ])('%s → 400 naming %s', async (query, field) => {
    const res = await call('GET', `/api/cases?${query}`, ADMIN_TOKEN);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });
});

describe('GET /api/cases?assignedToMe: only where cases are assigned to the caller', () => {
  test.each([
    ['verifier', 200],
    ['liushu', 400],
    ['qingshan', 400],
    ['county', 400],
    ['auditor', 400],
  ] as const)('%s → %i', async (who, status) => {
    const res = await call('GET', '/api/cases?assignedToMe=true', tok(who));
    expect(res.status).toBe(status);
    if (status === 400) expect(res.body.error).toMatchObject({ code: 'bad_request', field: 'assignedToMe' });
    // false asks nothing of anyone
    expect((await call('GET', '/api/cases?assignedToMe=false', tok(who))).status).toBe(200);
  });
});

describe('accounts through the API', () => {
  test.each([
    ['the county: a verifier over the county', 'county', { role: 'verifier', regionCode: '439901' }, 201],
    ['the county: a verifier for one town', 'county', { role: 'verifier', regionCode: '439901200' }, 201],
    ['the county: an auditor', 'county', { role: 'auditor', regionCode: '439901' }, 201],
    ['the town: a village cadre of its own village', 'qingshan', { role: 'village', regionCode: '439901100203' }, 201],
    ['the town: a colleague in the town (town cadres manage village accounts only)', 'qingshan', { role: 'town', regionCode: '439901100' }, 403],
    ['the town: a village cadre of another town', 'qingshan', { role: 'village', regionCode: '439901200201' }, 403],
    ['the town: a verifier', 'qingshan', { role: 'verifier', regionCode: '439901100' }, 403],
    ['the village cadre: anyone', 'liushu', { role: 'village', regionCode: '439901100201' }, 403],
    ['a village cadre placed at a town', 'county', { role: 'village', regionCode: '439901100' }, 400],
    ['a town cadre placed at a village', 'county', { role: 'town', regionCode: '439901100201' }, 400],
    ['an auditor placed at a town', 'county', { role: 'auditor', regionCode: '439901100' }, 400],
    ['an unknown region', 'county', { role: 'village', regionCode: '439901999999' }, 400],
    ['an unknown role', 'county', { role: 'mayor', regionCode: '439901' }, 400],
  ] as const)('%s → %s', async (_l, who, body, status) => {
    const res = await call('POST', '/api/cadres', tok(who), { name: '新干部', ...body });
    expect(res.status).toBe(status);
    if (status === 400) expect(res.body.error.field).toBe(body.role === 'mayor' ? 'role' : 'regionCode');
  });

  test('a username gets a generated password, shown once; only its hash is kept', async () => {
    const res = await call('POST', '/api/cadres', tok('county'), { name: '河湾村村委会', role: 'village', regionCode: '439901100203', username: 'hewan' });
    expect(res.status).toBe(201);
    expect(res.body.password).toMatch(/^\S{12}$/);
    expect(res.body.cadre).toMatchObject({ username: 'hewan', role: 'village', region: { code: '439901100203', name: '河湾村' }, hasPassword: true, wechatBound: false });
    expect((await call('POST', '/api/auth/login', undefined, { username: 'hewan', password: res.body.password })).status).toBe(200);
    const dup = await call('POST', '/api/cadres', tok('county'), { name: 'x', role: 'village', regionCode: '439901100203', username: 'hewan' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.field).toBe('username');
    const weak = await call('POST', '/api/cadres', tok('county'), { name: 'x', role: 'village', regionCode: '439901100203', username: 'weak', password: 'short' });
    expect(weak.body.error.field).toBe('password');
  });

  test('the list: within the jurisdiction, never a hash', async () => {
    const town = (await call('GET', '/api/cadres', tok('qingshan'))).body.cadres;
    const regions = new Set(town.map((c: { region: { code: string } }) => c.region.code));
    for (const code of regions) expect(String(code).startsWith('439901100')).toBe(true);
    expect(town.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['柳树村村委会', '青山镇帮扶站']));
    const text = JSON.stringify((await call('GET', '/api/cadres', tok('county'))).body);
    expect(text).not.toMatch(/passwordHash|tokenHash|\$2[aby]\$/);
    expect((await call('GET', '/api/cadres', tok('liushu'))).status).toBe(403);
  });
});
