/**
 * The 台账 export (GET /api/export, server/core/export): every built-in layout in both formats,
 * the files parsed back (XLSX with exceljs, CSV with a small RFC 4180 reader) — headers, rows,
 * masked ID numbers and phones, money in yuan with 2 decimals, dates in China time; the caller's
 * region as its work queue's; the auditor exports masked only; bad layouts and filters are 4xx
 * naming the field; every export writes one audit row with its count. County layouts: copied,
 * edited, checked against the field catalogue, read-only built-ins.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { builtInLayouts } from '../../server/core/export/layouts';
import { runExport } from '../../server/core/export/run';
import { csvField, xlsxWriter, XLSX_BACKLOG_BYTES } from '../../server/core/export/write';
import { RegionTree } from '../../server/core/regions/tree';
import { ADMIN_ACTOR } from '../../server/core/auth/actor';
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server';

const NOW = new Date('2026-03-10T04:00:00Z');
const LIUSHU = '439901100201'; // 青山镇 柳树村
const SHIQIAO = '439901100202'; // 青山镇 石桥村
const BAISHI = '439901200201'; // 白石乡 白石村

let srv: TestServer;
type Fixture = { caseNo: string; id: string; village: string; householdId: string };
const cases: Fixture[] = [];

/** [village, ID number, submittedAt (UTC), extra columns] */
const SEEDS: [string, string, string, Record<string, unknown>][] = [
  [LIUSHU, '11010519491231002X', '2026-03-01T16:30:00Z', { status: 'paid', approvedAmountFen: 1_234_550, householdCategory: 'marginal', measures: ['medical_aid', 'temporary_relief'], paidAt: new Date('2026-03-08T17:00:00Z') }],
  [LIUSHU, '110105194912310037', '2026-02-20T02:00:00Z', { status: 'village_review' }],
  [SHIQIAO, '110105194912310045', '2026-02-25T02:00:00Z', { status: 'approved', approvedAmountFen: 300_000, householdCategory: 'sudden_hardship', measures: ['dibao'], cause: 'education' }],
  [BAISHI, '110105194912310053', '2026-02-27T02:00:00Z', { status: 'town_review', cause: 'disaster' }],
];

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  for (const [village, idNumber, at, extra] of SEEDS) {
    const { cause, ...fields } = extra as { cause?: 'illness' | 'disaster' | 'education' };
    const c = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: village, idNumber, ...(cause ? { cause } : {}), fields: { submittedAt: new Date(at), statusSince: new Date(at), ...fields } as never });
    cases.push({ caseNo: c.caseNo, id: idNumber, village, householdId: c.householdId });
  }
  // the first case was approved on 3月5日 (China): its 识别时间
  const first = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: cases[0]!.caseNo } });
  await srv.db.prisma.caseEvent.create({ data: { caseId: first.id, at: new Date('2026-03-04T16:10:00Z'), type: 'transition', actorType: 'cadre', fromStatus: 'publicity', toStatus: 'approved' } });
}, 120_000);
afterAll(() => srv?.close());

type Sheet = { headers: string[]; rows: (string | number | null)[][] };

async function parseXlsx(buf: Buffer): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const ws = wb.worksheets[0]!;
  const all: (string | number | null)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    all.push(Array.from({ length: ws.columnCount }, (_v, i) => (values[i] === undefined || values[i] === null ? null : (values[i] as string | number))));
  });
  return { headers: all[0] as string[], rows: all.slice(1) };
}

/** RFC 4180: quoted fields with "" inside, CRLF rows. */
function parseCsv(text: string): Sheet {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      (row = []), (field = ''), i++;
    } else field += ch;
  }
  return { headers: rows[0]!, rows: rows.slice(1).map((r) => r.map((v) => (v === '' ? null : v))) };
}

async function download(path: string, token = srv.tokenOf('county')) {
  const res = await fetch(`${srv.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const buf = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, buf, json: type.includes('json') ? JSON.parse(buf.toString('utf8')) : null };
}

async function exported(path: string, token?: string): Promise<Sheet & { disposition: string; raw: Buffer }> {
  const res = await download(path, token);
  expect(res.status).toBe(200);
  const format = new URL(path, 'http://x').searchParams.get('format') ?? 'xlsx';
  const sheet = format === 'csv' ? parseCsv(res.buf.toString('utf8').replace(/^\uFEFF/, '')) : await parseXlsx(res.buf);
  return { ...sheet, disposition: res.headers.get('content-disposition') ?? '', raw: res.buf };
}

const lastExportAudit = async () => {
  const row = await srv.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'export:ledger' }, orderBy: { seq: 'desc' } });
  return { ...row, subject: JSON.parse(row.subject!) as { layout: string; format: string; rows: number; complete: boolean; filters: Record<string, string> } };
};

const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
const column = (s: Sheet, header: string) => {
  const i = s.headers.indexOf(header);
  expect(i).toBeGreaterThanOrEqual(0);
  return s.rows.map((r) => r[i]);
};
const asText = (v: unknown) => (v === null || v === undefined ? null : String(v));

describe.each(['xlsx', 'csv'] as const)('format %s', (format) => {
  const layouts = builtInLayouts('zh-CN');
  test.each(layouts.map((l) => [l.id, l] as const))('layout %s: the headers, every case of the county, IDs masked, money and dates', async (_id, layout) => {
    const sheet = await exported(`/api/export?layout=${layout.id}&format=${format}`);
    const expectedHeaders = layout.columns.map((c) => c.header ?? null);
    sheet.headers.forEach((h, i) => expectedHeaders[i] !== null && expect(h).toBe(expectedHeaders[i]));
    expect(sheet.headers).toHaveLength(layout.columns.length);
    expect(sheet.rows).toHaveLength(SEEDS.length);
    const idHeader = sheet.headers[layout.columns.findIndex((c) => c.field === 'idNumber')]!;
    // filing order, oldest first: 柳树村 2月20日, 石桥村, 白石村, 柳树村 3月2日 (China)
    const order = [1, 2, 3, 0];
    expect(column(sheet, idHeader)).toEqual(order.map((i) => masked(SEEDS[i]![1])));
    expect(sheet.raw.toString('latin1')).not.toContain(SEEDS[0]![1]);
    const amountHeader = sheet.headers[layout.columns.findIndex((c) => c.field === 'approvedAmount')]!;
    const amounts = column(sheet, amountHeader).map(asText);
    expect(amounts).toEqual(format === 'csv' ? [null, '3000.00', null, '12345.50'] : [null, '3000', null, '12345.5']);
    expect(sheet.disposition).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''%E9%98%B2/);
    expect(sheet.disposition).toContain(`.${format}`);
    const audit = await lastExportAudit();
    expect(audit).toMatchObject({ actorId: srv.cadre('county').id, kind: 'access', allowed: true, fields: ['export'] });
    expect(audit.subject).toMatchObject({ layout: layout.id, format, rows: SEEDS.length, complete: true });
  });
});

test('the national layout: the category, risk, measures, 识别时间 in China time, places', async () => {
  const s = await exported('/api/export?layout=national&format=csv&village=' + LIUSHU);
  const row = s.rows.find((r) => r[1] === masked(SEEDS[0]![1]))!;
  const at = (h: string) => row[s.headers.indexOf(h)];
  expect(at('户主姓名')).toMatch(/^测试户\d+$/);
  expect(at('联系电话')).toBe('138****8000');
  expect([at('县（市、区）'), at('乡（镇）'), at('行政村')]).toEqual(['清溪县', '青山镇', '柳树村']);
  expect(at('家庭人口数')).toBe('4');
  expect(at('监测对象类别')).toBe('边缘易致贫户');
  expect(at('致贫返贫风险类型')).toBe('因病');
  expect(at('家庭年人均纯收入（元）')).toBe('5000.00');
  expect(at('刚性支出（元）')).toBe('32000.00');
  // approved 2026-03-04T16:10Z: 3月5日 in China
  expect(at('识别时间')).toBe('2026-03-05');
  expect(at('帮扶措施')).toBe('医疗救助、临时救助');
  expect(at('状态')).toBe('已发放');
});

test('the provincial layout: 序号 counts the rows, 发放日期 in China time', async () => {
  const s = await exported('/api/export?layout=provincial&format=xlsx');
  expect(column(s, '序号')).toEqual([1, 2, 3, 4]);
  // paid 2026-03-08T17:00Z: 3月9日 in China
  expect(column(s, '发放日期')).toEqual([null, null, null, '2026-03-09']);
});

describe('region scoping: as the work queue', () => {
  const table: [string, () => string, string, number[]][] = [
    ['a village cadre (柳树村) exports only its village', () => srv.tokenOf('village'), '', [1, 0]],
    ['a town cadre (青山镇) exports only its town', () => srv.tokenOf('town'), '', [1, 2, 0]],
    ['a village cadre asking for another village gets nothing', () => srv.tokenOf('village'), `&village=${BAISHI}`, []],
    ['the county office, one town', () => ADMIN_TOKEN, '&region=439901200', [3]],
    ['a status filter', () => srv.tokenOf('county'), '&status=paid,approved', [2, 0]],
    ['a cause filter', () => srv.tokenOf('county'), '&cause=disaster', [3]],
    // 2026-03-01T16:30Z is 3月2日 00:30 in China
    ['filed from 3月2日 (China)', () => srv.tokenOf('county'), '&submittedFrom=2026-03-02', [0]],
    ['filed until 3月1日 (China)', () => srv.tokenOf('county'), '&submittedTo=2026-03-01', [1, 2, 3]],
    ['the search box: an ID tail', () => srv.tokenOf('county'), '&q=0045', [2]],
    ['a verifier: only the cases assigned to it (none)', () => srv.tokenOf('verifier'), '', []],
  ];
  test.each(table)('%s', async (_what, token, filters, expected) => {
    const s = await exported(`/api/export?layout=provincial&format=csv${filters}`, token());
    expect(column(s, '证件号码')).toEqual(expected.map((i) => masked(SEEDS[i]![1])));
    expect((await lastExportAudit()).subject.rows).toBe(expected.length);
  });
});

describe('the work queue’s other filters: the same cases as the queue lists (GET /api/cases)', () => {
  const caseNo = (i: number) => () => cases[i]!.caseNo;
  const table: [string, () => string, number[]][] = [
    ['a household category', () => '&category=marginal', [0]],
    ['no category yet', () => '&category=none', [1, 3]],
    ['a status and a category', () => '&status=paid,approved&category=sudden_hardship', [2]],
    ['a channel (the fixtures’ “test” is a chat)', () => '&channel=chat', [1, 2, 3, 0]],
    ['entered by a cadre (none)', () => '&channel=cadre', []],
    ['reached a status (its events)', () => '&reached=approved', [0]],
    // 2026-03-08T17:00Z is 3月9日 01:00 in China
    ['paid on 3月9日 (China)', () => '&paidFrom=2026-03-09&paidTo=2026-03-09', [0]],
    ['paid on 3月8日 (China): none', () => '&paidFrom=2026-03-08&paidTo=2026-03-08', []],
    ['case numbers (a figure’s cases)', () => `&caseNos=${caseNo(3)()},${caseNo(1)()}`, [1, 3]],
    ['a case number', () => `&caseNo=${caseNo(2)()}`, [2]],
    ['the queue’s filing period', () => '&submittedFrom=2026-02-21&submittedTo=2026-03-01', [2, 3]],
    ['a step stayed in (none completed a stay in 公示 by its events)', () => '&step=publicity', []],
  ];
  test.each(table)('%s', async (_what, filters, expected) => {
    const s = await exported(`/api/export?layout=provincial&format=csv${filters()}`);
    expect(column(s, '证件号码')).toEqual(expected.map((i) => masked(SEEDS[i]![1])));
    // the queue with the same filters lists the same cases
    const queue = await fetch(`${srv.url}/api/cases?pageSize=200${filters()}`, { headers: { authorization: `Bearer ${srv.tokenOf('county')}` } });
    expect(queue.status).toBe(200);
    const listed = ((await queue.json()) as { cases: { caseNo: string }[] }).cases.map((c) => c.caseNo).sort();
    expect(listed).toEqual(expected.map((i) => cases[i]!.caseNo).sort());
  });

  test('the audit row keeps the filters asked', async () => {
    await exported('/api/export?layout=provincial&format=csv&category=marginal&channel=chat&reached=approved');
    expect((await lastExportAudit()).subject.filters).toEqual({ category: 'marginal', channel: 'chat', reached: 'approved' });
  });
});

describe('the search box in the audit row: its kind, never the text', () => {
  test.each([
    ['an ID tail', '0045', 'idTail'],
    ['a name', '测试户二', 'name'],
    ['a case number', 'FP-2026-000123', 'caseNo'],
  ])('%s (%s) → search: %s', async (_what, text, kind) => {
    await exported(`/api/export?layout=provincial&format=csv&q=${encodeURIComponent(text)}`, srv.tokenOf('county'));
    const audit = await lastExportAudit();
    expect(audit.subject.filters).toEqual({ search: kind });
    expect(JSON.stringify(audit)).not.toContain(text);
  });
});

describe('county layouts and masking', () => {
  let full: string;
  test('the county copies the national layout with full ID numbers and its own headers; its export shows them whole and the audit says so', async () => {
    const national = builtInLayouts('zh-CN').find((l) => l.id === 'national')!;
    const columns = [{ field: 'seq', header: '编号' }, ...national.columns.map((c) => (c.field === 'idNumber' ? { ...c, mask: 'full' } : c.field === 'phone' ? { ...c, mask: 'hidden' } : c)), { field: 'rigidExpense', header: '支出（万元）', format: 'wan' }];
    const res = await fetch(`${srv.url}/api/export/layouts`, { method: 'POST', headers: { authorization: `Bearer ${srv.tokenOf('county')}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: '县里报表', kind: 'cases', columns, copiedFrom: 'national' }) });
    expect(res.status).toBe(201);
    const layout = (await res.json()) as { id: string; columns: { field: string; mask?: string }[] };
    full = layout.id;
    expect(layout.columns.find((c) => c.field === 'idNumber')!.mask).toBe('full');
    const s = await exported(`/api/export?layout=${full}&format=csv&village=${LIUSHU}`);
    expect(s.headers[0]).toBe('编号');
    expect(column(s, '身份证号码')).toEqual([SEEDS[1]![1], SEEDS[0]![1]]);
    expect(column(s, '联系电话')).toEqual([null, null]);
    expect(column(s, '支出（万元）')).toEqual(['3.2000', '3.2000']);
    const audit = await lastExportAudit();
    expect(audit.fields).toEqual(['export', 'idNumber']);
    expect(audit.subject).toMatchObject({ layout: full, rows: 2, filters: { village: LIUSHU } });
  });

  test('the auditor may export masked only: the built-in layouts yes, the full one no (403 naming the layout, refusal audited)', async () => {
    const ok = await exported('/api/export?layout=national&format=xlsx', srv.tokenOf('auditor'));
    expect(ok.rows).toHaveLength(SEEDS.length);
    const refused = await download(`/api/export?layout=${full}`, srv.tokenOf('auditor'));
    expect(refused.status).toBe(403);
    expect(refused.json.error.field).toBe('layout');
    const audit = await srv.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'export:ledger', allowed: false }, orderBy: { seq: 'desc' } });
    expect(audit.actorId).toBe(srv.cadre('auditor').id);
  });

  test('a town cadre sees the county layouts but cannot change them; built-ins are read-only', async () => {
    const town = srv.tokenOf('town');
    const list = await fetch(`${srv.url}/api/export/layouts`, { headers: { authorization: `Bearer ${town}` } }).then((r) => r.json());
    expect(list.layouts.map((l: { id: string }) => l.id)).toEqual(['national', 'provincial', 'all', full]);
    expect(list.editable).toBe(false);
    expect(list.fields.find((f: { key: string }) => f.key === 'idNumber')).toMatchObject({ kind: 'sensitive', label: '身份证号码' });
    const body = JSON.stringify({ name: 'x', columns: [{ field: 'caseNo' }] });
    const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    expect((await fetch(`${srv.url}/api/export/layouts`, { method: 'POST', headers: headers(town), body })).status).toBe(403);
    expect((await fetch(`${srv.url}/api/export/layouts/${full}`, { method: 'PUT', headers: headers(town), body })).status).toBe(403);
    const builtIn = await fetch(`${srv.url}/api/export/layouts/national`, { method: 'PUT', headers: headers(srv.tokenOf('county')), body });
    expect(builtIn.status).toBe(403);
    expect((await builtIn.json()).error.field).toBe('id');
  });

  test('the county edits and deletes its layout', async () => {
    const headers = { authorization: `Bearer ${srv.tokenOf('county')}`, 'content-type': 'application/json' };
    const put = await fetch(`${srv.url}/api/export/layouts/${full}`, { method: 'PUT', headers, body: JSON.stringify({ name: '县里报表2', columns: [{ field: 'caseNo', header: '编号' }, { field: 'submittedAt', format: 'datetime' }] }) });
    expect(put.status).toBe(200);
    const s = await exported(`/api/export?layout=${full}&format=csv&village=${LIUSHU}`);
    expect(s.headers).toEqual(['编号', '申请时间']);
    // 2026-03-01T16:30Z is 3月2日 00:30 in China
    expect(s.rows[1]).toEqual([cases[0]!.caseNo, '2026-03-02 00:30']);
    expect((await fetch(`${srv.url}/api/export/layouts/${full}`, { method: 'DELETE', headers })).status).toBe(204);
    expect((await download(`/api/export?layout=${full}`)).status).toBe(404);
    const actions = (await srv.db.prisma.auditEntry.findMany({ where: { subject: full, action: { startsWith: 'export-layout:' } }, orderBy: { seq: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['export-layout:create', 'export-layout:update', 'export-layout:delete']);
  });
});

describe('bad requests name the field', () => {
  test.each([
    ['/api/export?format=xlsx', 400, 'layout'],
    ['/api/export?layout=no%20such', 400, 'layout'],
    ['/api/export?layout=nosuchlayout', 404, 'layout'],
    ['/api/export?layout=national&format=pdf', 400, 'format'],
    ['/api/export?layout=national&status=done', 400, 'status'],
    ['/api/export?layout=national&cause=flood', 400, 'cause'],
    ['/api/export?layout=national&village=abc', 400, 'village'],
    ['/api/export?layout=national&region=439999', 400, 'region'],
    ['/api/export?layout=national&submittedFrom=2026-02-30', 400, 'submittedFrom'],
    ['/api/export?layout=national&submittedFrom=2026-03-02&submittedTo=2026-03-01', 400, 'submittedTo'],
    ['/api/export?layout=national&q=%3F%3F', 400, 'q'],
    ['/api/export?layout=national&colour=red', 400, ''],
    ['/api/export?layout=national&category=poor', 400, 'category'],
    ['/api/export?layout=national&channel=fax', 400, 'channel'],
    ['/api/export?layout=national&reached=done', 400, 'reached'],
    ['/api/export?layout=national&stepLate=true', 400, 'stepLate'],
    ['/api/export?layout=national&paidFrom=2026-03-01', 400, 'paidTo'],
    ['/api/export?layout=national&caseNos=FP-1', 400, 'caseNos'],
    ['/api/export?layout=national&caseNo=abc', 400, 'caseNo'],
  ])('%s → %i naming %s', async (path, status, field) => {
    const res = await download(path);
    expect(res.status).toBe(status);
    if (field) expect(res.json.error.field).toBe(field);
  });

  const post = (body: unknown) => fetch(`${srv.url}/api/export/layouts`, { method: 'POST', headers: { authorization: `Bearer ${srv.tokenOf('county')}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  test.each([
    [{ columns: [{ field: 'caseNo' }] }, 'name'],
    [{ name: 'x', columns: [] }, 'columns'],
    [{ name: 'x', kind: 'people', columns: [{ field: 'caseNo' }] }, 'kind'],
    [{ name: 'x', columns: [{ field: 'caseNo' }, { field: 'bankAccount' }] }, 'columns.1.field'],
    [{ name: 'x', columns: [{ field: 'rigidExpense', format: 'date' }] }, 'columns.0.format'],
    [{ name: 'x', columns: [{ field: 'caseNo', format: 'yuan' }] }, 'columns.0.format'],
    [{ name: 'x', columns: [{ field: 'headName', mask: 'full' }] }, 'columns.0.mask'],
    [{ name: 'x', columns: [{ field: 'idNumber', mask: 'half' }] }, 'columns.0.mask'],
    [{ name: 'x', columns: [{ field: 'caseNo', header: 'x'.repeat(61) }] }, 'columns.0.header'],
  ])('POST /api/export/layouts %j → 400 naming %s', async (body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe(field);
  });
});

test('a layout of households: one row per household, its latest case', async () => {
  // a second, later case of the first household (柳树村)
  const first = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: cases[1]!.caseNo } });
  await srv.db.prisma.case.create({
    data: { caseNo: 'FP-2026-990001', householdId: first.householdId, villageId: first.villageId, channel: 'test', cause: 'illness', status: 'county_review', answers: {}, householdSize: 4, annualIncomeFen: 1, perCapitaIncomeFen: 1, rigidExpenseFen: 1, incomeYear: 2025, submittedAt: new Date('2026-03-03T02:00:00Z') },
  });
  const households = await exported(`/api/export?layout=national&format=csv&village=${LIUSHU}`);
  expect(column(households, '身份证号码')).toEqual([masked(SEEDS[0]![1]), masked(SEEDS[1]![1])]);
  expect(column(households, '状态')).toEqual(['已发放', '县审核中']);
  const byCase = await exported(`/api/export?layout=provincial&format=csv&village=${LIUSHU}`);
  expect(byCase.rows).toHaveLength(3);
  await srv.db.prisma.case.delete({ where: { caseNo: 'FP-2026-990001' } });
});

test('CSV: a name that starts a formula is written as text; quoting', async () => {
  await srv.db.prisma.household.update({ where: { id: cases[3]!.householdId }, data: { headName: '=HYPERLINK("x","点我")' } });
  const res = await download(`/api/export?layout=provincial&format=csv&village=${BAISHI}`);
  const text = res.buf.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(parseCsv(text.slice(1)).rows[0]![4]).toBe(`'=HYPERLINK("x","点我")`);
  await srv.db.prisma.household.update({ where: { id: cases[3]!.householdId }, data: { headName: '测试户' } });
});

test.each([
  [{ text: '=1+2' }, "'=1+2"],
  [{ text: '+86 138' }, "'+86 138"],
  [{ text: '-5' }, "'-5"],
  [{ text: '@SUM(A1)' }, "'@SUM(A1)"],
  [{ text: 'a,b' }, '"a,b"'],
  [{ text: 'say "hi"' }, '"say ""hi"""'],
  [{ text: 'line\nbreak' }, '"line\nbreak"'],
  [{ text: '王大妈' }, '王大妈'],
  [{ number: -12.5, numFmt: '0.00', csv: '-12.50' }, '-12.50'],
  [null, ''],
] as const)('csvField(%j) = %s', (cell, expected) => {
  expect(csvField(cell as never)).toBe(expected);
});

test('a client that hangs up: the rows written so far are audited, the file marked incomplete', async () => {
  const tree = await RegionTree.load(srv.db.prisma);
  const out = new PassThrough();
  let batches = 0;
  out.on('data', () => undefined);
  const outcome = await runExport({
    db: srv.db.sql,
    prisma: srv.db.prisma,
    keyring: srv.db.keyring,
    tree,
    actor: ADMIN_ACTOR,
    layout: builtInLayouts('zh-CN').find((l) => l.id === 'provincial')!,
    filter: { scope: { kind: 'all' }, now: NOW },
    asked: {},
    format: 'csv',
    lang: 'zh-CN',
    now: NOW,
    out,
    batch: 1,
    // gone after the second batch of one row
    gone: () => ++batches > 2,
  });
  expect(outcome).toEqual({ rows: 2, complete: false });
  const audit = await lastExportAudit();
  expect(audit.subject).toMatchObject({ rows: 2, complete: false });
  expect(audit.reason).toBe('2 rows, stopped by the client');
});

test.each([
  ['settled after each batch of 1,000 rows: at most XLSX_BACKLOG_BYTES wait inside', true],
  ['never settled (the control): the sheet piles up inside exceljs', false],
])('the XLSX writer, 30,000 rows of 30 columns read as they come, %s', async (_what, settling) => {
  const out = new PassThrough();
  let bytes = 0;
  out.on('data', (chunk: Buffer) => (bytes += chunk.length));
  const headers = Array.from({ length: 30 }, (_v, i) => `列${i}`);
  const writer = xlsxWriter(out, headers, '台账', []);
  let most = 0;
  for (let batch = 0; batch < 30; batch++) {
    for (let i = 0; i < 1000; i++) writer.row(headers.map((_h, j) => ({ text: `测试户${batch * 1000 + i}-${j}` })));
    if (settling) await writer.settle();
    else await new Promise((resolve) => setImmediate(resolve));
    most = Math.max(most, writer.backlog());
  }
  await writer.end();
  expect(bytes).toBeGreaterThan(1_000_000);
  if (settling) expect(most).toBeLessThanOrEqual(XLSX_BACKLOG_BYTES);
  else expect(most).toBeGreaterThan(10 * XLSX_BACKLOG_BYTES);
}, 60_000);
