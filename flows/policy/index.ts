/**
 * "政策咨询": who can apply, the three causes, the documents for each, the steps and the county's
 * time limit for the whole identification (processWords), and that a cadre decides. The income-line figure is given only when the
 * contact's village is known (remembered from an earlier application) and a line is configured.
 */
import type { StepEnv } from '../engine/flow';
import { formatMoney } from '../i18n/format';
import { shanghaiYear } from '../china-time';
import { processWords } from '../workflow/process-words';

export function policyText(env: StepEnv): string {
  const village = env.answers.villageCode;
  const year = shanghaiYear(env.ctx.now);
  const line = typeof village === 'string' ? env.ctx.incomeLineFen(village, year) : null;
  return [
    env.t('policy.body', processWords(env.t, env.ctx.knowledge?.limits.total)),
    line === null ? env.t('policy.income_line_unknown') : env.t('policy.income_line', { amount: formatMoney(env.lang, line), year }),
    env.t('policy.footer'),
  ].join('\n\n');
}
