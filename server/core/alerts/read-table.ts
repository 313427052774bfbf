/**
 * A department's file as a table: XLSX (exceljs's reader, the first worksheet) or CSV (exceljs's CSV
 * reader, every value kept as text: an ID number is never read as a number). A CSV in UTF-8 (with or
 * without a BOM) or, as offices' spreadsheets often save it, in GBK/GB18030. The first row holds the
 * headers; each later non-empty row is a record of header → text, with its row number in the file.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CoreRefusal, invalid } from '../refusal';

/**
 * The zip reader exceljs's streaming reader unpacks with — that very module, resolved from exceljs (package.json
 * declares unzipper at the version exceljs 4.4.0 resolves to): each walk here reads a file's entries as it would.
 */
type ZipEntry = NodeJS.ReadableStream & { path: string; destroy(): void; autodrain(): void };
type ZipParser = NodeJS.ReadWriteStream & { destroy(): void };
const unzipper = createRequire(require.resolve('exceljs'))('unzipper') as { Parse(opts?: object): ZipParser };

export type TableRow = { rowNumber: number; cells: Record<string, string> };
export type Table = { headers: string[]; rows: TableRow[] };

/** Rows per file: a county's monthly 医保 list is a few thousand. */
export const MAX_ROWS = 50_000;
/**
 * An XLSX's parts unpacked, at most: 50,000 rows of a dozen columns take a few tens of MB. A file
 * whose zip directory declares more is refused unread; one that declares less is still unpacked
 * once, counting the bytes actually inflated, and refused the moment they pass this (a zip bomb
 * declares small sizes and inflates to gigabytes) — before exceljs reads any of it.
 */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const tooManyRows = () => new CoreRefusal('too_large', 'too_large', `file: more than ${MAX_ROWS} rows`, 'file');
const unzipsTooLarge = () => new CoreRefusal('too_large', 'too_large', `file: unpacks to more than ${MAX_UNZIPPED_BYTES} bytes`, 'file');
const unreadable = () => invalid('file: not a readable XLSX or CSV file', 'file');
const cutOff = () => invalid('file: a sheet of the file ends before its end (a file cut off?): send the whole file', 'file');
/**
 * The parts exceljs reads rows from (its own pattern for a worksheet) and the element that closes
 * each: its XML reader never checks that a part ended, so a sheet cut after some rows would be
 * imported as though it had no more.
 */
const TAIL_BYTES = 64;
const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const CLOSED_BY: [RegExp, string][] = [
  [SHEET_PART, 'worksheet'],
  [/^xl\/sharedStrings\.xml$/, 'sst'],
];

/** The rows as they are read, each with a way to read its cells' values by column (from 1). */
type SourceRow = { rowNumber: number; cell: (col: number) => ExcelJS.CellValue; width: number };

/**
 * The file's table. The whole file is never turned into a workbook model first (a review found
 * 1M short CSV lines costing 820 MB that way): a CSV with more lines than MAX_ROWS allows is refused
 * before it is parsed, an XLSX is read row by row (exceljs's streaming reader) and refused at the
 * first row past the limit — counted as read, not by the numbers the sheet gives its rows —, after
 * its bytes unpacked were counted against MAX_UNZIPPED_BYTES. A file past a limit is refused whole,
 * never imported cut at it.
 */
export async function readTable(bytes: Buffer): Promise<Table> {
  const headers: string[] = [];
  const rows: TableRow[] = [];
  let seen = 0;
  const take = (row: SourceRow) => {
    seen += 1;
    if (seen > MAX_ROWS + 1 || row.rowNumber > MAX_ROWS + 1) throw tooManyRows();
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
  if (unzipped > MAX_UNZIPPED_BYTES) throw unzipsTooLarge();
  await checkUnpacked(bytes, MAX_UNZIPPED_BYTES);
  // exceljs's own parsers, in an order that is safe: first the parts the rows are read with
  // (wherever the zip stores them; Excel and exceljs's writer store the sheet before the shared
  // strings), then the first worksheet, streamed. Its own walk over the zip is never run: it stops
  // at the zip parser's 'end', which unzipper emits once the zip's last bytes are parsed, while
  // small entries it already passed on can still wait unread — a sheet it had set aside in a
  // temporary file was then read without the shared strings that followed it (headers empty).
  const book = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' }) as unknown as BookParts;
  try {
    await walkZip(bytes, (entry) => {
      switch (entry.path) {
        case 'xl/_rels/workbook.xml.rels':
          return book._parseRels(asText(entry));
        case 'xl/workbook.xml':
          return book._parseWorkbook(asText(entry));
        case 'xl/styles.xml':
          return book._parseStyles(asText(entry));
        case 'xl/sharedStrings.xml':
          return drain(book._parseSharedStrings(asText(entry)));
        default:
          return undefined;
      }
    });
    let sheetNo: string | undefined;
    await walkZip(bytes, (entry) => {
      if (sheetNo !== undefined) return undefined;
      sheetNo = SHEET_PART.exec(entry.path)?.[1];
      if (sheetNo === undefined) return undefined;
      const [emitted] = [...book._parseWorksheet(asText(entry), sheetNo)];
      // a refusal (past the row limit) stops the walk there: nothing is kept on the disk to clean up
      return (async () => {
        for await (const row of emitted.value) take({ rowNumber: row.number, cell: (col) => row.getCell(col).value, width: row.cellCount });
      })();
    });
  } catch (err) {
    if (err instanceof CoreRefusal) throw err;
    throw unreadable();
  }
}

/** exceljs's streaming reader's parsers of an XLSX's parts, each given the part's text. */
type BookParts = {
  _parseRels(entry: ZipEntry): Promise<void>;
  _parseWorkbook(entry: ZipEntry): Promise<void>;
  _parseStyles(entry: ZipEntry): Promise<void>;
  /** yields nothing when the strings are cached (sharedStrings: 'cache') */
  _parseSharedStrings(entry: ZipEntry): AsyncIterable<unknown>;
  _parseWorksheet(entry: ZipEntry, sheetNo: string): Iterable<{ value: AsyncIterable<ExcelJS.Row> }>;
};

/**
 * A part as UTF-8 text, a character cut between two inflated chunks decoded whole: exceljs decodes
 * each chunk on its own, which turned a Chinese character at a chunk's edge (16 KB) into �.
 */
function asText(entry: ZipEntry): ZipEntry {
  entry.setEncoding('utf8');
  return entry;
}

async function drain(items: AsyncIterable<unknown>): Promise<void> {
  for await (const item of items) void item;
}

/**
 * Walks the zip's entries in the order they are stored (local header after local header, as
 * exceljs's reader does), handing each to `read`: it returns a promise settled once it read the
 * entry to its end, or undefined to leave it unread (drained, never inflated). Resolves once the
 * parser ended and every read it was handed settled — not at the parser's 'end' alone, which comes
 * while small entries can still wait unread —; rejects with the first failure (a read's, or
 * unreadable when the zip is not), stopping there: what is still being inflated is destroyed.
 */
function walkZip(bytes: Buffer, read: (entry: ZipEntry) => Promise<void> | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = Readable.from([bytes]);
    const zip = unzipper.Parse();
    const reading = new Set<ZipEntry>();
    let ended = false;
    let settled = false;
    const settle = (failure?: unknown) => {
      if (settled) return;
      settled = true;
      input.unpipe(zip);
      input.destroy();
      // what is still being inflated stops here: nothing reads it on
      for (const entry of reading) entry.destroy();
      zip.destroy();
      if (failure) reject(failure);
      else resolve();
    };
    const maybeDone = () => ended && reading.size === 0 && settle();
    zip.on('entry', (entry: ZipEntry) => {
      if (settled) return entry.autodrain();
      let reads: Promise<void> | undefined;
      try {
        reads = read(entry);
      } catch (err) {
        entry.autodrain();
        return settle(err);
      }
      if (!reads) return entry.autodrain();
      reading.add(entry);
      reads.then(() => {
        reading.delete(entry);
        maybeDone();
      }, settle);
    });
    zip.on('error', () => settle(unreadable()));
    // the parser ends itself at the end of the central directory (bytes after it are not read, as exceljs does not)
    zip.on('end', () => {
      ended = true;
      maybeDone();
    });
    zip.resume();
    input.pipe(zip);
  });
}

/**
 * Unpacks every entry as exceljs's reader would (the same parser, local header after local
 * header), counting the bytes inflated and keeping none but the last few of a sheet: refused
 * (413) when they pass `limit`, whatever the headers declare; unreadable (400) when the walk
 * fails — a truncated deflate stream, a cut file, a bad record — or a sheet's XML does not end
 * with its closing element, so exceljs is only given a zip that unpacks whole.
 */
export function checkUnpacked(bytes: Buffer, limit: number): Promise<void> {
  let inflated = 0;
  return walkZip(
    bytes,
    (entry) =>
      new Promise((resolve, reject) => {
        const root = CLOSED_BY.find(([path]) => path.test(entry.path))?.[1];
        let tail: Buffer = Buffer.alloc(0);
        entry.on('data', (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > limit) reject(unzipsTooLarge());
          if (root) tail = chunk.length >= TAIL_BYTES ? chunk.subarray(-TAIL_BYTES) : Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
        });
        entry.on('end', () => (root && !new RegExp(`</(\\w+:)?${root}>\\s*$`).test(tail.toString('latin1')) ? reject(cutOff()) : resolve()));
        entry.on('error', () => reject(unreadable()));
      }),
  );
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
