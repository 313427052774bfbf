/**
 * The time left on a case's limit, as colour and the real due date: red when overdue, orange when
 * one working day or less is left (as Anhui's platform marks it), green otherwise. The state is the
 * server's (`due`, by its working-day rule: server/core/workflow/deadlines.ts), never worked out here.
 */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../api/types';
import { dayWithWeekday } from '../format';

const COLOUR = { overdue: 'red', soon: 'orange', ok: 'green' } as const;

export function DueTag({ dueAt, due }: Pick<CaseSummary, 'dueAt' | 'due'>) {
  const { t, i18n } = useTranslation();
  if (!dueAt || !due) return <Tag data-testid="due">{t('due.none')}</Tag>;
  const date = dayWithWeekday(dueAt, i18n.language);
  return (
    <Tag color={COLOUR[due]} data-testid="due" data-due={due}>
      {t(`due.${due}`, { date })}
    </Tag>
  );
}
