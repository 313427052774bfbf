/**
 * The applicant and household, the ID number and phone masked. "显示完整" shows them whole — the
 * server already audited this look at them when it answered the case (server/core/cases/detail.ts).
 */
import { useState } from 'react';
import { Alert, Button, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../api/types';
import { maskIdNumber, maskPhone, yuan } from '../format';

function Revealable({ value, mask, testId }: { value: string | null; mask: (v: string | null) => string; testId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (!value) return <>—</>;
  return (
    <Space size={4}>
      <span data-testid={testId}>{shown ? value : mask(value)}</span>
      <Button type="link" size="small" onClick={() => setShown(!shown)}>
        {shown ? t('case.hideFull') : t('case.showFull')}
      </Button>
    </Space>
  );
}

export function Applicant({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const h = c.household;
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? t('case.yes') : t('case.no'));
  return (
    <>
      {!h.registered && <Alert type="warning" title={t('case.notRegistered')} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={t('case.name')}>
          <span data-testid="applicant-name">{h.headName ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.idNumber')}>
          <Revealable value={h.idNumber} mask={maskIdNumber} testId="id-number" />
        </Descriptions.Item>
        <Descriptions.Item label={t('case.phone')}>
          <Revealable value={h.phone} mask={maskPhone} testId="phone" />
        </Descriptions.Item>
        <Descriptions.Item label={t('case.size')}>{h.size === null ? '—' : t('case.persons', { n: h.size })}</Descriptions.Item>
        <Descriptions.Item label={t('case.alleviated')}>{yesNo(h.povertyAlleviated)}</Descriptions.Item>
        <Descriptions.Item label={t('case.registered')}>{yesNo(h.registered)}</Descriptions.Item>
        {h.registryVillage && <Descriptions.Item label={t('case.registryVillage')}>{h.registryVillage.name}</Descriptions.Item>}
      </Descriptions>
    </>
  );
}

/** The figures against the village's income line, in yuan. */
export function Figures({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const f = c.figures;
  const y = (fen: number | null) => yuan(fen, i18n.language);
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered data-testid="figures">
      <Descriptions.Item label={t('case.annualIncome', { year: f.incomeYear })}>{y(f.annualIncomeFen)}</Descriptions.Item>
      <Descriptions.Item label={t('case.size')}>{t('case.persons', { n: f.householdSize })}</Descriptions.Item>
      <Descriptions.Item label={t('case.perCapita')}>
        {y(f.perCapitaIncomeFen)}
        {f.underIncomeLine !== null && <span style={{ color: f.underIncomeLine ? '#389e0d' : '#d46b08' }}>（{f.underIncomeLine ? t('case.underLine') : t('case.overLine')}）</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('case.incomeLine')}>{f.incomeLineFen === null ? t('case.noLine') : y(f.incomeLineFen)}</Descriptions.Item>
      <Descriptions.Item label={t('case.rigidExpense')}>
        {y(f.rigidExpenseFen)}
        {f.expenseExceedsIncome && <span style={{ color: '#d46b08' }}>（{t('case.exceeds')}）</span>}
      </Descriptions.Item>
    </Descriptions>
  );
}
