/**
 * The statistics' filters in the work queue's URL (/cases?…): a click on a figure opens the queue
 * with the filters that list exactly its cases (server/core/cases/list-figures.ts); the queue
 * sends them on to GET /api/cases and shows each as a tag that removes it.
 */
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Workflow } from '../api/types';

/** The query parameters the figures use besides the queue's own (status, cause, region). */
export const FIGURE_PARAMS = ['submittedFrom', 'submittedTo', 'category', 'channel', 'reached', 'wasReturned', 'returnedFrom', 'missingItem', 'rejectedFrom', 'caseNos', 'paidFrom', 'paidTo', 'step', 'stepLate', 'decided', 'decidedLate'] as const;

/** The figure parameters of the URL, for the list's request. */
export function figureParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of FIGURE_PARAMS) {
    const v = params.get(k);
    if (v) out[k] = v;
  }
  return out;
}

/** Parameters that go together (a range, a flag and what it qualifies): a tag removes them all. */
const TOGETHER: Record<string, string[]> = {
  submittedFrom: ['submittedFrom', 'submittedTo'],
  paidFrom: ['paidFrom', 'paidTo'],
  step: ['step', 'stepLate'],
  decided: ['decided', 'decidedLate'],
  wasReturned: ['wasReturned', 'returnedFrom', 'missingItem'],
};
const SHOWN_WITH = new Set(['submittedTo', 'paidTo', 'stepLate', 'decidedLate', 'returnedFrom', 'missingItem']);

export function FigureTags({ params, workflow, onRemove }: { params: URLSearchParams; workflow: Workflow; onRemove: (keys: string[]) => void }) {
  const { t } = useTranslation();
  const words = workflow.words;
  const f = figureParams(params);
  const status = (s: string) => words.statuses[s]?.stage ?? s;
  const label = (k: string): string => {
    const v = f[k]!;
    switch (k) {
      case 'submittedFrom':
        return t('stats.tag.submitted', { from: v, to: f.submittedTo ?? '' });
      case 'paidFrom':
        return t('stats.tag.paid', { from: v, to: f.paidTo ?? '' });
      case 'category':
        return t('stats.tag.category', { v: v === 'none' ? t('stats.noCategory') : (words.categories[v] ?? v) });
      case 'channel':
        return t('stats.tag.channel', { v: t(`stats.channel.${v}`) });
      case 'reached':
        return t('stats.tag.reached', { v: status(v) });
      case 'wasReturned':
        return [t('stats.tag.returned'), f.returnedFrom ? t('stats.tag.returnedFrom', { v: status(f.returnedFrom) }) : '', f.missingItem ? t('stats.tag.missingItem', { v: f.missingItem }) : ''].filter(Boolean).join(' · ');
      case 'rejectedFrom':
        return t('stats.tag.rejectedFrom', { v: status(v) });
      case 'caseNos':
        return t('stats.tag.caseNos', { n: v.split(',').length });
      case 'step':
        return t(f.stepLate === 'true' ? 'stats.tag.stepLate' : f.stepLate === 'false' ? 'stats.tag.stepWithin' : 'stats.tag.step', { v: status(v) });
      case 'decided':
        return t(f.decidedLate === 'true' ? 'stats.tag.decidedLate' : f.decidedLate === 'false' ? 'stats.tag.decidedWithin' : 'stats.tag.decided');
      default:
        return `${k}=${v}`;
    }
  };
  const keys = Object.keys(f).filter((k) => !SHOWN_WITH.has(k) || !Object.values(TOGETHER).some((g) => g[0] !== k && g.includes(k) && f[g[0]!]));
  if (!keys.length) return null;
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="figure-tags">
      {keys.map((k) => (
        <Tag key={k} color="blue" closable onClose={() => onRemove(TOGETHER[k] ?? [k])} data-testid={`figure-tag-${k}`}>
          {label(k)}
        </Tag>
      ))}
    </Space>
  );
}
