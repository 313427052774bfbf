/** First question: which hardship — 因病, 因灾 or 因学. It decides the rest of the questions. */
import type { ChoiceStep } from '../engine/flow';

export const causeStep: ChoiceStep = {
  kind: 'choice',
  id: 'cause',
  field: 'cause',
  label: 'apply.cause.label',
  group: 'hardship',
  editWords: ['原因', '类型', '困难', '困难类型', 'cause', 'reason', 'type'],
  ask: (env) => env.t('apply.cause.ask'),
  options: (env) => [
    { id: 'illness', text: env.t('apply.cause.option_illness'), display: env.t('cause.illness'), labels: ['因病', '生病', '看病', '病', 'illness', 'sick'] },
    { id: 'disaster', text: env.t('apply.cause.option_disaster'), display: env.t('cause.disaster'), labels: ['因灾', '受灾', '灾', 'disaster'] },
    { id: 'education', text: env.t('apply.cause.option_education'), display: env.t('cause.education'), labels: ['因学', '上学', '读书', '学', 'school', 'education'] },
  ],
};
