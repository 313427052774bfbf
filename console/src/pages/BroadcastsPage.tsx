/**
 * Broadcasts (/broadcasts): compose a text for villagers and/or work groups of chosen regions
 * (narrowed to open cases or tags), preview whom it reaches now (a count and a few masked names),
 * send it now or at a time, follow each one's progress (sent, failed, waiting) and cancel what is
 * not yet said. Composing is for the county and town offices; the others read the list.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { regionOptions, useFailure } from '../admin/common';
import { chinaDateTime } from '../format';
import { useLoggedIn } from '../session/session';

type Counts = { recipients: number; queued: number; sent: number; failed: number; cancelled: number; optedOut: number; retrying: number };
type Broadcast = { id: string; title: string; status: string; createdAt: string; scheduledAt: string | null; counts: Counts; audience?: number; author: { name: string } | null };
type Preview = { count: number; sample: { kind: 'contact' | 'room'; name: string; village: string | null }[] };
type Compose = { title?: string; text: string; regions: string[]; villagers: boolean; rooms: boolean; openCasesOnly: boolean; tags?: string[]; at?: Dayjs };

const STATUS_COLOR: Record<string, string> = { draft: 'default', scheduled: 'blue', sending: 'processing', done: 'green', cancelled: 'red' };

export function BroadcastsPage() {
  const { t } = useTranslation();
  const { me, regions } = useLoggedIn();
  const fail = useFailure();
  const { modal } = AntApp.useApp();
  const [form] = Form.useForm<Compose>();
  const [rows, setRows] = useState<Broadcast[] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const mayCompose = me.cadre.role === 'county' || me.cadre.role === 'town';

  const load = useCallback(() => {
    api<{ items: Broadcast[] }>('GET', '/api/broadcasts?pageSize=50').then((r) => setRows(r.items), fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(load, [load]);
  // progress moves while sending: read again every few seconds then
  useEffect(() => {
    if (!rows?.some((r) => r.status === 'sending')) return;
    const timer = setTimeout(load, 5000);
    return () => clearTimeout(timer);
  }, [rows, load]);

  const target = (v: Compose) => ({ regions: v.regions, villagers: v.villagers, rooms: v.rooms, openCasesOnly: v.openCasesOnly, tags: v.tags ?? [] });

  const doPreview = async () => {
    const v = await form.validateFields(['regions', 'villagers', 'rooms', 'openCasesOnly', 'tags']);
    api<Preview>('POST', '/api/broadcasts/preview', { target: target(v as Compose) }).then(setPreview, fail);
  };

  /** Saves the draft; then sends it now or schedules it (`how`). */
  const submit = async (how: 'draft' | 'now' | 'at') => {
    const v = await form.validateFields();
    if (how === 'at' && !v.at) {
      form.setFields([{ name: 'at', errors: [t('admin.common.required')] }]);
      return;
    }
    const go = async () => {
      try {
        const draft = await api<Broadcast>('POST', '/api/broadcasts', { ...(v.title ? { title: v.title } : {}), content: { type: 'text', text: v.text }, target: target(v) });
        if (how !== 'draft') await api('POST', `/api/broadcasts/${draft.id}/send`, how === 'at' ? { at: v.at!.format('YYYY-MM-DDTHH:mm:ssZ') } : {});
        form.resetFields();
        setPreview(null);
        load();
      } catch (err) {
        fail(err);
      }
    };
    if (how === 'now') {
      const n = (await api<Preview>('POST', '/api/broadcasts/preview', { target: target(v) }).catch(() => null))?.count ?? 0;
      modal.confirm({ content: t('admin.broadcasts.confirmSend', { n }), onOk: go });
    } else await go();
  };

  const cancel = (b: Broadcast) => modal.confirm({ content: t('admin.broadcasts.confirmCancel', { title: b.title }), onOk: () => api('POST', `/api/broadcasts/${b.id}/cancel`).then(load, fail) });
  const send = (b: Broadcast) => api('POST', `/api/broadcasts/${b.id}/send`, {}).then(load, fail);

  const columns = [
    { title: t('admin.broadcasts.createdAt'), key: 'createdAt', render: (_: unknown, b: Broadcast) => chinaDateTime(b.createdAt) },
    { title: t('admin.broadcasts.titleField'), dataIndex: 'title', key: 'title' },
    {
      title: t('admin.broadcasts.status'),
      key: 'status',
      render: (_: unknown, b: Broadcast) => (
        <Space size={4}>
          <Tag color={STATUS_COLOR[b.status]} data-testid={`broadcast-status-${b.id}`}>
            {t(`admin.broadcasts.statuses.${b.status}`)}
          </Tag>
          {b.scheduledAt && b.status === 'scheduled' && chinaDateTime(b.scheduledAt)}
        </Space>
      ),
    },
    {
      title: t('admin.broadcasts.progress'),
      key: 'progress',
      render: (_: unknown, b: Broadcast) =>
        b.status === 'draft' || b.status === 'scheduled' ? t('admin.broadcasts.audience', { n: b.audience ?? 0 }) : t('admin.broadcasts.counts', { recipients: b.counts.recipients, sent: b.counts.sent, failed: b.counts.failed, queued: b.counts.queued + b.counts.retrying }),
    },
    { title: t('admin.broadcasts.author'), key: 'author', render: (_: unknown, b: Broadcast) => b.author?.name ?? '—' },
    ...(mayCompose
      ? [
          {
            title: t('admin.common.actions'),
            key: 'actions',
            render: (_: unknown, b: Broadcast) => (
              <Space size={4}>
                {b.status === 'draft' && (
                  <Button size="small" onClick={() => void send(b)}>
                    {t('admin.broadcasts.sendNow')}
                  </Button>
                )}
                {['draft', 'scheduled', 'sending'].includes(b.status) && (
                  <Button size="small" danger onClick={() => cancel(b)} data-testid={`broadcast-cancel-${b.id}`}>
                    {t('admin.broadcasts.cancel')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      {mayCompose && (
        <Card title={t('admin.broadcasts.compose')}>
          <Form form={form} layout="vertical" initialValues={{ villagers: true, rooms: false, openCasesOnly: false, regions: [] }} data-testid="broadcast-form">
            <Form.Item name="title" label={t('admin.broadcasts.titleField')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="text" label={t('admin.broadcasts.text')} rules={[{ required: true, whitespace: true, message: t('admin.common.required') }]}>
              <Input.TextArea rows={4} maxLength={1500} showCount data-testid="broadcast-text" />
            </Form.Item>
            <Form.Item name="regions" label={t('admin.broadcasts.regions')} rules={[{ required: true, type: 'array', min: 1, message: t('admin.common.required') }]}>
              <Select mode="multiple" options={regionOptions(regions)} showSearch={{ optionFilterProp: 'label' }} data-testid="broadcast-regions" />
            </Form.Item>
            <Space wrap>
              <Form.Item name="villagers" valuePropName="checked">
                <Checkbox>{t('admin.broadcasts.villagers')}</Checkbox>
              </Form.Item>
              <Form.Item name="rooms" valuePropName="checked">
                <Checkbox>{t('admin.broadcasts.rooms')}</Checkbox>
              </Form.Item>
              <Form.Item name="openCasesOnly" valuePropName="checked">
                <Checkbox>{t('admin.broadcasts.openCasesOnly')}</Checkbox>
              </Form.Item>
            </Space>
            <Form.Item name="tags" label={t('admin.broadcasts.tags')}>
              <Select mode="tags" open={false} />
            </Form.Item>
            <Space wrap align="end">
              <Button onClick={() => void doPreview()} data-testid="broadcast-preview">
                {t('admin.broadcasts.preview')}
              </Button>
              <Button onClick={() => void submit('draft')} data-testid="broadcast-draft">
                {t('admin.broadcasts.saveDraft')}
              </Button>
              <Button type="primary" onClick={() => void submit('now')}>
                {t('admin.broadcasts.sendNow')}
              </Button>
              <Form.Item name="at" label={t('admin.broadcasts.scheduleAt')} style={{ marginBottom: 0 }}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Button onClick={() => void submit('at')}>{t('admin.broadcasts.schedule')}</Button>
            </Space>
          </Form>
          {preview && (
            <Alert
              style={{ marginTop: 12 }}
              type="info"
              data-testid="broadcast-audience"
              title={t('admin.broadcasts.audience', { n: preview.count })}
              description={preview.sample.length > 0 ? `${t('admin.broadcasts.sample')}: ${preview.sample.map((s) => (s.village ? `${s.name}${t('fmt.paren', { text: s.village })}` : s.name)).join(t('fmt.list'))}` : undefined}
            />
          )}
        </Card>
      )}
      <Card title={t('admin.broadcasts.list')}>
        <Table rowKey="id" loading={rows === null} dataSource={rows ?? []} columns={columns} size="small" pagination={false} scroll={{ x: true }} data-testid="broadcasts" />
      </Card>
    </Space>
  );
}
