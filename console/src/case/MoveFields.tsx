/**
 * The fields of one move's data, generated from its JSON Schema (GET /api/workflow): amounts in
 * yuan (sent as fen), dates with a date picker, choices in the workflow's words, the missing items
 * picked from the cause's checklist, the verifier from the accounts that may verify. Shared by the
 * case page's move form and the queue's bulk dialog, so both ask the same way.
 */
import { useEffect, useState } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Cadre, JsonSchema, MoveSchema, Workflow } from '../api/types';

const isFen = (name: string) => name.endsWith('Fen');
const isDay = (s: JsonSchema) => s.type === 'string' && s.pattern === '^\\d{4}-\\d{2}-\\d{2}$';
/** Fields whose enum values are worded by the workflow. */
const ENUM_WORDS: Record<string, 'outcomes' | 'results' | 'categories' | 'measures'> = { outcome: 'outcomes', result: 'results', category: 'categories', measures: 'measures' };

/** What the form's value becomes in the move's data. */
export function toData(props: Record<string, JsonSchema>, values: Record<string, unknown>): Record<string, unknown> {
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

type Props = {
  move: MoveSchema;
  words: Workflow['words'];
  /** The case's cause (its checklist for the missing items); none in bulk. */
  cause?: string;
  /** The case was filed 身份待核实: the form asks that it was checked in person. */
  identityPending?: boolean;
};

/** Form.Items for the move's data (inside the caller's Form); the note is the caller's. */
export function MoveFields({ move, words, cause, identityPending = false }: Props) {
  const { t } = useTranslation();
  const [verifiers, setVerifiers] = useState<Cadre[]>([]);
  const props = move.data.properties ?? {};
  const required = new Set(move.data.required ?? []);
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
    if (name === 'verifierId') input = <Select options={verifiers.map((v) => ({ value: v.id, label: v.region ? t('move.verifierIn', { name: v.name, region: v.region.name }) : v.name }))} />;
    else if (name === 'items') {
      input = <Select mode="tags" placeholder={t('move.itemsHint')} options={(cause ? (words.checklists[cause] ?? []) : []).map((i) => ({ value: i.label, label: i.label }))} />;
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

  return <>{Object.entries(props).map(([name, schema]) => field(name, schema))}</>;
}
