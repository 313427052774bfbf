/**
 * A department file's size is checked before it is turned into a table (real PostgreSQL): a CSV of
 * a million short lines is refused (413 naming the row limit) without parsing it — a review measured
 * +820 MB when it was parsed first —, an XLSX is read row by row and refused at the first row past
 * the limit, and an XLSX whose zip directory declares more than MAX_UNZIPPED_BYTES is refused
 * before it is unpacked.
 */
import ExcelJS from 'exceljs';
import { MAX_ROWS, MAX_UNZIPPED_BYTES } from '../../server/core/alerts/read-table';
import { startTestServer, type TestServer } from '../support/server';

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
  return { status: res.status, body: (await res.json()) as { error?: { field?: string; message: string }; rows?: number } };
}

/** The process's peak resident memory so far, in bytes. */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

// first in the file: the peak memory it measures is not one an earlier test reached
test('a CSV of a million short lines is refused unparsed: 413 naming the limit, the memory peak barely moves', async () => {
  const bytes = Buffer.from('身份证号\n' + '1\n'.repeat(1_000_000), 'utf8');
  const before = peakRss();
  const res = await upload(bytes, 'million.csv');
  expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 413, field: 'file' });
  expect(res.body.error!.message).toContain(String(MAX_ROWS));
  expect(peakRss() - before).toBeLessThan(150 * 1024 * 1024);
});

test.each([
  ['\\r\\n', '\r\n'],
  ['a lone \\r', '\r'],
])('lines ended by %s are counted too', async (_label, eol) => {
  const res = await upload(Buffer.from(`身份证号${eol}` + `1${eol}`.repeat(MAX_ROWS + 1), 'utf8'), 'eol.csv');
  expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 413, field: 'file' });
});

test('a CSV of exactly the limit is read', async () => {
  const bytes = Buffer.from('身份证号,住院自付累计,医疗总费用\n' + 'x,1,2\n'.repeat(MAX_ROWS), 'utf8');
  const res = await upload(bytes, 'limit.csv');
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ rows: 0, invalid: MAX_ROWS });
});

async function xlsx(dataRows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('s');
  ws.addRow(['身份证号', '住院自付累计', '医疗总费用']);
  for (let i = 0; i < dataRows; i += 1) ws.addRow(['x', i, i]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('an XLSX is read row by row: one row past the limit is 413 naming it', async () => {
  const res = await upload(await xlsx(MAX_ROWS + 1), 'over.xlsx');
  expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 413, field: 'file' });
  expect(res.body.error!.message).toContain(String(MAX_ROWS));
});

test('an XLSX whose zip directory declares more than the unpacked limit is refused before it is unpacked', async () => {
  const bytes = await xlsx(3);
  // the central directory's entry of the worksheet: its uncompressed size set past the limit
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  let at = -1;
  for (let i = 0; i < bytes.length - 46; i += 1) {
    if (bytes.readUInt32LE(i) === 0x02014b50 && bytes.subarray(i + 46, i + 46 + name.length).equals(name)) at = i;
  }
  expect(at).toBeGreaterThan(0);
  bytes.writeUInt32LE(MAX_UNZIPPED_BYTES + 1, at + 24);
  const res = await upload(bytes, 'bomb.xlsx');
  expect({ status: res.status, field: res.body.error?.field }).toEqual({ status: 413, field: 'file' });
  expect(res.body.error!.message).toContain(String(MAX_UNZIPPED_BYTES));
});

test('a small XLSX still reads: its headers, its rows by number', async () => {
  const res = await upload(await xlsx(3), 'small.xlsx');
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ rows: 0, invalid: 3 });
});
