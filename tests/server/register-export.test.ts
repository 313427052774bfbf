/**
 * The register as a 台账 (GET /api/register/export): the register's list — its filters, the
 * caller's region — written by the 台账 export in its layouts, one row per household: its
 * monitoring in the status, category, 识别时间, risk, measure and amount columns, its members
 * joined on its row, its latest case's columns when it has one; ID numbers and phones masked as
 * the layout says (the auditor never whole); both formats parsed back; each export audited with
 * its rows; another village's cadre gets none of this village's households.
 */
import ExcelJS from 'exceljs';
import { builtInLayouts } from '../../server/core/export/layouts';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { BAISHI, LIUSHU } from '../miniprogram/support';

const NOW = new Date('2026-03-20T02:00:00Z');
const SHIQIAO = '439901100202';
let srv: TestServer;
type Cadre = Parameters<TestServer['cadre']>[0];

/** [village, head ID, state, category, members, measures [kind, fen|null][], a case] */
const SEEDS = [
  [LIUSHU.village, '11010519491231002X', 'monitored', 'marginal', [['李梅', '配偶'], ['张小明', '之子']], [['medical_aid', 120_000], ['temporary_relief', 30_050]], true],
  [LIUSHU.village, '110105194912310037', 'none', null, [], [], false],
  [SHIQIAO, '110105194912310045', 'eliminated', 'sudden_hardship', [['王芳', '配偶']], [['dibao', null]], false],
  [BAISHI.village, '110105194912310053', 'monitored', 'unstable_lifted', [], [], false],
] as const;
const ids: string[] = [];

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  const db = srv.db.prisma;
  for (const [village, id, state, category, members, measures, withCase] of SEEDS) {
    const region = await db.region.findUniqueOrThrow({ where: { code: village } });
    const h = withCase
      ? { id: (await insertCase(db, srv.config.documentsDir, { villageCode: village, idNumber: id, status: 'paid', fields: { perCapitaIncomeFen: 500_000 } })).householdId }
      : await db.household.create({ data: { villageId: region.id, headName: `户${ids.length}`, headIdNumber: id, phone: '13912345678', size: members.length + 1 } });
    ids.push(h.id);
    await db.household.update({
      where: { id: h.id },
      data: { monitoringState: state, monitoringCategory: category, monitoredSince: state === 'none' ? null : new Date('2025-06-01T00:00:00+08:00'), eliminatedOn: state === 'eliminated' ? new Date('2026-02-01T00:00:00+08:00') : null },
    });
    for (const [name, relation] of members) await db.member.create({ data: { householdId: h.id, name, relation } });
    for (const [kind, amountFen] of measures) await db.supportMeasure.create({ data: { householdId: h.id, kind, amountFen, givenOn: new Date('2025-07-01T00:00:00+08:00') } });
    if (state !== 'none') await db.householdRisk.create({ data: { householdId: h.id, cause: 'illness', source: 'import', startedOn: new Date('2025-06-01T00:00:00+08:00') } });
  }
}, 120_000);
afterAll(() => srv?.close());

type Sheet = { status: number; headers: string[]; rows: string[][]; raw: Buffer; disposition: string | null };

async function exported(who: Cadre, query: string): Promise<Sheet> {
  const res = await fetch(`${srv.url}/api/register/export?${query}`, { headers: { authorization: `Bearer ${srv.cadre(who).token}` } });
  const raw = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) return { status: res.status, headers: [], rows: [], raw, disposition: null };
  let all: string[][];
  if (query.includes('format=csv')) {
    // no value of these seeds holds a comma or a quote
    all = raw.toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).map((l) => l.split(','));
  } else {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(raw as never);
    const ws = wb.worksheets[0]!;
    all = [];
    ws.eachRow((row) => void all.push(Array.from({ length: ws.columnCount }, (_v, i) => { const v = row.getCell(i + 1).value; return v === null || v === undefined ? '' : String(v); })));
  }
  return { status: 200, headers: all[0]!, rows: all.slice(1), raw, disposition: res.headers.get('content-disposition') };
}

const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;
const at = (s: Sheet, row: string[], header: string) => row[s.headers.indexOf(header)];
const lastAudit = async () => {
  const row = await srv.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'export:register' }, orderBy: { seq: 'desc' } });
  return { ...row, subject: JSON.parse(row.subject!) as { layout: string; rows: number; complete: boolean; filters: Record<string, string> } };
};

describe.each(['csv', 'xlsx'] as const)('format %s', (format) => {
  test.each(builtInLayouts('zh-CN').map((l) => [l.id, l] as const))('layout %s: a row per household of the county, IDs masked, audited', async (_id, layout) => {
    const s = await exported('county', `layout=${layout.id}&format=${format}`);
    expect(s.status).toBe(200);
    expect(s.headers).toHaveLength(layout.columns.length);
    expect(s.rows).toHaveLength(SEEDS.length);
    const idHeader = s.headers[layout.columns.findIndex((c) => c.field === 'idNumber')]!;
    // newest first, as the list
    expect(s.rows.map((r) => at(s, r, idHeader))).toEqual([...SEEDS].reverse().map((x) => masked(x[1])));
    for (const [, id] of SEEDS) expect(s.raw.toString('latin1')).not.toContain(id);
    expect(s.disposition).toContain(`.${format}`);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ actorId: srv.cadre('county').id, kind: 'access', allowed: true, fields: ['export'] });
    expect(audit.subject).toMatchObject({ layout: layout.id, rows: SEEDS.length, complete: true });
  });
});

test('the national layout: the household’s monitoring, members on its row, measures summed, its case’s income', async () => {
  const s = await exported('county', 'layout=national&format=csv');
  const row = (id: string) => s.rows.find((r) => at(s, r, '身份证号码') === masked(id))!;
  const first = row(SEEDS[0][1]);
  expect([at(s, first, '乡（镇）'), at(s, first, '行政村')]).toEqual(['青山镇', '柳树村']);
  expect(at(s, first, '家庭成员')).toBe('李梅（配偶）、张小明（之子）');
  expect(at(s, first, '监测对象类别')).toBe('边缘易致贫户');
  expect(at(s, first, '状态')).toBe('监测对象');
  expect(at(s, first, '识别时间')).toBe('2025-06-01');
  expect(at(s, first, '致贫返贫风险类型')).toBe('因病');
  expect(at(s, first, '帮扶措施')).toBe('医疗救助、临时救助');
  expect(at(s, first, '帮扶金额（元）')).toBe('1500.50');
  expect(at(s, first, '家庭年人均纯收入（元）')).toBe('5000.00');
  expect(at(s, first, '联系电话')).toBe('138****8000');
  const none = row(SEEDS[1][1]);
  expect([at(s, none, '状态'), at(s, none, '监测对象类别'), at(s, none, '家庭成员'), at(s, none, '家庭年人均纯收入（元）')]).toEqual(['未监测', '', '', '']);
  const eliminated = row(SEEDS[2][1]);
  expect([at(s, eliminated, '状态'), at(s, eliminated, '帮扶措施'), at(s, eliminated, '帮扶金额（元）')]).toEqual(['风险消除', '低保', '']);
});

test.each([
  ['the village: its own households only', 'liushu', '', [0, 1]],
  ['another village: none of 柳树村’s', 'baishi', '', [3]],
  ['the town: its villages', 'qingshan', '', [0, 1, 2]],
  ['the list’s filters: monitored', 'county', '&state=monitored', [0, 3]],
  ['the list’s filters: a category', 'county', '&category=sudden_hardship', [2]],
  ['a region asked for outside the caller’s: nothing', 'liushu', `&region=${BAISHI.village}`, []],
] as const)('%s', async (_label, who, filters, expected) => {
  const s = await exported(who, `layout=all&format=csv${filters}`);
  expect(s.status).toBe(200);
  const idHeader = '身份证号码';
  expect(s.rows.map((r) => at(s, r, idHeader)).sort()).toEqual(expected.map((i) => masked(SEEDS[i]![1])).sort());
  expect((await lastAudit()).subject.rows).toBe(expected.length);
});

test('a layout with whole ID numbers: the county exports them; the auditor is refused (403, audited)', async () => {
  const national = builtInLayouts('zh-CN').find((l) => l.id === 'national')!;
  const res = await fetch(`${srv.url}/api/export/layouts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${srv.cadre('county').token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '全号码', kind: 'households', columns: national.columns.map((c) => (c.field === 'idNumber' ? { ...c, mask: 'full' } : c)) }),
  });
  const { id } = await res.json();
  const whole = await exported('county', `layout=${id}&format=csv`);
  expect(whole.rows.map((r) => at(whole, r, '身份证号码')).sort()).toEqual(SEEDS.map((x) => x[1]).sort());
  expect((await lastAudit()).fields).toEqual(['export', 'idNumber']);
  expect((await exported('auditor', `layout=${id}&format=csv`)).status).toBe(403);
  const refusal = await srv.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'export:register', allowed: false }, orderBy: { seq: 'desc' } });
  expect(refusal.actorId).toBe(srv.cadre('auditor').id);
  expect((await exported('auditor', 'layout=national&format=csv')).rows).toHaveLength(SEEDS.length);
});

test.each([
  ['layout=nope', 404, 'layout'],
  ['layout=national&format=pdf', 400, 'format'],
  ['layout=national&state=gone', 400, 'state'],
  ['layout=national&region=439999', 400, 'region'],
  ['layout=national&colour=red', 400, ''],
] as const)('%s: %d naming the field', async (query, status, field) => {
  const res = await fetch(`${srv.url}/api/register/export?${query}`, { headers: { authorization: `Bearer ${srv.cadre('county').token}` } });
  expect(res.status).toBe(status);
  const body = await res.json();
  if (field) expect(body.error.field).toBe(field);
});

test('the verifier does not read the register (403)', async () => {
  expect((await exported('verifier', 'layout=national&format=csv')).status).toBe(403);
});
