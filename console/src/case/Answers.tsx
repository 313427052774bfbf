/**
 * The application as the villager filled it in, by the sections of the application form
 * (GET /api/forms/application: the same definition the mini-program shows), amounts in yuan,
 * choices in words. The ID number and phone are left to the applicant card, masked there.
 */
import { useEffect, useState } from 'react';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CaseDetail, FormDefinition, FormField } from '../api/types';
import { yuan } from '../format';

const SHOWN_ELSEWHERE = new Set(['idNumber', 'phone']);

function shown(field: FormField, value: unknown, all: Record<string, unknown>, lang: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field.kind === 'money' && typeof value === 'number') return yuan(value, lang);
  const options = field.options ?? (field.optionsBy ? field.optionsBy.options[String(all[field.optionsBy.field])] : undefined);
  const option = options?.find((o) => o.value === value);
  if (option) return option.label;
  if (field.kind === 'integer' && field.unit) return `${String(value)}${lang === 'en' ? ' ' : ''}${field.unit}`;
  return String(value);
}

export function Answers({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState<FormDefinition | null>(null);
  useEffect(() => {
    api<FormDefinition>('GET', `/api/forms/application?cause=${c.cause}&lang=${i18n.language}`).then(setForm, () => setForm(null));
  }, [c.cause, i18n.language]);
  if (!form) return <Typography.Text type="secondary">{t('case.loading')}</Typography.Text>;
  const answers = c.answers as { applicant?: Record<string, unknown>; details?: Record<string, unknown> };
  // the form's field names are the application's applicant and details keys
  const all: Record<string, unknown> = { ...answers.applicant, ...answers.details };
  const byName = new Map(form.fields.map((f) => [f.name, f]));
  const sections = form.sections
    .map((s) => ({ ...s, fields: s.fields.map((n) => byName.get(n)).filter((f): f is FormField => !!f && !SHOWN_ELSEWHERE.has(f.name) && f.kind !== 'consent' && all[f.name] !== undefined) }))
    .filter((s) => s.fields.length > 0);
  return (
    <div data-testid="answers">
      {sections.map((s) => (
        <Descriptions key={s.id} title={s.title} size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered style={{ marginBottom: 12 }}>
          {s.fields.map((f) => (
            <Descriptions.Item key={f.name} label={f.label}>
              {shown(f, all[f.name], all, i18n.language)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      ))}
    </div>
  );
}
