/**
 * "查询 / 进度". With cases linked to this contact, they are listed at once. Without, the
 * villager may have applied from a WeChat contact id that has since changed: asking the ID
 * number and the phone used in the application lets the server re-link them (`link_identity`);
 * what it finds is said by describeOutcome.
 */
import { parseIdNumber, parsePhone } from '../parse';
import { fromParse, type FlowDef, type StepEnv, type StepOutcome } from '../engine/flow';
import { formatCaseList } from './cases';

export const STATUS_FLOW = 'status';

/** What "查询" does from the menu. */
export function startStatus(env: StepEnv): StepOutcome {
  if (env.ctx.myCases.length > 0) {
    return {
      kind: 'switch',
      flow: 'menu',
      step: 'idle',
      answers: env.flow.id === 'menu' ? env.answers : {},
      replies: [formatCaseList(env.lang, env.ctx.myCases)],
      prompt: false,
    };
  }
  return { kind: 'switch', flow: STATUS_FLOW };
}

export const statusFlow: FlowDef = {
  id: STATUS_FLOW,
  resumable: true,
  intro: (env) => [env.t('lookup.intro')],
  steps: [
    {
      kind: 'question',
      id: 'idNumber',
      field: 'idNumber',
      label: 'lookup.idNumber.label',
      ask: (env) => env.t('lookup.idNumber.ask'),
      parse: (text, env) => fromParse(parseIdNumber(text, env.ctx.now)),
      display: (v) => String(v),
    },
    {
      kind: 'question',
      id: 'phone',
      field: 'phone',
      label: 'lookup.phone.label',
      ask: (env) => env.t('lookup.phone.ask'),
      parse: (text) => fromParse(parsePhone(text)),
      display: (v) => String(v),
    },
  ],
  // The ID number and phone leave the state here: they travel only in the effect.
  complete: (env) => ({
    kind: 'switch',
    flow: 'menu',
    step: 'idle',
    effects: [{ type: 'link_identity', idNumber: String(env.answers.idNumber), phone: String(env.answers.phone) }],
    prompt: false,
  }),
  cancel: (env) => ({ kind: 'switch', flow: 'menu', step: 'main', replies: [env.t('lookup.cancelled')] }),
};
