/**
 * The application flow (flow id 'apply'): cause → applicant and household → cause-specific
 * questions → pre-check → documents → consents → summary → file_case.
 */
import type { FlowDef, StepEnv, StepOutcome } from '../engine/flow';
import { applicantSteps } from './applicant';
import { buildApplication } from './build';
import { causeStep } from './cause';
import { consentSteps } from './consent';
import { disasterSteps } from './disaster';
import { documentSteps } from './documents';
import { educationSteps } from './education';
import { illnessSteps } from './illness';
import { precheckStep } from './precheck';
import { summaryStep } from './summary';

export { ApplicationDataSchema, ApplicantSchema, IllnessDetailsSchema, DisasterDetailsSchema, EducationDetailsSchema } from './schema';
export { CHECKLIST, type ChecklistItem } from './documents';
export { DISASTER_KINDS, type DisasterKind } from './disaster';
export { STAGES, type Stage } from './education';
export { buildApplication } from './build';
export { computePrecheck, perCapitaIncomeFen, rigidExpenseFen } from './precheck';

export const APPLY_FLOW = 'apply';

function complete(env: StepEnv): StepOutcome {
  const built = buildApplication(env);
  if (!built.ok) {
    // Every answer is checked when given, so this means a state from an older version: ask for help.
    return { kind: 'stay', replies: [env.t('apply.invalid')], reprompt: false };
  }
  return {
    kind: 'switch',
    flow: 'menu',
    step: 'idle',
    // The village is remembered for the policy answer and for a later hand-over; nothing sensitive.
    answers: { townCode: env.answers.townCode, villageCode: env.answers.villageCode },
    // an application started from a department alert's offer (flows/villager/alert-offer.ts) is linked to it
    effects: [{ type: 'file_case', application: built.value, ...(typeof env.answers.alertId === 'string' ? { alertId: env.answers.alertId } : {}) }],
    // The villager hears the case number from describeOutcome({type:'case_filed'}).
    prompt: false,
  };
}

export const applyFlow: FlowDef = {
  id: APPLY_FLOW,
  resumable: true,
  collectsDocuments: true,
  busyHint: 'apply.busy',
  intro: (env) => [env.t('apply.intro')],
  steps: [
    causeStep,
    ...applicantSteps,
    ...illnessSteps,
    ...disasterSteps,
    ...educationSteps,
    precheckStep,
    ...documentSteps,
    ...consentSteps,
    summaryStep,
  ],
  complete,
  cancel: (env) => ({
    kind: 'switch',
    flow: 'menu',
    step: 'main',
    replies: [env.t('apply.cancelled')],
    effects: [{ type: 'discard_documents' }],
  }),
};
