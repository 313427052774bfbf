/**
 * Bulk moves from the work queue: the selected cases approved (each by its own step's approve) or
 * given a verifier, after one confirmation (POST /api/cases/bulk-move). The server moves each on
 * its own; the answer is shown per case — where it went, or why not in the refusal words.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { refusalWords } from '../api/refusal';
import type { BulkMove, BulkResult, Cadre, Workflow } from '../api/types';

type Props = { caseNos: string[]; role: string; words: Workflow['words']; owners: Workflow['owners']; onClear: () => void; onMoved: () => void };

export function BulkBar({ caseNos, role, words, owners, onClear, onMoved }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<BulkMove | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [verifiers, setVerifiers] = useState<Cadre[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ verifierId?: string; note?: string }>();
  // the verifier is given in county review: to whoever owns that step
  const mayAssign = (owners.county_review ?? []).includes(role as never);

  useEffect(() => {
    if (asking === 'assign_verifier') api<{ cadres: Cadre[] }>('GET', '/api/cadres?role=verifier').then((r) => setVerifiers(r.cadres.filter((v) => v.active)), () => setVerifiers([]));
  }, [asking]);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const note = values.note?.trim();
      const res = await api<BulkResult>('POST', '/api/cases/bulk-move', {
        caseNos,
        move: asking,
        ...(note ? { note } : {}),
        ...(asking === 'assign_verifier' ? { data: { verifierId: values.verifierId } } : {}),
      });
      setAsking(null);
      form.resetFields();
      setResult(res);
      onMoved();
    } catch (err) {
      setError(t('bulk.failed', { message: (err as ApiError).message }));
    } finally {
      setBusy(false);
    }
  };

  const fieldLabel = (field: string) => words.fields[field] ?? field;
  return (
    <>
      {caseNos.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="bulk-bar">
          <Typography.Text strong>{t('bulk.selected', { n: caseNos.length })}</Typography.Text>
          <Button type="primary" onClick={() => setAsking('approve')} data-testid="bulk-approve">{t('bulk.approve')}</Button>
          {mayAssign && <Button onClick={() => setAsking('assign_verifier')} data-testid="bulk-assign">{t('bulk.assignVerifier')}</Button>}
          <Button type="link" onClick={onClear}>{t('bulk.clear')}</Button>
        </Space>
      )}
      <Modal
        open={asking !== null}
        title={asking === 'assign_verifier' ? t('bulk.confirmAssign', { n: caseNos.length }) : t('bulk.confirmApprove', { n: caseNos.length })}
        okText={t('bulk.ok')}
        cancelText={t('bulk.cancel')}
        onOk={() => void submit().catch(() => {})}
        onCancel={() => setAsking(null)}
        confirmLoading={busy}
        destroyOnHidden
        okButtonProps={{ 'data-testid': 'bulk-confirm' } as Record<`data-${string}`, string>}
        data-testid="bulk-confirm-dialog"
      >
        {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">{caseNos.join('、')}</Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark={false}>
          {asking === 'assign_verifier' && (
            <Form.Item name="verifierId" label={t('bulk.verifier')} rules={[{ required: true, message: t('bulk.verifierRequired') }]}>
              <Select options={verifiers.map((v) => ({ value: v.id, label: v.region ? `${v.name}（${v.region.name}）` : v.name }))} data-testid="bulk-verifier" />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('bulk.note')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="bulk-note" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={result !== null}
        title={result && t('bulk.resultTitle', { moved: result.moved, refused: result.refused })}
        footer={<Button type="primary" onClick={() => setResult(null)} data-testid="bulk-result-close">{t('bulk.close')}</Button>}
        onCancel={() => setResult(null)}
        data-testid="bulk-result"
      >
        <List
          size="small"
          dataSource={result?.results ?? []}
          renderItem={(r) => (
            <List.Item data-testid={`bulk-result-${r.caseNo}`} data-ok={String(r.ok)}>
              <Space align="start">
                {r.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                <Typography.Text strong>{r.caseNo}</Typography.Text>
                <Typography.Text type={r.ok ? undefined : 'danger'}>{r.ok ? t('bulk.moved', { status: words.statuses[r.to]?.label ?? r.to }) : refusalWords(t, r, fieldLabel)}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
