/**
 * A department's file as a table: XLSX (exceljs's reader, the first worksheet) or CSV (exceljs's CSV
 * reader, every value kept as text: an ID number is never read as a number). A CSV in UTF-8 (with or
 * without a BOM) or, as offices' spreadsheets often save it, in GBK/GB18030. The first row holds the
 * headers; each later non-empty row is a record of header → text, with its row number in the file.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CoreRefusal, invalid } from '../refusal';

export type TableRow = { rowNumber: number; cells: Record<string, string> };
export type Table = { headers: string[]; rows: TableRow[] };

/** Rows per file: a county's monthly 医保 list is a few thousand. */
export const MAX_ROWS = 50_000;
/**
 * An XLSX's parts unpacked, at most (as its zip directory declares them): 50,000 rows of a dozen
 * columns take a few tens of MB; a small file that unpacks past this is refused before it is read.
 */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const tooManyRows = () => new CoreRefusal('too_large', 'too_large', `file: more than ${MAX_ROWS} rows`, 'file');
const unreadable = () => invalid('file: not a readable XLSX or CSV file', 'file');

/** The rows as they are read, each with a way to read its cells' values by column (from 1). */
type SourceRow = { rowNumber: number; cell: (col: number) => ExcelJS.CellValue; width: number };

/**
 * The file's table. The whole file is never turned into a workbook model first (a review found
 * 1M short CSV lines costing 820 MB that way): a CSV with more lines than MAX_ROWS allows is refused
 * before it is parsed, an XLSX is read row by row (exceljs's streaming reader) and refused at the
 * first row past the limit, after its zip directory was checked against MAX_UNZIPPED_BYTES.
 */
export async function readTable(bytes: Buffer): Promise<Table> {
  const headers: string[] = [];
  const rows: TableRow[] = [];
  let seen = 0;
  const take = (row: SourceRow) => {
    seen += 1;
    if (row.rowNumber > MAX_ROWS + 1) throw tooManyRows();
    if (row.rowNumber === 1) {
      for (let col = 1; col <= row.width; col += 1) headers[col - 1] = cellText(row.cell(col));
      return;
    }
    const cells: Record<string, string> = {};
    let any = false;
    headers.forEach((header, i) => {
      if (!header) return;
      const text = cellText(row.cell(i + 1));
      cells[header] = text;
      if (text !== '') any = true;
    });
    if (any) rows.push({ rowNumber: row.rowNumber, cells });
  };
  if (isZip(bytes)) await readXlsx(bytes, take);
  else await readCsv(bytes, take);
  if (seen === 0) throw invalid('file: the file has no rows', 'file');
  return { headers: headers.filter((h) => h !== ''), rows };
}

async function readCsv(bytes: Buffer, take: (row: SourceRow) => void): Promise<void> {
  const text = decodeText(bytes);
  // a line per row at most (a quoted value may span lines): more line breaks than rows allowed is refused unread
  // (\n, \r\n, or a lone \r as old spreadsheets save it)
  let breaks = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) && ++breaks > MAX_ROWS + 1) throw tooManyRows();
  }
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    sheet = await new ExcelJS.Workbook().csv.read(Readable.from([text]), { map: (value: unknown) => value } as never);
  } catch {
    throw unreadable();
  }
  if (!sheet || sheet.rowCount === 0) return;
  if (sheet.rowCount > MAX_ROWS + 1) throw tooManyRows();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => take({ rowNumber, cell: (col) => row.getCell(col).value, width: row.cellCount }));
}

async function readXlsx(bytes: Buffer, take: (row: SourceRow) => void): Promise<void> {
  const unzipped = declaredUnzippedBytes(bytes);
  if (unzipped === null) throw unreadable();
  if (unzipped > MAX_UNZIPPED_BYTES) throw new CoreRefusal('too_large', 'too_large', `file: unpacks to more than ${MAX_UNZIPPED_BYTES} bytes`, 'file');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) take({ rowNumber: row.number, cell: (col) => row.getCell(col).value, width: row.cellCount });
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof CoreRefusal) throw err;
    throw unreadable();
  }
}

/** The sum of the zip's entries' uncompressed sizes, from its central directory; null when it is not a zip this reads (zip64 included). */
export function declaredUnzippedBytes(bytes: Buffer): number | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) return null;
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}

/** UTF-8 when the bytes are UTF-8 (a BOM dropped), else GB18030 (a superset of GBK). */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** A cell's value as the text it shows: rich text joined, a formula's result, a date as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
  }
  return '';
}
