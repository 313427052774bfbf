/**
 * Department data becomes alerts (real PostgreSQL, fixed clock): a generated 医保 file of 1,000
 * rows imports, matches the registered households (heads and members, through the blind indexes),
 * raises exactly the alerts the county's rules say — counted here without the rules module — and
 * raises nothing when imported again; the push API refuses a wrong token and is idempotent per
 * batch and row; an alert is not raised beside an open alert or an open case of the same cause;
 * cadres see their region's alerts and close them; the hourly check reminds and marks overdue.
 */
import ExcelJS from 'exceljs';
import { idCheckChar } from '../../flows/parse/id-number';
import { checkAlertDeadlines } from '../../server/core/alerts/deadlines';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { call } from '../miniprogram/support';
import { bindCadre, outboxRows } from '../outbox/support';
import { startTestServer, type TestServer } from '../support/server';

const LIUSHU = '439901100201';
const BAISHI = '439901200201';
const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2026-07-20T01:00:00Z'); // a Monday, 09:00 in China

let srv: TestServer;
let prisma: PrismaClient;

/** A valid ID number for person n (distinct for every n below 50,000). */
function idFor(n: number): string {
  const first17 = `439901${1950 + Math.floor(n / 1000)}0101${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** The registered households: 200 in 柳树村, 100 in 白石村; each a head (person h) and a member (person 10000 + h). */
const HOUSEHOLDS = 300;
const villageOf = (h: number) => (h < 200 ? LIUSHU : BAISHI);
/** 脱贫户 or 监测对象: the lower line. */
const special = (h: number) => h % 5 === 0 || h % 7 === 0;
let householdIds: string[] = [];

beforeAll(async () => {
  srv = await startTestServer({ now: () => new Date(T0) });
  prisma = srv.db.prisma;
  const villages = new Map((await prisma.region.findMany({ where: { code: { in: [LIUSHU, BAISHI] } } })).map((r) => [r.code, r.id]));
  const made = await prisma.household.createManyAndReturn({
    data: Array.from({ length: HOUSEHOLDS }, (_, h) => ({
      villageId: villages.get(villageOf(h))!,
      headName: `户主${h}`,
      headIdNumber: idFor(h),
      phone: '13800138000',
      size: 3,
      povertyAlleviated: h % 5 === 0,
      monitoringState: h % 7 === 0 && h % 5 !== 0 ? ('monitored' as const) : ('none' as const),
    })),
    select: { id: true, headName: true },
  });
  const byName = new Map(made.map((m) => [m.headName, m.id]));
  householdIds = Array.from({ length: HOUSEHOLDS }, (_, h) => byName.get(`户主${h}`)!);
  await prisma.member.createMany({ data: householdIds.map((householdId, h) => ({ householdId, name: `成员${h}`, relation: '配偶', idNumber: idFor(10_000 + h) })) });
  await bindCadre(prisma, srv.cadre('liushu').id, 'c-liushu');
});
afterAll(async () => {
  await srv.close();
});

const county = () => srv.tokenOf('county');

async function upload(code: string, bytes: Buffer, name: string, columns?: object) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  if (columns) form.append('columns', JSON.stringify(columns));
  const res = await fetch(`${srv.url}/api/departments/${code}/imports`, { method: 'POST', headers: { authorization: `Bearer ${county()}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

/** An open case of the household (a case cause): alerts of that cause are not raised beside it. */
async function openCase(h: number, cause: 'illness' | 'disaster', status = 'village_review') {
  const household = await prisma.household.findUniqueOrThrow({ where: { id: householdIds[h]! } });
  await prisma.case.create({
    data: {
      caseNo: `FP-2026-${String(800000 + h * 10 + (cause === 'illness' ? 1 : 2) + (status === 'paid' ? 5 : 0)).padStart(6, '0')}`,
      householdId: household.id,
      villageId: household.villageId,
      channel: 'test',
      cause,
      status,
      answers: { note: 'fixture' },
      householdSize: 3,
      annualIncomeFen: 2_000_000,
      perCapitaIncomeFen: 600_000,
      rigidExpenseFen: 3_000_000,
      incomeYear: 2026,
    },
  });
}

describe('a 医保 file of 1,000 rows', () => {
  /** Row i: the head of household i (i < 300), a member of household i − 300 (i < 500), someone not registered (i < 990), a bad ID number. */
  const rows = Array.from({ length: 1000 }, (_, i) => {
    let seed = (i * 2_654_435_761) % 4_294_967_296;
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    let fen = seed % 3_000_001; // 0–30,000 yuan
    if (i % 50 === 0) fen = 500_000; // exactly on the lower line
    if (i % 50 === 1) fen = 2_000_000; // exactly on the upper line
    if (i === 3) fen = 3_000_000; // household 3 qualifies, but has an open illness case
    if (i === 4) fen = 3_000_000; // household 4 qualifies: its illness case is closed (paid)
    const person = i < 300 ? i : i < 500 ? 10_000 + (i - 300) : i < 990 ? 20_000 + i : 30_000 + i;
    let id = idFor(person);
    if (i >= 990) id = id.slice(0, 17) + (id[17] === '0' ? '1' : '0'); // a wrong check character
    const household = i < 300 ? i : i < 500 ? i - 300 : null;
    return { i, id, fen, household };
  });

  /** The alerts the county's lines say, counted here: per household, any row at or above its line, unless an open illness case is there. */
  const expectedHouseholds = () => {
    const out = new Set<number>();
    for (const r of rows) if (r.household !== null && r.fen >= (special(r.household) ? 500_000 : 2_000_000)) out.add(r.household);
    out.delete(3);
    return out;
  };

  async function file(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('住院自付');
    ws.addRow(['序号', '姓名', '身份证号', '住院自付累计', '医疗总费用']);
    for (const r of rows) {
      const yuan = r.fen / 100;
      // a third of the amounts as text with thousands separators, the rest as numbers
      const amount = r.i % 3 === 0 ? yuan.toLocaleString('en-US', { minimumFractionDigits: 2 }) : yuan;
      ws.addRow([r.i + 1, `参保人${r.i}`, r.id, amount, yuan * 2]);
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  let bytes: Buffer;
  beforeAll(async () => {
    await openCase(3, 'illness');
    await openCase(4, 'illness', 'paid');
    const res = await call(srv, 'PUT', '/api/departments/yibao', {
      token: county(),
      body: { rules: [{ kind: 'threshold', figure: 'selfPaidInpatientYtd', lineSpecialFen: 500_000, lineOtherFen: 2_000_000, cause: 'illness', wording: 'medical_costs' }] },
    });
    expect(res.status).toBe(200);
    bytes = await file();
  });

  test('imports, matches heads and members, raises exactly the alerts the lines say, each due in 15 days', async () => {
    const expected = expectedHouseholds();
    expect(expected.size).toBeGreaterThan(50); // the file exercises the rule
    const res = await upload('yibao', bytes, '医保2026年6月.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ repeated: false, rows: 990, invalid: 10, matched: 500, alertsRaised: expected.size, deduplicated: 1 }); // household 3: its open illness case
    expect(res.body.problems).toHaveLength(10);
    expect(res.body.problems[0]).toEqual({ rowKey: expect.any(String), field: 'idNumber', reason: expect.stringContaining('id_checksum') });
    expect(JSON.stringify(res.body)).not.toContain(rows[995]!.id.slice(0, 14)); // no ID number in the answer

    const alerts = await prisma.alert.findMany({ select: { householdId: true, dueAt: true, cause: true, villageId: true, figures: true } });
    expect(new Set(alerts.map((a) => householdIds.indexOf(a.householdId)))).toEqual(expected);
    expect(alerts.every((a) => a.cause === 'illness' && a.dueAt.getTime() === T0 + 15 * D)).toBe(true);
    // stored sealed: the figures and the ID numbers are not in the table in clear
    const [raw] = await srv.db.prisma.$queryRaw<{ figures: unknown; id: string }[]>`SELECT a.figures, r."idNumber" AS id FROM "Alert" a JOIN "DepartmentRow" r ON r.id = a."rowId" LIMIT 1`;
    expect(JSON.stringify(raw!.figures)).toMatch(/^"fp1:/);
    expect(raw!.id).toMatch(/^fp1:/);
    // the village's cadre is told once how many new tasks there are (no figures)
    const told = (await outboxRows(prisma)).filter((r) => r.targetId === 'c-liushu' && r.kind === 'case_task');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(String([...expected].filter((h) => h < 200).length));
  });

  test('the same file again raises nothing new', async () => {
    const before = await prisma.alert.count();
    const res = await upload('yibao', bytes, 'again.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ repeated: true, rows: 0, alertsRaised: 0 });
    expect(await prisma.alert.count()).toBe(before);
    expect(await prisma.departmentImport.count({ where: { department: { code: 'yibao' } } })).toBe(1);
  });

  test('a new month’s file with the same people raises nothing beside the open alerts', async () => {
    const before = await prisma.alert.count();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    wb.worksheets[0]!.addRow([1001, '新行', idFor(50), 1, 2]);
    const res = await upload('yibao', Buffer.from(await wb.xlsx.writeBuffer()), 'july.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ repeated: false, alertsRaised: 0 });
    expect(res.body.deduplicated).toBe(expectedHouseholds().size + 1); // and household 3, beside its open case
    expect(await prisma.alert.count()).toBe(before);
  });

  test('cadres see their region’s alerts; the auditor without figures', async () => {
    const expected = expectedHouseholds();
    const list = async (who: 'liushu' | 'baishi' | 'qingshan' | 'county' | 'auditor', query = '') =>
      call(srv, 'GET', `/api/alerts?pageSize=200${query}`, { token: who === 'liushu' || who === 'baishi' || who === 'qingshan' ? srv.cadre(who).token : srv.tokenOf(who) });
    const liushu = [...expected].filter((h) => h < 200).length;
    expect((await list('liushu')).body.total).toBe(liushu);
    expect((await list('qingshan')).body.total).toBe(liushu);
    expect((await list('baishi')).body.total).toBe(expected.size - liushu);
    expect((await list('county', '&department=yibao&status=open')).body.total).toBe(expected.size);
    expect((await list('county', '&department=yingji')).body.total).toBe(0);
    // one access row per household whose figures were shown
    const before = await prisma.auditEntry.count({ where: { action: 'alerts:list' } });
    const seen = (await list('liushu')).body.items.map((a: { household: { id: string } }) => a.household.id);
    const looks = await prisma.auditEntry.findMany({ where: { action: 'alerts:list' }, orderBy: { seq: 'asc' }, skip: before });
    expect(looks.map((r) => ({ kind: r.kind, subject: r.subject, fields: r.fields, actorId: r.actorId })).sort((a, b) => a.subject!.localeCompare(b.subject!))).toEqual(
      [...new Set<string>(seen)].sort().map((id) => ({ kind: 'access', subject: `household:${id}`, fields: ['alert'], actorId: srv.cadre('liushu').id })),
    );
    const auditorBefore = await prisma.auditEntry.count({ where: { action: 'alerts:list' } });
    await list('auditor');
    expect(await prisma.auditEntry.count({ where: { action: 'alerts:list' } })).toBe(auditorBefore); // no figures, no look
    const first = (await list('liushu')).body.items[0];
    expect(first).toMatchObject({ status: 'open', department: { code: 'yibao', name: '医保局' }, village: { code: LIUSHU }, due: 'ok', figures: { selfPaidInpatientYtd: expect.any(Number) } });
    expect(first.household.headName).toContain('*');
    expect((await list('auditor')).body.items[0].figures).toBeUndefined();
    expect((await call(srv, 'GET', '/api/alerts?status=shut', { token: county() })).body.error.field).toBe('status');
  });

  test.each([
    ['an unknown parameter (named in the message, as strict bodies are)', '?pageSze=10', 400, undefined, /pageSze/],
    ['a page past the last reachable one', '?page=201', 400, 'page', /page/],
    ['the last reachable page', '?page=200', 200, undefined, undefined],
  ])('the list query: %s → %s', async (_label, query, status, field, message) => {
    const res = await call(srv, 'GET', `/api/alerts${query}`, { token: county() });
    expect({ status: res.status, field: res.body.error?.field }).toEqual({ status, field });
    if (message) expect(res.body.error.message).toMatch(message);
  });

  test('a village closes its own alert once; another village cannot see it', async () => {
    const alert = await prisma.alert.findFirstOrThrow({ where: { village: { code: LIUSHU }, status: 'open' } });
    const other = await call(srv, 'POST', `/api/alerts/${alert.id}/close`, { token: srv.cadre('baishi').token, body: { kind: 'not_needed', reason: '已核实' } });
    expect(other.status).toBe(404);
    const noReason = await call(srv, 'POST', `/api/alerts/${alert.id}/close`, { token: srv.cadre('liushu').token, body: { kind: 'not_needed' } });
    expect({ status: noReason.status, field: noReason.body.error.field }).toEqual({ status: 400, field: 'reason' });
    const auditor = await call(srv, 'POST', `/api/alerts/${alert.id}/close`, { token: srv.tokenOf('auditor'), body: { kind: 'already_helped' } });
    expect(auditor.status).toBe(403);
    const ok = await call(srv, 'POST', `/api/alerts/${alert.id}/close`, { token: srv.cadre('liushu').token, body: { kind: 'not_needed', reason: '入户核实：已报销大部分，生活无困难' } });
    expect(ok.body).toMatchObject({ id: alert.id, status: 'closed', closure: 'not_needed' });
    const again = await call(srv, 'POST', `/api/alerts/${alert.id}/close`, { token: srv.cadre('liushu').token, body: { kind: 'already_helped' } });
    expect(again.status).toBe(409);
    const stored = await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(stored.closeReason).toBe('入户核实：已报销大部分，生活无困难');
    expect(await prisma.auditEntry.count({ where: { action: 'alerts:close', subject: `alert:${alert.id}` } })).toBe(1);
  });

  test('纳入监测 names a case of the same household', async () => {
    const alert = await prisma.alert.findFirstOrThrow({ where: { householdId: householdIds[4]!, status: 'open' } });
    const elsewhere = await call(srv, 'POST', `/api/alerts/${alert.id}/close`, { token: county(), body: { kind: 'case', caseNo: 'FP-2026-800031' } });
    expect({ status: elsewhere.status, field: elsewhere.body.error?.field }).toEqual({ status: 400, field: 'caseNo' });
    const ok = await call(srv, 'POST', `/api/alerts/${alert.id}/close`, { token: county(), body: { kind: 'case', caseNo: 'FP-2026-800046' } });
    expect(ok.body).toMatchObject({ status: 'closed', closure: 'case' });
  });

  test('the hourly check reminds once when due soon and marks overdue once, on the clock', async () => {
    const open = await prisma.alert.count({ where: { status: 'open' } });
    const due = T0 + 15 * D;
    expect(await checkAlertDeadlines(prisma, srv.config.workflow, new Date(due - 3 * D))).toEqual({ reminded: 0, overdue: 0, messages: 0 });
    const soon = await checkAlertDeadlines(prisma, srv.config.workflow, new Date(due - 12 * H));
    expect(soon).toMatchObject({ reminded: open, overdue: 0 });
    expect(soon.messages).toBeGreaterThanOrEqual(1); // 柳树村's cadre
    expect((await checkAlertDeadlines(prisma, srv.config.workflow, new Date(due - 11 * H))).reminded).toBe(0);
    expect((await checkAlertDeadlines(prisma, srv.config.workflow, new Date(due - H))).overdue).toBe(0);
    expect((await checkAlertDeadlines(prisma, srv.config.workflow, new Date(due + H))).overdue).toBe(open);
    expect((await checkAlertDeadlines(prisma, srv.config.workflow, new Date(due + 2 * H))).overdue).toBe(0);
    expect(await prisma.alert.count({ where: { overdueSince: { not: null }, status: 'open' } })).toBe(open);
    const listed = await call(srv, 'GET', '/api/alerts?overdue=true', { token: county() });
    expect(listed.body.total).toBe(open);
    expect(listed.body.items[0].due).toBe('overdue');
    const notOverdue = await call(srv, 'GET', '/api/alerts?overdue=false&status=open', { token: county() });
    expect(notOverdue.body.total).toBe(0);
  });
});

describe('the push API of a department’s system', () => {
  let token: string;
  const push = (code: string, body: object, bearer = token) => call(srv, 'POST', `/api/departments/${code}/rows`, { token: bearer, body });
  const row = (rowId: string, person: number, extra: object = {}) => ({ rowId, idNumber: idFor(person), disasterKind: '洪涝', lossAmount: '12000', ...extra });

  beforeAll(async () => {
    await openCase(12, 'disaster');
    expect((await call(srv, 'PUT', '/api/departments/yingji', { token: county(), body: { rules: [{ kind: 'listed', cause: 'disaster', wording: 'disaster' }] } })).status).toBe(200);
    const issued = await call(srv, 'POST', '/api/departments/yingji/token', { token: county() });
    expect(issued.status).toBe(201);
    token = issued.body.token;
  });

  test('a wrong or missing token, or another department’s, is 401 and stores nothing', async () => {
    const body = { batchId: 'B-1', rows: [row('r1', 10)] };
    expect((await push('yingji', body, 'not-the-token')).status).toBe(401);
    expect((await call(srv, 'POST', '/api/departments/yingji/rows', { body })).status).toBe(401);
    expect((await push('yibao', body)).status).toBe(401);
    expect((await push('yingji', body, county())).status).toBe(401); // a cadre's token is not a department's
    expect(await prisma.departmentImport.count({ where: { department: { code: 'yingji' } } })).toBe(0);
    // each refusal audited, never the token
    const refused = await prisma.auditEntry.findMany({ where: { action: 'alerts:push-rows', allowed: false } });
    expect(refused.map((r) => ({ subject: r.subject, actorType: r.actorType }))).toEqual([
      { subject: 'yingji', actorType: 'anonymous' },
      { subject: 'yingji', actorType: 'anonymous' },
      { subject: 'yibao', actorType: 'anonymous' },
      { subject: 'yingji', actorType: 'anonymous' },
    ]);
    expect(JSON.stringify(refused)).not.toMatch(/not-the-token|Bearer/);
    expect(JSON.stringify(refused)).not.toContain(county());
  });

  test('idempotent per batch and row; deduplicated against an open case and an open alert', async () => {
    const yingjiAlerts = () => prisma.alert.count({ where: { department: { code: 'yingji' } } });
    // the answer says what was received, never what matched (who is registered, 脱贫户, or has an open case)
    const first = await push('yingji', { batchId: 'B-1', rows: [row('r1', 10), row('r2', 11), row('r3', 12), row('r4', 40_000)] });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ importId: expect.any(String), repeated: false, rows: 4, alreadySeen: 0, invalid: 0, problems: [] });
    expect(await yingjiAlerts()).toBe(2); // households 10 and 11; 12 has an open disaster case, 40,000 is not registered
    const again = await push('yingji', { batchId: 'B-1', rows: [row('r1', 10), row('r2', 11), row('r3', 12), row('r4', 40_000)] });
    expect(again.body).toEqual({ importId: first.body.importId, repeated: true, rows: 0, alreadySeen: 4, invalid: 0, problems: [] });
    const more = await push('yingji', { batchId: 'B-1', rows: [row('r1', 10), row('r5', 13)] });
    expect(more.body).toMatchObject({ rows: 1, alreadySeen: 1 });
    expect(await yingjiAlerts()).toBe(3);
    const next = await push('yingji', { batchId: 'B-2', rows: [row('r1', 10)] });
    expect(next.body).toMatchObject({ rows: 1 });
    expect(await yingjiAlerts()).toBe(3); // beside household 10's open alert
    for (const res of [first, again, more, next]) expect(Object.keys(res.body).filter((k) => ['matched', 'alertsRaised', 'deduplicated'].includes(k))).toEqual([]);
    // the county office's import history keeps them
    const view = await call(srv, 'GET', '/api/departments', { token: county() });
    const yingji = view.body.departments.find((d: { code: string }) => d.code === 'yingji');
    expect(yingji.imports.find((i: { id: string }) => i.id === first.body.importId)).toMatchObject({ rows: 5, matched: 4, alertsRaised: 3 });
    const raised = await prisma.alert.findMany({ where: { department: { code: 'yingji' } }, select: { householdId: true } });
    expect(raised.map((a) => householdIds.indexOf(a.householdId)).sort((a, b) => a - b)).toEqual([10, 11, 13]);
    const imp = await prisma.departmentImport.findFirstOrThrow({ where: { digest: 'batch:B-1' } });
    expect(imp).toMatchObject({ rows: 5, matched: 4, alertsRaised: 3 });
  });

  test('a household of another county is not matched: a county acts on its own', async () => {
    const other = await prisma.region.create({ data: { code: '439902', name: '邻县', level: 'county' } });
    const town = await prisma.region.create({ data: { code: '439902100', name: '邻镇', level: 'town', parentId: other.id } });
    const village = await prisma.region.create({ data: { code: '439902100201', name: '邻村', level: 'village', parentId: town.id } });
    await prisma.household.create({ data: { villageId: village.id, headName: '邻县户', headIdNumber: idFor(45_000), phone: '13800138001', size: 2 } });
    const res = await push('yingji', { batchId: 'B-5', rows: [row('n1', 45_000)] });
    expect(res.body).toMatchObject({ rows: 1 });
    expect(await prisma.departmentRow.findFirst({ where: { rowKey: 'n1' }, select: { householdId: true } })).toEqual({ householdId: null });
  });

  test('a bad row is reported by its row id and field; bad input is a 400 naming the field', async () => {
    const res = await push('yingji', { batchId: 'B-3', rows: [row('bad', 14, { lossAmount: 'a lot' }), { rowId: 'bad-id', idNumber: '12345' }] });
    expect(res.body).toMatchObject({ rows: 0, invalid: 2, problems: [{ rowKey: 'bad', field: 'lossAmount' }, { rowKey: 'bad-id', field: 'idNumber' }] });
    const noRows = await push('yingji', { batchId: 'B-4', rows: [] });
    expect({ status: noRows.status, field: noRows.body.error.field }).toEqual({ status: 400, field: 'rows' });
    const badBatch = await push('yingji', { batchId: 'a b', rows: [row('x', 14)] });
    expect(badBatch.body.error.field).toBe('batchId');
  });
});

describe('the push API’s size and rate', () => {
  test('5,000 rows of the documented shape at their largest fit one push (the route’s own JSON limit)', async () => {
    const token = (await call(srv, 'POST', '/api/departments/yingji/token', { token: county() })).body.token as string;
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      rowId: `${String(i).padStart(6, '0')}-`.padEnd(100, 'x'),
      idNumber: idFor(35_000 + i),
      disasterKind: '洪'.repeat(100),
      lossAmount: '1,234,567.89',
    }));
    const body = { batchId: 'BIG-1', rows };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(2_000_000); // far past the global 256 kB
    const res = await call(srv, 'POST', '/api/departments/yingji/rows', { token, body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 5000, invalid: 0 });
    const tooMany = await call(srv, 'POST', '/api/departments/yingji/rows', { token, body: { batchId: 'BIG-2', rows: [...rows, rows[0]] } });
    expect({ status: tooMany.status, field: tooMany.body.error?.field }).toEqual({ status: 400, field: 'rows' });
    // other routes keep the global limit
    const other = await call(srv, 'PUT', '/api/departments/yingji', { token: county(), body: { columns: { idNumber: 'x'.repeat(300_000) } } });
    expect(other.status).toBe(413);
  });

  test('a department pushes at most 30 times a minute; then 429 with Retry-After, nothing stored', async () => {
    const token = (await call(srv, 'POST', '/api/departments/canlian/token', { token: county() })).body.token as string;
    const push = (n: number) => call(srv, 'POST', '/api/departments/canlian/rows', { token, body: { batchId: `R-${n}`, rows: [{ rowId: 'a', idNumber: idFor(41_000 + n), disabilityGrade: '二级' }] } });
    for (let n = 1; n <= 30; n += 1) expect((await push(n)).status).toBe(200);
    const refused = await fetch(`${srv.url}/api/departments/canlian/rows`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ batchId: 'R-31', rows: [{ rowId: 'a', idNumber: idFor(41_031) }] }) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await prisma.departmentImport.count({ where: { digest: 'batch:R-31' } })).toBe(0);
  });
});

describe('rules over time and CSV files', () => {
  test('教育: a student newly without aid raises an alert; one never aided does not', async () => {
    expect((await call(srv, 'PUT', '/api/departments/jiaoyu', { token: county(), body: { rules: [{ kind: 'lost', figure: 'aided', cause: 'education', wording: 'education_aid' }] } })).status).toBe(200);
    // members of households 20 and 21; the CSV's own headers, given with the upload (UTF-8 with a BOM)
    const csv = (term: string, a: string, b: string) => Buffer.from(`\ufeff学生身份证,本学期资助,学校\n${idFor(10_020)},${a},县一中\n${idFor(10_021)},${b},县二中\n${term}`, 'utf8');
    const columns = { idNumber: '学生身份证', aided: '本学期资助', school: '学校' };
    const spring = await upload('jiaoyu', csv('', '是', '否'), 'spring.csv', columns);
    expect(spring.body).toMatchObject({ rows: 2, matched: 2, alertsRaised: 0 });
    const autumn = await upload('jiaoyu', csv('\n', '否', '否'), 'autumn.csv', columns);
    expect(autumn.body).toMatchObject({ rows: 2, matched: 2, alertsRaised: 1 });
    const raised = await prisma.alert.findMany({ where: { department: { code: 'jiaoyu' } } });
    expect(raised.map((a) => householdIds.indexOf(a.householdId))).toEqual([20]);
  });

  test('a rule must read a figure of its department, of the right kind', async () => {
    const res = await call(srv, 'PUT', '/api/departments/yibao', { token: county(), body: { rules: [{ kind: 'threshold', figure: 'aided', lineOtherFen: 1, cause: 'illness', wording: 'medical_costs' }] } });
    expect({ status: res.status, field: res.body.error.field }).toEqual({ status: 400, field: 'rules.0.figure' });
    const mapping = await upload('yibao', Buffer.from('身份证号\n', 'utf8'), 'x.csv', { idNumber: '证件号' });
    expect({ status: mapping.status, field: mapping.body.error.field }).toEqual({ status: 400, field: 'columns' });
    // a file without its header row: the refusal names the missing headers and how many columns, not the first row's ID number and name
    const headless = await upload('yibao', Buffer.from(`${idFor(77)},王小明,3000\n${idFor(78)},李四,10\n`, 'utf8'), 'headless.csv');
    expect({ status: headless.status, field: headless.body.error.field }).toEqual({ status: 400, field: 'columns' });
    expect(headless.body.error.message).toContain('身份证号');
    expect(headless.body.error.message).toContain('3 columns');
    expect(JSON.stringify(headless.body)).not.toMatch(new RegExp(`${idFor(77)}|王小明`));
    const village = await call(srv, 'PUT', '/api/departments/yibao', { token: srv.cadre('liushu').token, body: {} });
    expect(village.status).toBe(403);
  });
});
