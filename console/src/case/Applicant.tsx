/**
 * The applicant and household. The server answers the case with the ID number and phone masked;
 * "显示完整" asks it for one of them whole (POST /api/cases/:caseNo/reveal, audited each time) and
 * shows it until the page is left. The auditor's role sees them masked: no link.
 */
import { useState } from 'react';
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { CaseDetail, RevealField, Revealed } from '../api/types';
import { yuan } from '../format';
import { waitWords } from '../pages/LoginPage';

/** The roles that may ask for the whole value (server/core/auth/permissions.ts MAY.revealIdentity). */
const MAY_REVEAL = ['village', 'town', 'county', 'verifier'];

function Revealable({ caseNo, field, masked, canReveal }: { caseNo: string; field: RevealField; masked: string | null; canReveal: boolean }) {
  const { t } = useTranslation();
  const [whole, setWhole] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!masked) return <>—</>;
  const reveal = async () => {
    if (whole) return setShown(true);
    setBusy(true);
    setError(null);
    try {
      const r = await api<Revealed>('POST', `/api/cases/${encodeURIComponent(caseNo)}/reveal`, { field });
      setWhole(r.value);
      setShown(true);
    } catch (err) {
      const e = err as ApiError;
      setError(e.status === 403 ? t('case.revealNoRole') : e.status === 429 ? t('case.revealTooMany', { wait: waitWords(e.retryAfterSeconds ?? 60, t) }) : t('case.revealFailed', { message: e.message }));
    } finally {
      setBusy(false);
    }
  };
  const testId = field === 'idNumber' ? 'id-number' : 'phone';
  return (
    <Space size={4} wrap>
      <span data-testid={testId}>{shown && whole ? whole : masked}</span>
      {canReveal && (
        <Button type="link" size="small" loading={busy} onClick={() => (shown ? setShown(false) : void reveal())} data-testid={`reveal-${field}`}>
          {shown ? t('case.hideFull') : t('case.showFull')}
        </Button>
      )}
      {error && <Typography.Text type="danger" data-testid={`reveal-error-${field}`}>{error}</Typography.Text>}
    </Space>
  );
}

export function Applicant({ c, role }: { c: CaseDetail; role: string }) {
  const { t } = useTranslation();
  const h = c.household;
  const canReveal = MAY_REVEAL.includes(role);
  const yesNo = (v: boolean | null) => (v === null ? '—' : v ? t('case.yes') : t('case.no'));
  return (
    <>
      {!h.registered && <Alert type="warning" title={t('case.notRegistered')} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={t('case.name')}>
          <span data-testid="applicant-name">{h.headName ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.idNumber')}>
          <Revealable caseNo={c.caseNo} field="idNumber" masked={h.idNumber} canReveal={canReveal} />
        </Descriptions.Item>
        <Descriptions.Item label={t('case.phone')}>
          <Revealable caseNo={c.caseNo} field="phone" masked={h.phone} canReveal={canReveal} />
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
        {f.underIncomeLine !== null && <span style={{ color: f.underIncomeLine ? '#389e0d' : '#d46b08' }}>{t('fmt.paren', { text: f.underIncomeLine ? t('case.underLine') : t('case.overLine') })}</span>}
      </Descriptions.Item>
      <Descriptions.Item label={t('case.incomeLine')}>{f.incomeLineFen === null ? t('case.noLine') : y(f.incomeLineFen)}</Descriptions.Item>
      <Descriptions.Item label={t('case.rigidExpense')}>
        {y(f.rigidExpenseFen)}
        {f.expenseExceedsIncome && <span style={{ color: '#d46b08' }}>{t('fmt.paren', { text: t('case.exceeds') })}</span>}
      </Descriptions.Item>
    </Descriptions>
  );
}
