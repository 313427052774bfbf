/**
 * One move as a form, generated from the move's data schema (GET /api/workflow: each move's zod
 * schema as JSON Schema, the same the API checks and the chat's guided exchange asks; the fields
 * are MoveFields). A refusal is said in plain words; a field the server refused is marked.
 */
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { CaseDetail, MoveSchema, Workflow } from '../api/types';
import { MoveFields, toData } from './MoveFields';

type Props = {
  move: MoveSchema;
  name: string;
  c: CaseDetail;
  words: Workflow['words'];
  onClose: () => void;
  onDone: (fresh: CaseDetail) => void;
  onChanged: () => void;
  /** In the page rather than a dialog (the verifier's phone: one column, the submit button under the fields). */
  inline?: boolean;
  /** Fields already known (the visit day booked): filled in, still editable. */
  initial?: Record<string, unknown>;
};

export function MoveForm({ move, name: moveName, c, words, onClose, onDone, onChanged, inline = false, initial }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const props = move.data.properties ?? {};
  const label = (name: string) => words.fields[name] ?? name;

  async function submit() {
    const values = (await form.validateFields()) as Record<string, unknown>;
    setBusy(true);
    setRefusal(null);
    try {
      const to = move.to ?? c.allowedMoves.find((m) => m.action === move.action)?.to;
      const note = typeof values.note === 'string' && values.note.trim() ? values.note.trim() : undefined;
      const res = await api<{ case: CaseDetail }>('POST', `/api/cases/${c.caseNo}/transitions`, { action: move.action, to, ...(note ? { note } : {}), data: toData(props, values) });
      onDone(res.case);
    } catch (err) {
      const e = err as ApiError;
      const field = e.field?.replace(/^data\./, '');
      if (field && field in props) form.setFields([{ name: field, errors: [t('refusal.invalid_field', { field: label(field) })] }]);
      if (e.code === 'not_allowed_from_status') onChanged();
      setRefusal(
        e.code === 'guard' && e.reason
          ? t(`refusal.guard_${e.reason}`)
          : field && field in props
            ? t('refusal.invalid_field', { field: label(field) })
            : ['no_role', 'not_allowed_from_status', 'not_found', 'csrf', 'forbidden'].includes(e.code)
              ? t(`refusal.${e.code}`)
              : t('refusal.other', { message: e.message }),
      );
    } finally {
      setBusy(false);
    }
  }

  const body = (
    <>
      {refusal && <Alert type="error" title={refusal} style={{ marginBottom: 12 }} data-testid="move-refusal" />}
      <Form form={form} layout="vertical" requiredMark={false} key={i18n.language} initialValues={initial}>
        <MoveFields move={move} words={words} cause={c.cause} identityPending={c.identity?.check === 'pending'} />
        <Form.Item
          name="note"
          label={t('move.note')}
          rules={move.noteRequired ? [{ required: true, whitespace: true, message: t('move.noteRequired') }] : []}
          extra={move.noteRequired ? t('move.noteRequired') : t('move.noteHint')}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="move-note" />
        </Form.Item>
      </Form>
    </>
  );
  if (inline) {
    return (
      <div data-testid="move-form">
        {body}
        <Button type="primary" block size="large" loading={busy} onClick={() => void submit().catch(() => {})} data-testid="move-submit">
          {t('move.submit')}
        </Button>
      </div>
    );
  }
  return (
    <Modal open title={t('move.title', { move: moveName, caseNo: c.caseNo })} okText={t('move.submit')} cancelText={t('move.cancel')} onOk={() => void submit().catch(() => {})} onCancel={onClose} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'move-submit' } as Record<`data-${string}`, string>} data-testid="move-form">
      {body}
    </Modal>
  );
}
