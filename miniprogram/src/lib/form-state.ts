/**
 * The application being filled in, as pure data and pure functions over it: which fields show,
 * which answers are wrong (instant checks; the server's /check and submission are the ones
 * that count), what a submission sends. The pages keep a Draft in React state and in local
 * storage (drafts.ts), so nothing typed is lost.
 */
import { parseIdNumber } from '../../../flows/parse/id-number';
import { parsePhone } from '../../../flows/parse/phone';
import { shanghaiDate } from '../../../flows/china-time';
import { yuanToFen } from './money';
import type { Cause, FieldOption, FormDefinition, FormField, FormSection, Lang, SubmissionBody } from './types';

/** Text inputs keep what was typed (strings); buttons give booleans or option values. */
export type AnswerValue = string | boolean;
export type Answers = Record<string, AnswerValue>;

export type DocumentStatus = 'uploading' | 'done' | 'failed';

export interface DraftDocument {
  localId: string;
  /** Checklist item, or 'other'. */
  item: string;
  /** The local file (WeChat temp path, or blob: URL in the browser) while it is not uploaded. */
  filePath: string;
  status: DocumentStatus;
  /** 0–100 while uploading. */
  progress: number;
  uploadId?: string;
  /** The server's message (in the villager's language) or an i18n key for a lost connection. */
  error?: string;
}

export interface Draft {
  v: 1;
  cause: Cause | null;
  /** The form definition version the answers were typed under. */
  formVersion: string | null;
  answers: Answers;
  documents: DraftDocument[];
  /** Index into the steps (sections) of the form. */
  step: number;
  /** Sent as Idempotency-Key: made once per draft, renewed only after the server definitively refused it. */
  idempotencyKey: string;
  /** The body of a submission whose outcome is unknown (no answer came back). */
  pending: SubmissionBody | null;
  updatedAt: string;
}

/** A problem with one answer: an i18n key (shared with the chat where the words are the same) and its params. */
export interface Problem {
  key: string;
  params?: Record<string, unknown>;
}

export function newDraft(cause: Cause | null, key: string, now: Date): Draft {
  return { v: 1, cause, formVersion: null, answers: {}, documents: [], step: 0, idempotencyKey: key, pending: null, updatedAt: now.toISOString() };
}

export function fieldMap(def: FormDefinition): Map<string, FormField> {
  return new Map(def.fields.map((f) => [f.name, f]));
}

export function isVisible(field: FormField, answers: Answers): boolean {
  if (!field.visibleWhen) return true;
  return answers[field.visibleWhen.field] === field.visibleWhen.equals;
}

/** The fields of a section that show with these answers, in order. */
export function sectionFields(def: FormDefinition, section: FormSection, answers: Answers): FormField[] {
  const byName = fieldMap(def);
  return section.fields.map((n) => byName.get(n)).filter((f): f is FormField => f !== undefined && isVisible(f, answers));
}

/** Choices of a field; for a village, those of the chosen town. */
export function optionsFor(field: FormField, answers: Answers): FieldOption[] {
  if (field.optionsBy) {
    const parent = answers[field.optionsBy.field];
    return typeof parent === 'string' ? field.optionsBy.options[parent] ?? [] : [];
  }
  return field.options ?? [];
}

/** Set one answer. A village no longer in the newly chosen town is cleared. */
export function setAnswer(def: FormDefinition, draft: Draft, name: string, value: AnswerValue, now: Date): Draft {
  const answers: Answers = { ...draft.answers, [name]: value };
  for (const f of def.fields) {
    if (f.optionsBy?.field === name && f.name in answers) {
      if (!optionsFor(f, answers).some((o) => o.value === answers[f.name])) delete answers[f.name];
    }
  }
  return { ...draft, answers, updatedAt: now.toISOString() };
}

/** Characters of an amount written the way the chat accepts it (万, 千, Chinese numerals). */
const CHINESE_AMOUNT = /^[\d.,，\s万千百十零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖拾佰仟元块毛角分]+$/u;

function isEmpty(v: AnswerValue | undefined): boolean {
  return v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Instant check of one answer against the definition. null = fine (or nothing to say yet). */
export function checkField(field: FormField, answers: Answers, fields: Map<string, FormField>, now: Date): Problem | null {
  const v = answers[field.name];
  if (isEmpty(v)) return field.required === false ? null : { key: field.kind === 'consent' ? 'app.form.consent_required' : 'app.form.required' };
  const c = field.constraints ?? {};
  const text = typeof v === 'string' ? v.trim() : '';
  switch (field.kind) {
    case 'name':
      if (/\d/.test(text)) return { key: 'apply.name.no_digits' };
      if (text.length < (c.minLength ?? 2)) return { key: 'apply.name.too_short' };
      if (text.length > (c.maxLength ?? 20)) return { key: 'apply.name.too_long' };
      return null;
    case 'text':
      if (c.minLength !== undefined && text.length < c.minLength) return { key: 'apply.text.too_short' };
      if (c.maxLength !== undefined && text.length > c.maxLength) return { key: 'apply.text.too_long', params: { max: c.maxLength } };
      return null;
    case 'id_number': {
      const r = parseIdNumber(text, now);
      return r.ok ? null : { key: `parse.${r.reason}` };
    }
    case 'phone': {
      const r = parsePhone(text);
      return r.ok ? null : { key: `parse.${r.reason}` };
    }
    case 'integer': {
      const n = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
      const min = c.min ?? 0;
      const max = c.max ?? 999999;
      return Number.isInteger(n) && n >= min && n <= max ? null : { key: 'app.form.integer_range', params: { min, max } };
    }
    case 'money': {
      const fen = yuanToFen(text);
      // "3万2", "三千五": the chat's own parser on the server reads these; no instant verdict here.
      if (fen === null) return CHINESE_AMOUNT.test(text) ? null : { key: 'parse.not_a_number' };
      if (fen === 0 && !field.allowZero) return { key: 'parse.zero' };
      if (field.atMost) {
        const other = fields.get(field.atMost);
        const limitText = answers[field.atMost];
        const limit = typeof limitText === 'string' ? yuanToFen(limitText) : null;
        if (other && limit !== null && fen > limit) return { key: 'app.form.at_most', params: { label: other.label, limitFen: limit } };
      }
      return null;
    }
    case 'date': {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { key: 'parse.date_format' };
      // China's calendar day: a date typed today in Shanghai is not "in the future".
      return text > shanghaiDate(now) ? { key: 'parse.date_future' } : null;
    }
    case 'choice':
    case 'region':
    case 'yesno':
      return optionsFor(field, answers).some((o) => o.value === v) ? null : { key: 'app.form.choose' };
    case 'consent':
      return v === true ? null : { key: 'app.form.consent_required' };
  }
}

/** Every problem in a section, by field name. */
export function checkSection(def: FormDefinition, section: FormSection, answers: Answers, now: Date): Record<string, Problem> {
  const fields = fieldMap(def);
  const out: Record<string, Problem> = {};
  for (const f of sectionFields(def, section, answers)) {
    const p = checkField(f, answers, fields, now);
    if (p) out[f.name] = p;
  }
  return out;
}

/** An answer as the server takes it: trimmed text, whole numbers as numbers, money as yuan text. */
function submitted(field: FormField, v: AnswerValue): string | number | boolean {
  if (typeof v === 'boolean') return v;
  const text = v.trim();
  if (field.kind === 'integer' && /^\d+$/.test(text)) return Number(text);
  if (field.kind === 'id_number') return text.toUpperCase();
  return text;
}

/** The visible, answered fields, in form order. */
export function answersToSend(def: FormDefinition, answers: Answers): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const f of def.fields) {
    const v = answers[f.name];
    if (!isVisible(f, answers) || isEmpty(v)) continue;
    out[f.name] = submitted(f, v as AnswerValue);
  }
  return out;
}

export function buildSubmission(def: FormDefinition, draft: Draft, lang: Lang): SubmissionBody {
  return {
    cause: def.cause,
    lang,
    answers: answersToSend(def, draft.answers),
    documents: draft.documents
      .filter((d) => d.status === 'done' && d.uploadId)
      .map((d) => ({ uploadId: d.uploadId as string, item: d.item })),
  };
}

/** Which step shows a field (to jump there from the summary or from a server error). */
export function stepOfField(def: FormDefinition, name: string): number {
  if (name === 'documents') return def.sections.findIndex((s) => s.id === 'documents');
  return def.sections.findIndex((s) => s.fields.includes(name));
}

// ---- documents ----

export function addDocument(draft: Draft, doc: Pick<DraftDocument, 'localId' | 'item' | 'filePath'>, now: Date): Draft {
  return { ...draft, documents: [...draft.documents, { ...doc, status: 'uploading', progress: 0 }], updatedAt: now.toISOString() };
}

export function updateDocument(draft: Draft, localId: string, patch: Partial<DraftDocument>, now: Date): Draft {
  return {
    ...draft,
    documents: draft.documents.map((d) => (d.localId === localId ? { ...d, ...patch } : d)),
    updatedAt: now.toISOString(),
  };
}

export function removeDocument(draft: Draft, localId: string, now: Date): Draft {
  return { ...draft, documents: draft.documents.filter((d) => d.localId !== localId), updatedAt: now.toISOString() };
}

export function documentsOf(draft: Draft, item: string): DraftDocument[] {
  return draft.documents.filter((d) => d.item === item);
}

/** Photos still on their way: submitting now would leave them out. */
export function uploadsUnfinished(draft: Draft): number {
  return draft.documents.filter((d) => d.status !== 'done').length;
}
