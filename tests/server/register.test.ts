/**
 * The monitoring register over HTTP (server/api/routes/households.ts): each cadre lists and reads
 * its own region's households — another region's answer as not found (404), as cases do — with the
 * head's name masked in the list and the ID numbers and phone masked on the page, whole only by a
 * reveal, each look audited; measures, the 帮扶责任人 and the labour flag recorded with their
 * history, their input checked field by field.
 */
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { BAISHI, call, LIUSHU } from '../miniprogram/support';

const NOW = new Date('2026-03-20T02:00:00Z'); // 20 March 2026 in China
let srv: TestServer;
let seq = 0;
const idNumber = () => `4399011980${String(++seq).padStart(7, '0')}X`;
const HEAD_ID = '43990119800000777X';
const MEMBER_ID = '439901201001010011';

type Cadre = Parameters<TestServer['cadre']>[0];
const get = (who: Cadre, path: string) => call(srv, 'GET', path, { token: srv.cadre(who).token });
const send = (who: Cadre, method: string, path: string, body: unknown) => call(srv, method, path, { token: srv.cadre(who).token, body });

let liushu: { householdId: string; caseNo: string; caseId: string };
let liushuOther: { householdId: string };
let baishi: { householdId: string; caseNo: string };
let memberId: string;

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  const db = srv.db.prisma;
  liushu = await insertCase(db, srv.config.documentsDir, { villageCode: LIUSHU.village, status: 'paid', idNumber: HEAD_ID });
  await db.household.update({ where: { id: liushu.householdId }, data: { headName: '张秀兰', monitoringState: 'monitored', monitoringCategory: 'marginal', monitoredSince: new Date('2026-01-05T00:00:00+08:00') } });
  memberId = (await db.member.create({ data: { householdId: liushu.householdId, name: '张小明', relation: 'son', idNumber: MEMBER_ID } })).id;
  liushuOther = await insertCase(db, srv.config.documentsDir, { villageCode: LIUSHU.village, status: 'withdrawn', idNumber: idNumber() });
  baishi = await insertCase(db, srv.config.documentsDir, { villageCode: BAISHI.village, status: 'paid', idNumber: idNumber() });
  await db.household.update({ where: { id: baishi.householdId }, data: { monitoringState: 'monitored', monitoringCategory: 'sudden_hardship', monitoredSince: new Date('2026-02-01T00:00:00+08:00') } });
}, 120_000);
afterAll(() => srv?.close());

const idsOf = (res: { body: { households: { id: string }[] } }) => res.body.households.map((h) => h.id);

describe('the list: the caller’s region only', () => {
  test.each([
    ['the village sees its own households, not another village’s', 'liushu', true, false],
    ['the town sees its villages’, not another town’s', 'qingshan', true, false],
    ['another village sees its own, not this one’s', 'baishi', false, true],
    ['the county office sees both', 'county', true, true],
    ['the auditor reads the county’s register', 'auditor', true, true],
  ] as const)('%s', async (_label, who, seesLiushu, seesBaishi) => {
    const res = await get(who, '/api/households?pageSize=200');
    expect(res.status).toBe(200);
    expect(idsOf(res).includes(liushu.householdId)).toBe(seesLiushu);
    expect(idsOf(res).includes(baishi.householdId)).toBe(seesBaishi);
  });

  test('asking for another village’s region lists nothing (no error, nothing disclosed)', async () => {
    const res = await get('liushu', `/api/households?region=${BAISHI.village}`);
    expect(res.status).toBe(200);
    expect(res.body.households).toEqual([]);
  });

  test('the insurer’s verifier does not read the register (403)', async () => {
    expect((await get('verifier', '/api/households')).status).toBe(403);
  });

  test('names are masked, no ID number or phone; the state and category shown', async () => {
    const res = await get('liushu', '/api/households?pageSize=200');
    const row = res.body.households.find((h: { id: string }) => h.id === liushu.householdId);
    expect(row).toMatchObject({ headName: '张*兰', state: 'monitored', category: 'marginal', monitoredSince: '2026-01-05', village: { code: LIUSHU.village }, responsible: null });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('张秀兰');
    expect(text).not.toContain(HEAD_ID);
    expect(text).not.toContain('13800138000');
  });

  test.each([
    ['state=monitored', 'state=monitored', () => [liushu.householdId], () => [liushuOther.householdId]],
    ['state=none', 'state=none', () => [liushuOther.householdId], () => [liushu.householdId]],
    ['category=marginal', 'category=marginal', () => [liushu.householdId], () => [liushuOther.householdId, baishi.householdId]],
    ['category=sudden_hardship', 'category=sudden_hardship', () => [baishi.householdId], () => [liushu.householdId]],
    ['region=the town of 柳树村', `region=${LIUSHU.town}`, () => [liushu.householdId, liushuOther.householdId], () => [baishi.householdId]],
  ])('filter %s', async (_label, query, included, excluded) => {
    const res = await get('county', `/api/households?pageSize=200&${query}`);
    expect(res.status).toBe(200);
    for (const id of included()) expect(idsOf(res)).toContain(id);
    for (const id of excluded()) expect(idsOf(res)).not.toContain(id);
  });

  test.each([
    ['state', 'state=watched'],
    ['category', 'category=poor'],
    ['region', 'region=999999999999'],
    ['cursor', 'cursor=not-a-cursor'],
    ['pageSize', 'pageSize=0'],
  ])('a bad %s → 400 naming it', async (field, query) => {
    const res = await get('county', `/api/households?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  test('keyset paging walks every household once, in the order of one page', async () => {
    const whole = idsOf(await get('county', '/api/households?pageSize=200'));
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { households: { id: string }[]; nextCursor: string | null } } = await get('county', `/api/households?pageSize=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      walked.push(...idsOf(res));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(whole.length).toBeGreaterThanOrEqual(3);
    expect(walked).toEqual(whole);
  });

  test('the first page counts the households per state in the caller’s region', async () => {
    const res = await get('liushu', '/api/households?pageSize=1');
    const all = idsOf(await get('liushu', '/api/households?pageSize=200')).length;
    expect(res.body.stateCounts.monitored).toBeGreaterThanOrEqual(1);
    expect(res.body.stateCounts.none + res.body.stateCounts.monitored + res.body.stateCounts.eliminated).toBe(all);
  });
});

describe('the household page', () => {
  const views = (actorId: string) => srv.db.prisma.auditEntry.findMany({ where: { action: 'household:view', actorId }, orderBy: { seq: 'asc' } });

  test('shows the head with the ID number and phone masked, members, cases, and the look is audited', async () => {
    const cadre = srv.cadre('liushu');
    const before = (await views(cadre.id)).length;
    const res = await get('liushu', `/api/households/${liushu.householdId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: liushu.householdId,
      head: { name: '张秀兰', idNumber: '4399**********777X', phone: '138****8000' },
      monitoring: { state: 'monitored', category: 'marginal', since: '2026-01-05', eliminatedOn: null, followUpMonths: 1 },
      members: [{ id: memberId, name: '张小明', relation: 'son', idNumber: '4399**********0011' }],
      cases: [{ caseNo: liushu.caseNo, cause: 'illness' }],
    });
    expect(JSON.stringify(res.body)).not.toContain(HEAD_ID);
    expect(JSON.stringify(res.body)).not.toContain(MEMBER_ID);
    const rows = (await views(cadre.id)).slice(before);
    expect(rows.map((r) => ({ kind: r.kind, subject: r.subject, fields: r.fields, allowed: r.allowed }))).toEqual([{ kind: 'access', subject: `household:${liushu.householdId}`, fields: ['household'], allowed: true }]);
  });

  test.each([
    ['another village’s cadre: no such household (404), nothing audited as seen', 'baishi', 404],
    ['another town’s cadre: 404', 'baishi_town', 404],
    ['the verifier: 403', 'verifier', 403],
  ] as const)('%s', async (_label, who, status) => {
    const res = await get(who, `/api/households/${liushu.householdId}`);
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).not.toContain('张秀兰');
    expect(await views(srv.cadre(who).id)).toEqual([]);
  });

  test('an unknown id → 404; a malformed one → 400 naming id', async () => {
    expect((await get('county', '/api/households/cm0000000000000000000000')).status).toBe(404);
    const bad = await get('county', '/api/households/x!');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('id');
  });
});

describe('显示完整 on the household page', () => {
  const reveal = (who: Cadre, body: unknown, id = liushu.householdId) => send(who, 'POST', `/api/households/${id}/reveal`, body);
  const reveals = (actorId: string) => srv.db.prisma.auditEntry.findMany({ where: { action: 'household:reveal', actorId }, orderBy: { seq: 'asc' } });

  test.each([
    ['the village: the head’s ID number', 'liushu', { field: 'idNumber' }, HEAD_ID, ''],
    ['the town: the head’s phone', 'qingshan', { field: 'phone' }, '13800138000', ''],
    ['the county office: a member’s ID number', 'county', { field: 'idNumber', memberId: '<member>' }, MEMBER_ID, ':member:<member>'],
  ] as const)('%s — whole, and audited', async (_label, who, body, value, subjectTail) => {
    const cadre = srv.cadre(who);
    const before = (await reveals(cadre.id)).length;
    const asked = 'memberId' in body ? { ...body, memberId } : body;
    const res = await reveal(who, asked);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ field: body.field, value });
    const rows = (await reveals(cadre.id)).slice(before);
    expect(rows.map((r) => ({ kind: r.kind, subject: r.subject, fields: r.fields, allowed: r.allowed }))).toEqual([
      { kind: 'access', subject: `household:${liushu.householdId}${subjectTail.replace('<member>', memberId)}`, fields: [body.field], allowed: true },
    ]);
  });

  test.each([
    ['the auditor reads masked only (403)', 'auditor', 403],
    ['the verifier does not read the register (403)', 'verifier', 403],
    ['another village: no such household (404)', 'baishi', 404],
  ] as const)('%s; the refusal audited', async (_label, who, status) => {
    const res = await reveal(who, { field: 'idNumber' });
    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body)).not.toContain(HEAD_ID);
    expect((await reveals(srv.cadre(who).id)).at(-1)).toMatchObject({ allowed: false, kind: 'action', subject: `household:${liushu.householdId}` });
  });

  test.each([
    ['the auditor', 'auditor'],
    ['the verifier', 'verifier'],
  ] as const)('%s asking about an id of no household is refused for its role (403, audited), not told it does not exist', async (_label, who) => {
    const missing = 'cm0000000000000000000099';
    const res = await reveal(who, { field: 'idNumber' }, missing);
    expect(res.status).toBe(403);
    expect((await reveals(srv.cadre(who).id)).at(-1)).toMatchObject({ allowed: false, subject: `household:${missing}`, reason: expect.stringMatching(/^no_role: /) });
  });

  test.each([
    ['an unknown field', { field: 'bankAccount' }, 'field'],
    ['a member’s phone (none on record)', { field: 'phone', memberId: 'cm0000000000000000000000' }, 'field'],
  ])('%s → 400 naming %s', async (_label, body, field) => {
    const res = await reveal('liushu', body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });
});

describe('measures (帮扶措施)', () => {
  const add = (who: Cadre, body: Record<string, unknown>, id = liushu.householdId) => send(who, 'POST', `/api/households/${id}/measures`, body);
  const valid = { kind: 'medical_aid', amountFen: 120_000, givenOn: '2026-03-18', department: 'yibao', caseNo: '<case>', note: '住院费用二次救助' };

  test('recorded with its amount, day, department and case; on the page and in the history', async () => {
    const res = await add('liushu', { ...valid, caseNo: liushu.caseNo });
    expect(res.status).toBe(201);
    const page = await get('liushu', `/api/households/${liushu.householdId}`);
    expect(page.body.measures).toContainEqual({
      id: res.body.id, kind: 'medical_aid', amountFen: 120_000, givenOn: '2026-03-18', department: 'yibao', caseNo: liushu.caseNo, note: '住院费用二次救助',
      recordedBy: { id: srv.cadre('liushu').id, name: srv.cadre('liushu').name },
    });
    expect(page.body.history.at(-1)).toMatchObject({ type: 'measure_added', day: '2026-03-18', caseNo: liushu.caseNo, actor: { type: 'cadre', id: srv.cadre('liushu').id } });
    expect(page.body.timeline.some((e: { source: string; type: string }) => e.source === 'register' && e.type === 'measure_added')).toBe(true);
    // the note can name an illness: sealed at rest
    const raw = await srv.db.raw.supportMeasure.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(raw.note).not.toContain('住院');
  });

  test('a measure without money (a public job): amountFen omitted; zero is an amount', async () => {
    expect((await add('qingshan', { kind: 'public_job', givenOn: '2026-03-01' })).status).toBe(201);
    expect((await add('county', { kind: 'employment_aid', amountFen: 0, givenOn: '2026-03-01', department: 'renshe' })).status).toBe(201);
  });

  test.each([
    ['a kind not in the list', { kind: 'cash' }, 'kind'],
    ['a negative amount', { amountFen: -1 }, 'amountFen'],
    ['an amount in yuan with decimals', { amountFen: 12.5 }, 'amountFen'],
    ['an amount as text', { amountFen: '1200' }, 'amountFen'],
    ['a day that does not exist', { givenOn: '2026-02-30' }, 'givenOn'],
    ['a day in another format', { givenOn: '2026/03/18' }, 'givenOn'],
    ['a day still to come (China time)', { givenOn: '2026-03-21' }, 'givenOn'],
    ['another household’s case', { caseNo: '<baishi>' }, 'caseNo'],
    ['an empty department', { department: '  ' }, 'department'],
    ['a department named in free text', { department: '县医保局' }, 'department'],
    ['a department not in the list', { department: 'gongan' }, 'department'],
    ['an unknown field', { payee: '张三' }, ''],
  ] as [string, Record<string, unknown>, string][])('%s → 400 naming the field, nothing written', async (_label, over, field) => {
    const before = await srv.db.prisma.supportMeasure.count({ where: { householdId: liushu.householdId } });
    const body = { ...valid, caseNo: liushu.caseNo, ...over, ...(over.caseNo ? { caseNo: baishi.caseNo } : {}) };
    const res = await add('liushu', body);
    expect(res.status).toBe(400);
    if (field) expect(res.body.error.field).toBe(field);
    expect(await srv.db.prisma.supportMeasure.count({ where: { householdId: liushu.householdId } })).toBe(before);
  });

  test.each([
    ['another village: 404', 'baishi', 404],
    ['the auditor: 403', 'auditor', 403],
    ['the verifier: 403', 'verifier', 403],
  ] as const)('%s, the refusal audited', async (_label, who, status) => {
    const res = await add(who, { ...valid, caseNo: liushu.caseNo });
    expect(res.status).toBe(status);
    const last = await srv.db.prisma.auditEntry.findFirst({ where: { action: 'household:measure', actorId: srv.cadre(who).id }, orderBy: { seq: 'desc' } });
    expect(last).toMatchObject({ allowed: false, subject: `household:${liushu.householdId}` });
  });
});

describe('帮扶责任人 and the labour flag', () => {
  test('the village sets its cadre as 帮扶责任人: on the page, in the history, and "responsible=me" lists it', async () => {
    const cadre = srv.cadre('liushu');
    expect((await send('liushu', 'POST', `/api/households/${liushu.householdId}/responsible`, { cadreId: cadre.id })).status).toBe(200);
    const page = await get('liushu', `/api/households/${liushu.householdId}`);
    expect(page.body.responsible).toEqual({ id: cadre.id, name: cadre.name });
    expect(page.body.history.at(-1)).toMatchObject({ type: 'responsible_set', data: { from: null, to: cadre.id } });
    expect(idsOf(await get('liushu', '/api/households?responsible=me'))).toEqual([liushu.householdId]);
    expect(idsOf(await get('county', `/api/households?responsible=${cadre.id}`))).toEqual([liushu.householdId]);
  });

  test.each([
    ['a cadre of another village', 'baishi'],
    ['the insurer’s verifier', 'verifier'],
    ['no such cadre', null],
  ] as const)('%s cannot be it (400 naming cadreId)', async (_label, who) => {
    const res = await send('county', 'POST', `/api/households/${liushu.householdId}/responsible`, { cadreId: who ? srv.cadre(who).id : 'cm0000000000000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('cadreId');
  });

  test('无劳动能力: set with a note (sealed), shown on the page and in the list, recorded once in the history', async () => {
    const path = `/api/households/${liushu.householdId}`;
    expect((await send('liushu', 'PATCH', path, { noLabourCapacity: true, note: '户主重度残疾' })).status).toBe(200);
    expect((await send('liushu', 'PATCH', path, { noLabourCapacity: true })).status).toBe(200);
    const page = await get('liushu', path);
    expect(page.body.noLabourCapacity).toBe(true);
    expect(page.body.history.filter((e: { type: string }) => e.type === 'labour_flag_set')).toHaveLength(1);
    expect((await get('liushu', '/api/households?pageSize=200')).body.households.find((h: { id: string }) => h.id === liushu.householdId).noLabourCapacity).toBe(true);
    const raw = await srv.db.raw.monitoringEvent.findFirstOrThrow({ where: { householdId: liushu.householdId, type: 'labour_flag_set' } });
    expect(raw.note).not.toContain('残疾');
    const bad = await send('liushu', 'PATCH', path, { noLabourCapacity: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('noLabourCapacity');
    expect((await send('baishi', 'PATCH', path, { noLabourCapacity: false })).status).toBe(404);
  });
});

describe('the follow-up interval (a county setting, monthly while unset)', () => {
  test('read by every cadre, set by the county office alone (audited), shown on the household page', async () => {
    expect((await get('liushu', '/api/settings/monitoring')).body).toMatchObject({ settings: { followUpMonths: 1 }, stored: false });
    const refused = await send('qingshan', 'PUT', '/api/settings/monitoring', { followUpMonths: 2 });
    expect(refused.status).toBe(403);
    const res = await send('county', 'PUT', '/api/settings/monitoring', { followUpMonths: 3 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ settings: { followUpMonths: 3 }, stored: true, updatedBy: srv.cadre('county').id });
    expect((await get('liushu', `/api/households/${liushu.householdId}`)).body.monitoring.followUpMonths).toBe(3);
    expect(await srv.db.prisma.auditEntry.findFirst({ where: { action: 'settings:monitoring-set' }, orderBy: { seq: 'desc' } })).toMatchObject({ allowed: true, reason: 'followUpMonths 1 → 3' });
  });

  test.each([
    ['more than a year', { followUpMonths: 13 }, 'followUpMonths'],
    ['not whole months', { followUpMonths: 1.5 }, 'followUpMonths'],
    ['missing', {}, 'followUpMonths'],
  ])('%s → 400 naming %s', async (_label, body, field) => {
    const res = await send('county', 'PUT', '/api/settings/monitoring', body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });
});
