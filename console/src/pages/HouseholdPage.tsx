/**
 * A household of the register (/households/:id): the head (ID number and phone masked, "显示完整"
 * one at a time, recorded on the server), its monitoring state and category, members, cases,
 * risks, measures and one timeline; the offices record a measure, take the household on as its
 * 帮扶责任人 and mark it without labour capacity; its 帮扶责任人 or a village cadre records a follow-up
 * visit (走访) with its photos (the phone's camera, each sent after the visit is saved); the village proposes 风险消除, the town and then the county approve, send back or
 * decline it. The auditor reads.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Form, Image, Input, InputNumber, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api, type ApiError } from '../api/client';
import { photoForm } from '../visit/CameraButton';
import { useFailure } from '../admin/common';
import { chinaDateTime, yuan } from '../format';
import { useLoggedIn } from '../session/session';
import type { HouseholdDetail } from '../register/types';

type MeasureForm = { kind: string; amountYuan?: number | null; givenOn: string; department?: string; note?: string };
type VisitForm = { day: string; incomeYuan: number; solvedRiskIds?: string[]; note?: string };

export function HouseholdPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const fail = useFailure();
  const { message } = AntApp.useApp();
  const { me, workflow } = useLoggedIn();
  const words = workflow.words;
  const keeps = ['county', 'town', 'village'].includes(me.cadre.role);
  const [h, setH] = useState<HouseholdDetail | null>(null);
  const [shown, setShown] = useState<Record<string, string>>({});
  const [form] = Form.useForm<MeasureForm>();
  const [visitForm] = Form.useForm<VisitForm>();
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const photoInput = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    api<HouseholdDetail>('GET', `/api/households/${id}`).then(setH, fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  useEffect(load, [load]);

  const reveal = (field: 'idNumber' | 'phone', memberId?: string) =>
    api<{ value: string }>('POST', `/api/households/${id}/reveal`, { field, ...(memberId ? { memberId } : {}) }).then((r) => setShown((s) => ({ ...s, [memberId ?? field]: r.value })), fail);
  const saved = () => {
    void message.success(t('register.household.saved'));
    load();
  };
  const addMeasure = (v: MeasureForm) =>
    api('POST', `/api/households/${id}/measures`, {
      kind: v.kind,
      ...(v.amountYuan !== undefined && v.amountYuan !== null ? { amountFen: Math.round(v.amountYuan * 100) } : {}),
      givenOn: v.givenOn,
      ...(v.department ? { department: v.department } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    }).then(() => {
      form.resetFields();
      saved();
    }, fail);

  const addVisit = async (v: VisitForm) => {
    let made: { id: string };
    try {
      made = await api<{ id: string }>('POST', `/api/households/${id}/follow-ups`, {
        day: v.day,
        perCapitaIncomeFen: Math.round(v.incomeYuan * 100),
        ...(v.solvedRiskIds?.length ? { solvedRiskIds: v.solvedRiskIds } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
    } catch (err) {
      fail(err);
      return;
    }
    // the photos belong to the visit just recorded: each sent once it exists (a failed one is said, the visit stays)
    for (const file of photos) {
      try {
        await api('POST', `/api/households/${id}/follow-ups/${made.id}/photos`, await photoForm(file));
      } catch (err) {
        void message.error(t('register.household.visit.photoFailed', { message: (err as ApiError).message }));
      }
    }
    setPhotos([]);
    if (photoInput.current) photoInput.current.value = '';
    visitForm.resetFields();
    saved();
  };
  const step = (action: 'approve' | 'return' | 'reject') =>
    api('POST', `/api/households/${id}/elimination/step`, { action, ...(action !== 'approve' && reason.trim() ? { reason: reason.trim() } : {}) }).then(() => {
      setReason('');
      saved();
    }, fail);

  if (!h) return <Spin />;
  const none = t('register.household.none');
  const revealButton = (field: 'idNumber' | 'phone', memberId?: string) =>
    keeps && !shown[memberId ?? field] ? (
      <Button size="small" type="link" onClick={() => void reveal(field, memberId)} data-testid={`reveal-${memberId ?? field}`}>
        {t('register.household.reveal')}
      </Button>
    ) : null;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Link to="/households">{t('register.household.back')}</Link>
      <Card title={t('register.household.title', { name: h.head.name })} data-testid="household">
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('register.col.village')}>{[h.town?.name, h.village?.name].filter(Boolean).join(' · ')}</Descriptions.Item>
          <Descriptions.Item label={t('register.household.idNumber')}>
            {shown.idNumber ?? h.head.idNumber} {revealButton('idNumber')}
          </Descriptions.Item>
          <Descriptions.Item label={t('register.household.phone')}>
            {shown.phone ?? h.head.phone} {revealButton('phone')}
          </Descriptions.Item>
          <Descriptions.Item label={t('register.col.size')}>{h.size}</Descriptions.Item>
          <Descriptions.Item label={t('register.col.state')}>
            <Tag>{words.register.states[h.monitoring.state] ?? h.monitoring.state}</Tag>
            {h.monitoring.category ? (words.categories[h.monitoring.category] ?? h.monitoring.category) : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('register.col.since')}>{h.monitoring.since ?? h.monitoring.eliminatedOn ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('register.household.monitoring')}>{t('register.household.followUp', { n: h.monitoring.followUpMonths })}</Descriptions.Item>
          <Descriptions.Item label={t('register.col.responsible')}>{h.responsible?.name ?? none}</Descriptions.Item>
          <Descriptions.Item label={t('register.col.noLabour')}>{h.noLabourCapacity ? t('register.household.noLabour') : none}</Descriptions.Item>
        </Descriptions>
        {keeps && (
          <Space wrap>
            {h.responsible?.id !== me.cadre.id && (
              <Button size="small" onClick={() => void api('POST', `/api/households/${id}/responsible`, { cadreId: me.cadre.id }).then(saved, fail)} data-testid="take-responsible">
                {t('register.household.takeResponsible')}
              </Button>
            )}
            <Button size="small" onClick={() => void api('PATCH', `/api/households/${id}`, { noLabourCapacity: !h.noLabourCapacity }).then(saved, fail)} data-testid="toggle-labour">
              {h.noLabourCapacity ? t('register.household.clearNoLabour') : t('register.household.setNoLabour')}
            </Button>
          </Space>
        )}
      </Card>
      <Card size="small" title={t('register.household.members')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={h.members}
          columns={[
            { title: t('register.household.name'), dataIndex: 'name', key: 'name' },
            { title: t('register.household.relation'), dataIndex: 'relation', key: 'relation' },
            { title: t('register.household.idNumber'), key: 'idNumber', render: (_: unknown, m: HouseholdDetail['members'][number]) => (m.idNumber ? <>{shown[m.id] ?? m.idNumber} {revealButton('idNumber', m.id)}</> : none) },
          ]}
        />
      </Card>
      <Card size="small" title={t('register.household.cases')}>
        {h.cases.length === 0
          ? none
          : h.cases.map((c) => (
              <div key={c.caseNo}>
                <Link to={`/cases/${c.caseNo}`}>{c.caseNo}</Link> · {words.causes[c.cause] ?? c.cause} · {words.statuses[c.status]?.label ?? c.status}
              </div>
            ))}
      </Card>
      <Card size="small" title={t('register.household.risks')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={h.risks}
          columns={[
            { title: t('register.household.risk.cause'), key: 'cause', render: (_: unknown, r: HouseholdDetail['risks'][number]) => words.register.riskCauses[r.cause] ?? r.cause },
            { title: t('register.household.risk.source'), key: 'source', render: (_: unknown, r: HouseholdDetail['risks'][number]) => words.register.riskSources[r.source] ?? r.source },
            { title: t('register.household.risk.startedOn'), key: 'startedOn', render: (_: unknown, r: HouseholdDetail['risks'][number]) => r.startedOn ?? '—' },
            { title: t('register.household.risk.solvedOn'), key: 'solvedOn', render: (_: unknown, r: HouseholdDetail['risks'][number]) => r.solvedOn ?? '—' },
            { title: t('register.household.risk.note'), key: 'note', render: (_: unknown, r: HouseholdDetail['risks'][number]) => r.note ?? '' },
          ]}
        />
      </Card>
      <Card size="small" title={t('register.household.measures')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={h.measures}
          data-testid="measures"
          columns={[
            { title: t('register.household.measure.kind'), key: 'kind', render: (_: unknown, m: HouseholdDetail['measures'][number]) => words.measures[m.kind] ?? m.kind },
            { title: t('register.household.measure.amount'), key: 'amount', render: (_: unknown, m: HouseholdDetail['measures'][number]) => (m.amountFen === null ? '—' : yuan(m.amountFen, i18n.language)) },
            { title: t('register.household.measure.givenOn'), key: 'givenOn', render: (_: unknown, m: HouseholdDetail['measures'][number]) => m.givenOn ?? '—' },
            { title: t('register.household.measure.department'), key: 'department', render: (_: unknown, m: HouseholdDetail['measures'][number]) => (m.department ? (words.register.departments[m.department] ?? m.department) : '—') },
            { title: t('register.household.measure.caseNo'), key: 'caseNo', render: (_: unknown, m: HouseholdDetail['measures'][number]) => (m.caseNo ? <Link to={`/cases/${m.caseNo}`}>{m.caseNo}</Link> : '—') },
            { title: t('register.household.measure.recordedBy'), key: 'recordedBy', render: (_: unknown, m: HouseholdDetail['measures'][number]) => m.recordedBy?.name ?? '—' },
          ]}
        />
        {keeps && (
          <Form form={form} layout="inline" onFinish={(v) => void addMeasure(v)} style={{ marginTop: 12, rowGap: 8 }} data-testid="add-measure">
            <Form.Item name="kind" rules={[{ required: true }]}>
              <Select style={{ minWidth: 140 }} data-testid="measure-kind" placeholder={t('register.household.measure.kind')} options={Object.entries(words.measures).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="amountYuan">
              <InputNumber min={0} step={100} data-testid="measure-amount" placeholder={t('register.household.measure.amount')} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="givenOn" rules={[{ required: true }]}>
              <Input type="date" data-testid="measure-day" aria-label={t('register.household.measure.givenOn')} />
            </Form.Item>
            <Form.Item name="department">
              <Select allowClear style={{ minWidth: 160 }} placeholder={t('register.household.measure.department')} data-testid="measure-department" options={Object.entries(words.register.departments).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="note">
              <Input placeholder={t('register.household.measure.note')} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="measure-submit">
              {t('register.household.addMeasure')}
            </Button>
          </Form>
        )}
      </Card>
      <Card size="small" title={t('register.household.followUps')} data-testid="follow-ups">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={h.followUps}
          columns={[
            { title: t('register.household.visit.day'), key: 'day', render: (_: unknown, f: HouseholdDetail['followUps'][number]) => f.day ?? '—' },
            { title: t('register.household.visit.income'), key: 'income', render: (_: unknown, f: HouseholdDetail['followUps'][number]) => yuan(f.perCapitaIncomeFen, i18n.language) },
            { title: t('register.household.visit.note'), key: 'note', render: (_: unknown, f: HouseholdDetail['followUps'][number]) => f.note ?? '' },
            { title: t('register.household.visit.by'), key: 'by', render: (_: unknown, f: HouseholdDetail['followUps'][number]) => f.by?.name ?? '—' },
            {
              title: t('register.household.visit.photos'),
              key: 'photos',
              // from the entitled endpoint (the session cookie opens it; each look in the access audit)
              render: (_: unknown, f: HouseholdDetail['followUps'][number]) =>
                f.photos.length === 0 ? (
                  '—'
                ) : (
                  <Image.PreviewGroup>
                    <Space wrap size={4}>
                      {f.photos.map((p) => (
                        <Image key={p.id} src={p.url} width={48} height={48} style={{ objectFit: 'cover' }} alt={t('register.household.visit.photo')} data-testid="visit-photo" />
                      ))}
                    </Space>
                  </Image.PreviewGroup>
                ),
            },
          ]}
        />
        {h.monitoring.state === 'monitored' && (me.cadre.role === 'village' || h.responsible?.id === me.cadre.id) && (
          <Form form={visitForm} layout="inline" onFinish={(v) => void addVisit(v)} style={{ marginTop: 12, rowGap: 8 }} data-testid="add-visit">
            <Form.Item name="day" rules={[{ required: true }]}>
              <Input type="date" aria-label={t('register.household.visit.day')} data-testid="visit-day" />
            </Form.Item>
            <Form.Item name="incomeYuan" rules={[{ required: true }]}>
              <InputNumber min={0} step={100} placeholder={t('register.household.visit.income')} style={{ width: 220 }} data-testid="visit-income" />
            </Form.Item>
            <Form.Item name="solvedRiskIds">
              <Select
                mode="multiple"
                style={{ minWidth: 200 }}
                placeholder={t('register.household.visit.solved')}
                options={h.risks.filter((r) => !r.solvedOn).map((r) => ({ value: r.id, label: `${words.register.riskCauses[r.cause] ?? r.cause} · ${r.startedOn ?? ''}` }))}
              />
            </Form.Item>
            <Form.Item name="note">
              <Input placeholder={t('register.household.visit.note')} maxLength={1000} />
            </Form.Item>
            <Form.Item>
              {/* the back camera on a phone; a file chooser on a desk */}
              <input ref={photoInput} type="file" accept="image/*" capture="environment" multiple style={{ display: 'none' }} onChange={(e) => setPhotos(Array.from(e.target.files ?? []))} data-testid="visit-photos" />
              <Button icon={<CameraOutlined />} onClick={() => photoInput.current?.click()} data-testid="visit-take-photos">
                {t('register.household.visit.takePhotos', { n: photos.length })}
              </Button>
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="visit-submit">
              {t('register.household.visit.add')}
            </Button>
          </Form>
        )}
      </Card>
      <Card size="small" title={t('register.household.elimination')} data-testid="elimination">
        <Space direction="vertical">
          <Typography.Text>
            {h.eliminations[0]
              ? `${words.register.eliminationStatuses[h.eliminations[0].status] ?? h.eliminations[0].status} · ${chinaDateTime(h.eliminations[0].proposedAt)}${h.eliminations[0].reason ? ` · ${h.eliminations[0].reason}` : ''}`
              : t('register.household.eliminationNone')}
          </Typography.Text>
          <Space wrap>
            {me.cadre.role === 'village' && h.monitoring.state === 'monitored' && !['proposed', 'town_approved'].includes(h.eliminations[0]?.status ?? '') && (
              <Button size="small" onClick={() => void api('POST', `/api/households/${id}/elimination`, {}).then(saved, fail)} data-testid="propose-elimination">
                {t('register.household.propose')}
              </Button>
            )}
            {((me.cadre.role === 'town' && h.eliminations[0]?.status === 'proposed') || (me.cadre.role === 'county' && h.eliminations[0]?.status === 'town_approved')) && (
              <>
                <Button size="small" type="primary" onClick={() => void step('approve')} data-testid="approve-elimination">
                  {t('register.household.approve')}
                </Button>
                <Input size="small" style={{ width: 240 }} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('register.household.reason')} maxLength={1000} />
                <Button size="small" disabled={!reason.trim()} onClick={() => void step('return')}>
                  {t('register.household.sendBack')}
                </Button>
                <Button size="small" danger disabled={!reason.trim()} onClick={() => void step('reject')}>
                  {t('register.household.decline')}
                </Button>
              </>
            )}
          </Space>
        </Space>
      </Card>
      <Card size="small" title={t('register.household.timeline')}>
        <Timeline
          items={h.timeline.map((e) => ({
            key: `${e.source}-${e.at}-${e.type}`,
            children: (
              <Typography.Text>
                {chinaDateTime(e.at)} · {e.source === 'register' ? (words.register.events[e.type] ?? e.type) : (words.actions[e.type] ?? words.events[e.type] ?? e.type)}
                {e.caseNo ? ` · ${e.caseNo}` : ''}
                {e.actor.name ? ` · ${e.actor.name}` : ''}
              </Typography.Text>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
