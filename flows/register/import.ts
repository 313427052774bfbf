/**
 * A county's existing register read from a spreadsheet (server/core/register/import.ts writes it):
 * the columns mapped to fields (the national system's headers by default), each row read and
 * checked, and the rows grouped into households — a file has one row per household, or one row
 * per member (a 与户主关系 column is mapped: the 户主's row heads its household, the members' rows
 * follow it, or carry its 户编号 / the 户主's ID number). Pure: no clock of its own, no database.
 * A problem names the row and field and a code (register.import.problem.<code>), never a value.
 */
import { DECISION_WORDS } from '../workflow/words';
import { registerEn } from '../i18n/register.en';
import { registerZhCN } from '../i18n/register.zh-CN';
import { readCellFlag } from '../parse/cell-flag';
import type { RiskCause } from './index';
import { HOUSEHOLD_CATEGORIES, type HouseholdCategory } from '../workflow';
import { parseIdNumber } from '../parse/id-number';
import { formatYmd, isAfter, isRealDate, shanghaiToday } from '../parse/calendar';
import { DEFAULT_HEADERS, IMPORT_FIELDS, type ColumnMapping, type ImportField, type ImportProblem, type ImportProblemCode } from './import-columns';

export { DEFAULT_HEADERS, IMPORT_FIELDS, type ColumnMapping, type ImportField, type ImportProblem, type ImportProblemCode };

/** The relation words of the head's own row. */
const HEAD_RELATIONS = new Set(['户主', '本人', '本人（户主）', '本人(户主)', 'head', 'self']);
export const MAX_HOUSEHOLD_SIZE = 30;

/**
 * The mapping used: the one given (field → header), the others found among the file's headers by
 * DEFAULT_HEADERS. Returns the missing required fields instead when some cannot be found.
 */
export function resolveMapping(headers: readonly string[], given: ColumnMapping = {}): { ok: true; mapping: ColumnMapping } | { ok: false; missing: ImportField[]; absent: [ImportField, string][] } {
  const absent = Object.entries(given).filter(([, h]) => h !== undefined && !headers.includes(h)) as [ImportField, string][];
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const header = given[field] ?? DEFAULT_HEADERS[field].find((h) => headers.includes(h));
    if (header !== undefined && headers.includes(header)) mapping[field] = header;
  }
  // a household per row needs the head's name; a member per row the person's name (the head's row names the head)
  const missing = (['idNumber', 'village'] as const).filter((f) => !mapping[f]) as ImportField[];
  if (!mapping.headName && !mapping.name) missing.push('headName');
  if (absent.length || missing.length) return { ok: false, missing, absent };
  return { ok: true, mapping };
}

export type ImportPerson = { row: number; idNumber: string; name: string; relation: string };
export type ImportHousehold = {
  /** Every row of the household kept (the head's first). */
  rows: number[];
  head: ImportPerson;
  members: ImportPerson[];
  town: string;
  village: string;
  /** 家庭人口 as the file gives it (null: not given — a new household counts its head and members). */
  size: number | null;
  category: HouseholdCategory | null;
  identifiedOn: string | null;
  phone: string | null;
  /** 风险类型: each kind once (a kind other than the known causes is 'other', its word kept as the note). */
  risks: ImportRisk[];
  /** 是否脱贫户 (null: not given). */
  povertyAlleviated: boolean | null;
};
export type ImportRisk = { cause: RiskCause; note: string | null };

export type ReadHouseholds = {
  households: ImportHousehold[];
  problems: ImportProblem[];
  /** Rows repeating a person already read (the same ID number in the same household): left out. */
  duplicates: number[];
};

const NAME_MAX = 40;

/** A category as the national system or the console writes it: its word in either language, or its id. */
export function readCategory(text: string): HouseholdCategory | null | 'unknown' {
  const t = text.replace(/\s/g, '');
  if (t === '') return null;
  for (const c of HOUSEHOLD_CATEGORIES) {
    const words = [c, ...Object.values(DECISION_WORDS).map((w) => w.category[c])];
    if (words.some((w) => w.replace(/\s/g, '').toLowerCase() === t.toLowerCase())) return c;
  }
  return 'unknown';
}

/** A day as spreadsheets write it (2024-03-05, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日), not after today; null when empty. */
export function readDay(text: string, now: Date): string | null | 'invalid' {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(t);
  if (!m) return 'invalid';
  const ymd = { y: Number(m[1]), m: Number(m[2] ?? m[4]), d: Number(m[3] ?? m[5]) };
  if (ymd.y < 1950 || !isRealDate(ymd) || isAfter(ymd, shanghaiToday(now))) return 'invalid';
  return formatYmd(ymd);
}

/** A phone as offices write it: a mobile or a landline (区号-号码), 7–20 digits; null when empty. */
export function readPhone(text: string): string | null | 'invalid' {
  const t = text.replace(/[\s()（）]/g, '');
  if (t === '') return null;
  return /^\d[\d-]{5,18}\d$/.test(t) && t.replace(/-/g, '').length >= 7 ? t : 'invalid';
}

/** The known risk causes as the national system and the console word them (因病, 病, illness…). */
const CAUSE_WORDS: [RiskCause, string[]][] = (['illness', 'disaster', 'education'] as const).map((c) => [c, [c, registerZhCN.risk_cause[c], registerZhCN.risk_cause[c].replace(/^因/, ''), registerEn.risk_cause[c]]]);
const RISK_KIND_MAX = 40;
const RISK_KINDS_MAX = 10;

/**
 * 风险类型 as a file writes it — one kind or several (因病、因学; 因病/因残): each known cause once;
 * any other kind (因残, 因务工就业不稳…) a risk of cause other named by its word. [] when empty;
 * 'too_long' for a kind over 40 characters or more than 10 kinds.
 */
export function readRiskKinds(text: string): ImportRisk[] | 'too_long' {
  const words = text.split(/[、,，;；/／|\s]+/u).map((w) => w.trim()).filter((w) => w !== '' && w !== '无');
  if (words.length > RISK_KINDS_MAX || words.some((w) => w.length > RISK_KIND_MAX)) return 'too_long';
  const out: ImportRisk[] = [];
  for (const w of words) {
    const cause = CAUSE_WORDS.find(([, ws]) => ws.some((x) => x.toLowerCase() === w.toLowerCase()))?.[0];
    const risk: ImportRisk = cause ? { cause, note: null } : { cause: 'other', note: w };
    if (!out.some((r) => r.cause === risk.cause && r.note === risk.note)) out.push(risk);
  }
  return out;
}

type Cells = Record<string, string>;

/**
 * The file's rows as households. A household per row unless `relation` is mapped. A row with a
 * problem is refused whole; a member's row is refused with its head's; a household's facts
 * (village, size, category, phone…) are its head's row's.
 */
export function readHouseholds(rows: readonly { rowNumber: number; cells: Cells }[], mapping: ColumnMapping, now: Date): ReadHouseholds {
  const problems: ImportProblem[] = [];
  const duplicates: number[] = [];
  const cell = (cells: Cells, f: ImportField) => (mapping[f] ? (cells[mapping[f]!] ?? '').trim() : '');
  const byMember = mapping.relation !== undefined;
  // ID number → the household key it was read in, and the household by key
  const seenIn = new Map<string, string>();
  const households = new Map<string, ImportHousehold>();
  // per member: the key of the last head row read, by its name and village (rows follow their head)
  const lastHead = new Map<string, string>();
  const problem = (row: number, field: ImportProblem['field'], code: ImportProblemCode) => void problems.push({ row, field, code });

  for (const { rowNumber: row, cells } of rows) {
    const id = parseIdNumber(cell(cells, 'idNumber'), now);
    if (!id.ok) {
      problem(row, 'idNumber', 'id_invalid');
      continue;
    }
    const relation = byMember ? cell(cells, 'relation') : '';
    const isHead = !byMember || HEAD_RELATIONS.has(relation);
    const headName = cell(cells, 'headName');
    const name = isHead ? (mapping.name && byMember ? cell(cells, 'name') || headName : headName || cell(cells, 'name')) : cell(cells, 'name');
    const village = cell(cells, 'village');
    const town = cell(cells, 'town');
    if (byMember && relation === '') {
      problem(row, 'relation', 'required');
      continue;
    }
    if (name === '') {
      problem(row, byMember && !isHead ? 'name' : 'headName', 'required');
      continue;
    }
    if (name.length > NAME_MAX || relation.length > 20) {
      problem(row, name.length > NAME_MAX ? (isHead ? 'headName' : 'name') : 'relation', 'too_long');
      continue;
    }
    if (isHead && village === '') {
      problem(row, 'village', 'required');
      continue;
    }
    const person: ImportPerson = { row, idNumber: id.value, name, relation: isHead ? '' : relation };

    if (isHead) {
      const sizeText = cell(cells, 'size');
      const size = sizeText === '' ? null : Number(sizeText);
      if (size !== null && (!Number.isInteger(size) || size < 1 || size > MAX_HOUSEHOLD_SIZE)) {
        problem(row, 'size', 'size_invalid');
        continue;
      }
      const category = readCategory(cell(cells, 'category'));
      if (category === 'unknown') {
        problem(row, 'category', 'category_unknown');
        continue;
      }
      const identifiedOn = readDay(cell(cells, 'identifiedOn'), now);
      if (identifiedOn === 'invalid') {
        problem(row, 'identifiedOn', 'date_invalid');
        continue;
      }
      const phone = readPhone(cell(cells, 'phone'));
      if (phone === 'invalid') {
        problem(row, 'phone', 'phone_invalid');
        continue;
      }
      const risks = readRiskKinds(cell(cells, 'riskKinds'));
      if (risks === 'too_long') {
        problem(row, 'riskKinds', 'too_long');
        continue;
      }
      const povertyAlleviated = readCellFlag(cell(cells, 'povertyAlleviated'));
      if (povertyAlleviated === 'invalid') {
        problem(row, 'povertyAlleviated', 'flag_invalid');
        continue;
      }
      const key = `head:${id.value}`;
      if (households.has(key)) {
        duplicates.push(row);
        continue;
      }
      if (seenIn.has(id.value)) {
        problem(row, 'idNumber', 'other_household');
        continue;
      }
      seenIn.set(id.value, key);
      households.set(key, { rows: [row], head: person, members: [], town, village, size, category, identifiedOn, phone, risks, povertyAlleviated });
      for (const alias of [cell(cells, 'householdNo') && `no:${cell(cells, 'householdNo')}`, `hid:${id.value}`]) if (alias) lastHead.set(alias, key);
      lastHead.set(`name:${headName || name}|${town}|${village}`, key);
      continue;
    }

    // a member's row: its household by 户编号, the head's ID number, else the head row above it of the same 户主 and village
    const no = cell(cells, 'householdNo');
    const headId = mapping.headIdNumber ? parseIdNumber(cell(cells, 'headIdNumber'), now) : null;
    const key = no ? lastHead.get(`no:${no}`) : headId?.ok ? lastHead.get(`hid:${headId.value}`) : lastHead.get(`name:${headName}|${town}|${village}`);
    if (!key) {
      problem(row, 'relation', 'no_head');
      continue;
    }
    const household = households.get(key)!;
    const earlier = seenIn.get(id.value);
    if (earlier === key) {
      duplicates.push(row);
      continue;
    }
    if (earlier !== undefined) {
      problem(row, 'idNumber', 'other_household');
      continue;
    }
    seenIn.set(id.value, key);
    household.members.push(person);
    household.rows.push(row);
  }
  // a head's row refused: its members' rows found no head (no_head)
  return { households: [...households.values()], problems, duplicates };
}
