/**
 * An objection during the public notice, recorded ("记录异议": what was objected, and by whom) or
 * resolved ("处理异议": what was found) through POST /api/cases/:caseNo/objections and
 * …/objections/:id/resolve. An open objection blocks the county's approval, so both are on the
 * case page for the roles the workflow lets hear objections (GET /api/workflow sideActs.objection).
 */
import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { refusalWords } from '../api/refusal';
import type { CaseDetail } from '../api/types';

/** The server's MAX_OBJECTION_TEXT (server/core/workflow/objections.ts). */
const MAX_TEXT = 1000;

type Props = {
  caseNo: string;
  /** null: record a new objection; an id: resolve that one. */
  resolving: { id: string; number: number } | null;
  onClose: () => void;
  onDone: (fresh: CaseDetail) => void;
  onChanged: () => void;
};

export function ObjectionForm({ caseNo, resolving, onClose, onDone, onChanged }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const { text } = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    try {
      const path = `/api/cases/${encodeURIComponent(caseNo)}/objections`;
      const res = resolving
        ? await api<{ case: CaseDetail }>('POST', `${path}/${resolving.id}/resolve`, { resolution: text.trim() })
        : await api<{ case: CaseDetail }>('POST', path, { note: text.trim() });
      onDone(res.case);
    } catch (err) {
      const e = err as ApiError;
      if (e.code === 'not_allowed_from_status') onChanged();
      setRefusal(refusalWords(t, e, () => t(resolving ? 'objection.resolution' : 'objection.note')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={resolving ? t('objection.resolveTitle', { number: resolving.number, caseNo }) : t('objection.recordTitle', { caseNo })}
      okText={t('move.submit')}
      cancelText={t('move.cancel')}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'objection-submit' } as Record<`data-${string}`, string>}
      data-testid="objection-form"
    >
      {refusal && <Alert type="error" title={refusal} style={{ marginBottom: 12 }} data-testid="objection-refusal" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="text"
          label={t(resolving ? 'objection.resolution' : 'objection.note')}
          extra={t(resolving ? 'objection.resolutionHint' : 'objection.noteHint')}
          rules={[{ required: true, whitespace: true, message: t(resolving ? 'objection.resolutionRequired' : 'objection.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={MAX_TEXT} data-testid="objection-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
