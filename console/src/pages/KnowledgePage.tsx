/**
 * Policy Q&A (/settings/knowledge): the FAQ entries and policy articles the chat answers villagers
 * from — listed, created, edited, published or taken back to draft, retired, each for the whole
 * county or one region — and the tester: a villager's sentence put through the chat's own reading
 * (POST /api/faqs/try), which entry answers and what the chat says. The auditor reads and tries.
 */
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Form, Input, InputNumber, List, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { regionOptions, useFailure, useReadOnly } from '../admin/common';
import { chinaDay } from '../format';
import { useLoggedIn } from '../session/session';

type Place = { code: string; name: string } | null;
type Faq = { id: string; key: string; lang: string; question: string; synonyms: string[]; keywords: string[]; answer: string; article: { id: string; title: string } | null; region: Place; sortOrder: number; status: string };
type Article = { id: string; key: string; lang: string; title: string; body: string; tags: string[]; region: Place; effectiveFrom: string | null; effectiveTo: string | null; status: string };
type Tried = { kind: 'answer' | 'candidates' | 'none' | 'ignored'; replies: string[]; faq: { key: string; question: string } | null; article: { key: string; title: string } | null; candidates: { key: string; question: string; score: number }[] };

const LANGS = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];
const STATUS_COLOR: Record<string, string> = { published: 'green', draft: 'default', retired: 'red' };

function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`admin.knowledge.statuses.${status}`)}</Tag>;
}

/** The list of one kind (FAQ entries or articles) with its editing modal. */
function KnowledgeList<T extends { id: string; key: string; lang: string; status: string; region: Place }>(props: {
  path: '/api/faqs' | '/api/policies';
  item: 'faq' | 'article';
  label: (row: T) => string;
  columns: { title: string; key: string; render: (_: unknown, row: T) => React.ReactNode }[];
  fields: (editing: T | null) => React.ReactNode;
  toForm: (row: T) => Record<string, unknown>;
  toBody: (values: Record<string, unknown>, editing: T | null) => Record<string, unknown>;
  newLabel: string;
}) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const fail = useFailure();
  const { modal, message } = AntApp.useApp();
  const [rows, setRows] = useState<T[] | null>(null);
  const [editing, setEditing] = useState<{ row: T | null } | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(() => {
    api<{ items: T[] }>('GET', `${props.path}?pageSize=200`).then((r) => setRows(r.items), fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.path]);
  useEffect(load, [load]);

  const patch = (row: T, body: Record<string, unknown>) => api('PATCH', `${props.path}/${row.id}`, body).then(load, fail);
  const save = async () => {
    const values = await form.validateFields();
    try {
      const body = props.toBody(values, editing?.row ?? null);
      if (editing?.row) await api('PATCH', `${props.path}/${editing.row.id}`, body);
      else await api('POST', props.path, body);
      void message.success(t('admin.common.saved'));
      setEditing(null);
      load();
    } catch (err) {
      fail(err);
    }
  };
  const open = (row: T | null) => {
    form.resetFields();
    form.setFieldsValue(row ? props.toForm(row) : { lang: 'zh-CN', status: 'published', regionCode: '' });
    setEditing({ row });
  };

  const columns = [
    { title: t('admin.knowledge.key'), key: 'key', render: (_: unknown, r: T) => <Typography.Text code>{r.key}</Typography.Text> },
    { title: t('admin.knowledge.lang'), key: 'lang', render: (_: unknown, r: T) => r.lang },
    ...props.columns,
    { title: t('admin.knowledge.region'), key: 'region', render: (_: unknown, r: T) => r.region?.name ?? t('admin.common.everywhere') },
    { title: t('admin.knowledge.status'), key: 'status', render: (_: unknown, r: T) => <StatusTag status={r.status} /> },
    ...(readOnly
      ? []
      : [
          {
            title: t('admin.common.actions'),
            key: 'actions',
            render: (_: unknown, r: T) =>
              r.status === 'retired' ? null : (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => open(r)}>
                    {t('admin.common.edit')}
                  </Button>
                  {r.status === 'draft' ? (
                    <Button size="small" onClick={() => void patch(r, { status: 'published' })}>
                      {t('admin.knowledge.publish')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void patch(r, { status: 'draft' })}>
                      {t('admin.knowledge.unpublish')}
                    </Button>
                  )}
                  <Button size="small" danger onClick={() => modal.confirm({ content: t('admin.knowledge.confirmRetire', { what: props.label(r) }), onOk: () => api('POST', `${props.path}/${r.id}/retire`).then(load, fail) })}>
                    {t('admin.knowledge.retire')}
                  </Button>
                </Space>
              ),
          },
        ]),
  ];

  return (
    <>
      {!readOnly && (
        <Button type="primary" onClick={() => open(null)} style={{ marginBottom: 12 }} data-testid={`${props.item}-create`}>
          {props.newLabel}
        </Button>
      )}
      <Table rowKey="id" loading={rows === null} dataSource={rows ?? []} columns={columns} size="small" pagination={{ pageSize: 20 }} scroll={{ x: true }} />
      <Modal open={editing !== null} width={720} title={props.newLabel} onOk={() => void save()} onCancel={() => setEditing(null)} okText={t('admin.common.save')} cancelText={t('admin.common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical">
          {!editing?.row && (
            <Space>
              <Form.Item name="key" label={t('admin.knowledge.key')} rules={[{ required: true, message: t('admin.common.required') }]}>
                <Input maxLength={64} placeholder="income-line" />
              </Form.Item>
              <Form.Item name="lang" label={t('admin.knowledge.lang')}>
                <Select options={LANGS} style={{ width: 120 }} />
              </Form.Item>
            </Space>
          )}
          {props.fields(editing?.row ?? null)}
        </Form>
      </Modal>
    </>
  );
}

const words = (v: unknown) => (Array.isArray(v) ? v : []);
const regionOf = (v: unknown) => (v ? String(v) : null);

function Tester() {
  const { t } = useTranslation();
  const { regions } = useLoggedIn();
  const fail = useFailure();
  const [text, setText] = useState('');
  const [village, setVillage] = useState<string | undefined>();
  const [lang, setLang] = useState('zh-CN');
  const [tried, setTried] = useState<Tried | null>(null);
  const [busy, setBusy] = useState(false);
  const run = () => {
    if (!text.trim()) return;
    setBusy(true);
    api<Tried>('POST', '/api/faqs/try', { text, lang, ...(village ? { village } : {}) })
      .then(setTried, fail)
      .finally(() => setBusy(false));
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="faq-tester">
      <Typography.Text type="secondary">{t('admin.knowledge.testerHint')}</Typography.Text>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} maxLength={500} rows={2} placeholder={t('admin.knowledge.testerText')} data-testid="tester-text" onPressEnter={(e) => { if (!e.shiftKey) { e.preventDefault(); run(); } }} />
      <Space wrap>
        <Select allowClear placeholder={t('admin.knowledge.testerVillage')} style={{ width: 240 }} value={village} onChange={setVillage} options={regionOptions(regions, ['village'])} showSearch={{ optionFilterProp: 'label' }} />
        <Select value={lang} onChange={setLang} options={LANGS} style={{ width: 120 }} />
        <Button type="primary" loading={busy} onClick={run} data-testid="tester-run">
          {t('admin.knowledge.testerRun')}
        </Button>
      </Space>
      {tried && (
        <Descriptions bordered size="small" column={1} data-testid="tester-result">
          <Descriptions.Item label={t('admin.knowledge.status')}>
            <Tag color={tried.kind === 'answer' ? 'green' : tried.kind === 'candidates' ? 'gold' : 'default'} data-testid="tester-kind">
              {t(`admin.knowledge.kinds.${tried.kind}`)}
            </Tag>
          </Descriptions.Item>
          {tried.faq && (
            <Descriptions.Item label={t('admin.knowledge.matched')}>
              <span data-testid="tester-faq">
                <Typography.Text code>{tried.faq.key}</Typography.Text> {tried.faq.question}
              </span>
            </Descriptions.Item>
          )}
          {tried.article && <Descriptions.Item label={t('admin.knowledge.matchedArticle')}>{tried.article.title}</Descriptions.Item>}
          {tried.replies.length > 0 && (
            <Descriptions.Item label={t('admin.knowledge.replies')}>
              <div data-testid="tester-replies">
                {tried.replies.map((r, i) => (
                  <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
                    {r}
                  </Typography.Paragraph>
                ))}
              </div>
            </Descriptions.Item>
          )}
          {tried.candidates.length > 0 && (
            <Descriptions.Item label={t('admin.knowledge.candidates')}>
              <List size="small" dataSource={tried.candidates} renderItem={(c) => <List.Item>{`${c.question} (${c.score})`}</List.Item>} />
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
    </Space>
  );
}

export function KnowledgePage() {
  const { t } = useTranslation();
  const { regions } = useLoggedIn();
  const regionChoices = [{ value: '', label: t('admin.common.everywhere') }, ...regionOptions(regions)];
  const regionField = (
    <Form.Item name="regionCode" label={t('admin.knowledge.region')}>
      <Select options={regionChoices} showSearch={{ optionFilterProp: 'label' }} />
    </Form.Item>
  );
  const statusField = (
    <Form.Item name="status" label={t('admin.knowledge.status')}>
      <Select options={['published', 'draft'].map((s) => ({ value: s, label: t(`admin.knowledge.statuses.${s}`) }))} style={{ width: 160 }} />
    </Form.Item>
  );
  const faqs = (
    <KnowledgeList<Faq>
      path="/api/faqs"
      item="faq"
      newLabel={t('admin.knowledge.newFaq')}
      label={(f) => f.question}
      columns={[
        { title: t('admin.knowledge.question'), key: 'question', render: (_, f) => f.question },
        { title: t('admin.knowledge.answer'), key: 'answer', render: (_, f) => <Typography.Text ellipsis={{ tooltip: f.answer }} style={{ maxWidth: 360 }}>{f.answer}</Typography.Text> },
      ]}
      toForm={(f) => ({ question: f.question, synonyms: f.synonyms, keywords: f.keywords, answer: f.answer, regionCode: f.region?.code ?? '', sortOrder: f.sortOrder, status: f.status })}
      toBody={(v, editing) => ({
        ...(editing ? {} : { key: v.key, lang: v.lang }),
        question: v.question,
        synonyms: words(v.synonyms),
        keywords: words(v.keywords),
        answer: v.answer,
        regionCode: regionOf(v.regionCode),
        ...(typeof v.sortOrder === 'number' ? { sortOrder: v.sortOrder } : {}),
        status: v.status,
      })}
      fields={() => (
        <>
          <Form.Item name="question" label={t('admin.knowledge.question')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="synonyms" label={t('admin.knowledge.synonyms')}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Form.Item name="keywords" label={t('admin.knowledge.keywords')}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Form.Item name="answer" label={t('admin.knowledge.answer')} extra={t('admin.knowledge.answerHint', { example: '{{incomeLine}}' })} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Space wrap>
            {regionField}
            <Form.Item name="sortOrder" label={t('admin.knowledge.sortOrder')}>
              <InputNumber min={0} max={100000} />
            </Form.Item>
            {statusField}
          </Space>
        </>
      )}
    />
  );
  const articles = (
    <KnowledgeList<Article>
      path="/api/policies"
      item="article"
      newLabel={t('admin.knowledge.newPolicy')}
      label={(a) => a.title}
      columns={[
        { title: t('admin.knowledge.titleField'), key: 'title', render: (_, a) => a.title },
        { title: t('admin.knowledge.effectiveFrom'), key: 'from', render: (_, a) => [a.effectiveFrom, a.effectiveTo].map((d) => (d ? chinaDay(d) : '…')).join(' – ') },
      ]}
      toForm={(a) => ({ title: a.title, body: a.body, tags: a.tags, regionCode: a.region?.code ?? '', effectiveFrom: a.effectiveFrom ? chinaDay(a.effectiveFrom) : '', effectiveTo: a.effectiveTo ? chinaDay(a.effectiveTo) : '', status: a.status })}
      toBody={(v, editing) => ({
        ...(editing ? {} : { key: v.key, lang: v.lang }),
        title: v.title,
        body: v.body,
        tags: words(v.tags),
        regionCode: regionOf(v.regionCode),
        effectiveFrom: v.effectiveFrom ? String(v.effectiveFrom) : null,
        effectiveTo: v.effectiveTo ? String(v.effectiveTo) : null,
        status: v.status,
      })}
      fields={() => (
        <>
          <Form.Item name="title" label={t('admin.knowledge.titleField')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="body" label={t('admin.knowledge.body')} extra={t('admin.knowledge.answerHint', { example: '{{incomeLine}}' })} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Input.TextArea rows={8} maxLength={20000} />
          </Form.Item>
          <Form.Item name="tags" label={t('admin.knowledge.tags')}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Space wrap>
            {regionField}
            <Form.Item name="effectiveFrom" label={t('admin.knowledge.effectiveFrom')}>
              <Input placeholder={t('admin.knowledge.dateHint')} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="effectiveTo" label={t('admin.knowledge.effectiveTo')}>
              <Input placeholder={t('admin.knowledge.dateHint')} style={{ width: 140 }} />
            </Form.Item>
            {statusField}
          </Space>
        </>
      )}
    />
  );
  return (
    <Card title={t('admin.knowledge.title')}>
      <Tabs
        items={[
          { key: 'faqs', label: t('admin.knowledge.faqs'), children: faqs },
          { key: 'policies', label: t('admin.knowledge.policies'), children: articles },
          { key: 'tester', label: <span data-testid="tab-tester">{t('admin.knowledge.tester')}</span>, children: <Tester /> },
        ]}
      />
    </Card>
  );
}
