/**
 * The audit log (/audit, the county office and the auditor): who did what and when, whose data was
 * looked at (a case page, a full ID number or phone, a document, an export) and what was refused —
 * filtered by who, action, kind, case, person (every case of one household) and time, newest
 * first, paged on with the server's cursor.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, query } from '../api/client';
import { useFailure } from '../admin/common';
import { chinaDateTime } from '../format';

type Entry = { id: string; at: string; actor: { type: string; id: string | null; name: string | null }; action: string; caseNo: string | null; kind: 'access' | 'action' | 'refusal'; fields: string[]; subject: string | null; reason: string | null };
type Page = { total?: number; nextCursor: string | null; entries: Entry[] };
type Filters = { actorId?: string; action?: string; kind?: string; caseNo?: string; person?: string; period?: [Dayjs | null, Dayjs | null] | null };

const KIND_COLOR: Record<string, string> = { access: 'blue', action: 'default', refusal: 'red' };

export function AuditPage() {
  const { t } = useTranslation();
  const fail = useFailure();
  const [form] = Form.useForm<Filters>();
  const [cadres, setCadres] = useState<{ id: string; name: string }[]>([]);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [total, setTotal] = useState<number | undefined>();
  const [next, setNext] = useState<string | null>(null);
  const [filters, setFilters] = useState<Record<string, string | undefined>>({});

  useEffect(() => {
    api<{ cadres: { id: string; name: string }[] }>('GET', '/api/cadres').then((r) => setCadres(r.cadres), () => setCadres([]));
  }, []);

  const fetchPage = useCallback(
    (f: Record<string, string | undefined>, cursor?: string) =>
      api<Page>('GET', `/api/audit${query({ ...f, pageSize: 50, cursor })}`).then((p) => {
        setEntries((prev) => (cursor ? [...(prev ?? []), ...p.entries] : p.entries));
        if (!cursor) setTotal(p.total);
        setNext(p.nextCursor);
      }, fail),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useEffect(() => void fetchPage({}), [fetchPage]);

  const search = (v: Filters) => {
    const [from, to] = v.period ?? [null, null];
    const f = {
      actorId: v.actorId || undefined,
      action: v.action?.trim() || undefined,
      kind: v.kind || undefined,
      caseNo: v.caseNo?.trim() || undefined,
      person: v.person?.trim() || undefined,
      from: from ? from.format('YYYY-MM-DD') : undefined,
      to: to ? to.format('YYYY-MM-DD') : undefined,
    };
    setFilters(f);
    setEntries(null);
    void fetchPage(f);
  };

  const columns = [
    { title: t('admin.audit.at'), key: 'at', render: (_: unknown, e: Entry) => chinaDateTime(e.at) },
    { title: t('admin.audit.who'), key: 'who', render: (_: unknown, e: Entry) => e.actor.name ?? (e.actor.id ? `${e.actor.type}:${e.actor.id}` : e.actor.type) },
    { title: t('admin.audit.kind'), key: 'kind', render: (_: unknown, e: Entry) => <Tag color={KIND_COLOR[e.kind]}>{t(`admin.audit.kinds.${e.kind}`)}</Tag> },
    { title: t('admin.audit.action'), key: 'action', render: (_: unknown, e: Entry) => <Typography.Text code>{e.action}</Typography.Text> },
    { title: t('admin.audit.caseNo'), key: 'caseNo', render: (_: unknown, e: Entry) => (e.caseNo ? <Link to={`/cases/${e.caseNo}`}>{e.caseNo}</Link> : '—') },
    { title: t('admin.audit.fields'), key: 'fields', render: (_: unknown, e: Entry) => e.fields.map((f) => t(`admin.audit.fieldNames.${f}`, { defaultValue: f })).join(t('fmt.list')) || '—' },
    { title: t('admin.audit.reason'), key: 'reason', render: (_: unknown, e: Entry) => [e.subject, e.reason].filter(Boolean).join(' · ') || '—' },
  ];

  return (
    <Card title={t('admin.audit.title')}>
      <Typography.Paragraph type="secondary">{t('admin.audit.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={search} style={{ rowGap: 8, marginBottom: 12 }} data-testid="audit-filters">
        <Form.Item name="actorId" label={t('admin.audit.who')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} options={cadres.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.audit.kind')}>
          <Select allowClear style={{ width: 160 }} options={(['access', 'action', 'refusal'] as const).map((k) => ({ value: k, label: t(`admin.audit.kinds.${k}`) }))} data-testid="audit-kind" />
        </Form.Item>
        <Form.Item name="action" label={t('admin.audit.action')}>
          <Input allowClear placeholder={t('admin.audit.actionPlaceholder')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="caseNo" label={t('admin.audit.caseNo')}>
          <Input allowClear placeholder="FP-2026-000123" style={{ width: 170 }} data-testid="audit-case" />
        </Form.Item>
        <Form.Item name="person" label={t('admin.audit.person')}>
          <Input allowClear placeholder="FP-2026-000123" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="period" label={t('admin.audit.period')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          {t('admin.audit.search')}
        </Button>
      </Form>
      {total !== undefined && <Typography.Text type="secondary">{t('admin.audit.total', { n: total })}</Typography.Text>}
      <Table rowKey="id" loading={entries === null} dataSource={entries ?? []} columns={columns} size="small" pagination={false} scroll={{ x: true }} data-testid="audit" />
      {next && (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => void fetchPage(filters, next)}>{t('admin.common.more')}</Button>
        </Space>
      )}
    </Card>
  );
}
