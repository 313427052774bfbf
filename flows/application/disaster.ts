/** 因灾: the kind of disaster, when it happened, the estimated loss and compensation already received. */
import type { StepDef } from '../engine/flow';
import { DISASTER_WORDS, disasterKindsNamed } from '../parse/disaster-words';
import { normalizeInput, parseChoice } from '../parse';
import { amountQuestion, forCause } from './fields';
import { splitCostReceived } from './folds';
import { checkPastDate, showPastDate } from './past-date';

export const DISASTER_KINDS = ['flood', 'drought', 'fire', 'geological', 'wind_hail', 'other'] as const;
export type DisasterKind = (typeof DISASTER_KINDS)[number];

export const disasterSteps: StepDef[] = forCause('disaster', [
  {
    kind: 'choice',
    id: 'disasterKind',
    field: 'disasterKind',
    label: 'apply.disasterKind.label',
    editWords: ['灾害', '灾种', '受灾类型', '什么灾', 'disaster', 'kind of disaster'],
    ask: (env) => env.t('apply.disasterKind.ask'),
    options: (env) => [
      // the words of the kind, and how a villager says it happened (flows/parse/disaster-words.ts)
      ...DISASTER_KINDS.map((id) => ({ id, text: env.t(`apply.disasterKind.${id}`), labels: [...DISASTER_WORDS[id]] })),
    ],
    // "发大水又起火": two kinds named — which did the most damage is asked, as for two patients;
    // "遭灾了": a disaster, not which — the kinds named with examples
    read: (text, env) => {
      const options = DISASTER_KINDS.map((id) => ({ id, text: env.t(`apply.disasterKind.${id}`), labels: DISASTER_WORDS[id] }));
      if (parseChoice(text, options).ok) return null;
      const named = disasterKindsNamed(normalizeInput(text));
      if (named.length >= 2) {
        const kinds = named.map((id) => env.t(`apply.disasterKind.${id}`)).join(env.t('summary.list_separator'));
        return { kind: 'retry', hint: env.t('heard.disaster.two', { kinds }), understood: true };
      }
      if (named.length === 0 && /灾|disaster/iu.test(text)) return { kind: 'retry', hint: env.t('heard.disaster.which'), understood: true };
      return null;
    },
  },
  {
    kind: 'question',
    id: 'disasterDate',
    field: 'disasterDate',
    label: 'apply.disasterDate.label',
    editWords: ['日期', '时间', '哪天', '受灾时间', 'date', 'when'],
    ask: (env) => env.t('apply.disasterDate.ask'),
    // A day, or a month whose day is not known (said back first, kept as 'YYYY-MM'); future dates
    // are refused relative to the server's clock in ctx.now.
    parse: (text, env) => checkPastDate(text, env, 'disasterDate'),
    display: (v, env) => showPastDate(v, env),
  },
  amountQuestion({
    id: 'lossFen',
    ask: 'apply.lossFen.ask',
    topic: 'cost',
    label: 'apply.lossFen.label',
    editWords: ['损失', '损失金额', 'loss', 'damage'],
    // "损失三万，保险赔了五千": the loss and what was received in one answer
    fold: { with: 'compensationFen', ask: (env) => env.t('heard.fold.loss_compensation'), split: splitCostReceived },
  }),
  amountQuestion({
    id: 'compensationFen',
    ask: 'apply.compensationFen.ask',
    topic: 'received',
    label: 'apply.compensationFen.label',
    editWords: ['赔偿', '补偿', '救助', '赔款', '救灾款', 'compensation', 'relief'],
    allowZero: true,
    atMost: { field: 'lossFen', hint: 'apply.compensationFen.too_much' },
  }),
]);
