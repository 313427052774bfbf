/**
 * A county's existing register imported from a file (POST /api/register/imports): a generated
 * national-system file of a few hundred rows — one row per member, with repeated rows, bad ID
 * numbers, villages outside the caller's region and unknown ones, a household already registered
 * and a member registered in another household — imported by the 青山镇 office; the counts checked
 * against what the generator knows; households and members found again through the blind index,
 * monitoring set through monitoring.ts (source import); the same file again changes nothing; the
 * answer never carries an ID number; another town's village sees none of it. A household-per-row
 * XLSX with its own headers (the `columns` mapping); the mapping and roles refused field by field.
 */
import ExcelJS from 'exceljs';
import { idCheckChar } from '../../flows/parse/id-number';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { BAISHI, call, LIUSHU } from '../miniprogram/support';

const NOW = new Date('2026-03-20T02:00:00Z');
let srv: TestServer;

type Cadre = Parameters<TestServer['cadre']>[0];

/** A valid ID number: region, birth day, a sequence number, its check digit. */
let idSeq = 0;
const validId = () => {
  idSeq += 1;
  const first17 = `439901${1960 + (idSeq % 40)}${String((idSeq % 12) + 1).padStart(2, '0')}${String((idSeq % 28) + 1).padStart(2, '0')}${String(idSeq % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};
/** The same number with a wrong check digit. */
const badId = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

/** A deterministic sequence of numbers in [0, 1). */
let seed = 7;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

const HEADERS = ['户主姓名', '姓名', '身份证号', '与户主关系', '家庭人口', '乡镇', '村', '监测对象类别', '识别时间', '联系电话'];
const CATEGORIES = [['脱贫不稳定户', 'unstable_lifted'], ['边缘易致贫户', 'marginal'], ['突发严重困难户', 'sudden_hardship'], ['', null]] as const;
const PLACES = [['青山镇', '柳树村'], ['青山镇', '石桥村'], ['青山镇', '河湾村']] as const;

type Person = { id: string; name: string; relation: string; bad: boolean };
type GenHousehold = { head: Person; members: Person[]; town: string; village: string; category: string | null; reach: 'ok' | 'outside' | 'unknown'; phone: string };

const PRE_HEAD = validId(); // registered before the import (柳树村), another phone
const ELSEWHERE_HEAD = validId(); // a household registered elsewhere: its head appears as someone's member in the file
const households: GenHousehold[] = [];
const rows: string[][] = [];
const rowKinds: ('ok' | 'bad' | 'dup')[] = [];

function generate() {
  for (let i = 0; i < 110; i += 1) {
    const r = rand();
    const [town, village] = i % 23 === 5 ? ['白石乡', '白石村'] : i % 37 === 11 ? ['青山镇', '桃源村'] : PLACES[i % 3]!;
    const reach = village === '白石村' ? 'outside' : village === '桃源村' ? 'unknown' : 'ok';
    const headName = `户主${i}`;
    const head: Person = { id: i === 0 ? PRE_HEAD : validId(), name: headName, relation: '户主', bad: i % 19 === 7 };
    const members: Person[] = Array.from({ length: Math.floor(r * 4) }, (_v, k) => ({ id: validId(), name: `成员${i}-${k}`, relation: ['配偶', '之子', '之女'][k % 3]!, bad: (i * 3 + k) % 29 === 4 }));
    // one member is the head of a household registered elsewhere
    if (i === 3) members.push({ id: ELSEWHERE_HEAD, name: '别户户主', relation: '之子', bad: false });
    const [word, category] = CATEGORIES[i % 4]!;
    const h: GenHousehold = { head, members, town, village, category, reach, phone: `1390000${String(i).padStart(4, '0')}` };
    households.push(h);
    const line = (p: Person) => [headName, p.name, p.bad ? badId(p.id) : p.id, p.relation, String(members.length + 1), town, village, word, word ? '2025-06-01' : '', h.phone];
    rows.push(line(head));
    rowKinds.push('ok');
    for (const m of members) {
      rows.push(line(m));
      rowKinds.push('ok');
      // a repeated row now and then (the same member listed twice)
      if (rand() < 0.08) {
        rows.push(line(m));
        rowKinds.push('dup');
      }
    }
  }
}

/** What the import should report, computed from the generator's records alone. */
function expected() {
  let imported = 0, updated = 0, refused = 0, duplicates = 0, membersAdded = 0, monitoringSet = 0;
  for (const h of households) {
    const dupRows = (m: Person) => rows.filter((r, i) => rowKinds[i] === 'dup' && r[1] === m.name && r[0] === h.head.name).length;
    const memberRows = h.members.reduce((n, m) => n + 1 + dupRows(m), 0);
    if (h.head.bad) {
      // its head's row refused (id), its members' rows find no head; a repeated member row too
      refused += 1 + h.members.filter((m) => m.bad).length + (memberRows - h.members.filter((m) => m.bad).length);
      continue;
    }
    const badMembers = h.members.filter((m) => m.bad);
    const goodMembers = h.members.filter((m) => !m.bad);
    refused += badMembers.length;
    duplicates += goodMembers.reduce((n, m) => n + dupRows(m), 0);
    // a bad member's repeated row is refused too (its ID number is as bad)
    refused += badMembers.reduce((n, m) => n + dupRows(m), 0);
    if (h.reach !== 'ok') {
      refused += 1 + goodMembers.length;
      continue;
    }
    const elsewhere = goodMembers.filter((m) => m.id === ELSEWHERE_HEAD).length;
    refused += elsewhere;
    if (h.head.id === PRE_HEAD) updated += 1;
    else imported += 1;
    membersAdded += goodMembers.length - elsewhere;
    if (h.category) monitoringSet += 1;
  }
  return { imported, updated, refused, duplicates, membersAdded, monitoringSet };
}

const csv = (lines: string[][]) => Buffer.from('\uFEFF' + lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'utf8');

async function importFile(who: Cadre, bytes: Buffer, name: string, columns?: Record<string, string>) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  if (columns) form.append('columns', JSON.stringify(columns));
  const res = await fetch(`${srv.url}/api/register/imports`, { method: 'POST', headers: { authorization: `Bearer ${srv.cadre(who).token}` }, body: form });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), text };
}

const snapshot = async () => {
  const db = srv.db.prisma;
  const [h, m, e, last] = await Promise.all([
    db.household.count(),
    db.member.count(),
    db.monitoringEvent.count(),
    db.household.aggregate({ _max: { updatedAt: true } }),
  ]);
  return { h, m, e, last: last._max.updatedAt?.toISOString() };
};

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  generate();
  await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: LIUSHU.village, idNumber: PRE_HEAD });
  await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: BAISHI.village, idNumber: ELSEWHERE_HEAD });
}, 120_000);
afterAll(() => srv?.close());

describe('a national-system file, one row per member', () => {
  let first: Awaited<ReturnType<typeof importFile>>;
  const file = () => csv([HEADERS, ...rows]);

  beforeAll(async () => {
    first = await importFile('qingshan', file(), '监测对象.csv');
  }, 120_000);

  test('the counts are those computed from the generated records', () => {
    expect(rows.length).toBeGreaterThan(250);
    expect(first.status).toBe(200);
    const want = expected();
    expect(first.body).toMatchObject({ rows: rows.length, imported: want.imported, updated: want.updated, skipped: 0, refused: want.refused, duplicates: want.duplicates, membersAdded: want.membersAdded, monitoringSet: want.monitoringSet });
    expect(want.duplicates).toBeGreaterThan(0);
    expect(first.body.mapping).toMatchObject({ headName: '户主姓名', name: '姓名', idNumber: '身份证号', relation: '与户主关系', village: '村', category: '监测对象类别' });
  });

  test('each refused row is named by its row and field, with a code — never an ID number', () => {
    const codes = new Set(first.body.problems.map((p: { code: string }) => p.code));
    for (const code of ['id_invalid', 'no_head', 'outside_region', 'village_unknown', 'member_elsewhere']) expect(codes).toContain(code);
    for (const p of first.body.problems) expect(Object.keys(p).sort()).toEqual(['code', 'field', 'row']);
    const outside = households.findIndex((h) => h.reach === 'outside' && !h.head.bad);
    const rowOf = rows.findIndex((r) => r[0] === households[outside]!.head.name) + 2;
    expect(first.body.problems).toContainEqual({ row: rowOf, field: 'village', code: 'outside_region' });
    for (const h of households) {
      expect(first.text).not.toContain(h.head.id);
      for (const m of h.members) expect(first.text).not.toContain(m.id);
    }
  });

  test('households and members are found again by their ID numbers; monitoring set from the file (source import)', async () => {
    const db = srv.db.prisma;
    const ok = households.filter((h) => h.reach === 'ok' && !h.head.bad && h.head.id !== PRE_HEAD);
    for (const h of ok.slice(0, 15)) {
      const row = await db.household.findFirstOrThrow({ where: { headIdNumber: h.head.id }, include: { members: true, village: true } });
      expect(row).toMatchObject({ headName: h.head.name, phone: h.phone, size: h.members.length + 1, monitoringState: h.category ? 'monitored' : 'none', monitoringCategory: h.category });
      expect(row.village.name).toBe(h.village);
      expect(row.members.map((m) => m.idNumber).sort()).toEqual(h.members.filter((m) => !m.bad && m.id !== ELSEWHERE_HEAD).map((m) => m.id).sort());
      if (h.category) {
        expect(row.monitoredSince?.toISOString()).toBe('2025-05-31T16:00:00.000Z');
        const event = await db.monitoringEvent.findFirstOrThrow({ where: { householdId: row.id } });
        expect(event).toMatchObject({ type: 'identified', toState: 'monitored', category: h.category, actorId: srv.cadre('qingshan').id });
        expect(event.data).toMatchObject({ source: 'import' });
      }
    }
    // the household registered before: its phone is the file's now, nothing else of it doubled
    expect(await db.household.count({ where: { headIdNumber: PRE_HEAD } })).toBe(1);
    const pre = await db.household.findFirstOrThrow({ where: { headIdNumber: PRE_HEAD } });
    expect(pre.phone).toBe(households[0]!.phone);
    // nothing was written in 白石村 or for the refused heads
    const baishi = await db.region.findUniqueOrThrow({ where: { code: BAISHI.village } });
    expect(await db.household.count({ where: { villageId: baishi.id } })).toBe(1);
    for (const h of households.filter((x) => x.head.bad)) expect(await db.household.count({ where: { headIdNumber: h.head.id } })).toBe(0);
    // the member registered elsewhere stays where it is
    expect(await db.member.count({ where: { idIndex: srv.db.keyring.blindIndex('household-id', ELSEWHERE_HEAD) } })).toBe(0);
  });

  test('the import is audited with its counts', async () => {
    const audit = await srv.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'register:import' }, orderBy: { seq: 'desc' } });
    expect(audit).toMatchObject({ actorId: srv.cadre('qingshan').id, allowed: true });
    expect(audit.reason).toContain(`imported ${first.body.imported}`);
  });

  test('the same file again changes nothing', async () => {
    const before = await snapshot();
    const again = await importFile('qingshan', file(), '监测对象.csv');
    expect(again.status).toBe(200);
    const want = expected();
    expect(again.body).toMatchObject({ imported: 0, updated: 0, skipped: want.imported + want.updated, membersAdded: 0, monitoringSet: 0, refused: want.refused, duplicates: want.duplicates });
    expect(await snapshot()).toEqual(before);
  });

  test('another town’s village cadre sees none of it', async () => {
    const res = await call(srv, 'GET', '/api/households?pageSize=200', { token: srv.cadre('baishi').token });
    expect(res.status).toBe(200);
    const own = (res.body as { households: { village: { code: string } }[] }).households;
    expect(own.every((h) => h.village.code === BAISHI.village)).toBe(true);
    const liushu = await call(srv, 'GET', '/api/households?pageSize=200', { token: srv.cadre('liushu').token });
    const count = households.filter((h) => h.village === '柳树村' && h.reach === 'ok' && !h.head.bad).length;
    expect((liushu.body as { households: unknown[] }).households).toHaveLength(count);
  });
});

test('a household per row, an XLSX with its own headers mapped', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('户');
  const a = validId();
  const b = validId();
  ws.addRow(['户主', '证件号', '行政村名', '人口', '类型']);
  ws.addRow(['甲', a, '石桥村', 3, '边缘易致贫户']);
  ws.addRow(['乙', b, '439901100203', 2, '']);
  ws.addRow(['丙', a, '石桥村', 3, '边缘易致贫户']);
  ws.addRow(['丁', validId(), '石桥村', 99, '']);
  ws.addRow(['戊', validId(), '石桥村', 1, '低保户']);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const res = await importFile('county', bytes, '户.xlsx', { headName: '户主', idNumber: '证件号', village: '行政村名', size: '人口', category: '类型' });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ rows: 5, imported: 2, refused: 2, duplicates: 1, monitoringSet: 1 });
  expect(res.body.problems).toEqual([
    { row: 5, field: 'size', code: 'size_invalid' },
    { row: 6, field: 'category', code: 'category_unknown' },
  ]);
  const hewan = await srv.db.prisma.household.findFirstOrThrow({ where: { headIdNumber: b }, include: { village: true } });
  expect(hewan).toMatchObject({ size: 2, monitoringState: 'none' });
  expect(hewan.village.name).toBe('河湾村');
});

describe('风险类型 and 是否脱贫户', () => {
  const heads = [validId(), validId(), validId()];
  const HEAD = ['户主姓名', '身份证号', '村', '家庭人口', '监测对象类别', '识别时间', '风险类型', '是否脱贫户'];
  const file = (flag0: string) =>
    csv([
      HEAD,
      ['赵', heads[0]!, '柳树村', '3', '边缘易致贫户', '2025-07-01', '因病、因残', flag0],
      ['钱', heads[1]!, '柳树村', '2', '', '', '因学', '否'],
      ['孙', heads[2]!, '柳树村', '2', '', '', '', '也许'],
    ]);
  const risksOf = async (id: string) => {
    const h = await srv.db.prisma.household.findFirstOrThrow({ where: { headIdNumber: id }, include: { risks: { orderBy: { cause: 'asc' } }, monitoringEvents: { orderBy: { seq: 'asc' } } } });
    return { h, risks: h.risks.map((r) => [r.cause, r.source, r.note, r.startedOn.toISOString()]), events: h.monitoringEvents.map((e) => e.type) };
  };

  test('a monitored household’s risk kinds become risks (source import) once; the flag is the file’s', async () => {
    const first = await importFile('qingshan', file('是'), '风险.csv');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ imported: 2, refused: 1, monitoringSet: 1, risksAdded: 2 });
    expect(first.body.problems).toEqual([{ row: 4, field: 'povertyAlleviated', code: 'flag_invalid' }]);
    const a = await risksOf(heads[0]!);
    expect(a.h).toMatchObject({ povertyAlleviated: true, monitoringState: 'monitored', monitoringCategory: 'marginal' });
    expect(a.risks).toEqual([
      ['illness', 'import', null, '2025-06-30T16:00:00.000Z'],
      ['other', 'import', '因残', '2025-06-30T16:00:00.000Z'],
    ]);
    expect(a.events).toEqual(['identified', 'risk_added', 'risk_added']);
    // not monitored (no category): its risk kinds are not recorded by a file
    const b = await risksOf(heads[1]!);
    expect(b.h).toMatchObject({ povertyAlleviated: false, monitoringState: 'none' });
    expect(b.risks).toEqual([]);

    // again: nothing; a risk solved since is not recorded again
    await srv.db.prisma.householdRisk.updateMany({ where: { householdId: a.h.id, cause: 'illness' }, data: { solvedOn: new Date('2025-12-01T16:00:00Z') } });
    const again = await importFile('qingshan', file('是'), '风险.csv');
    expect(again.body).toMatchObject({ imported: 0, updated: 0, skipped: 2, risksAdded: 0 });
    expect((await risksOf(heads[0]!)).risks).toHaveLength(2);

    // the flag changed in the file: the household is updated
    const flagged = await importFile('qingshan', file('否'), '风险.csv');
    expect(flagged.body).toMatchObject({ updated: 1, skipped: 1, risksAdded: 0 });
    expect((await risksOf(heads[0]!)).h.povertyAlleviated).toBe(false);
  });
});

test('two imports of the same new households at once: each household registered once, neither fails', async () => {
  const n = 120;
  const lines = Array.from({ length: n }, (_v, i) => {
    const place = PLACES[i % 3]!;
    const head = validId();
    const member = validId();
    return [
      [`并发${i}`, `并发${i}`, head, '户主', '2', place[0], place[1], i % 2 ? '边缘易致贫户' : '', i % 2 ? '2025-06-01' : '', ''],
      [`并发${i}`, `并发成员${i}`, member, '配偶', '2', place[0], place[1], i % 2 ? '边缘易致贫户' : '', i % 2 ? '2025-06-01' : '', ''],
    ];
  }).flat();
  const bytes = csv([HEADERS, ...lines]);
  const [a, b] = await Promise.all([importFile('qingshan', bytes, '并发.csv'), importFile('county', bytes, '并发.csv')]);
  expect([a.status, b.status]).toEqual([200, 200]);
  expect(a.body.imported + b.body.imported).toBe(n);
  expect(a.body.skipped + b.body.skipped).toBe(n);
  expect(a.body.membersAdded + b.body.membersAdded).toBe(n);
  expect(a.body.monitoringSet + b.body.monitoringSet).toBe(n / 2);
  expect(a.body.refused + b.body.refused).toBe(0);
  const db = srv.db.prisma;
  const ids = lines.map((l) => l[2]!);
  const registered = await db.household.findMany({ where: { headIdNumber: { in: ids.filter((_v, i) => i % 2 === 0) } }, select: { id: true } });
  expect(registered).toHaveLength(n);
  expect(await db.member.count({ where: { householdId: { in: registered.map((h) => h.id) } } })).toBe(n);
  expect(await db.monitoringEvent.count({ where: { householdId: { in: registered.map((h) => h.id) } } })).toBe(n / 2);
});

describe('refusals', () => {
  test.each([
    ['a mapped column the file does not have', { idNumber: '证件' }, 'columns.idNumber'],
    ['a field that is not one of the import', { colour: '颜色' }, 'columns.colour'],
  ])('%s: 400 naming the field', async (_label, columns, field) => {
    const res = await importFile('county', csv([HEADERS, rows[1]!]), 'x.csv', columns as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  test('a file without the ID number column: 400 columns.idNumber', async () => {
    const res = await importFile('county', csv([['户主姓名', '村'], ['某', '柳树村']]), 'x.csv');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('columns.idNumber');
  });

  test.each([['auditor', 403], ['verifier', 403]] as const)('%s: %d', async (who, status) => {
    expect((await importFile(who, csv([HEADERS, rows[1]!]), 'x.csv')).status).toBe(status);
  });

  test('no file part: 400 file', async () => {
    const form = new FormData();
    form.append('columns', '{}');
    const res = await fetch(`${srv.url}/api/register/imports`, { method: 'POST', headers: { authorization: `Bearer ${srv.cadre('county').token}` }, body: form });
    expect(res.status).toBe(400);
    expect((await res.json()).error.field).toBe('file');
  });
});
