/**
 * The time left on a case's limit, as colour and the real due date: red when overdue, orange when
 * one working day is left (as Anhui's platform marks it), green otherwise.
 */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayWithWeekday, workingDaysLeft } from '../format';

export function DueTag({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  const { t, i18n } = useTranslation();
  if (!dueAt) return <Tag data-testid="due">{t('due.none')}</Tag>;
  const date = dayWithWeekday(dueAt, i18n.language);
  if (overdue) return <Tag color="red" data-testid="due" data-due="overdue">{t('due.overdue', { date })}</Tag>;
  if (workingDaysLeft(dueAt) <= 1) return <Tag color="orange" data-testid="due" data-due="soon">{t('due.soon', { date })}</Tag>;
  return <Tag color="green" data-testid="due" data-due="ok">{t('due.ok', { date })}</Tag>;
}
