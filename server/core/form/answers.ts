/**
 * Checks a form's answers exactly as the chat checks typed answers: each applicable step, in
 * the flow's order, reads its value with its own parser and cross-checks (so "3万2" is read as
 * in the chat, a mistyped ID number gets the chat's hint, an estimate the chat would confirm is
 * refused with a request for the exact figure), choices must be one of the step's
 * options, yes/no steps derive what they derive in the chat (the confirmed self-paid amount,
 * the time of consent). Then the application is built by the chat's buildApplication, which
 * validates it with ApplicationDataSchema, and the figures are the chat's figures.
 */
import { buildApplication } from '../../../flows/application/build';
import { computePrecheck, perCapitaIncomeFen, precheckLines, rigidExpenseFen } from '../../../flows/application/precheck';
import { applies, checkLimits } from '../../../flows/engine/conditions';
import { mergeAnswers } from '../../../flows/engine/env';
import type { Answers } from '../../../flows/engine/flow';
import { displayAnswer } from '../../../flows/engine/steps';
import type { ApplicationData, FlowContext, Lang } from '../../../flows/engine/types';
import { formatMoney, t } from '../../../flows/i18n';
import { CHECKLIST } from '../../../flows';
import { applyEnv, labelKeyOf, type FormModel } from './form';
import { questionParts } from './question-text';

export type CheckedAnswers = {
  /** The answers as the chat would have stored them (fen, option ids, booleans, derived values). */
  answers: Answers;
  /** Field name → message in the caller's language, for answers given and wrong. */
  errors: Record<string, string>;
  /** Required, applicable, not given. */
  missing: string[];
};

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function asBoolean(v: unknown): boolean | null {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  return null;
}

export function checkAnswers(model: FormModel, raw: Record<string, unknown>, lang: Lang, ctx: FlowContext): CheckedAnswers {
  let answers: Answers = { cause: model.cause };
  const errors: Record<string, string> = {};
  const missing: string[] = [];
  const tr = (key: string, params?: Record<string, unknown>) => t(lang, key, params);

  for (const f of model.fields) {
    const step = f.step;
    const env = applyEnv(answers, lang, ctx);
    if (!applies(step, answers)) continue; // not asked after the earlier answers
    const value = raw[f.name];
    if (blank(value)) {
      missing.push(f.name);
      continue;
    }
    if (step.kind === 'question') {
      if (typeof value !== 'string' && typeof value !== 'number') {
        errors[f.name] = tr('miniprogram.form.error.type');
        continue;
      }
      const parsed = step.parse(String(value), env);
      if (!parsed.ok) {
        // A form has no conversation to confirm an estimate in ("两万多"): it asks for the exact figure, naming the field.
        const label = labelKeyOf(model, f);
        errors[f.name] = 'hint' in parsed
          ? tr(parsed.hint, parsed.params)
          : tr('understand.form.approximate', { label: label ? tr(label) : f.name, value: step.display(parsed.value, env) });
        continue;
      }
      const checked = checkLimits(step, parsed.value, env);
      if (checked && !checked.ok) {
        errors[f.name] = tr(checked.hint, checked.params);
        continue;
      }
      answers = mergeAnswers(answers, { [step.field]: parsed.value });
    } else if (step.kind === 'choice') {
      const options = step.options(env);
      if (typeof value !== 'string' || !options.some((o) => o.id === value)) {
        errors[f.name] = tr('parse.choice_unknown');
        continue;
      }
      answers = mergeAnswers(answers, { [step.field]: value });
    } else if (step.kind === 'yesno') {
      const yes = asBoolean(value);
      if (yes === null) {
        errors[f.name] = tr(step.hint ?? 'parse.yes_no_unknown');
        continue;
      }
      if (f.kind === 'consent' && !yes) {
        errors[f.name] = tr('miniprogram.form.error.consent_required');
        continue;
      }
      answers = mergeAnswers(answers, { [step.field]: yes, ...step.derive?.(yes, env) });
    }
  }
  return { answers, errors, missing };
}

/** The checklist answers the chat keeps: an item with photos is 'done', one without 'skipped'. */
export function withDocuments(model: FormModel, answers: Answers, items: string[]): Answers {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  const patch: Answers = { documents: counts };
  for (const item of CHECKLIST[model.cause] ?? []) patch[`doc_${item.id}`] = counts[item.id] ? 'done' : 'skipped';
  return mergeAnswers(answers, patch);
}

export function buildFromAnswers(answers: Answers, lang: Lang, ctx: FlowContext): { ok: true; value: ApplicationData } | { ok: false; error: string } {
  return buildApplication(applyEnv(answers, lang, ctx));
}

/** What the chat says along the way, for the form's pages: figures, the pre-check, the summary, questions that depend on answers. */
export function preview(model: FormModel, answers: Answers, lang: Lang, ctx: FlowContext) {
  const env = applyEnv(answers, lang, ctx);
  const money = (fen: number | null) => (fen === null ? null : formatMoney(lang, fen));
  const perCapita = perCapitaIncomeFen(answers);
  const rigid = rigidExpenseFen(answers);
  const known = typeof answers.villageCode === 'string' && perCapita !== null && rigid !== null;
  const p = computePrecheck(answers, ctx);
  const questions: Record<string, string> = {};
  for (const f of model.fields) if (f.dynamic && applies(f.step, answers)) questions[f.name] = questionParts(f.step.ask(env)).question;
  const summary = model.fields.flatMap((f) => {
    if (!applies(f.step, answers)) return [];
    const label = f.step.label;
    const value = displayAnswer(f.step, env);
    return label && value !== null ? [{ name: f.name, label: t(lang, label), value }] : [];
  });
  return {
    questions,
    figures: {
      perCapitaIncomeFen: perCapita,
      perCapitaIncomeText: money(perCapita),
      rigidExpenseFen: rigid,
      rigidExpenseText: money(rigid),
      incomeLineFen: known ? p.incomeLineFen : null,
      underIncomeLine: known ? p.underIncomeLine : null,
      expenseExceedsIncome: known ? p.expenseExceedsIncome : null,
    },
    precheck: known ? precheckLines(env) : [],
    summary,
  };
}

/**
 * Each amount as the chat's parser understood it, beside what was typed ("两万4" → 2,400,000 fen,
 * "24,000元"): the form shows it under the box before submitting, so the villager sees what will
 * be filed. Only amounts read without an error; `input` lets the page match it to its box.
 */
export function understoodAmounts(model: FormModel, raw: Record<string, unknown>, checked: CheckedAnswers, lang: Lang): Record<string, { input: string; fen: number; text: string }> {
  const out: Record<string, { input: string; fen: number; text: string }> = {};
  for (const f of model.fields) {
    if (f.kind !== 'money' || checked.errors[f.name]) continue;
    const fen = checked.answers[f.step.field];
    const input = raw[f.name];
    if (typeof fen === 'number' && (typeof input === 'string' || typeof input === 'number')) out[f.name] = { input: String(input), fen, text: formatMoney(lang, fen) };
  }
  return out;
}
