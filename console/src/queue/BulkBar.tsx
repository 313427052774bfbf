/**
 * Bulk moves from the work queue: the selected cases approved (each by its own step's approve) or
 * given a verifier, after one confirmation (POST /api/cases/bulk-move). The server moves each on
 * its own; the answer is shown per case — where it went, or why not in the refusal words. When the
 * ticked cases are all in one status, approve asks that status's approve data (the move's form
 * fields, MoveFields: e.g. 发放's payment reference and day), sent with each case; ticked cases of
 * several statuses whose approve needs data cannot be approved together, and the dialog says so.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Form, Input, List, Modal, Select, Space, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { refusalWords } from '../api/refusal';
import type { BulkMove, BulkResult, Cadre, CaseSummary, MoveSchema, Workflow } from '../api/types';
import { MoveFields, toData } from '../case/MoveFields';

type Props = { cases: CaseSummary[]; role: string; workflow: Workflow; onClear: () => void; onMoved: () => void };

/** The approve move out of `status` (one per status in the workflow). */
const approveOf = (moves: MoveSchema[], status: string) => moves.find((m) => m.action === 'approve' && m.from.includes(status));
const needsData = (m: MoveSchema | undefined) => (m?.data.required ?? []).length > 0;

export function BulkBar({ cases, role, workflow, onClear, onMoved }: Props) {
  const { t } = useTranslation();
  const { words, owners, moves } = workflow;
  const caseNos = cases.map((c) => c.caseNo);
  const statuses = [...new Set(cases.map((c) => c.status))];
  // one status: its approve's form; several: only if none of their approves needs data
  const approveMove = statuses.length === 1 ? approveOf(moves, statuses[0]!) : undefined;
  const mixedNeedData = statuses.length > 1 && statuses.some((s) => needsData(approveOf(moves, s)));
  // a role whose only step is the visit approves one household's findings at a time (as the server says)
  const mayBulkApprove = !(workflow.todo.length > 0 && workflow.todo.every((s) => s === workflow.sideActs.visit.status));
  const [asking, setAsking] = useState<BulkMove | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [verifiers, setVerifiers] = useState<Cadre[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, unknown> & { verifierId?: string; note?: string }>();
  // the verifier is given by the move of that name (in county review): to whoever owns the step it leaves from
  const assignFrom = moves.find((m) => m.id === 'assign_verifier')?.from ?? [];
  const mayAssign = assignFrom.some((s) => (owners[s] ?? []).includes(role as never));

  useEffect(() => {
    if (asking === 'assign_verifier') api<{ cadres: Cadre[] }>('GET', '/api/cadres?role=verifier').then((r) => setVerifiers(r.cadres.filter((v) => v.active)), () => setVerifiers([]));
  }, [asking]);

  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const note = typeof values.note === 'string' ? values.note.trim() : undefined;
      const data = asking === 'assign_verifier' ? { verifierId: values.verifierId } : approveMove ? toData(approveMove.data.properties ?? {}, values) : {};
      const res = await api<BulkResult>('POST', '/api/cases/bulk-move', {
        caseNos,
        move: asking,
        ...(note ? { note } : {}),
        ...(Object.keys(data).length ? { data } : {}),
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
          {mayBulkApprove && <Button type="primary" onClick={() => setAsking('approve')} data-testid="bulk-approve">{t('bulk.approve')}</Button>}
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
        okButtonProps={{ 'data-testid': 'bulk-confirm', disabled: asking === 'approve' && mixedNeedData } as Record<`data-${string}`, string>}
        data-testid="bulk-confirm-dialog"
      >
        {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">{caseNos.join(t('fmt.list'))}</Typography.Paragraph>
        {asking === 'approve' && mixedNeedData && (
          <Alert
            type="warning"
            title={t('bulk.mixedNeedData', { statuses: statuses.map((st) => words.statuses[st]?.label ?? st).join(t('fmt.list')) })}
            style={{ marginBottom: 12 }}
            data-testid="bulk-mixed"
          />
        )}
        <Form form={form} layout="vertical" requiredMark={false}>
          {asking === 'approve' && approveMove && <MoveFields move={approveMove} words={words} />}
          {asking === 'assign_verifier' && (
            <Form.Item name="verifierId" label={t('bulk.verifier')} rules={[{ required: true, message: t('bulk.verifierRequired') }]}>
              <Select options={verifiers.map((v) => ({ value: v.id, label: v.region ? t('move.verifierIn', { name: v.name, region: v.region.name }) : v.name }))} data-testid="bulk-verifier" />
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
