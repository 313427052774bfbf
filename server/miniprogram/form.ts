/**
 * The application form of the mini-program, derived at request time from the chat's own
 * definitions: the steps of the 'apply' flow (flows/application/*: which questions, in which
 * order, when each applies, its choices, its words) and the zod schemas of the filed application
 * (flows/application/schema.ts: types, limits, labels, `meta.input`). Nothing here names a
 * question: change one in flows/ and the form follows, with no new mini-program release.
 *
 * What cannot be read off the data is found by probing the step functions with sample answers:
 * which earlier answer makes a step apply (`visibleWhen`), which answer a choice's options depend
 * on (villages of a town), which amount bounds another (`atMost`), whether the question's words
 * depend on earlier answers (`dynamic`).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CHECKLIST, FLOWS, ApplicantSchema, ApplicationDataSchema, IllnessDetailsSchema, DisasterDetailsSchema, EducationDetailsSchema } from '../../flows';
import { makeEnv } from '../../flows/engine/env';
import type { Answers, ChoiceStep, QuestionStep, StepEnv, YesNoStep } from '../../flows/engine/flow';
import { CAUSES, type Cause, type FlowContext, type Lang } from '../../flows/engine/types';
import { t } from '../../flows/i18n';
import type { RegionTree } from '../regions/tree';
import { questionParts } from './question-text';

export const APPLY_FLOW = FLOWS.apply;

const DETAILS: Record<Cause, z.ZodObject> = { illness: IllnessDetailsSchema, disaster: DisasterDetailsSchema, education: EducationDetailsSchema };
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
const applies = (s: FormStep, answers: Answers, env: StepEnv) => s.when?.(answers, env) ?? true;

/** The zod schema of an answer, where the filed application has it. */
function fieldSchema(cause: Cause, field: string): z.ZodType | undefined {
  return (ApplicantSchema.shape as Record<string, z.ZodType>)[field] ?? (DETAILS[cause].shape as Record<string, z.ZodType>)[field];
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

/** Sample values an answer can take, for probing the steps that come after it. */
function sampleValues(s: FormStep, env: StepEnv): (string | boolean)[] {
  if (s.kind === 'choice') return s.options(env).map((o) => o.id);
  if (s.kind === 'yesno') return [true, false];
  return [];
}

const cache = new Map<string, FormModel>();

/** The form of a cause. Depends on the region tree only through which options are regions. */
export function formModel(cause: Cause, ctx: FlowContext, tree: RegionTree): FormModel {
  const key = `${cause}:${tree.byCode.size}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const base: Answers = { cause };
  const env = (answers: Answers) => applyEnv(answers, 'zh-CN', ctx);
  const consents = consentLabels();
  const steps = APPLY_FLOW.steps.filter(isAnswered).filter((s) => s.field !== 'cause');
  const fields: FormField[] = [];

  for (const step of steps) {
    let visibleWhen: FormField['visibleWhen'];
    if (!applies(step, base, env(base))) {
      // Applies only after some earlier answer (a family member is ill → ask the relation).
      for (const earlier of fields) {
        const value = sampleValues(earlier.step, env(base)).find((v) => applies(step, { ...base, [earlier.name]: v }, env({ ...base, [earlier.name]: v })));
        if (value !== undefined) {
          visibleWhen = { field: earlier.name, equals: value };
          break;
        }
      }
      if (!visibleWhen) continue; // another cause's question
    }
    const causeOnly = step.when !== undefined && !applies(step, {}, env({}));
    const field: FormField = {
      name: step.field,
      step,
      kind: 'text',
      section: causeOnly ? 'details' : 'applicant',
      ...(visibleWhen ? { visibleWhen } : {}),
      constraints: {},
      dynamic: false,
    };
    if (step.kind === 'choice') describeChoice(field, step, fields, base, env, tree);
    else if (step.kind === 'yesno') {
      field.kind = step.label && consents.has(step.label) ? 'consent' : 'yesno';
      if (field.kind === 'consent') field.section = 'consent';
    } else describeQuestion(field, cause, fields, base, env);
    field.dynamic = isDynamic(step, cause, base, env);
    fields.push(field);
  }
  const model = { cause, fields };
  cache.set(key, model);
  return model;
}

function describeChoice(field: FormField, step: ChoiceStep, earlier: FormField[], base: Answers, env: (a: Answers) => StepEnv, tree: RegionTree) {
  field.kind = 'choice';
  const own = step.options(env(base));
  // Options that change with an earlier answer: the villages of the chosen town.
  for (const e of earlier) {
    if (e.step.kind !== 'choice') continue;
    const differs = sampleValues(e.step, env(base)).some((v) => {
      const opts = step.options(env({ ...base, [e.name]: v }));
      return opts.length > 0 && JSON.stringify(opts) !== JSON.stringify(own);
    });
    if (differs) {
      field.optionsBy = e.name;
      break;
    }
  }
  const sample = field.optionsBy ? sampleValues(earlier.find((e) => e.name === field.optionsBy)!.step, env(base)).flatMap((v) => step.options(env({ ...base, [field.optionsBy!]: v }))) : own;
  const regions = sample.map((o) => tree.byCode.get(o.id));
  if (sample.length > 0 && regions.every((r) => r && r.level !== 'county')) {
    field.kind = 'region';
    field.level = regions[0]!.level as 'town' | 'village';
  }
}

function describeQuestion(field: FormField, cause: Cause, earlier: FormField[], base: Answers, env: (a: Answers) => StepEnv) {
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
    // An amount checked against an earlier one ("reimbursed ≤ total").
    if (field.step.kind === 'question' && field.step.validate) {
      for (const e of earlier) {
        if (e.kind !== 'money') continue;
        const answers = { ...base, [e.name]: 100 };
        const r = field.step.validate(200, env(answers));
        if (r && !r.ok) {
          field.atMost = e.name;
          break;
        }
      }
    }
  } else if (field.kind === 'integer') {
    field.constraints = { min: num('minimum'), max: num('maximum') };
  } else if (field.kind !== 'date') {
    field.constraints = { minLength: num('minLength'), maxLength: num('maxLength'), ...(typeof json.pattern === 'string' ? { pattern: json.pattern } : {}) };
  }
  field.constraints = Object.fromEntries(Object.entries(field.constraints).filter(([, v]) => v !== undefined && v !== Number.MAX_SAFE_INTEGER));
}

/** A question whose words change with earlier answers ("算下来，自己付了约…"). */
function isDynamic(step: FormStep, cause: Cause, base: Answers, env: (a: Answers) => StepEnv): boolean {
  const amounts: Answers = { ...base };
  let n = 1;
  for (const key of [...Object.keys(ApplicantSchema.shape), ...Object.keys(DETAILS[cause].shape)]) if (key.endsWith('Fen')) amounts[key] = 123_400 * n++;
  amounts.householdSize = 3;
  return step.ask(env(base)) !== step.ask(env(amounts));
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
    const labelKey = step.label ?? (fieldSchema(model.cause, f.name)?.meta()?.label as string | undefined);
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
        const values = sampleValues(by.step, env(base));
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
