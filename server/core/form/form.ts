/**
 * The application form of the mini-program — and of the console's 代录 page, where a cadre enters
 * an application for a villager without WeChat (server/core/cases/enter.ts) — derived at request time from the chat's own
 * definitions: the steps of the 'apply' flow (flows/application/*: which questions, in which
 * order, its choices, its words) and the zod schemas of the filed application
 * (flows/application/schema.ts: types, limits, labels, `meta.input`). Nothing here names a
 * question: change one in flows/ and the form follows, with no new mini-program release.
 *
 * What the engine follows, the form reads as the same data (flows/engine/conditions.ts): a
 * step's `showIf` gives its cause (the section) and `visibleWhen`, `atMost` the amount that
 * bounds it, `uses` the earlier answer a choice's options come from (`optionsBy`) or a
 * question's words are made of (`dynamic`), `region` the region pickers.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CHECKLIST, FLOWS, ApplicantSchema, ApplicationDataSchema } from '../../../flows';
import { DETAILS_SCHEMAS } from '../../../flows/application/schema';
import { conditionsOf } from '../../../flows/engine/conditions';
import { makeEnv } from '../../../flows/engine/env';
import type { Answers, ChoiceStep, QuestionStep, StepEnv, YesNoStep } from '../../../flows/engine/flow';
import { CAUSES, type Cause, type FlowContext, type Lang } from '../../../flows/engine/types';
import { t } from '../../../flows/i18n';
import type { RegionTree } from '../regions/tree';
import { questionParts } from './question-text';

export const APPLY_FLOW = FLOWS.apply;

const DETAILS_TITLE: Record<Cause, string> = { illness: 'miniprogram.form.section.details_illness', disaster: 'miniprogram.form.section.details_disaster', education: 'miniprogram.form.section.details_education' };

/** A chat step that a form field stands for (documents are the checklist; notices and the summary are computed). */
export type FormStep = QuestionStep | ChoiceStep | YesNoStep;

export type FieldKind = 'name' | 'text' | 'id_number' | 'phone' | 'integer' | 'money' | 'date' | 'choice' | 'region' | 'yesno' | 'consent';
export type Option = { value: string | boolean; label: string };

/** One form field and the chat step it comes from. */
export type FormField = {
  name: string;
  step: FormStep;
  kind: FieldKind;
  section: 'applicant' | 'details' | 'consent';
  visibleWhen?: { field: string; equals: string | boolean };
  atMost?: string;
  allowZero?: boolean;
  level?: 'town' | 'village';
  optionsBy?: string;
  constraints: { minLength?: number; maxLength?: number; pattern?: string; min?: number; max?: number };
  dynamic: boolean;
};

/** The form of one cause, independent of language (fields, kinds, conditions). */
export type FormModel = { cause: Cause; fields: FormField[] };

export function isCause(value: unknown): value is Cause {
  return typeof value === 'string' && (CAUSES as readonly string[]).includes(value);
}

/** The read-only facts the steps need: towns and villages, the income line, the clock. */
export function formContext(tree: RegionTree, now: Date, lang: Lang): FlowContext {
  return { now, towns: tree.towns(), incomeLineFen: (code, year) => tree.incomeLineFen(code, year), myCases: [], knownContact: false, lang };
}

/** The view a step function sees, for a set of answers. */
export function applyEnv(answers: Answers, lang: Lang, ctx: FlowContext): StepEnv {
  return makeEnv({ flow: APPLY_FLOW.id, step: 'summary', answers, misses: 0, history: [], lang }, ctx, APPLY_FLOW);
}

const isAnswered = (s: { kind: string }): s is FormStep => s.kind === 'question' || s.kind === 'choice' || s.kind === 'yesno';

/** The zod schema of an answer, where the filed application has it. */
function fieldSchema(cause: Cause, field: string): z.ZodType | undefined {
  return (ApplicantSchema.shape as Record<string, z.ZodType>)[field] ?? (DETAILS_SCHEMAS[cause].shape as Record<string, z.ZodType>)[field];
}

/** The i18n key naming a field: its step's label, else the filed schema's (a step shown in the chat through another). */
export function labelKeyOf(model: FormModel, f: FormField): string | undefined {
  return f.step.label ?? (fieldSchema(model.cause, f.name)?.meta()?.label as string | undefined);
}

/** The consents of the filed application (literal `true` fields), by their label key. */
function consentLabels(): Set<string> {
  const option = (ApplicationDataSchema as unknown as { options: z.ZodObject[] }).options[0];
  const consent = option.shape.consent as z.ZodObject;
  const labels = new Set<string>();
  for (const s of Object.values(consent.shape) as z.ZodType[]) {
    const label = s.meta()?.label;
    if (typeof label === 'string' && s instanceof z.ZodLiteral) labels.add(label);
  }
  return labels;
}

function jsonSchema(s: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(s, { unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The values an earlier choice can take (the towns whose villages a later choice lists). */
function choicesOf(s: FormStep, env: StepEnv): (string | boolean)[] {
  if (s.kind === 'choice') return s.options(env).map((o) => o.id);
  if (s.kind === 'yesno') return [true, false];
  return [];
}

const cache = new Map<Cause, FormModel>();

/**
 * The form of a cause, read off the steps' data. A condition the form cannot show — on two
 * earlier answers, on an answer not asked before it, on an answer being absent — is refused
 * here (tests/miniprogram/form.test.ts builds every cause's form).
 */
export function formModel(cause: Cause): FormModel {
  const hit = cache.get(cause);
  if (hit) return hit;
  const consents = consentLabels();
  const fields: FormField[] = [];
  for (const step of APPLY_FLOW.steps.filter(isAnswered)) {
    if (step.field === 'cause') continue;
    const conditions = conditionsOf(step);
    const ofCause = conditions.filter((c) => c.field === 'cause');
    if (ofCause.some((c) => !('equals' in c) || c.equals !== cause)) continue; // another cause's question
    const rest = conditions.filter((c) => c.field !== 'cause');
    const when = rest[0];
    if (rest.length > 1 || (when && (!('equals' in when) || !fields.some((f) => f.name === when.field)))) {
      throw new Error(`step ${step.id}: a form field is shown on one earlier answer having one value`);
    }
    const field: FormField = {
      name: step.field,
      step,
      kind: 'text',
      section: ofCause.length > 0 ? 'details' : 'applicant',
      ...(when && 'equals' in when ? { visibleWhen: { field: when.field, equals: when.equals } } : {}),
      constraints: {},
      dynamic: false,
    };
    if (step.kind === 'choice') {
      field.kind = step.region ? 'region' : 'choice';
      if (step.region) field.level = step.region;
      if (step.uses?.length) field.optionsBy = step.uses[0];
    } else {
      // words made of earlier answers ("算下来，自己付了约…")
      field.dynamic = (step.uses?.length ?? 0) > 0;
      if (step.kind === 'yesno') {
        field.kind = step.label && consents.has(step.label) ? 'consent' : 'yesno';
        if (field.kind === 'consent') field.section = 'consent';
      } else describeQuestion(field, cause, step);
    }
    fields.push(field);
  }
  const model = { cause, fields };
  cache.set(cause, model);
  return model;
}

function describeQuestion(field: FormField, cause: Cause, step: QuestionStep) {
  const schema = fieldSchema(cause, field.name);
  const json = schema ? jsonSchema(schema) : { type: 'string' };
  const input = schema?.meta()?.input;
  const num = (k: string) => (typeof json[k] === 'number' ? (json[k] as number) : undefined);
  if (typeof input === 'string') field.kind = input as FieldKind;
  else if (json.type === 'integer' && field.name.endsWith('Fen')) field.kind = 'money';
  else if (json.type === 'integer' || json.type === 'number') field.kind = 'integer';
  else if (json.format === 'date') field.kind = 'date';
  else field.kind = 'text';

  if (field.kind === 'money') {
    field.allowZero = num('exclusiveMinimum') === undefined && (num('minimum') ?? 0) <= 0;
    // an amount checked against an earlier one ("reimbursed ≤ total")
    if (step.atMost) field.atMost = step.atMost.field;
  } else if (field.kind === 'integer') {
    field.constraints = { min: num('minimum'), max: num('maximum') };
  } else if (field.kind !== 'date') {
    field.constraints = { minLength: num('minLength'), maxLength: num('maxLength'), ...(typeof json.pattern === 'string' ? { pattern: json.pattern } : {}) };
  }
  field.constraints = Object.fromEntries(Object.entries(field.constraints).filter(([, v]) => v !== undefined && v !== Number.MAX_SAFE_INTEGER));
}

// ---------------------------------------------------------------------------------------------
// The definition as JSON (miniprogram/API.md, GET /api/forms/application)

export type FormDefinition = ReturnType<typeof presentForm>;

export function presentForm(model: FormModel, lang: Lang, ctx: FlowContext) {
  const tr = (key: string, params?: Record<string, unknown>) => t(lang, key, params);
  const env = (answers: Answers) => applyEnv(answers, lang, ctx);
  const base: Answers = { cause: model.cause };
  const causeStep = APPLY_FLOW.steps.find((s): s is ChoiceStep => s.kind === 'choice' && s.field === 'cause')!;
  const causes = causeStep.options(env({})).map((o) => ({ value: o.id, label: o.display ?? o.text, description: o.text }));

  const fields = model.fields.map((f) => {
    const step = f.step;
    const labelKey = labelKeyOf(model, f);
    const { question: asked, example } = questionParts(step.ask(env(base)));
    const label = labelKey ? tr(labelKey) : asked;
    // Words that need earlier answers ("自己付了约…") come from /check; until then, the label.
    const question = f.dynamic ? label : asked;
    const out: Record<string, unknown> = {
      name: f.name,
      kind: f.kind,
      label,
      question,
      ...(example ? { example } : {}),
      ...(step.help ? { help: tr(step.help) } : {}),
      required: true,
      ...(f.visibleWhen ? { visibleWhen: f.visibleWhen } : {}),
      ...(Object.keys(f.constraints).length ? { constraints: f.constraints } : {}),
      ...(f.dynamic ? { dynamic: true } : {}),
    };
    if (f.kind === 'money') Object.assign(out, { unit: 'yuan', allowZero: f.allowZero, ...(f.atMost ? { atMost: f.atMost } : {}) });
    if (f.kind === 'integer' && step.kind === 'question') {
      // The unit as the chat shows it ("4人" → "人").
      const shown = step.display(7, env(base)).replace('7', '').trim();
      if (shown) out.unit = shown;
    }
    if (f.kind === 'choice' || f.kind === 'region') {
      if (f.level) out.level = f.level;
      if (f.optionsBy) {
        const by = model.fields.find((x) => x.name === f.optionsBy)!;
        const values = choicesOf(by.step, env(base));
        out.optionsBy = {
          field: f.optionsBy,
          options: Object.fromEntries(values.map((v) => [String(v), (step as ChoiceStep).options(env({ ...base, [f.optionsBy!]: v })).map(choiceOption)])),
        };
      } else out.options = (step as ChoiceStep).options(env(base)).map(choiceOption);
    }
    if (f.kind === 'yesno') out.options = [{ value: true, label: tr('common.yes') }, { value: false, label: tr('common.no') }];
    if (f.kind === 'consent') {
      // The whole text to agree to: the chat's question without its "reply 同意" line.
      out.agreeLabel = tr('consent.agreed');
    }
    return out;
  });

  const documents = (CHECKLIST[model.cause] ?? []).map((item) => ({ item: item.id, label: tr(item.label), required: false }));
  const sections = [
    { id: 'applicant', title: tr('miniprogram.form.section.applicant'), fields: model.fields.filter((f) => f.section === 'applicant').map((f) => f.name) },
    { id: 'details', title: tr(DETAILS_TITLE[model.cause]), fields: model.fields.filter((f) => f.section === 'details').map((f) => f.name) },
    { id: 'documents', title: tr('miniprogram.form.section.documents'), fields: [] as string[] },
    { id: 'consent', title: tr('miniprogram.form.section.consent'), fields: model.fields.filter((f) => f.section === 'consent').map((f) => f.name) },
    { id: 'summary', title: tr('miniprogram.form.section.summary'), fields: [] as string[] },
  ];
  const body = {
    cause: model.cause,
    lang,
    title: tr('miniprogram.form.title', { cause: causes.find((c) => c.value === model.cause)?.label ?? model.cause }),
    causes,
    intro: tr('miniprogram.form.intro'),
    sections,
    fields,
    documents,
    documentsNote: tr('miniprogram.form.documents_note'),
    consents: fields.filter((f) => f.kind === 'consent'),
  };
  // A draft saved under another version of the form is checked again before it is sent.
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12);
  return { ...body, version };
}

function choiceOption(o: { id: string; text: string }): Option {
  return { value: o.id, label: o.text };
}
