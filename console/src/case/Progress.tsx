/** Where the case stands beyond its status: verifier and visit, verification, assessment, notice, objections, decision, payment, what is missing. */
import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Workflow } from '../api/types';
import { chinaDateTime, yuan } from '../format';
import { useLoggedIn } from '../session/session';

type Props = {
  c: CaseDetail;
  words: Workflow['words'];
  itemLabel: (id: string) => string;
  /** Given when the caller may resolve objections now (the workflow's objection roles, during the notice). */
  onResolve?: (objection: { id: string; number: number }) => void;
};

export function Progress({ c, words, itemLabel, onResolve }: Props) {
  const { t, i18n } = useTranslation();
  const { workflow } = useLoggedIn();
  const y = (fen: number) => yuan(fen, i18n.language);
  const [list, clauses] = [t('fmt.list'), t('fmt.clauses')];
  const rows: [string, React.ReactNode][] = [];
  if (c.missingItems.length && c.status === workflow.statusOf.returned) rows.push([t('case.missing'), c.missingItems.map(itemLabel).join(list)]);
  const skipped = (c.answers as { details?: { missingDocuments?: string[] } }).details?.missingDocuments ?? [];
  if (skipped.length) rows.push([t('case.notSupplied'), skipped.map(itemLabel).join(list)]);
  if (c.verifier) rows.push([t('case.verifier'), c.verifier.name ?? '—']);
  if (c.visit?.date) rows.push([t('case.visit'), c.visit.date]);
  if (c.verification) {
    const v = c.verification;
    const found = [`${words.fields.verifiedIncomeFen} ${y(v.verifiedIncomeFen)}`, `${words.fields.verifiedMembers} ${v.verifiedMembers}`, `${words.fields.verifiedExpenseFen} ${y(v.verifiedExpenseFen)}`, words.outcomes[v.outcome] ?? v.outcome].join(clauses);
    rows.push([t('case.verification'), v.note ? t('fmt.withNote', { text: found, note: v.note }) : found]);
  }
  if (c.assessment) {
    const a = c.assessment;
    // 拟帮扶措施: what the village proposed (the 公示 shows them until the county decides)
    const proposed = a.proposedMeasures?.length ? `${words.fields.proposedMeasures ?? ''} ${a.proposedMeasures.map((m) => words.measures[m] ?? m).join(list)}` : null;
    rows.push([t('case.assessment'), [words.results[a.result] ?? a.result, t('case.attendance', { n: a.attendance }), proposed].filter(Boolean).join(clauses)]);
  }
  if (c.publicity) rows.push([t('case.publicity'), `${c.publicity.start} – ${c.publicity.end}`]);
  if (c.objections.length) {
    rows.push([
      t('case.objections'),
      <div data-testid="objections">
        {c.objections.map((o, i) => (
          <div key={o.id} data-testid="objection" data-open={String(!o.resolvedAt)} style={{ marginBottom: 4 }}>
            {i + 1}. {o.note} <Tag color={o.resolvedAt ? 'default' : 'orange'}>{o.resolvedAt ? t('case.objectionResolved', { resolution: o.resolution ?? '' }) : t('case.objectionOpen')}</Tag>
            {!o.resolvedAt && onResolve && (
              <Button size="small" onClick={() => onResolve({ id: o.id, number: i + 1 })} data-testid="objection-resolve">
                {t('objection.resolve')}
              </Button>
            )}
            <div>
              <Typography.Text type="secondary" data-testid="objection-by">
                {o.recordedBy?.name ? t('case.objectionBy', { name: o.recordedBy.name, at: chinaDateTime(o.receivedAt) }) : t('case.objectionByUnknown', { at: chinaDateTime(o.receivedAt) })}
              </Typography.Text>
              {o.noticeId && (
                <Typography.Link href={`/notice/${o.noticeId}`} target="_blank" rel="noopener" style={{ marginLeft: 8 }} data-testid="objection-notice">
                  {t('notices.fromNotice')}
                </Typography.Link>
              )}
            </div>
          </div>
        ))}
      </div>,
    ]);
  }
  if (c.decision) rows.push([t('case.decision'), [y(c.decision.amountFen), c.decision.category ? (words.categories[c.decision.category] ?? c.decision.category) : '', c.decision.measures.map((m) => words.measures[m] ?? m).join(list)].filter(Boolean).join(clauses)]);
  if (c.payment) rows.push([t('case.payment'), [c.payment.ref, c.payment.paidOn].filter(Boolean).join(clauses)]);
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
