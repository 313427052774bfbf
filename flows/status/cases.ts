/** A villager's cases in plain words: number, cause, status, date (China time). */
import { hasKey, t } from '../i18n';
import { formatDate, shanghaiDate } from '../i18n/format';
import type { CaseSummary, Lang } from '../engine/types';

/** The status label; an unknown status (a newer server) is shown as it is rather than hidden. */
export function statusLabel(lang: Lang, status: string): string {
  const key = `status.${status}`;
  return hasKey(key) ? t(lang, key) : status;
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
