/**
 * The application's steps and the filed schema name the same answers, so a question added to a
 * flow without its schema field (or the reverse) fails here rather than at the villager's
 * summary; and what the steps declare as data (conditions, the answers their words are made
 * of) is what their functions do.
 */
import { ApplicantSchema, FLOWS } from '../../flows';
import { applies, conditionsOf } from '../../flows/engine/conditions';
import { makeEnv } from '../../flows/engine/env';
import { hasField, type Answers, type StepDef } from '../../flows/engine/flow';
import { DETAILS_SCHEMAS } from '../../flows/application/schema';
import { CAUSES, type Cause } from '../../flows/engine/types';
import { ILLNESS_TABLE } from '../support/illness';
import { atSummary, makeCtx } from './support';

const steps = FLOWS.apply.steps;
const answered = steps.filter((s) => hasField(s) && s.kind !== 'documents');
const ofCause = (s: StepDef, cause: Cause) => applies({ showIf: conditionsOf(s).filter((c) => c.field === 'cause') }, { cause });
const causeOnly = (s: StepDef) => conditionsOf(s).some((c) => c.field === 'cause');
const keys = (schema: { shape: object }) => Object.keys(schema.shape);

/** Answers that are not filed under their own name, and why. */
const NOT_FILED_AS_ITSELF: Record<string, string> = {
  cause: 'the discriminator of the filed application',
  selfPaidConfirmed: 'confirms the computed selfPaidFen, which is filed',
  consentIncome: 'filed as consent.incomeCheck',
  consentPersonal: 'filed as consent.personalInfo',
};

/** Filed values no step asks: computed from other answers (flows/application/build.ts). */
const DERIVED = ['perCapitaIncomeFen', 'missingDocuments'];

describe('every question is filed, every filed value is asked', () => {
  test.each(CAUSES)('%s: each step’s field is in the filed schema', (cause) => {
    const filed = new Set([...keys(ApplicantSchema), ...keys(DETAILS_SCHEMAS[cause])]);
    const missing = answered
      .filter((s) => ofCause(s, cause) && !(s.field in NOT_FILED_AS_ITSELF))
      .map((s) => (s as { field: string }).field)
      .filter((f) => !filed.has(f));
    expect(missing).toEqual([]);
  });

  test.each(CAUSES)('%s: each filed detail is asked by a step of the cause, or derived', (cause) => {
    const asked = new Set(answered.filter((s) => causeOnly(s) && ofCause(s, cause)).map((s) => (s as { field: string }).field));
    expect(keys(DETAILS_SCHEMAS[cause]).filter((k) => !asked.has(k) && !DERIVED.includes(k))).toEqual([]);
  });

  test('each filed applicant value is asked by a step for every cause, or derived', () => {
    const asked = new Set(answered.filter((s) => !causeOnly(s)).map((s) => (s as { field: string }).field));
    expect(keys(ApplicantSchema).filter((k) => !asked.has(k) && !DERIVED.includes(k))).toEqual([]);
  });

  test('the answers not filed as themselves are still steps (the list above is not stale)', () => {
    for (const field of Object.keys(NOT_FILED_AS_ITSELF)) expect({ field, step: answered.some((s) => (s as { field: string }).field === field) }).toEqual({ field, step: true });
  });

  test('the tests’ 因病 table names the 因病 questions, in the flow’s order', () => {
    const illness = answered.filter((s) => causeOnly(s) && ofCause(s, 'illness')).map((s) => (s as { field: string }).field);
    expect(ILLNESS_TABLE.map((r) => r.field)).toEqual(illness);
  });
});

describe('what steps declare as data', () => {
  test('a condition names an answer asked before the step', () => {
    steps.forEach((s, i) => {
      const earlier = new Set(steps.slice(0, i).flatMap((e) => (hasField(e) ? [e.field] : [])));
      for (const c of conditionsOf(s)) expect({ step: s.id, field: c.field, earlier: earlier.has(c.field) }).toEqual({ step: s.id, field: c.field, earlier: true });
    });
  });

  // The words and options with nothing but the cause answered, and with every answer of a whole application.
  test.each(CAUSES)('%s: a step’s words or options change with other answers exactly when it declares `uses`', (cause) => {
    const ctx = makeCtx();
    const full = atSummary(cause, ctx).state!.answers;
    const env = (answers: Answers) => makeEnv({ flow: 'apply', step: 'summary', answers, misses: 0, history: [], lang: 'zh-CN' }, ctx, FLOWS.apply);
    const shown = (s: StepDef, answers: Answers) => (s.kind === 'choice' ? JSON.stringify(s.options(env(answers))) : 'ask' in s ? s.ask(env(answers)) : '');
    const rows = answered
      .filter((s) => ofCause(s, cause) && applies(s, full))
      .map((s) => ({ step: s.id, declared: (s.uses?.length ?? 0) > 0, changes: shown(s, { cause }) !== shown(s, full) }));
    expect(rows.filter((r) => r.declared !== r.changes)).toEqual([]);
    expect(rows.some((r) => r.declared)).toBe(true);
  });
});
