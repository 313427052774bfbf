/** Where the case stands beyond its status: verifier and visit, verification, assessment, notice, objections, decision, payment, what is missing. */
import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Workflow } from '../api/types';
import { yuan } from '../format';

export function Progress({ c, words, itemLabel }: { c: CaseDetail; words: Workflow['words']; itemLabel: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const y = (fen: number) => yuan(fen, i18n.language);
  const rows: [string, React.ReactNode][] = [];
  if (c.missingItems.length && c.status === 'returned') rows.push([t('case.missing'), c.missingItems.map(itemLabel).join('、')]);
  const skipped = (c.answers as { details?: { missingDocuments?: string[] } }).details?.missingDocuments ?? [];
  if (skipped.length) rows.push([t('case.notSupplied'), skipped.map(itemLabel).join('、')]);
  if (c.verifier) rows.push([t('case.verifier'), c.verifier.name ?? '—']);
  if (c.visit?.date) rows.push([t('case.visit'), c.visit.date]);
  if (c.verification) {
    const v = c.verification;
    rows.push([t('case.verification'), `${words.fields.verifiedIncomeFen} ${y(v.verifiedIncomeFen)}，${words.fields.verifiedMembers} ${v.verifiedMembers}，${words.fields.verifiedExpenseFen} ${y(v.verifiedExpenseFen)}，${words.outcomes[v.outcome] ?? v.outcome}${v.note ? `：${v.note}` : ''}`]);
  }
  if (c.assessment) rows.push([t('case.assessment'), `${words.results[c.assessment.result] ?? c.assessment.result}，${t('case.attendance', { n: c.assessment.attendance })}`]);
  if (c.publicity) rows.push([t('case.publicity'), `${c.publicity.start} – ${c.publicity.end}`]);
  if (c.objections.length) {
    rows.push([
      t('case.objections'),
      <div>
        {c.objections.map((o, i) => (
          <div key={o.id}>
            {i + 1}. {o.note} <Tag color={o.resolvedAt ? 'default' : 'orange'}>{o.resolvedAt ? t('case.objectionResolved', { resolution: o.resolution ?? '' }) : t('case.objectionOpen')}</Tag>
          </div>
        ))}
      </div>,
    ]);
  }
  if (c.decision) rows.push([t('case.decision'), `${y(c.decision.amountFen)}，${c.decision.category ? (words.categories[c.decision.category] ?? c.decision.category) : ''}，${c.decision.measures.map((m) => words.measures[m] ?? m).join('、')}`]);
  if (c.payment) rows.push([t('case.payment'), `${c.payment.ref}${c.payment.paidOn ? `，${c.payment.paidOn}` : ''}`]);
  if (c.rejectionReason) rows.push([t('case.rejection'), c.rejectionReason]);
  if (rows.length === 0) return null;
  return (
    <Card title={t('case.progress')}>
      <Descriptions size="small" column={1} bordered data-testid="progress">
        {rows.map(([label, value]) => (
          <Descriptions.Item key={label} label={label}>
            {value}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
