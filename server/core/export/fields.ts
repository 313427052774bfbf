/**
 * The field catalogue of the 台账 export: every column a layout may have, once — its key, its kind
 * (text, int, money, date, sensitive), the formats or masks it takes, and how it is read from a
 * case with its household. The built-in layouts (layouts.ts), the layouts a county saves (checked
 * against this list), the export's writer (write.ts) and the console's layout editor (through
 * GET /api/export/fields) all read it. Its labels are i18n keys (flows/i18n/export.*.ts).
 */
import { t, type Lang } from '../../../flows/i18n';
import { CASE_STATUS, HOUSEHOLD_CATEGORIES, MEASURES } from '../../../flows/workflow';
import type { Applicant } from '../cases/applicant';
import type { RegionTree } from '../regions/tree';

export const FIELD_KINDS = ['text', 'int', 'money', 'date', 'sensitive'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** How a money or date column is written: yuan with 2 decimals or 万元 with 4; a China date or date and time. */
export const FORMATS = { money: ['yuan', 'wan'], date: ['date', 'datetime'] } as const;
export type MoneyFormat = (typeof FORMATS.money)[number];
export type DateFormat = (typeof FORMATS.date)[number];
export type ColumnFormat = MoneyFormat | DateFormat;

/** How a sensitive column is written: whole (needs MAY.revealIdentity), masked (前6后4 for an ID number, 前3后4 for a phone), or left empty. */
export const MASKS = ['full', 'masked', 'hidden'] as const;
export type Mask = (typeof MASKS)[number];

/** A case with its household, its sealed values opened (read.ts), as one export row. */
export type ExportRow = {
  caseNo: string;
  status: string;
  cause: string;
  channel: string;
  villageId: string;
  submittedAt: Date;
  statusSince: Date;
  /** When the case was approved (识别), if it was. */
  decidedAt: Date | null;
  dueAt: Date | null;
  overdueSince: Date | null;
  greenChannel: boolean;
  publicityStart: Date | null;
  publicityEnd: Date | null;
  paidAt: Date | null;
  householdSize: number;
  annualIncomeFen: number;
  perCapitaIncomeFen: number;
  rigidExpenseFen: number;
  incomeLineFen: number | null;
  incomeYear: number;
  approvedAmountFen: number | null;
  householdCategory: string | null;
  measures: unknown;
  applicant: Applicant;
};

/** What a value is read with: the row's number in the file, the region tree, the file's language, now. */
export type ReadContext = {
  seq: number;
  tree: RegionTree;
  lang: Lang;
  now: Date;
  /** t(lang, key), each key translated once per export (a few words repeat on every row). */
  say(key: string): string;
  /** The name of the village's region at `level`, once per village and level. */
  place(villageId: string, level: 'village' | 'town' | 'county'): string;
};

/**
 * The context an export's rows are read in: its words and place names looked up once (not on each
 * of 100,000 rows — i18next allocates on every call); `seq` is the row's, set by the caller.
 */
export function readContext(tree: RegionTree, lang: Lang, now: Date): ReadContext {
  const words = new Map<string, string>();
  const places = new Map<string, string>();
  return {
    seq: 0,
    tree,
    lang,
    now,
    say: (key) => {
      let word = words.get(key);
      if (word === undefined) words.set(key, (word = t(lang, key)));
      return word;
    },
    place: (villageId, level) => {
      const k = `${villageId}|${level}`;
      let name = places.get(k);
      if (name === undefined) places.set(k, (name = placeOf(tree, villageId, level)));
      return name;
    },
  };
}

type Value = string | number | Date | boolean | null;

export type FieldDef = {
  key: string;
  kind: FieldKind;
  /** The default format (money, date) of a new column of this field. */
  format?: ColumnFormat;
  /** Sensitive fields: which value it is (its masking). */
  sensitive?: 'idNumber' | 'phone';
  read(row: ExportRow, cx: ReadContext): Value;
};

const placeOf = (tree: RegionTree, villageId: string, level: 'village' | 'town' | 'county'): string => {
  for (const id of tree.lineOf(villageId)) {
    const r = tree.byId.get(id);
    if (r?.level === level) return r.name;
  }
  return '';
};

/** A decision word (category, measure) in `lang`; an id the workflow does not know as it is. */
const known = (id: string, list: readonly string[], say: (id: string) => string) => (list.includes(id) ? say(id) : id);

/** The channel a case came in by, as the office names it (Case.channel holds the filing contact's channel). */
export function channelGroup(channel: string): 'chat' | 'miniprogram' | 'cadre' | 'other' {
  if (channel === 'miniprogram' || channel === 'app-phone') return 'miniprogram';
  if (channel.startsWith('cadre')) return 'cadre';
  if (channel === '' || channel.startsWith('seed') || channel === 'test') return 'other';
  return 'chat';
}

const yesNo = (cx: ReadContext, v: boolean) => cx.say(v ? 'export.yes' : 'export.no');

export const FIELDS: readonly FieldDef[] = [
  { key: 'seq', kind: 'int', read: (_r, cx) => cx.seq },
  { key: 'caseNo', kind: 'text', read: (r) => r.caseNo },
  { key: 'headName', kind: 'text', read: (r) => r.applicant.name },
  { key: 'idNumber', kind: 'sensitive', sensitive: 'idNumber', read: (r) => r.applicant.idNumber },
  { key: 'phone', kind: 'sensitive', sensitive: 'phone', read: (r) => r.applicant.phone },
  { key: 'county', kind: 'text', read: (r, cx) => cx.place(r.villageId, 'county') },
  { key: 'town', kind: 'text', read: (r, cx) => cx.place(r.villageId, 'town') },
  { key: 'village', kind: 'text', read: (r, cx) => cx.place(r.villageId, 'village') },
  { key: 'householdSize', kind: 'int', read: (r) => r.applicant.size },
  { key: 'povertyAlleviated', kind: 'text', read: (r, cx) => yesNo(cx, r.applicant.povertyAlleviated) },
  { key: 'householdCategory', kind: 'text', read: (r, cx) => (r.householdCategory ? known(r.householdCategory, HOUSEHOLD_CATEGORIES, (id) => cx.say(`workflow.category.${id}`)) : '') },
  { key: 'cause', kind: 'text', read: (r, cx) => cx.say(`cause.${r.cause}`) },
  { key: 'annualIncome', kind: 'money', format: 'yuan', read: (r) => r.annualIncomeFen },
  { key: 'perCapitaIncome', kind: 'money', format: 'yuan', read: (r) => r.perCapitaIncomeFen },
  { key: 'rigidExpense', kind: 'money', format: 'yuan', read: (r) => r.rigidExpenseFen },
  { key: 'incomeLine', kind: 'money', format: 'yuan', read: (r) => r.incomeLineFen },
  { key: 'incomeYear', kind: 'int', read: (r) => r.incomeYear },
  { key: 'submittedAt', kind: 'date', format: 'date', read: (r) => r.submittedAt },
  { key: 'identifiedAt', kind: 'date', format: 'date', read: (r) => r.decidedAt },
  { key: 'status', kind: 'text', read: (r, cx) => cx.say(`status.${r.status}`) },
  { key: 'statusSince', kind: 'date', format: 'datetime', read: (r) => r.statusSince },
  { key: 'dueAt', kind: 'date', format: 'date', read: (r) => r.dueAt },
  { key: 'overdue', kind: 'text', read: (r, cx) => yesNo(cx, r.overdueSince !== null || (r.dueAt !== null && r.dueAt < cx.now)) },
  { key: 'greenChannel', kind: 'text', read: (r, cx) => yesNo(cx, r.greenChannel) },
  { key: 'publicityStart', kind: 'date', format: 'date', read: (r) => r.publicityStart },
  { key: 'publicityEnd', kind: 'date', format: 'date', read: (r) => r.publicityEnd },
  {
    key: 'measures',
    kind: 'text',
    read: (r, cx) => (Array.isArray(r.measures) ? r.measures.map((m) => known(String(m), MEASURES, (id) => cx.say(`workflow.measure.${id}`))).join(cx.say('workflow.list_separator')) : ''),
  },
  { key: 'approvedAmount', kind: 'money', format: 'yuan', read: (r) => r.approvedAmountFen },
  { key: 'paidAt', kind: 'date', format: 'date', read: (r) => (r.status === CASE_STATUS.paid ? (r.paidAt ?? r.statusSince) : r.paidAt) },
  { key: 'channel', kind: 'text', read: (r, cx) => cx.say(`export.channel.${channelGroup(r.channel)}`) },
];

export const FIELD_KEYS = FIELDS.map((f) => f.key);
const BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

export function fieldOf(key: string): FieldDef | undefined {
  return BY_KEY.get(key);
}

/** The formats a field's column may take (none: text, int and sensitive fields). */
export function formatsOf(f: Pick<FieldDef, 'kind'>): readonly ColumnFormat[] {
  return f.kind === 'money' ? FORMATS.money : f.kind === 'date' ? FORMATS.date : [];
}

/** The catalogue as the console's layout editor reads it, labelled in `lang`. */
export function catalogue(lang: Lang) {
  return FIELDS.map((f) => ({
    key: f.key,
    label: t(lang, `export.field.${f.key}`),
    kind: f.kind,
    formats: formatsOf(f).map((id) => ({ id, label: t(lang, `export.format.${id}`) })),
    masks: f.kind === 'sensitive' ? MASKS.map((id) => ({ id, label: t(lang, `export.mask.${id}`) })) : [],
    ...(f.format ? { defaultFormat: f.format } : {}),
    ...(f.kind === 'sensitive' ? { defaultMask: 'masked' as Mask } : {}),
  }));
}

