/**
 * A department's rows read into what the rules need: the person's ID number (GB 11643, checksum
 * checked) and the department's figures by name (money in fen, flags, short texts). A file's row is
 * read through a column mapping (field → header); a pushed row arrives by field name. A row that
 * cannot be read is counted as invalid with its reason, never stored.
 */
import { z } from 'zod';
import { CELL_NO, CELL_YES } from '../../../flows/parse/cell-flag';
import { parseIdNumber } from '../../../flows/parse/id-number';
import { moneyFen, MAX_FEN } from '../../../flows/parse/money';
import { DEPARTMENT_FIELDS, type DepartmentCode, type FieldKind } from './departments';
import { invalid } from '../refusal';
import type { Table } from './read-table';

export type Figures = Record<string, number | boolean | string>;
export type ReadRow = { rowKey: string; idNumber: string; figures: Figures };
export type RowProblem = { rowKey: string; field: string; reason: string };
export type ReadRows = { rows: ReadRow[]; problems: RowProblem[] };

const TEXT_MAX = 100;
const YES = new Set(CELL_YES);
const NO = new Set(['', ...CELL_NO]);

/** A mapping: field → the header of its column. Every field it names must be the department's. */
export const ColumnMap = z.record(z.string().trim().min(1).max(40), z.string().trim().min(1).max(100));
export type ColumnMap = z.infer<typeof ColumnMap>;

export function checkColumnMap(code: DepartmentCode, map: ColumnMap, field = 'columns'): ColumnMap {
  const fields = DEPARTMENT_FIELDS[code];
  for (const name of Object.keys(map)) {
    if (name !== 'idNumber' && !(name in fields)) throw invalid(`${field}.${name}: not a field of ${code} (${['idNumber', ...Object.keys(fields)].join(', ')})`, `${field}.${name}`);
  }
  if (!map.idNumber) throw invalid(`${field}.idNumber: the column of the ID number is required`, `${field}.idNumber`);
  return map;
}

/** One value of a figure, or a reason it cannot be read. */
export function readFigure(kind: FieldKind, value: unknown): { ok: true; value: number | boolean | string | undefined } | { ok: false; reason: string } {
  if (value === null || value === undefined || value === '') return { ok: true, value: kind === 'flag' ? false : undefined };
  if (kind === 'money') {
    if (typeof value === 'number') {
      const fen = Math.round(value * 100);
      return Number.isFinite(value) && value >= 0 && BigInt(fen) <= MAX_FEN ? { ok: true, value: fen } : { ok: false, reason: 'not an amount of yuan' };
    }
    const fen = typeof value === 'string' ? moneyFen(value.trim().replace(/^¥/, '')) : null;
    return fen !== null && fen >= 0n && fen <= MAX_FEN ? { ok: true, value: Number(fen) } : { ok: false, reason: 'not an amount of yuan' };
  }
  if (kind === 'flag') {
    if (typeof value === 'boolean') return { ok: true, value };
    const text = String(value).trim().toLowerCase();
    if (YES.has(text)) return { ok: true, value: true };
    if (NO.has(text)) return { ok: true, value: false };
    return { ok: false, reason: 'not yes or no (是/否)' };
  }
  const text = String(value).trim();
  return text.length <= TEXT_MAX ? { ok: true, value: text } : { ok: false, reason: `longer than ${TEXT_MAX} characters` };
}

/** Reads one row given as field → raw value. */
export function readRow(code: DepartmentCode, rowKey: string, raw: Record<string, unknown>, now: Date): ReadRow | RowProblem {
  const id = parseIdNumber(String(raw.idNumber ?? ''), now);
  if (!id.ok) return { rowKey, field: 'idNumber', reason: `not a valid ID number (${id.reason})` };
  const figures: Figures = {};
  for (const [name, kind] of Object.entries(DEPARTMENT_FIELDS[code])) {
    const read = readFigure(kind, raw[name]);
    if (!read.ok) return { rowKey, field: name, reason: read.reason };
    if (read.value !== undefined) figures[name] = read.value;
  }
  return { rowKey, idNumber: id.value, figures };
}

/** A file's table through its mapping. The mapped headers must be in the file. */
export function readTableRows(code: DepartmentCode, table: Table, map: ColumnMap, now: Date): ReadRows {
  const missing = Object.entries(map).filter(([, header]) => !table.headers.includes(header));
  // the mapped headers and how many columns the file has, never its first row's values (without a header row, an ID number and a name)
  if (missing.length > 0) throw invalid(`columns: the file has no column ${missing.map(([f, h]) => `"${h}" (${f})`).join(', ')} (its first row has ${table.headers.length} columns)`, 'columns');
  const out: ReadRows = { rows: [], problems: [] };
  for (const row of table.rows) {
    const raw = Object.fromEntries(Object.entries(map).map(([field, header]) => [field, row.cells[header]]));
    const read = readRow(code, String(row.rowNumber), raw, now);
    if ('idNumber' in read) out.rows.push(read);
    else out.problems.push(read);
  }
  return out;
}
