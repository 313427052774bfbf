/**
 * The 台账 file, written as it is read: XLSX through exceljs's streaming WorkbookWriter (each row
 * committed as it is added, nothing kept), or CSV — UTF-8 with a BOM (so Excel reads the Chinese),
 * RFC 4180 quoting, and a guard against CSV injection (a text cell starting with = + - @ or a tab
 * or carriage return gets a leading apostrophe, so a spreadsheet never runs it as a formula).
 * A cell's value comes from the field catalogue (fields.ts) and the layout column's format and mask.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { shanghaiDate, shanghaiDateTime } from '../../../flows/china-time';
import { t, type Lang } from '../../../flows/i18n';
import { maskIdNumber, maskPhone } from '../cases/reveal';
import { fieldOf, type ExportRow, type FieldDef, type ReadContext } from './fields';
import type { LayoutColumn } from './layouts';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A cell: text, or a number with how a spreadsheet shows it (money). */
export type Cell = { text: string } | { number: number; numFmt?: string; csv: string } | null;

type Prepared = { column: LayoutColumn; field: FieldDef };

/** The layout's columns with their catalogue fields (a column whose field is unknown is dropped). */
export function prepare(columns: LayoutColumn[]): Prepared[] {
  return columns.flatMap((column) => {
    const field = fieldOf(column.field);
    return field ? [{ column, field }] : [];
  });
}

export function headersOf(columns: Prepared[], lang: Lang): string[] {
  return columns.map(({ column, field }) => column.header || t(lang, `export.field.${field.key}`));
}

/** Fen as yuan with 2 decimals, exactly (no float rounding of the integer fen). */
function yuanText(fen: number, decimals: 2 | 4, per: 100 | 1_000_000): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / per);
  const frac = String(abs % per).padStart(per === 100 ? 2 : 6, '0').slice(0, decimals);
  return `${sign}${whole}.${frac}`;
}

export function cellOf({ column, field }: Prepared, row: ExportRow, cx: ReadContext): Cell {
  if (field.kind === 'sensitive' && column.mask === 'hidden') return null;
  const v = field.read(row, cx);
  if (v === null || v === undefined || v === '') return null;
  switch (field.kind) {
    case 'money': {
      const fen = Number(v);
      if (column.format === 'wan') {
        const csv = yuanText(fen, 4, 1_000_000);
        return { number: Number(csv), numFmt: '0.0000', csv };
      }
      const csv = yuanText(fen, 2, 100);
      return { number: Number(csv), numFmt: '0.00', csv };
    }
    case 'date': {
      const d = v instanceof Date ? v : new Date(String(v));
      return { text: column.format === 'datetime' ? shanghaiDateTime(d) : shanghaiDate(d) };
    }
    case 'int':
      return { number: Number(v), csv: String(v) };
    case 'sensitive': {
      const s = String(v);
      if (column.mask === 'full') return { text: s };
      // an ID number keeps its first 6 (the region code the provincial systems match on)
      return { text: field.sensitive === 'phone' ? maskPhone(s) : maskIdNumber(s, 6) };
    }
    default:
      return { text: String(v) };
  }
}

export interface SheetWriter {
  row(cells: Cell[]): void;
  /** Resolves once what was written so far has moved on (a batch's rows are not left piling up inside the writer). */
  settle(): Promise<void>;
  /** Bytes written and waiting inside the writer (XLSX: the sheet's XML not yet taken by the zip). */
  backlog(): number;
  /** All written: the file's end. */
  end(): Promise<void>;
}

/** Writes wait while more than this is queued inside the XLSX writer, not yet compressed. */
export const XLSX_BACKLOG_BYTES = 1 << 20;

/** Resolves on `event` or the stream's close, whichever first. */
function either(stream: NodeJS.EventEmitter, event: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off(event, done);
      stream.off('close', done);
      resolve();
    };
    stream.on(event, done);
    stream.on('close', done);
  });
}

/** A text cell a spreadsheet would read as a formula: = + - @, or a tab or carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const s = 'text' in cell ? (FORMULA_START.test(cell.text) ? `'${cell.text}` : cell.text) : cell.csv;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvWriter(out: Writable, headers: string[]): SheetWriter {
  out.write(`\uFEFF${headers.map((h) => csvField({ text: h })).join(',')}\r\n`);
  return {
    row: (cells) => void out.write(`${cells.map(csvField).join(',')}\r\n`),
    // the caller waits for the response's own drain: nothing is queued here
    settle: async () => undefined,
    backlog: () => 0,
    end: () => new Promise<void>((resolve) => out.end(resolve)),
  };
}

export function xlsxWriter(out: Writable, headers: string[], sheetName: string, numFmts: (string | undefined)[]): SheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = headers.map((header, i) => ({ header, key: `c${i}`, width: Math.min(40, Math.max(10, header.length * 2 + 2)), ...(numFmts[i] ? { style: { numFmt: numFmts[i] } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  // one style object per column, shared by all its cells: exceljs gives every new cell a style
  // object of its own and, writing it, renders that style's XML to find its id — per cell, 3 million
  // times in a 100,000-row export — unless it has seen the very object before (its WeakMap)
  const styles = numFmts.map((numFmt) => (numFmt ? { numFmt } : {}));
  const share = (cell: ExcelJS.Cell, col: number) => void (cell.style = styles[col - 1] ?? {});
  return {
    row: (cells) => {
      // an empty cell is left out (no cell object at all); a number's format is its column's
      const row = sheet.addRow(cells.map((c) => (c === null ? undefined : 'text' in c ? c.text : c.number)));
      row.eachCell(share);
      row.commit();
    },
    // exceljs's sheet stream hands its bytes to the zip without waiting for them to be compressed
    // (its StreamBuf ignores backpressure): while more than XLSX_BACKLOG_BYTES of the sheet wait for
    // the zip, wait for them to go — else a fast reader queues the whole sheet's XML in memory
    settle: async () => {
      for (;;) {
        const queue = sheetQueue(sheet);
        if (!queue || queue.closed || queue.queued <= XLSX_BACKLOG_BYTES) return;
        await either(queue.stream, 'drain');
      }
    },
    backlog: () => sheetQueue(sheet)?.queued ?? 0,
    end: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/** The number formats of the columns (money), for the XLSX columns' styles. */
export function numFmtsOf(columns: Prepared[]): (string | undefined)[] {
  return columns.map(({ column, field }) => (field.kind === 'money' ? (column.format === 'wan' ? '0.0000' : '0.00') : undefined));
}

/**
 * How much of exceljs's sheet waits for the zip: the stream its sheet is piped into (archiver's
 * input for the entry, a readable-stream PassThrough: its queue is `_writableState.length`), when
 * it can be found — null when exceljs changed and it cannot (then nothing is waited for).
 */
function sheetQueue(sheet: ExcelJS.Worksheet): { stream: NodeJS.EventEmitter; queued: number; closed: boolean } | null {
  const piped = (sheet as unknown as { _stream?: { pipes?: unknown[] } })._stream?.pipes?.[0] as
    | (NodeJS.EventEmitter & { writableLength?: number; destroyed?: boolean; _writableState?: { length?: number; destroyed?: boolean; ended?: boolean } })
    | undefined;
  if (!piped) return null;
  const queued = typeof piped.writableLength === 'number' ? piped.writableLength : piped._writableState?.length;
  if (typeof queued !== 'number') return null;
  return { stream: piped, queued, closed: !!(piped.destroyed || piped._writableState?.destroyed || piped._writableState?.ended) };
}
