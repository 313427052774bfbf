/**
 * One move as a form, generated from the move's data schema (GET /api/workflow: each move's zod
 * schema as JSON Schema, the same the API checks and the chat's guided exchange asks): amounts in
 * yuan (sent as fen), dates with a date picker, choices in the workflow's words, the missing items
 * picked from the cause's checklist, the verifier from the accounts that may verify. A refusal is
 * said in plain words; a field the server refused is marked.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import type { Cadre, CaseDetail, JsonSchema, MoveSchema, Workflow } from '../api/types';

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
};

const isFen = (name: string) => name.endsWith('Fen');
const isDay = (s: JsonSchema) => s.type === 'string' && s.pattern === '^\\d{4}-\\d{2}-\\d{2}$';
/** Fields whose enum values are worded by the workflow. */
const ENUM_WORDS: Record<string, 'outcomes' | 'results' | 'categories' | 'measures'> = { outcome: 'outcomes', result: 'results', category: 'categories', measures: 'measures' };

/** What the form's value becomes in the move's data. */
function toData(props: Record<string, JsonSchema>, values: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(props)) {
    const v = values[name];
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (isFen(name)) data[name] = Math.round(Number(v) * 100);
    else if (isDay(schema)) data[name] = (v as { format(f: string): string }).format('YYYY-MM-DD');
    else data[name] = v;
  }
  return data;
}

export function MoveForm({ move, name: moveName, c, words, onClose, onDone, onChanged, inline = false }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [verifiers, setVerifiers] = useState<Cadre[]>([]);
  const props = move.data.properties ?? {};
  const required = new Set(move.data.required ?? []);
  const identityPending = c.identity?.check === 'pending';
  const label = (name: string) => words.fields[name] ?? name;

  useEffect(() => {
    if ('verifierId' in props) api<{ cadres: Cadre[] }>('GET', '/api/cadres?role=verifier').then((r) => setVerifiers(r.cadres.filter((v) => v.active)), () => setVerifiers([]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [move.id]);

  function field(name: string, schema: JsonSchema) {
    // a move whose data has its own note (the verification's) takes it from the form's one note field
    if (name === 'note') return null;
    const need = required.has(name);
    const rules = need ? [{ required: true, message: t('move.required', { what: label(name) }) }] : [];
    if (name === 'identityConfirmed') {
      if (!identityPending) return null;
      return (
        <Form.Item key={name} name={name} valuePropName="checked" extra={t('move.identityRequired')} rules={[{ validator: (_: unknown, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('move.identityRequired')))) }]}>
          <Checkbox data-testid={`move-field-${name}`}>{t('move.identityConfirmed')}</Checkbox>
        </Form.Item>
      );
    }
    let input: React.ReactNode;
    if (name === 'verifierId') input = <Select options={verifiers.map((v) => ({ value: v.id, label: v.region ? `${v.name}（${v.region.name}）` : v.name }))} />;
    else if (name === 'items') {
      input = <Select mode="tags" placeholder={t('move.itemsHint')} options={(words.checklists[c.cause] ?? []).map((i) => ({ value: i.label, label: i.label }))} />;
    } else if (schema.type === 'array' && schema.items?.enum) {
      const w = words[ENUM_WORDS[name] ?? 'measures'];
      input = <Select mode="multiple" options={schema.items.enum.map((v) => ({ value: v, label: w[String(v)] ?? String(v) }))} />;
    } else if (schema.enum) {
      const w = ENUM_WORDS[name] ? words[ENUM_WORDS[name]] : {};
      input = <Select options={schema.enum.map((v) => ({ value: v, label: w[String(v)] ?? String(v) }))} />;
    } else if (schema.const !== undefined && schema.type === 'string') {
      const w = ENUM_WORDS[name] ? words[ENUM_WORDS[name]] : {};
      input = <Select options={[{ value: schema.const as string, label: w[String(schema.const)] ?? String(schema.const) }]} />;
    } else if (isFen(name)) input = <InputNumber min={0} precision={2} style={{ width: '100%' }} suffix={t('move.yuan')} />;
    else if (schema.type === 'integer' || schema.type === 'number') input = <InputNumber min={schema.minimum} max={schema.maximum} precision={0} style={{ width: '100%' }} />;
    else if (isDay(schema)) input = <DatePicker style={{ width: '100%' }} />;
    else input = <Input maxLength={schema.maxLength} />;
    return (
      <Form.Item key={name} name={name} label={label(name)} rules={rules} data-testid={`move-field-${name}`}>
        {input}
      </Form.Item>
    );
  }

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
      <Form form={form} layout="vertical" requiredMark={false} key={i18n.language}>
        {Object.entries(props).map(([name, schema]) => field(name, schema))}
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
