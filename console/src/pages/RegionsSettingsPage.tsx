/**
 * 乡镇村 (/settings/regions): the county's towns and villages as a tree — name, division code,
 * office phone (the one a 公示 gives for objections), order, active or not. The county office adds,
 * edits, deactivates and removes (a region anything refers to is deactivated instead); the others
 * read the regions of their own jurisdiction. A village's or town's work-group binding code (POST
 * /api/regions/:code/room-binding-code: the text to send @-mentioning the bot in the group, as a QR
 * too) for the county and town offices in their jurisdiction and a village cadre for its village —
 * a bound group is where 公示 and case notices are sent.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useFailure } from '../admin/common';
import { useLoggedIn, useSession } from '../session/session';
import { chinaDateTime } from '../format';
import { useCanEditSettings, type RegionRow } from '../settings/types';

type Node = RegionRow & { children?: Node[] };
type RoomCode = { code: string; expiresAt: string; message: string; qr: string; region: { code: string; name: string } };
type Editing = { mode: 'new'; parent: RegionRow } | { mode: 'edit'; region: RegionRow };

function treeOf(rows: RegionRow[]): Node[] {
  const nodes = new Map(rows.map((r) => [r.code, { ...r } as Node]));
  const roots: Node[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentCode ? nodes.get(n.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(n);
    else roots.push(n);
  }
  return roots;
}

export function RegionsSettingsPage() {
  const { t } = useTranslation();
  const canEdit = useCanEditSettings();
  const fail = useFailure();
  const { message } = AntApp.useApp();
  const { refresh } = useSession();
  const [rows, setRows] = useState<RegionRow[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm();
  const me = useLoggedIn().me.cadre;
  const [room, setRoom] = useState<RoomCode | null>(null);
  // who may issue: server/core/auth/permissions.ts MAY.bindWorkGroups, within the jurisdiction (a village cadre: its village)
  const mayBindRoom = (r: RegionRow) =>
    r.level !== 'county' && r.active && (me.role === 'county' || me.role === 'town' || (me.role === 'village' && me.region?.code === r.code));
  const roomCode = (r: RegionRow) => api<RoomCode>('POST', `/api/regions/${r.code}/room-binding-code`).then(setRoom, fail);

  const load = useCallback(() => {
    api<{ regions: RegionRow[] }>('GET', '/api/regions').then((r) => setRows(r.regions), fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(load, [load]);
  const changed = () => {
    load();
    // the queue's town and village filters read the session's regions
    void refresh();
  };
  const tree = useMemo(() => (rows ? treeOf(rows) : []), [rows]);
  // mounted again once loaded: the tree opens whole (defaultExpandAllRows reads the first rows only)

  const open = (e: Editing) => {
    setEditing(e);
    form.resetFields();
    if (e.mode === 'edit') form.setFieldsValue({ ...e.region, nameEn: e.region.nameEn ?? '', contactPhone: e.region.contactPhone ?? '' });
    else form.setFieldsValue({ code: e.parent.code, name: '', nameEn: '', contactPhone: '' });
  };
  const save = async () => {
    if (!editing) return;
    const v = (await form.validateFields()) as { code: string; name: string; nameEn: string; contactPhone: string; sortOrder?: number };
    const body = { code: v.code.trim(), name: v.name, nameEn: v.nameEn ?? '', contactPhone: v.contactPhone ?? '', ...(v.sortOrder !== undefined && v.sortOrder !== null ? { sortOrder: v.sortOrder } : {}) };
    try {
      if (editing.mode === 'new') await api('POST', '/api/regions', { ...body, parentCode: editing.parent.code });
      else {
        const r = editing.region;
        const patch = Object.fromEntries(Object.entries(body).filter(([k, val]) => val !== ((r as Record<string, unknown>)[k] ?? '')));
        if (Object.keys(patch).length > 0) await api('PATCH', `/api/regions/${r.code}`, patch);
      }
      setEditing(null);
      void message.success(t('settings.common.saved'));
      changed();
    } catch (err) {
      fail(err);
    }
  };
  const setActive = (r: RegionRow, active: boolean) => api('PATCH', `/api/regions/${r.code}`, { active }).then(changed, fail);
  const remove = (r: RegionRow) =>
    api<{ action: 'deleted' | 'deactivated'; refs: { cases: number; households: number; cadres: number } }>('DELETE', `/api/regions/${r.code}`).then((res) => {
      void message.info(res.action === 'deleted' ? t('settings.regions.deleted', { name: r.name }) : t('settings.regions.deactivated', { name: r.name, ...res.refs }));
      changed();
    }, fail);

  const columns = [
    {
      title: t('settings.regions.name'),
      key: 'name',
      render: (_: unknown, r: Node) => (
        <Space>
          <span data-testid={`region-${r.code}`}>{r.name}</span>
          <Tag>{t(`settings.regions.levels.${r.level}`)}</Tag>
          {r.nameEn && <Typography.Text type="secondary">{r.nameEn}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('settings.regions.code'), dataIndex: 'code', key: 'code' },
    { title: t('settings.regions.phone'), key: 'phone', render: (_: unknown, r: Node) => <span data-testid={`phone-${r.code}`}>{r.contactPhone ?? '—'}</span> },
    { title: t('settings.regions.sortOrder'), dataIndex: 'sortOrder', key: 'sortOrder' },
    {
      title: t('settings.regions.status'),
      key: 'active',
      render: (_: unknown, r: Node) => (r.active ? <Tag color="green">{t('settings.regions.active')}</Tag> : <Tag color="default">{t('settings.regions.inactive')}</Tag>),
    },
    {
      title: t('settings.regions.workGroup'),
      key: 'room',
      render: (_: unknown, r: Node) =>
        mayBindRoom(r) ? (
          <Button size="small" onClick={() => void roomCode(r)} data-testid={`room-code-${r.code}`}>
            {t('settings.regions.roomCode')}
          </Button>
        ) : null,
    },
    ...(canEdit
      ? [
          {
            title: t('settings.regions.actions'),
            key: 'actions',
            render: (_: unknown, r: Node) => (
              <Space wrap size="small">
                <Button size="small" onClick={() => open({ mode: 'edit', region: r })} data-testid={`edit-${r.code}`}>
                  {t('settings.common.edit')}
                </Button>
                {r.level === 'town' && r.active && (
                  <Button size="small" onClick={() => open({ mode: 'new', parent: r })} data-testid={`add-village-${r.code}`}>
                    {t('settings.regions.addVillage')}
                  </Button>
                )}
                {r.level !== 'county' &&
                  (r.active ? (
                    <Button size="small" onClick={() => void setActive(r, false)}>
                      {t('settings.regions.deactivate')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void setActive(r, true)}>
                      {t('settings.regions.activate')}
                    </Button>
                  ))}
                {r.level !== 'county' && (
                  <Popconfirm title={t('settings.regions.removeConfirm', { name: r.name })} onConfirm={() => remove(r)}>
                    <Button size="small" danger>
                      {t('settings.common.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const county = rows?.find((r) => r.level === 'county');
  const parent = editing?.mode === 'new' ? editing.parent : editing ? rows?.find((r) => r.code === editing.region.parentCode) : undefined;
  return (
    <Card
      title={t('settings.regions.title')}
      extra={
        canEdit && county ? (
          <Button type="primary" onClick={() => open({ mode: 'new', parent: county })} data-testid="add-town">
            {t('settings.regions.addTown')}
          </Button>
        ) : null
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('settings.regions.intro')}</Typography.Paragraph>
        {!canEdit && <Alert type="info" showIcon message={t('settings.common.readOnly')} />}
        <Table<Node> key={rows === null ? 'loading' : 'loaded'} rowKey="code" loading={rows === null} dataSource={tree} columns={columns} pagination={false} expandable={{ defaultExpandAllRows: true }} size="small" data-testid="regions-table" />
      </Space>
      <Modal open={room !== null} title={room ? t('settings.regions.roomTitle', { name: room.region.name }) : ''} footer={<Button onClick={() => setRoom(null)}>{t('settings.regions.close')}</Button>} onCancel={() => setRoom(null)}>
        {room && (
          <Space direction="vertical" align="center" style={{ width: '100%' }} data-testid="room-binding">
            <img src={room.qr} alt={room.message} width={220} height={220} data-testid="room-binding-qr" />
            <Typography.Text>{t('settings.regions.roomHow', { name: room.region.name })}</Typography.Text>
            <Typography.Text strong copyable data-testid="room-binding-message">
              {room.message}
            </Typography.Text>
            <Typography.Text type="secondary">{t('settings.regions.roomExpires', { at: chinaDateTime(room.expiresAt) })}</Typography.Text>
          </Space>
        )}
      </Modal>
      <Modal
        open={editing !== null}
        title={editing?.mode === 'edit' ? t('settings.regions.editTitle', { name: editing.region.name }) : editing ? t('settings.regions.newTitle', { parent: editing.parent.name }) : ''}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        okText={t('settings.common.save')}
        cancelText={t('settings.common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('settings.regions.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} data-testid="region-name" />
          </Form.Item>
          <Form.Item name="code" label={t('settings.regions.code')} extra={parent ? t('settings.regions.codeHelp', { example: `${parent.code}001` }) : undefined} rules={[{ required: true, pattern: /^\d{6,12}$/ }]}>
            <Input maxLength={12} disabled={editing?.mode === 'edit' && editing.region.level === 'county'} data-testid="region-code" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('settings.regions.nameEn')}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="contactPhone" label={t('settings.regions.phone')} extra={t('settings.regions.phoneHelp')}>
            <Input maxLength={30} data-testid="region-phone" />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('settings.regions.sortOrder')}>
            <InputNumber min={0} max={100000} precision={0} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
