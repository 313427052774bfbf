/**
 * 代录申请: a cadre enters an application for a villager who cannot use WeChat. The form is the
 * mini-program's definition (GET /api/entry/form — the chat's questions, their choices, which one
 * shows after which answer), its villages cut to the cadre's region; the answers are checked by the
 * server as the chat checks them, each wrong field marked. The consents are ticked as given in person
 * to this cadre today. Photos of the papers go up after the case is filed, each as one checklist
 * item; then the case page.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Select, Space, Spin, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useLoggedIn } from '../session/session';
import { chinaDay } from '../format';

type Option = { value: string | boolean; label: string };
type Field = {
  name: string;
  kind: string;
  label: string;
  question: string;
  example?: string;
  help?: string;
  visibleWhen?: { field: string; equals: string | boolean };
  unit?: string;
  options?: Option[];
  optionsBy?: { field: string; options: Record<string, Option[]> };
};
type FormDef = {
  cause: string;
  title: string;
  causes: { value: string; label: string }[];
  sections: { id: string; title: string; fields: string[] }[];
  fields: Field[];
  documents: { item: string; label: string }[];
};
type Photo = { uid: string; item: string; file: File };

export function EntryPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { me } = useLoggedIn();
  const [cause, setCause] = useState('illness');
  const [def, setDef] = useState<FormDef | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [filed, setFiled] = useState<string | null>(null);
  const [form] = Form.useForm();
  const values = Form.useWatch([], form) as Record<string, unknown> | undefined;

  useEffect(() => {
    let live = true;
    setDef(null);
    api<FormDef>('GET', `/api/entry/form?cause=${cause}&lang=${i18n.language}`)
      .then((d) => live && setDef(d))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [cause, i18n.language]);

  const byName = useMemo(() => new Map((def?.fields ?? []).map((f) => [f.name, f])), [def]);
  const shown = (f: Field) => !f.visibleWhen || values?.[f.visibleWhen.field] === f.visibleWhen.equals;
  const today = chinaDay(new Date().toISOString());

  async function uploadPhotos(caseNo: string, list: Photo[]) {
    let done = 0;
    for (const p of list) {
      setBusy(t('entry.uploading', { done, total: list.length }));
      const body = new FormData();
      body.append('file', p.file, p.file.name);
      await api('POST', `/api/entry/applications/${caseNo}/photos?item=${encodeURIComponent(p.item)}`, body);
      done++;
      setPhotos((ps) => ps.filter((x) => x.uid !== p.uid));
    }
  }

  /** The case is filed already: only the photos that did not go up are sent again. */
  async function retryPhotos(caseNo: string) {
    setError(null);
    try {
      await uploadPhotos(caseNo, photos);
      navigate(`/cases/${caseNo}`);
    } catch (e) {
      setError(t('entry.photoFailed', { message: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  }

  // field errors: the server names each (400 { fields }), read from the response body
  async function submitWithFields(raw: Record<string, unknown>) {
    if (filed) return retryPhotos(filed);
    if (!def) return;
    setError(null);
    setBusy(t('entry.submitting'));
    const answers = Object.fromEntries(def.fields.filter(shown).map((f) => [f.name, raw[f.name]]).filter(([, v]) => v !== undefined && v !== ''));
    const res = await fetch('/api/entry/applications', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-requested-with': 'fangpin-console', 'accept-language': i18n.language },
      body: JSON.stringify({ cause, lang: i18n.language, answers, documents: [...new Set(photos.map((p) => p.item))] }),
    }).catch(() => null);
    const json = (await res?.json().catch(() => ({}))) as { caseNo?: string; fields?: Record<string, string>; error?: { message: string; field?: string } };
    setBusy(null);
    if (!res || !res.ok) {
      const fields = json?.fields ?? (json?.error?.field ? { [json.error.field]: json.error.message } : {});
      form.setFields(Object.entries(fields).filter(([k]) => byName.has(k)).map(([name, msg]) => ({ name, errors: [msg] })));
      const n = Object.keys(fields).length;
      setError(n > 0 ? t('entry.fixFields', { n }) : (json?.error?.message ?? t('login.network')));
      return;
    }
    setFiled(json.caseNo!);
    try {
      setBusy(t('entry.uploading', { done: 0, total: photos.length }));
      await uploadPhotos(json.caseNo!, photos);
      navigate(`/cases/${json.caseNo}`);
    } catch (e) {
      setError(t('entry.photoFailed', { message: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  }

  const control = (f: Field) => {
    switch (f.kind) {
      case 'choice':
      case 'region': {
        const opts = f.optionsBy ? (f.optionsBy.options[String(values?.[f.optionsBy.field])] ?? []) : (f.options ?? []);
        return <Select placeholder={t('entry.select')} options={opts.map((o) => ({ value: o.value as string, label: o.label }))} data-testid={`entry-field-${f.name}`} />;
      }
      case 'yesno':
        return (
          <Radio.Group data-testid={`entry-field-${f.name}`}>
            <Radio value={true}>{t('entry.yes')}</Radio>
            <Radio value={false}>{t('entry.no')}</Radio>
          </Radio.Group>
        );
      case 'consent':
        return <Checkbox data-testid={`entry-field-${f.name}`}>{t('entry.consentInPerson', { name: me.cadre.name, date: today })}</Checkbox>;
      case 'date':
        return <Input type="date" data-testid={`entry-field-${f.name}`} />;
      default:
        return <Input placeholder={f.example} suffix={f.unit === 'yuan' ? (i18n.language === 'en' ? 'yuan' : '元') : f.unit} data-testid={`entry-field-${f.name}`} />;
    }
  };

  const item = (f: Field) =>
    shown(f) ? (
      <Form.Item
        key={f.name}
        name={f.name}
        label={f.kind === 'consent' ? f.label : f.question || f.label}
        tooltip={f.help}
        extra={f.kind === 'consent' ? <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{f.question}</Typography.Paragraph> : undefined}
        valuePropName={f.kind === 'consent' ? 'checked' : 'value'}
        rules={[f.kind === 'consent' ? { validator: (_r, v) => (v === true ? Promise.resolve() : Promise.reject(new Error(t('entry.consentRequired')))) } : { required: true, message: t('entry.required') }]}
      >
        {control(f)}
      </Form.Item>
    ) : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 820 }} data-testid="entry-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('entry.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('entry.hint')}</Typography.Text>
      <Card>
        <Space>
          <Typography.Text strong>{t('entry.cause')}</Typography.Text>
          <Radio.Group
            value={cause}
            disabled={filed !== null}
            onChange={(e) => {
              setCause(e.target.value as string);
              setPhotos([]);
              form.resetFields();
            }}
            data-testid="entry-cause"
            options={(def?.causes ?? [{ value: cause, label: cause }]).map((c) => ({ value: c.value, label: c.label }))}
            optionType="button"
          />
        </Space>
      </Card>
      {error && <Alert type="error" title={error} showIcon data-testid="entry-error" />}
      {!def ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => void submitWithFields(v as Record<string, unknown>)} disabled={busy !== null} data-testid="entry-form">
          {def.sections.map((s) => {
            if (s.id === 'summary') return null;
            if (s.id === 'documents')
              return (
                <Card key={s.id} title={t('entry.photos')} style={{ marginBottom: 16 }}>
                  <Typography.Paragraph type="secondary">{t('entry.photosHint')}</Typography.Paragraph>
                  {def.documents.map((d) => (
                    <div key={d.item} style={{ marginBottom: 12 }}>
                      <Typography.Text>{d.label}</Typography.Text>
                      <Upload
                        accept="image/*,application/pdf"
                        multiple
                        listType="picture"
                        beforeUpload={(file) => {
                          setPhotos((ps) => [...ps, { uid: file.uid, item: d.item, file }]);
                          return false;
                        }}
                        onRemove={(file: UploadFile) => setPhotos((ps) => ps.filter((p) => p.uid !== file.uid))}
                        fileList={photos.filter((p) => p.item === d.item).map((p) => ({ uid: p.uid, name: p.file.name, status: 'done' as const, originFileObj: p.file as never }))}
                      >
                        <Button size="small" data-testid={`entry-photo-${d.item}`}>
                          {t('entry.addPhoto')}
                        </Button>
                      </Upload>
                    </div>
                  ))}
                </Card>
              );
            const fields = s.fields.map((n) => byName.get(n)).filter((f): f is Field => f !== undefined);
            if (fields.length === 0) return null;
            return (
              <Card key={s.id} title={s.id === 'consent' ? t('entry.consentTitle') : s.title} style={{ marginBottom: 16 }}>
                {fields.map(item)}
              </Card>
            );
          })}
          <Button type="primary" htmlType="submit" loading={busy !== null} data-testid="entry-submit">
            {busy ?? t('entry.submit')}
          </Button>
        </Form>
      )}
    </Space>
  );
}
