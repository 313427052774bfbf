/**
 * Two separate consents, asked after the documents and before the summary:
 * 1. 承诺授权 — the household vouches for its answers and authorises checks of its income and assets;
 * 2. consent to process sensitive personal information for this application only.
 * Refusing either files nothing: the documents are discarded and the villager is back at the menu.
 */
import type { StepDef, StepEnv, StepOutcome } from '../engine/flow';

const YES = ['同意', '我同意', '愿意', '我愿意', '承诺', '我承诺', '没意见', '没有意见', 'agree', 'i agree', 'yes, i agree'];
const NO = ['不同意', '我不同意', '不愿意', '不承诺', 'disagree', 'i disagree', 'do not agree', "don't agree"];
/** The check itself said yes to ("让查", "查吧"), or no to when negated ("不让查"). */
const CHECK_MARKS = ['让查', '查吧', '可以查', '随便查', '给查', '让你们查'];

function refuse(env: StepEnv): StepOutcome {
  return {
    kind: 'switch',
    flow: 'menu',
    step: 'main',
    replies: [env.t('consent.refused')],
    effects: [{ type: 'discard_documents' }],
  };
}

export const consentSteps: StepDef[] = [
  {
    kind: 'yesno',
    id: 'consentIncome',
    field: 'consentIncome',
    label: 'consent.income.label',
    help: 'consent.income.help',
    ask: (env) => env.t('consent.income.ask'),
    yesWords: YES,
    noWords: NO,
    yesMarks: CHECK_MARKS,
    // "为啥要查存款", "查这些干啥": answered by the help (why the check is needed), then asked again
    askedAbout: ['查', '存款', '财产', '收入', '车', '房', '社保', '授权', '承诺', '核实', '保险公司'],
    onNo: refuse,
    hint: 'consent.hint',
    display: (_v, env) => env.t('consent.agreed'),
  },
  {
    kind: 'yesno',
    id: 'consentPersonal',
    field: 'consentPersonal',
    label: 'consent.personal.label',
    help: 'consent.personal.help',
    // what the application uses depends on its cause: a 因学 form says nothing of illness
    ask: (env) => {
      const cause = typeof env.answers.cause === 'string' ? env.answers.cause : 'any';
      return env.t('consent.personal.ask', { details: env.t(`consent.personal.details.${cause}`), hidden: env.t(`consent.personal.hidden.${cause}`) });
    },
    yesWords: YES,
    noWords: NO,
    // "为什么要用身份证号", "照片给谁看": answered by the help, then asked again
    askedAbout: ['身份证', '手机', '电话', '照片', '信息', '病情', '公示', '公开', '隐私', '谁看', '泄露'],
    onNo: refuse,
    hint: 'consent.hint',
    derive: (_v, env) => ({ consentAt: env.ctx.now.toISOString() }),
    display: (_v, env) => env.t('consent.agreed'),
  },
];
