/** A villager's cases in plain words: number, cause, status, date (China time). */
import { t } from '../i18n';
import { formatDate } from '../i18n/format';
import { shanghaiDate } from '../china-time';
import type { CaseSummary, Lang } from '../engine/types';
import { isCaseStatus } from '../workflow';

/** The status label, wherever a status is shown; an unknown status (a newer server) is shown as it is rather than hidden. */
export function statusLabel(lang: Lang, status: string): string {
  return isCaseStatus(status) ? t(lang, `status.${status}`) : status;
}

export function formatCaseList(lang: Lang, cases: CaseSummary[]): string {
  const lines = cases.map((c, i) =>
    t(lang, 'cases.line', {
      i: i + 1,
      caseNo: c.caseNo,
      cause: t(lang, `cause.${c.cause}`),
      status: statusLabel(lang, c.status),
      date: formatDate(lang, shanghaiDate(c.submittedAt)),
    }),
  );
  return [t(lang, 'cases.title', { n: cases.length }), ...lines, t(lang, 'cases.footer')].join('\n');
}
