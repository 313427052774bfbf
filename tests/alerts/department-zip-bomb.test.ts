/**
 * An XLSX is a zip, and its declared sizes are the sender's word (real PostgreSQL). A zip whose
 * entries declare a few hundred bytes but inflate to a gigabyte is refused with 413 once the
 * bytes actually inflated pass MAX_UNZIPPED_BYTES, without the memory or the disk filling; a sheet
 * whose rows all carry the same row number is counted by the rows read; a sheet cut off — past the
 * row limit, or its XML or its compressed stream ending early — is refused whole, nothing imported;
 * and no temporary file is left behind once a file is read or refused (the reader hands exceljs the
 * shared strings first and streams the sheet: none is made).
 * The zips are made here byte by byte (node:zlib): no writer would declare sizes it did not write.
 */
import { readdirSync } from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';
import { MAX_ROWS, MAX_UNZIPPED_BYTES, readTable } from '../../server/core/alerts/read-table';
import { startTestServer, type TestServer } from '../support/server';
import { zipOf, zipPart, type ZipPart } from '../support/zip';

let srv: TestServer;

beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

async function upload(bytes: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${srv.url}/api/departments/yibao/imports`, { method: 'POST', headers: { authorization: `Bearer ${srv.tokenOf('county')}` }, body: form });
  return { status: res.status, body: (await res.json()) as { error?: { field?: string; message: string }; rows?: number; invalid?: number } };
}

const imports = () => srv.db.prisma.departmentImport.count();
/** The process's peak resident memory so far, in bytes. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

type Entry = ZipPart;

const deflated = (text: string): Entry['deflated'] => zlib.deflateRawSync(Buffer.from(text));
const entry = zipPart;

/** The parts exceljs's reader needs besides the sheet. */
const WORKBOOK: Entry[] = [
  entry('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
  entry('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  entry('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
];
const SHEET_START = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_END = '</sheetData></worksheet>';
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER_ROW = `<row r="1">${cell('A1', '身份证号')}${cell('B1', '住院自付累计')}${cell('C1', '医疗总费用')}</row>`;
const sheet = (rows: string) => ({ name: 'xl/worksheets/sheet1.xml', deflated: deflated(SHEET_START + HEADER_ROW + rows + SHEET_END), declaredSize: 500 });

/**
 * A sheet whose one cell holds `megabytes` MB of "a": deflated a megabyte at a time (each block
 * flushed on its own, so the same bytes repeat), about a kilobyte of zip per inflated megabyte.
 */
function bombSheet(megabytes: number): Entry {
  const start = zlib.deflateRawSync(Buffer.from(SHEET_START + HEADER_ROW + `<row r="2"><c r="A2" t="inlineStr"><is><t>`), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const megabyte = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, 'a'), { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 });
  const end = zlib.deflateRawSync(Buffer.from(`</t></is></c></row>${SHEET_END}`));
  return { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat([start, ...Array<Buffer>(megabytes).fill(megabyte), end]), declaredSize: 500 };
}

// first in the file: the peak memory it measures is not one an earlier test reached
test('a zip declaring small sizes that inflates to a gigabyte: 413 naming the limit, memory barely moves, nothing imported', async () => {
  const bomb = zipOf([...WORKBOOK, bombSheet(1024)]);
  expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
  const before = { peak: peakRss(), imports: await imports() };
  const started = Date.now();
  const res = await upload(bomb, 'bomb.xlsx');
  expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 413, field: 'file' });
  expect(res.body.error!.message).toContain(String(MAX_UNZIPPED_BYTES));
  expect(peakRss() - before.peak).toBeLessThan(100 * 1024 * 1024);
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(await imports()).toBe(before.imports);
});

test('a sheet that inflates past its declared size but within the limit is still read', async () => {
  // a cell of 4 MB, too long for an ID number: read, and reported invalid
  const res = await upload(zipOf([...WORKBOOK, bombSheet(4)]), 'within.xlsx');
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ rows: 0, invalid: 1 });
});

test('a sheet of more rows than the limit, all numbered 2, is refused by the rows read', async () => {
  const before = await imports();
  const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `<row r="2">${cell('A2', String(i))}</row>`).join('');
  const res = await upload(zipOf([...WORKBOOK, sheet(rows)]), 'same-number.xlsx');
  expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 413, field: 'file' });
  expect(res.body.error!.message).toContain(String(MAX_ROWS));
  expect(await imports()).toBe(before);
});

test.each([
  ['its XML ends after a whole row', () => zipOf([...WORKBOOK, { ...sheet(''), deflated: deflated(SHEET_START + HEADER_ROW + `<row r="2">${cell('A2', '1')}</row>`) }])],
  ['its XML ends in the middle of a row', () => zipOf([...WORKBOOK, { ...sheet(''), deflated: deflated(SHEET_START + HEADER_ROW + `<row r="2">${cell('A2', '1')}</row><row r="3"><c r="A3"`) }])],
  [
    'its compressed stream ends early',
    () => {
      const whole = zlib.deflateRawSync(Buffer.from(SHEET_START + HEADER_ROW + Array.from({ length: 2000 }, (_, i) => `<row r="${i + 2}">${cell(`A${i + 2}`, String(i))}</row>`).join('') + SHEET_END));
      return zipOf([...WORKBOOK, { name: 'xl/worksheets/sheet1.xml', deflated: whole.subarray(0, whole.length >> 1), declaredSize: 500 }]);
    },
  ],
])('a sheet cut off (%s) is refused whole: 400 naming the file, nothing imported', async (_label, make) => {
  const before = await imports();
  const res = await upload(make(), 'cut.xlsx');
  expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 400, field: 'file' });
  expect(await imports()).toBe(before);
});

test.each([
  ['read', `<row r="2">${cell('A2', 'x')}</row>`, null],
  ['refused past the row limit', Array.from({ length: MAX_ROWS + 1 }, (_, i) => `<row r="${i + 2}">${cell(`A${i + 2}`, 'x')}</row>`).join(''), 'too_large'],
])('a sheet stored before the shared strings leaves no temporary file once the file is %s', async (_label, rows, refused) => {
  // exceljs's own walk would name them tmp-<pid>-… in os.tmpdir()
  const ours = () => readdirSync(os.tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
  const before = ours();
  const second = { ...sheet(''), name: 'xl/worksheets/sheet2.xml' };
  const read = readTable(zipOf([...WORKBOOK, sheet(rows), second]));
  if (refused) await expect(read).rejects.toMatchObject({ kind: refused });
  else expect((await read).rows).toEqual([{ rowNumber: 2, cells: { 身份证号: 'x', 住院自付累计: '', 医疗总费用: '' } }]);
  // removed without waiting for it (an unlink after the sheet was read): a moment
  const left = () => ours().filter((f) => !before.includes(f));
  for (let i = 0; i < 20 && left().length > 0; i += 1) await new Promise((r) => setTimeout(r, 100));
  expect(left()).toEqual([]);
});
