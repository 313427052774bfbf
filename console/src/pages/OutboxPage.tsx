/**
 * Failed notices (/outbox, the county office): messages the bot could not deliver after every try
 * (dead letters), with the last error, sent again with one click (audited on the server); the
 * waiting and sent ones for comparison. ID numbers, phones and card numbers come masked; a login
 * code reads as one, nothing more.
 */
import { useCallback, useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Table, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useFailure } from '../admin/common';
import { chinaDateTime } from '../format';

type Message = { id: string; status: string; kind: string; targetType: string; targetId: string; caseNo: string | null; text: string; attempts: number; lastError: string | null; createdAt: string };
type Status = 'dead' | 'pending' | 'sent';

export function OutboxPage() {
  const { t } = useTranslation();
  const fail = useFailure();
  const { message } = AntApp.useApp();
  const [status, setStatus] = useState<Status>('dead');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Message[]; total: number } | null>(null);

  const load = useCallback(() => {
    setData(null);
    api<{ items: Message[]; total: number }>('GET', `/api/outbox?status=${status}&page=${page}&pageSize=50`).then(setData, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, page]);
  useEffect(load, [load]);

  const retry = (m: Message) =>
    api('POST', `/api/outbox/${m.id}/retry`).then(() => {
      void message.success(t('admin.outbox.retried'));
      load();
    }, fail);

  const columns = [
    { title: t('admin.outbox.createdAt'), key: 'createdAt', render: (_: unknown, m: Message) => chinaDateTime(m.createdAt) },
    { title: t('admin.outbox.kind'), dataIndex: 'kind', key: 'kind' },
    { title: t('admin.outbox.target'), key: 'target', render: (_: unknown, m: Message) => <Typography.Text code>{`${m.targetType}:${m.targetId}`}</Typography.Text> },
    { title: t('admin.outbox.caseNo'), key: 'caseNo', render: (_: unknown, m: Message) => (m.caseNo ? <Link to={`/cases/${m.caseNo}`}>{m.caseNo}</Link> : '—') },
    { title: t('admin.outbox.text'), key: 'text', render: (_: unknown, m: Message) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ maxWidth: 420, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{m.text}</Typography.Paragraph> },
    { title: t('admin.outbox.attempts'), dataIndex: 'attempts', key: 'attempts' },
    { title: t('admin.outbox.lastError'), key: 'lastError', render: (_: unknown, m: Message) => m.lastError ?? '—' },
    ...(status === 'dead'
      ? [
          {
            title: t('admin.common.actions'),
            key: 'actions',
            render: (_: unknown, m: Message) => (
              <Button size="small" onClick={() => void retry(m)} data-testid={`retry-${m.id}`}>
                {t('admin.outbox.retry')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card title={t('admin.outbox.title')}>
      <Typography.Paragraph type="secondary">{t('admin.outbox.hint')}</Typography.Paragraph>
      <Tabs
        activeKey={status}
        onChange={(k) => {
          setStatus(k as Status);
          setPage(1);
        }}
        items={(['dead', 'pending', 'sent'] as const).map((s) => ({ key: s, label: t(`admin.outbox.tabs.${s}`) }))}
      />
      <Table
        rowKey="id"
        loading={data === null}
        dataSource={data?.items ?? []}
        columns={columns}
        size="small"
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="outbox"
      />
    </Card>
  );
}
