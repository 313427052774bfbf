/**
 * The application's summary (shown and read by engine/steps/summary.ts): its groups, the figures
 * computed from the answers, and the pre-check in one line. Each figure once: the per-capita income
 * beside the income, the expense borne only where no answer already shows it (因病: the self-paid
 * sum), and the pre-check names only the line it compares with — the figures are above it.
 */
import type { StepEnv, SummaryFigure, SummaryStep } from '../engine/flow';
import { documentCounts, OTHER_KIND } from '../engine/steps/documents';
import { formatMoney } from '../i18n/format';
import { SUMMARY_GROUPS, type SummaryGroup } from './groups';
import { computePrecheck, perCapitaIncomeFen, perCapitaText, rigidExpenseFen } from './precheck';

const figure = (group: SummaryGroup, label: string, value: string, after?: string): SummaryFigure => ({ group, label, value, after });

function figures(env: StepEnv): SummaryFigure[] {
  const out: SummaryFigure[] = [];
  const perCapita = perCapitaText(env);
  if (perCapita !== null) {
    out.push(figure('household', env.t('summary.figure.per_capita'), env.t('summary.figure.per_capita_value', { amount: perCapita }), 'annualIncomeFen'));
  }
  const rigid = rigidExpenseFen(env.answers);
  if (rigid !== null) out.push(figure('hardship', env.t('summary.figure.rigid_expense'), formatMoney(env.lang, rigid)));
  const other = documentCounts(env.answers)[OTHER_KIND] ?? 0;
  if (other > 0) out.push(figure('papers', env.t('summary.figure.other_documents'), env.t('docs.display_count', { n: other })));
  return out;
}

const LINE_KEYS = { under: 'summary.precheck.under', at: 'summary.precheck.at', over: 'summary.precheck.over' } as const;

/** Where the household stands, in one line: the income line compared with, the expense against the income, who decides. */
function precheckLine(env: StepEnv): string[] {
  const perCapita = perCapitaIncomeFen(env.answers);
  if (perCapita === null) return [];
  const p = computePrecheck(env.answers, env.ctx);
  const line = p.incomeLineFen;
  const income =
    line === null
      ? env.t('summary.precheck.unknown')
      : env.t(LINE_KEYS[perCapita < line ? 'under' : perCapita === line ? 'at' : 'over'], { year: p.year, line: formatMoney(env.lang, line) });
  const expense = env.t(p.expenseExceedsIncome ? 'summary.precheck.exceeds' : 'summary.precheck.not_exceeds');
  return [env.t('summary.precheck.line', { income, expense })];
}

export const summaryStep: SummaryStep = {
  kind: 'summary',
  id: 'summary',
  groups: SUMMARY_GROUPS.map((g) => ({ ...g })),
  figures,
  extra: precheckLine,
};
