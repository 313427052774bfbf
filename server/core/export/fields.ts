/**
 * The field catalogue of the 台账 export: every column a layout may have, once — its key, its kind
 * (text, int, money, date, sensitive), the formats or masks it takes, and how it is read from a
 * case with its household. The built-in layouts (layouts.ts), the layouts a county saves (checked
 * against this list), the export's writer (write.ts) and the console's layout editor (through
 * GET /api/export/fields) all read it. Its labels are i18n keys (flows/i18n/export.*.ts).
 */
import { t, type Lang } from '../../../flows/i18n';
import { CASE_STATUS, HOUSEHOLD_CATEGORIES, MEASURES } from '../../../flows/workflow';
import type { MonitoringState } from '../../../flows/register';
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

/**
 * A household's monitoring, when the row is one of the register's (GET /api/households/export,
 * server/core/register/export.ts): the status, category, 识别时间, risks, measures and amount
 * columns then say the household's monitoring, not its latest case's.
 */
export type RegisterFacts = {
  state: MonitoringState;
  category: string | null;
  monitoredSince: Date | null;
  /** The causes of its risks not yet solved (all its risks' when every one is), first found first. */
  causes: string[];
  /** The kinds of its measures (帮扶措施), each once, and their amounts summed (null: none has one). */
  measures: string[];
  measuredFen: number | null;
};

/**
 * A case with its household, its sealed values opened (read.ts), as one export row — or a household
 * of the register with its latest case, if it has one (the case's columns empty when it has none).
 */
export type ExportRow = {
  caseNo: string | null;
  status: string | null;
  cause: string | null;
  channel: string | null;
  villageId: string;
  submittedAt: Date | null;
  statusSince: Date | null;
  /** When the case was approved (识别), if it was. */
  decidedAt: Date | null;
  dueAt: Date | null;
  overdueSince: Date | null;
  greenChannel: boolean | null;
  publicityStart: Date | null;
  publicityEnd: Date | null;
  paidAt: Date | null;
  householdSize: number;
  annualIncomeFen: number | null;
  perCapitaIncomeFen: number | null;
  rigidExpenseFen: number | null;
  incomeLineFen: number | null;
  incomeYear: number | null;
  approvedAmountFen: number | null;
  householdCategory: string | null;
  measures: unknown;
  applicant: Applicant;
  /** The registered household's members (name, relation as written), when the layout writes them. */
  members: { name: string; relation: string }[] | null;
  /** The household's 帮扶责任人 and its 风险消除 day. */
  responsible: string | null;
  eliminatedOn: Date | null;
  register: RegisterFacts | null;
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

const yesNo = (cx: ReadContext, v: boolean | null) => (v === null ? null : cx.say(v ? 'export.yes' : 'export.no'));
const words = (cx: ReadContext, ids: readonly string[], word: (id: string) => string) => ids.map(word).join(cx.say('workflow.list_separator'));
const category = (cx: ReadContext, id: string | null) => (id ? known(id, HOUSEHOLD_CATEGORIES, (c) => cx.say(`workflow.category.${c}`)) : '');
const measure = (cx: ReadContext) => (id: string) => known(id, MEASURES, (m) => cx.say(`workflow.measure.${m}`));

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
  // the members on one line, as the national system's household sheet lists them: 姓名（与户主关系）
  { key: 'members', kind: 'text', read: (r, cx) => (r.members ? r.members.map((m) => (m.relation ? `${m.name}（${m.relation}）` : m.name)).join(cx.say('workflow.list_separator')) : null) },
  { key: 'povertyAlleviated', kind: 'text', read: (r, cx) => yesNo(cx, r.applicant.povertyAlleviated) },
  { key: 'householdCategory', kind: 'text', read: (r, cx) => category(cx, r.register ? r.register.category : r.householdCategory) },
  { key: 'cause', kind: 'text', read: (r, cx) => (r.register ? words(cx, r.register.causes, (c) => cx.say(`register.risk_cause.${c}`)) : r.cause ? cx.say(`cause.${r.cause}`) : null) },
  { key: 'annualIncome', kind: 'money', format: 'yuan', read: (r) => r.annualIncomeFen },
  { key: 'perCapitaIncome', kind: 'money', format: 'yuan', read: (r) => r.perCapitaIncomeFen },
  { key: 'rigidExpense', kind: 'money', format: 'yuan', read: (r) => r.rigidExpenseFen },
  { key: 'incomeLine', kind: 'money', format: 'yuan', read: (r) => r.incomeLineFen },
  { key: 'incomeYear', kind: 'int', read: (r) => r.incomeYear },
  { key: 'submittedAt', kind: 'date', format: 'date', read: (r) => r.submittedAt },
  { key: 'identifiedAt', kind: 'date', format: 'date', read: (r) => (r.register ? r.register.monitoredSince : r.decidedAt) },
  { key: 'status', kind: 'text', read: (r, cx) => (r.register ? cx.say(`register.state.${r.register.state}`) : r.status ? cx.say(`status.${r.status}`) : null) },
  { key: 'statusSince', kind: 'date', format: 'datetime', read: (r) => r.statusSince },
  { key: 'dueAt', kind: 'date', format: 'date', read: (r) => r.dueAt },
  { key: 'overdue', kind: 'text', read: (r, cx) => (r.caseNo === null ? null : yesNo(cx, r.overdueSince !== null || (r.dueAt !== null && r.dueAt < cx.now))) },
  { key: 'greenChannel', kind: 'text', read: (r, cx) => yesNo(cx, r.greenChannel) },
  { key: 'publicityStart', kind: 'date', format: 'date', read: (r) => r.publicityStart },
  { key: 'publicityEnd', kind: 'date', format: 'date', read: (r) => r.publicityEnd },
  {
    key: 'measures',
    kind: 'text',
    read: (r, cx) => (r.register ? words(cx, r.register.measures, measure(cx)) : Array.isArray(r.measures) ? words(cx, r.measures.map(String), measure(cx)) : ''),
  },
  { key: 'approvedAmount', kind: 'money', format: 'yuan', read: (r) => (r.register ? r.register.measuredFen : r.approvedAmountFen) },
  { key: 'paidAt', kind: 'date', format: 'date', read: (r) => (r.status === CASE_STATUS.paid ? (r.paidAt ?? r.statusSince) : r.paidAt) },
  { key: 'channel', kind: 'text', read: (r, cx) => (r.channel === null ? null : cx.say(`export.channel.${channelGroup(r.channel)}`)) },
  { key: 'responsible', kind: 'text', read: (r) => r.responsible },
  { key: 'eliminatedOn', kind: 'date', format: 'date', read: (r) => r.eliminatedOn },
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

