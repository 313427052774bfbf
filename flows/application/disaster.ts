/** 因灾: the kind of disaster, when it happened, the estimated loss and compensation already received. */
import type { StepDef } from '../engine/flow';
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
      // the words of the kind, and how a villager says it happened ("房子被水冲了", "地里全淹了", "房子烧了")
      { id: 'flood', text: env.t('apply.disasterKind.flood'), labels: ['洪涝', '洪水', '水灾', '涝', '发大水', '大水', '水冲', '被水', '淹', '暴雨', 'flood'] },
      { id: 'drought', text: env.t('apply.disasterKind.drought'), labels: ['干旱', '旱灾', '旱', 'drought'] },
      { id: 'fire', text: env.t('apply.disasterKind.fire'), labels: ['火灾', '着火', '失火', '起火', '烧', '火', 'fire'] },
      { id: 'geological', text: env.t('apply.disasterKind.geological'), labels: ['地质灾害', '滑坡', '山体滑坡', '泥石流', '塌方', '地震', 'landslide', 'geological'] },
      { id: 'wind_hail', text: env.t('apply.disasterKind.wind_hail'), labels: ['风雹', '大风', '冰雹', '雹子', '台风', '龙卷风', '刮', 'hail', 'storm', 'wind'] },
      { id: 'other', text: env.t('apply.disasterKind.other'), labels: ['其他', '其它', '别的', 'other'] },
    ],
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
