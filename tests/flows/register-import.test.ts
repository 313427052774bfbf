/**
 * Reading a county's register from a spreadsheet (flows/register/import.ts): the national headers
 * found by default, a mapping's own; dates, phones and categories as offices write them; rows
 * grouped into households — by the head's row above, its 户编号 or its ID number — and each problem
 * named by row, field and code.
 */
import { idCheckChar } from '../../flows/parse/id-number';
import { readCellFlag } from '../../flows/parse/cell-flag';
import { readCategory, readDay, readHouseholds, readPhone, readRiskKinds, resolveMapping } from '../../flows/register/import';

const NOW = new Date('2026-03-20T02:00:00Z');
const id = (n: number) => {
  const first17 = `43990119800101${String(n).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};

test.each([
  ['2025-06-01', '2025-06-01'],
  ['2025/6/1', '2025-06-01'],
  ['2025.06.01', '2025-06-01'],
  ['20250601', '2025-06-01'],
  ['2025年6月1日', '2025-06-01'],
  ['', null],
  ['2025-02-30', 'invalid'],
  ['2026-03-21', 'invalid'],
  ['去年', 'invalid'],
])('readDay(%s) → %s', (text, want) => {
  expect(readDay(text, NOW)).toBe(want);
});

test.each([
  ['13900001111', '13900001111'],
  ['0731-8888 6666', '0731-88886666'],
  ['', null],
  ['无', 'invalid'],
  ['123', 'invalid'],
])('readPhone(%s) → %s', (text, want) => {
  expect(readPhone(text)).toBe(want);
});

test.each([
  ['边缘易致贫户', 'marginal'],
  ['脱贫不稳定户', 'unstable_lifted'],
  [' 突发严重困难户 ', 'sudden_hardship'],
  ['marginal', 'marginal'],
  ['', null],
  ['低保户', 'unknown'],
])('readCategory(%s) → %s', (text, want) => {
  expect(readCategory(text)).toBe(want);
});

test.each([
  ['因病', [{ cause: 'illness', note: null }]],
  ['因病、因学', [{ cause: 'illness', note: null }, { cause: 'education', note: null }]],
  ['因灾;因残 / 因务工就业不稳', [{ cause: 'disaster', note: null }, { cause: 'other', note: '因残' }, { cause: 'other', note: '因务工就业不稳' }]],
  ['病，病，illness', [{ cause: 'illness', note: null }]],
  ['', []],
  ['无', []],
  ['因'.repeat(41), 'too_long'],
  [Array.from({ length: 11 }, (_v, i) => `因${i}`).join('、'), 'too_long'],
] as const)('readRiskKinds(%s)', (text, want) => {
  expect(readRiskKinds(text)).toEqual(want);
});

test.each([
  ['是', true],
  ['√', true],
  [' Y ', true],
  ['否', false],
  ['0', false],
  ['', null],
  ['也许', 'invalid'],
] as const)('readCellFlag(%s) → %s', (text, want) => {
  expect(readCellFlag(text)).toBe(want);
});

test.each([
  ['the national headers', ['户主姓名', '身份证号码', '行政村', '监测对象类别'], {}, { ok: true, mapping: { headName: '户主姓名', idNumber: '身份证号码', village: '行政村', category: '监测对象类别' } }],
  ['the risk kinds and the 脱贫户 flag by their national headers', ['户主姓名', '身份证号', '村', '风险类型', '是否脱贫户'], {}, { ok: true, mapping: { headName: '户主姓名', idNumber: '身份证号', village: '村', riskKinds: '风险类型', povertyAlleviated: '是否脱贫户' } }],
  ['a mapping of its own', ['户', '证件', '村名'], { headName: '户', idNumber: '证件' }, { ok: true, mapping: { headName: '户', idNumber: '证件', village: '村名' } }],
  ['a mapped header the file lacks', ['户主姓名', '村'], { idNumber: '证件' }, { ok: false, missing: ['idNumber'], absent: [['idNumber', '证件']] }],
  ['no village column', ['户主姓名', '身份证号'], {}, { ok: false, missing: ['village'], absent: [] }],
  ['no name at all', ['身份证号', '村'], {}, { ok: false, missing: ['headName'], absent: [] }],
] as const)('resolveMapping: %s', (_label, headers, given, want) => {
  expect(resolveMapping(headers, given)).toEqual(want);
});

const MAP = { headName: '户主姓名', name: '姓名', idNumber: '身份证号', relation: '与户主关系', village: '村', householdNo: '户编号' };
const row = (rowNumber: number, cells: Record<string, string>) => ({ rowNumber, cells });

test('member rows join the head row above them, or the household their 户编号 names', () => {
  const read = readHouseholds(
    [
      row(2, { 户主姓名: '甲', 姓名: '甲', 身份证号: id(1), 与户主关系: '户主', 村: '柳树村', 户编号: 'A' }),
      row(3, { 户主姓名: '乙', 姓名: '乙', 身份证号: id(2), 与户主关系: '户主', 村: '柳树村', 户编号: 'B' }),
      row(4, { 户主姓名: '甲', 姓名: '甲妻', 身份证号: id(3), 与户主关系: '配偶', 村: '柳树村', 户编号: 'A' }),
      row(5, { 户主姓名: '乙', 姓名: '乙子', 身份证号: id(4), 与户主关系: '之子', 村: '柳树村', 户编号: 'B' }),
      row(6, { 户主姓名: '乙', 姓名: '乙子', 身份证号: id(4), 与户主关系: '之子', 村: '柳树村', 户编号: 'B' }),
      row(7, { 户主姓名: '丙', 姓名: '丙女', 身份证号: id(5), 与户主关系: '之女', 村: '柳树村', 户编号: 'C' }),
      row(8, { 户主姓名: '甲', 姓名: '错号', 身份证号: id(1), 与户主关系: '之子', 村: '柳树村', 户编号: 'B' }),
      row(9, { 户主姓名: '丁', 姓名: '丁', 身份证号: '123', 与户主关系: '户主', 村: '柳树村', 户编号: 'D' }),
      row(10, { 户主姓名: '戊', 姓名: '戊', 身份证号: id(6), 与户主关系: '', 村: '柳树村', 户编号: 'E' }),
    ],
    MAP,
    NOW,
  );
  expect(read.households.map((h) => [h.head.name, h.members.map((m) => m.name), h.rows, h.size])).toEqual([
    ['甲', ['甲妻'], [2, 4], null],
    ['乙', ['乙子'], [3, 5], null],
  ]);
  expect(read.duplicates).toEqual([6]);
  expect(read.problems).toEqual([
    { row: 7, field: 'relation', code: 'no_head' },
    { row: 8, field: 'idNumber', code: 'other_household' },
    { row: 9, field: 'idNumber', code: 'id_invalid' },
    { row: 10, field: 'relation', code: 'required' },
  ]);
});
