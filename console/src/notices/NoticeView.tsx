/**
 * One 公示 list as the cadre sees it (GET /api/notices/:id, or a preview from POST /api/notices): the
 * rows as posted, where to object, the QR code of its public page; print (the public page, which
 * has the A4 print view), 发到村工作群, and an objection recorded against a row (it goes to the case:
 * POST /api/notices/:id/objections).
 */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type ApiError } from '../api/client';
import { refusalWords } from '../api/refusal';
import { chinaDateTime, yuan } from '../format';
import { useLoggedIn } from '../session/session';

export type NoticeRow = {
  no: number;
  caseNo: string;
  name: string;
  householdSize: number;
  cause: string;
  measures: string[];
  amountFen: number | null;
  start: string;
  end: string;
  decided: boolean;
  objections: { open: number; total: number };
};
type Place = { code: string; name: string; nameEn: string | null };
export type Notice = {
  id: string;
  village: Place;
  town: Place | null;
  start: string;
  end: string;
  nameMask: string;
  households: number;
  createdAt: string;
  sentAt: string | null;
  header: { village: Place; town: Place | null; phones: { village: string | null; town: string | null }; publicityMinDays: number };
  rows: NoticeRow[];
  publicUrl: string | null;
  qrSvg: string | null;
};

/** The server's MAX_OBJECTION_TEXT (server/core/workflow/objections.ts). */
const MAX_TEXT = 1000;

export function NoticeView({ notice, onChanged }: { notice: Notice; onChanged: (fresh: Notice) => void }) {
  const { t, i18n } = useTranslation();
  const { me, workflow } = useLoggedIn();
  const [objecting, setObjecting] = useState<NoticeRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stored = notice.publicUrl !== null;
  const role = me.cadre.role;
  const maySend = stored && ['county', 'town', 'village'].includes(role);
  const objection = workflow.sideActs.objection;
  const mayObject = stored && objection.roles.includes(role);
  const placeName = (p: Place | null) => (p ? (i18n.language === 'en' && p.nameEn ? p.nameEn : p.name) : '');

  const measures = (r: NoticeRow) =>
    r.measures.length === 0 && r.amountFen === null
      ? t('notices.pending')
      : [...r.measures.map((m) => workflow.words.measures[m] ?? m), ...(r.amountFen !== null ? [t('notices.amount', { amount: yuan(r.amountFen, i18n.language) })] : [])].join(t('fmt.list'));

  async function send() {
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ notice: Notice; broadcast: { recipients: number } }>('POST', `/api/notices/${notice.id}/send`);
      void message.success(t('notices.sent', { n: res.broadcast.recipients }));
      onChanged(res.notice);
    } catch (err) {
      const e = err as ApiError;
      setError(e.code === 'no_work_group' ? t('notices.noGroup') : refusalWords(t, e, () => ''));
    } finally {
      setBusy(false);
    }
  }

  const columns = [
    { title: t('notices.columns.no'), dataIndex: 'no', width: 60 },
    { title: t('notices.columns.name'), dataIndex: 'name', render: (name: string) => <span data-testid="notice-name">{name}</span> },
    { title: t('notices.columns.place'), render: () => placeName(notice.header.village) },
    { title: t('notices.columns.size'), dataIndex: 'householdSize', render: (n: number) => t('notices.persons', { n }) },
    { title: t('notices.columns.cause'), dataIndex: 'cause', render: (c: string) => workflow.words.causes[c] ?? c },
    { title: t('notices.columns.measures'), render: (_: unknown, r: NoticeRow) => measures(r) },
    { title: t('notices.columns.dates'), render: (_: unknown, r: NoticeRow) => `${r.start} — ${r.end}` },
    { title: t('notices.columns.ref'), dataIndex: 'caseNo', render: (caseNo: string) => <Link to={`/cases/${caseNo}`}>{caseNo}</Link> },
    ...(stored
      ? [
          {
            title: t('notices.columns.objections'),
            render: (_: unknown, r: NoticeRow) => (
              <Space size={4} wrap>
                {r.objections.total > 0 ? <Tag color={r.objections.open > 0 ? 'orange' : 'default'}>{t('notices.objectionCount', r.objections)}</Tag> : <Typography.Text type="secondary">{t('notices.noObjection')}</Typography.Text>}
                {mayObject && !r.decided && (
                  <Button size="small" onClick={() => setObjecting(r)} data-testid="notice-objection">
                    {t('notices.objection')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const phone = (p: string | null) => p ?? t('notices.phoneUnknown');
  return (
    <Card
      title={stored ? `${placeName(notice.header.village)} · ${notice.start} — ${notice.end}` : t('notices.previewTitle')}
      data-testid="notice-view"
      extra={
        stored && (
          <Space wrap>
            <Typography.Text type="secondary" data-testid="notice-sent">
              {notice.sentAt ? t('notices.sentAt', { at: chinaDateTime(notice.sentAt) }) : t('notices.notSent')}
            </Typography.Text>
            <Button href={notice.publicUrl!} target="_blank" rel="noopener" data-testid="notice-print">
              {t('notices.print')}
            </Button>
            {maySend && (
              <Popconfirm title={t('notices.sendConfirm', { village: placeName(notice.header.village) })} onConfirm={() => void send()} okButtonProps={{ 'data-testid': 'notice-send-ok' } as Record<`data-${string}`, string>}>
                <Button type="primary" loading={busy} data-testid="notice-send">
                  {t('notices.send')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} data-testid="notice-error" />}
      <Table<NoticeRow> rowKey="caseNo" size="small" pagination={false} columns={columns} dataSource={notice.rows} locale={{ emptyText: t('notices.empty') }} scroll={{ x: true }} data-testid="notice-rows" />
      <Space align="start" size={32} wrap style={{ marginTop: 16 }}>
        <div>
          <Typography.Text strong>{t('notices.phones')}</Typography.Text>
          <div>{t('notices.phoneVillage', { phone: phone(notice.header.phones.village) })}</div>
          {notice.header.town && <div>{t('notices.phoneTown', { town: placeName(notice.header.town), phone: phone(notice.header.phones.town) })}</div>}
        </div>
        {notice.qrSvg && notice.publicUrl && (
          <div style={{ textAlign: 'center' }}>
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(notice.qrSvg)}`} width={120} height={120} alt={t('notices.qr')} data-testid="notice-qr" />
            <div>
              <Typography.Text type="secondary">{t('notices.qr')}</Typography.Text>
            </div>
            <Typography.Link href={notice.publicUrl} target="_blank" rel="noopener" copyable={{ text: notice.publicUrl }}>
              {t('notices.publicPage')}
            </Typography.Link>
          </div>
        )}
      </Space>
      {objecting && (
        <ObjectionModal
          noticeId={notice.id}
          row={objecting}
          onClose={() => setObjecting(null)}
          onDone={async () => {
            setObjecting(null);
            void message.success(t('notices.objectionRecorded'));
            onChanged(await api<Notice>('GET', `/api/notices/${notice.id}`));
          }}
        />
      )}
    </Card>
  );
}

function ObjectionModal({ noticeId, row, onClose, onDone }: { noticeId: string; row: NoticeRow; onClose: () => void; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    const { text } = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    try {
      await api('POST', `/api/notices/${noticeId}/objections`, { caseNo: row.caseNo, note: text.trim() });
      await onDone();
    } catch (err) {
      setRefusal(refusalWords(t, err as ApiError, () => t('notices.objectionNote')));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={t('notices.objectionTitle', { caseNo: row.caseNo, name: row.name })}
      okText={t('move.submit')}
      cancelText={t('move.cancel')}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'notice-objection-submit' } as Record<`data-${string}`, string>}
    >
      {refusal && <Alert type="error" title={refusal} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="text" label={t('notices.objectionNote')} extra={t('notices.objectionHint')} rules={[{ required: true, whitespace: true, message: t('notices.objectionRequired') }]}>
          <Input.TextArea rows={3} maxLength={MAX_TEXT} data-testid="notice-objection-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
