/**
 * 预警 (/alerts, village, town and county offices; the auditor reads): the check tasks the
 * departments' data raised in the caller's region (GET /api/alerts), filtered by status, department
 * and overdue (kept in the URL) — each with its household (masked by the server), cause, department,
 * the due date in the case queue's colours, the household's answer and the linked case; closed in a
 * dialog as 纳入监测 (a case number), 不需要 (a reason) or 已有帮扶, the server's refusal shown as said.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Form, Grid, Input, Modal, Pagination, Radio, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { api, query, type ApiError } from '../api/client';
import { useFailure } from '../admin/common';
import { CLOSURES, DEPARTMENT_CODES, mayCloseAlerts, type AlertItem, type Closure } from '../alerts/types';
import { chinaDateTime, yuan } from '../format';
import { DueTag } from '../queue/DueTag';
import { useLoggedIn } from '../session/session';

const PAGE_SIZE = 50;

export function AlertsPage() {
  const { t } = useTranslation();
  const fail = useFailure();
  const { me, regions } = useLoggedIn();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open';
  const department = params.get('department') ?? '';
  const overdue = params.get('overdue') === 'true';
  // a statistics figure's alerts: the days raised and a region, each shown as a tag that removes it
  const raisedFrom = params.get('raisedFrom') ?? '';
  const raisedTo = params.get('raisedTo') ?? '';
  const region = params.get('region') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const [data, setData] = useState<{ items: AlertItem[]; total: number } | null>(null);
  const [closing, setClosing] = useState<AlertItem | null>(null);
  const canClose = mayCloseAlerts(me.cadre.role);
  // on a phone (below Ant Design's sm, as the frame: layout/AppLayout.tsx) one card per alert, not a wide table
  const phone = !Grid.useBreakpoint().sm;

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const load = useCallback(() => {
    api<{ items: AlertItem[]; total: number }>('GET', `/api/alerts${query({ status: status === 'all' ? undefined : status, department, overdue: overdue ? 'true' : undefined, raisedFrom: raisedFrom && raisedTo ? raisedFrom : undefined, raisedTo: raisedFrom && raisedTo ? raisedTo : undefined, region, page, pageSize: PAGE_SIZE })}`).then(setData, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, department, overdue, raisedFrom, raisedTo, region, page]);
  useEffect(load, [load]);

  const columns = [
    {
      title: t('monitor.alerts.household'),
      key: 'household',
      render: (_: unknown, a: AlertItem) => (
        <Link to={`/households/${a.household.id}`} data-testid="alert-household">
          {a.household.headName}
        </Link>
      ),
    },
    { title: t('monitor.alerts.village'), key: 'village', render: (_: unknown, a: AlertItem) => a.village.name },
    { title: t('monitor.alerts.cause'), key: 'cause', render: (_: unknown, a: AlertItem) => <span data-testid="alert-cause">{a.cause.label}</span> },
    { title: t('monitor.alerts.department'), key: 'department', render: (_: unknown, a: AlertItem) => a.origin },
    ...(canClose ? [{ title: t('monitor.alerts.figures'), key: 'figures', render: (_: unknown, a: AlertItem) => <Figures figures={a.figures} /> }] : []),
    { title: t('monitor.alerts.raisedAt'), key: 'raisedAt', render: (_: unknown, a: AlertItem) => chinaDateTime(a.raisedAt) },
    {
      title: t('monitor.alerts.due'),
      key: 'due',
      render: (_: unknown, a: AlertItem) => (a.status === 'open' ? <DueTag dueAt={a.dueAt} due={a.due} /> : <Tag data-testid="alert-closure">{a.closure?.label ?? t('monitor.alerts.closed')}</Tag>),
    },
    { title: t('monitor.alerts.answer'), key: 'answer', render: (_: unknown, a: AlertItem) => (a.answer ? t(`monitor.answer.${a.answer}`, { defaultValue: a.answer }) : <Typography.Text type="secondary">{t('monitor.answer.none')}</Typography.Text>) },
    { title: t('monitor.alerts.caseNo'), key: 'caseNo', render: (_: unknown, a: AlertItem) => (a.closure?.caseNo ? <Link to={`/cases/${a.closure.caseNo}`}>{a.closure.caseNo}</Link> : '—') },
    ...(status !== 'open'
      ? [{ title: t('monitor.alerts.closure'), key: 'closure', render: (_: unknown, a: AlertItem) => (a.closure ? <span data-testid="alert-reason">{[a.closure.label, a.closure.reason].filter(Boolean).join(t('fmt.clauses'))}</span> : '—') }]
      : []),
    ...(canClose
      ? [
          {
            title: t('monitor.alerts.actions'),
            key: 'actions',
            render: (_: unknown, a: AlertItem) =>
              a.status === 'open' ? (
                <Button size="small" onClick={() => setClosing(a)} data-testid={`alert-close-${a.id}`}>
                  {t('monitor.alerts.close')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card title={t('monitor.alerts.title')} data-testid="alerts-page">
      <Typography.Paragraph type="secondary">{t('monitor.alerts.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 130 }}
          value={status}
          onChange={(v) => set({ status: v })}
          aria-label={t('monitor.alerts.status')}
          data-testid="alerts-status"
          options={[
            { value: 'open', label: t('monitor.alerts.statuses.open') },
            { value: 'closed', label: t('monitor.alerts.statuses.closed') },
            { value: 'all', label: t('monitor.alerts.all') },
          ]}
        />
        <Select
          style={{ width: 170 }}
          value={department}
          onChange={(v) => set({ department: v })}
          aria-label={t('monitor.alerts.department')}
          data-testid="alerts-department"
          options={[{ value: '', label: `${t('monitor.alerts.department')}: ${t('monitor.alerts.all')}` }, ...DEPARTMENT_CODES.map((c) => ({ value: c, label: t(`monitor.department.${c}`) })), { value: 'other', label: t('stats.register.no_department') }]}
        />
        <Checkbox checked={overdue} onChange={(e) => set({ overdue: e.target.checked ? 'true' : null })} data-testid="alerts-overdue">
          {t('monitor.alerts.overdue')}
        </Checkbox>
        {raisedFrom && raisedTo && (
          <Tag closable onClose={() => set({ raisedFrom: null, raisedTo: null })} data-testid="alerts-raised">
            {t('monitor.alerts.raisedDays', { from: raisedFrom, to: raisedTo })}
          </Tag>
        )}
        {region && (
          <Tag closable onClose={() => set({ region: null })} data-testid="alerts-region">
            {t('register.filter.region', { region: regions.find((r) => r.code === region)?.name ?? region })}
          </Tag>
        )}
      </Space>
      {phone ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="alerts-cards">
          {!data ? (
            <Spin />
          ) : data.items.length === 0 ? (
            <Empty description={t('monitor.alerts.empty')} />
          ) : (
            data.items.map((a) => (
              <Card key={a.id} size="small" data-testid="alert-card" data-row-key={a.id}>
                <Descriptions size="small" column={1}>
                  {columns.map((c) => (
                    <Descriptions.Item key={c.key} label={c.title}>
                      {c.render(undefined, a)}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              </Card>
            ))
          )}
          {data && data.total > PAGE_SIZE && <Pagination simple current={page} pageSize={PAGE_SIZE} total={data.total} onChange={(p) => set({ page: String(p) })} />}
        </Space>
      ) : (
        <Table
        rowKey="id"
        size="small"
        loading={!data}
        dataSource={data?.items ?? []}
        columns={columns}
        scroll={{ x: true }}
        locale={{ emptyText: t('monitor.alerts.empty') }}
        data-testid="alerts-table"
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, onChange: (p) => set({ page: String(p) }) }}
      />
      )}
      {closing && (
        <CloseDialog
          alert={closing}
          onClose={(done) => {
            setClosing(null);
            if (done) load();
          }}
        />
      )}
    </Card>
  );
}

/** The department's figures: money in yuan, flags as yes/no, under their names. */
function Figures({ figures }: { figures: AlertItem['figures'] }) {
  const { t, i18n } = useTranslation();
  if (!figures) return <>—</>;
  const shown = Object.entries(figures)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${t(`monitor.figure.${k}`, { defaultValue: k })} ${typeof v === 'number' ? yuan(v, i18n.language) : String(v)}`);
  return <>{shown.length > 0 ? shown.join(t('fmt.list')) : '—'}</>;
}

type CloseForm = { kind: Closure; caseNo?: string; reason?: string };

function CloseDialog({ alert, onClose }: { alert: AlertItem; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseForm>();
  const kind = Form.useWatch('kind', form) ?? 'not_needed';
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const submit = (v: CloseForm) => {
    const reason = v.reason?.trim() || undefined;
    const body = v.kind === 'case' ? { kind: v.kind, caseNo: v.caseNo?.trim(), ...(reason ? { reason } : {}) } : v.kind === 'not_needed' ? { kind: v.kind, reason } : { kind: v.kind, ...(reason ? { reason } : {}) };
    setBusy(true);
    setRefused(null);
    api('POST', `/api/alerts/${alert.id}/close`, body)
      .then(
        () => onClose(true),
        (err: ApiError) => setRefused(t('monitor.alerts.refused', { message: err.message })),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Modal open title={t('monitor.alerts.closeTitle', { name: alert.household.headName })} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={t('monitor.alerts.confirm')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'close-ok' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ kind: 'not_needed' }} onFinish={submit} data-testid="close-form">
        <Form.Item name="kind" label={t('monitor.alerts.kind')}>
          <Radio.Group data-testid="close-kind" options={CLOSURES.map((c) => ({ value: c, label: <span data-testid={`close-kind-${c}`}>{t(`monitor.closure.${c}`)}</span> }))} />
        </Form.Item>
        {kind === 'case' && (
          <Form.Item name="caseNo" label={t('monitor.alerts.caseNoLabel')} rules={[{ required: true, whitespace: true }]} extra={t('monitor.alerts.caseNoHint')}>
            <Input placeholder="FP-2026-000123" data-testid="close-caseNo" />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={kind === 'not_needed' ? t('monitor.alerts.reason') : t('monitor.alerts.reasonOptional')}
          rules={kind === 'not_needed' ? [{ required: true, whitespace: true, message: t('monitor.alerts.reasonNeeded') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="close-reason" />
        </Form.Item>
      </Form>
      {refused && <Alert type="error" showIcon message={refused} data-testid="close-refused" />}
    </Modal>
  );
}
