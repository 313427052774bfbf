/**
 * From the collected answers to the ApplicationData the `file_case` effect carries. The filed
 * applicant and details take their keys from the schema (schema.ts) and their values from the
 * answers of the same names, so a new question needs no line here: only the few values no step
 * asks directly are derived below.
 */
import type { z } from 'zod';
import { applies } from '../engine/conditions';
import { hasField, type Answers, type StepEnv } from '../engine/flow';
import type { ApplicationData, Cause } from '../engine/types';
import { CHECKLIST } from './documents';
import { computePrecheck, perCapitaIncomeFen, rigidExpenseFen } from './precheck';
import { ApplicantSchema, ApplicationDataSchema, DETAILS_SCHEMAS } from './schema';

/** Filed values that are not one answer: computed, or taken from another answer. */
const DERIVED: Record<string, (a: Answers) => unknown> = {
  perCapitaIncomeFen,
  // the patient is the applicant unless a family member was named
  patientName: (a) => (a.patient === 'self' ? a.name : a.patientName),
  // checklist items the villager skipped ("跳过")
  missingDocuments: (a) =>
    (CHECKLIST[a.cause as Cause] ?? []).filter((item) => a[`doc_${item.id}`] === 'skipped').map((item) => item.id),
};

/**
 * The schema's keys with their values from the answers. An optional value is filed only while a
 * question asking it applies: a relation named before the patient was changed to 本人 is left out.
 */
function pick(schema: z.ZodObject, env: StepEnv): Record<string, unknown> {
  const a = env.answers;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (Object.hasOwn(DERIVED, key)) {
      out[key] = DERIVED[key](a);
      continue;
    }
    const asking = env.flow.steps.filter((s) => hasField(s) && s.field === key);
    const optional = field.safeParse(undefined).success;
    if (optional && asking.length > 0 && !asking.some((s) => applies(s, a))) continue;
    if (a[key] !== undefined) out[key] = a[key];
  }
  return out;
}

/** The application, validated by the same schema the server uses; an error lists what is wrong. */
export function buildApplication(env: StepEnv): { ok: true; value: ApplicationData } | { ok: false; error: string } {
  const a = env.answers;
  const { year: _year, ...precheck } = computePrecheck(a, env.ctx);
  const details = Object.hasOwn(DETAILS_SCHEMAS, String(a.cause)) ? DETAILS_SCHEMAS[a.cause as Cause] : null;
  const candidate = {
    cause: a.cause,
    applicant: pick(ApplicantSchema, env),
    details: details ? pick(details, env) : {},
    rigidExpenseFen: rigidExpenseFen(a),
    precheck,
    consent: { incomeCheck: a.consentIncome, personalInfo: a.consentPersonal, at: a.consentAt },
    lang: env.lang,
  };
  const r = ApplicationDataSchema.safeParse(candidate);
  // Paths only: the values may be sensitive and this message may be logged.
  return r.success ? { ok: true, value: r.data } : { ok: false, error: r.error.issues.map((i) => i.path.join('.')).join(', ') };
}
