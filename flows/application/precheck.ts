/**
 * The pre-check: information for the villager, never a rejection. It compares the household's
 * per-capita income with the income line configured for its village and this year, and the
 * rigid expense with the household's annual income. A cadre decides.
 *
 * The income line is configuration (it differs by province and is reset every year): it comes
 * from ctx.incomeLineFen, and when it is not configured the villager is told the cadre will check.
 */
import type { Answers, NoticeStep, StepEnv } from '../engine/flow';
import type { ApplicationData, FlowContext } from '../engine/types';
import { formatMoney } from '../i18n/format';
import { shanghaiYear } from '../china-time';

/** Annual income ÷ household size, rounded to whole fen; null until both are known. */
export function perCapitaIncomeFen(a: Answers): number | null {
  const income = a.annualIncomeFen;
  const size = a.householdSize;
  if (typeof income !== 'number' || typeof size !== 'number' || size <= 0) return null;
  return Math.round(income / size);
}

/** The expense the household bears itself for this cause; null until the amounts are known. */
export function rigidExpenseFen(a: Answers): number | null {
  const n = (k: string) => (typeof a[k] === 'number' ? (a[k] as number) : null);
  switch (a.cause) {
    case 'illness':
      return n('selfPaidFen');
    case 'disaster': {
      const loss = n('lossFen');
      const comp = n('compensationFen');
      return loss === null || comp === null ? null : Math.max(0, loss - comp);
    }
    case 'education': {
      const cost = n('educationCostFen');
      const aid = n('aidFen');
      return cost === null || aid === null ? null : Math.max(0, cost - aid);
    }
    default:
      return null;
  }
}

export function computePrecheck(a: Answers, ctx: FlowContext): ApplicationData['precheck'] & { year: number } {
  const year = shanghaiYear(ctx.now);
  const line = typeof a.villageCode === 'string' ? ctx.incomeLineFen(a.villageCode, year) : null;
  const perCapita = perCapitaIncomeFen(a) ?? 0;
  const expense = rigidExpenseFen(a) ?? 0;
  return {
    year,
    incomeLineFen: line,
    // 不高于 the line: the seed's rule is "年人均纯收入不高于5200元".
    underIncomeLine: line === null ? null : perCapita <= line,
    expenseExceedsIncome: expense > ((a.annualIncomeFen as number) ?? 0),
  };
}

/**
 * The per-capita income as said to the villager: "约" a whole number of yuan (fen are noise to
 * them), except where rounding would make it read equal to the line it is being compared with.
 */
export function roughPerCapitaFen(perCapitaFen: number, lineFen: number | null): number {
  const rounded = Math.round(perCapitaFen / 100) * 100;
  return lineFen !== null && rounded === lineFen && perCapitaFen !== lineFen ? perCapitaFen : rounded;
}

/** The per-capita income, formatted for the villager; null until income and household size are known. */
export function perCapitaText(env: StepEnv): string | null {
  const fen = perCapitaIncomeFen(env.answers);
  if (fen === null) return null;
  return formatMoney(env.lang, roughPerCapitaFen(fen, computePrecheck(env.answers, env.ctx).incomeLineFen));
}

/**
 * The pre-check in plain words (used on the way to the documents and in the summary). It must
 * never sound like a refusal: every branch ends with "a cadre decides, you can carry on".
 */
export function precheckLines(env: StepEnv): string[] {
  const a = env.answers;
  const p = computePrecheck(a, env.ctx);
  const money = (fen: number) => formatMoney(env.lang, fen);
  const perCapitaFen = perCapitaIncomeFen(a) ?? 0;
  const perCapita = money(roughPerCapitaFen(perCapitaFen, p.incomeLineFen));
  const lines: string[] = [];
  if (p.incomeLineFen === null) lines.push(env.t('precheck.line_unknown', { perCapita }));
  else {
    const params = { perCapita, line: money(p.incomeLineFen), year: p.year };
    const key = perCapitaFen < p.incomeLineFen ? 'precheck.under_line' : perCapitaFen === p.incomeLineFen ? 'precheck.at_line' : 'precheck.over_line';
    lines.push(env.t(key, params));
  }
  const params = { expense: money(rigidExpenseFen(a) ?? 0), income: money((a.annualIncomeFen as number) ?? 0) };
  lines.push(env.t(p.expenseExceedsIncome ? 'precheck.expense_exceeds' : 'precheck.expense_not_exceeds', params));
  if (p.underIncomeLine === false) lines.push(env.t('precheck.still_apply'));
  lines.push(env.t('precheck.cadre_decides'));
  return lines;
}

export const precheckStep: NoticeStep = {
  kind: 'notice',
  id: 'precheck',
  text: (env) => [[env.t('precheck.title'), ...precheckLines(env)].join('\n')],
};
