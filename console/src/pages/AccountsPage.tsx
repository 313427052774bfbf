/**
 * Accounts and roles (/settings/accounts): the cadres of the caller's region — name, role, region,
 * active, WeChat bound — created, moved to another role or region, deactivated, their password
 * reset (the new one shown once), a WeChat binding code shown as a QR code to scan, an API token
 * issued (shown once) or revoked. The auditor reads the list only.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { regionOptions, useFailure, useReadOnly } from '../admin/common';
import { chinaDateTime } from '../format';
import { useLoggedIn } from '../session/session';

type Account = {
  id: string;
  name: string;
  role: string;
  region: { code: string; name: string; level: string };
  username: string | null;
  active: boolean;
  wechatBound: boolean;
  hasApiToken: boolean;
  lockedUntil: string | null;
};
type Binding = { code: string; expiresAt: string; message: string; qr: string; cadre: { name: string } };
type Secret = { title: string; value: string };
type Editing = { account: Account | null };

const ROLES = ['village', 'town', 'county', 'verifier', 'auditor'] as const;

export function AccountsPage() {
  const { t } = useTranslation();
  const { workflow, regions, me } = useLoggedIn();
  const readOnly = useReadOnly();
  const fail = useFailure();
  const { modal } = AntApp.useApp();
  const [rows, setRows] = useState<Account[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [secret, setSecret] = useState<Secret | null>(null);
  const [binding, setBinding] = useState<Binding | null>(null);
  const [form] = Form.useForm();
  const county = me.cadre.role === 'county';

  const load = useCallback(() => {
    api<{ cadres: Account[] }>('GET', '/api/cadres').then((r) => setRows(r.cadres), fail);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(load, [load]);

  const change = async (a: Account, body: Record<string, unknown>) => {
    try {
      const res = await api<{ cadre: Account; password?: string }>('PATCH', `/api/cadres/${a.id}`, body);
      if (res.password) setSecret({ title: t('admin.accounts.newPassword', { name: a.name }), value: res.password });
      load();
    } catch (err) {
      fail(err);
    }
  };

  const save = async () => {
    const v = await form.validateFields();
    try {
      if (editing?.account) {
        const a = editing.account;
        const body: Record<string, unknown> = {};
        if (v.name !== a.name) body.name = v.name;
        if (v.role !== a.role) body.role = v.role;
        if (v.regionCode !== a.region.code) body.regionCode = v.regionCode;
        if (Object.keys(body).length) await api('PATCH', `/api/cadres/${a.id}`, body);
      } else {
        const res = await api<{ cadre: Account; password?: string }>('POST', '/api/cadres', { name: v.name, role: v.role, regionCode: v.regionCode, ...(v.username ? { username: v.username } : {}) });
        if (res.password) setSecret({ title: t('admin.accounts.createdPassword', { name: res.cadre.name }), value: res.password });
      }
      setEditing(null);
      load();
    } catch (err) {
      fail(err);
    }
  };

  const openEdit = (account: Account | null) => {
    form.resetFields();
    if (account) form.setFieldsValue({ name: account.name, role: account.role, regionCode: account.region.code });
    setEditing({ account });
  };

  const bindingCode = (a: Account) => api<Binding>('POST', `/api/cadres/${a.id}/binding-code`).then(setBinding, fail);

  const columns = [
    { title: t('admin.accounts.name'), dataIndex: 'name', key: 'name' },
    { title: t('admin.accounts.username'), dataIndex: 'username', key: 'username', render: (u: string | null) => u ?? '—' },
    { title: t('admin.accounts.role'), dataIndex: 'role', key: 'role', render: (r: string) => workflow.words.roles[r as keyof typeof workflow.words.roles] ?? r },
    { title: t('admin.accounts.region'), key: 'region', render: (_: unknown, a: Account) => a.region.name },
    {
      title: t('admin.accounts.status'),
      key: 'status',
      render: (_: unknown, a: Account) => (
        <Space size={4} wrap>
          {a.active ? <Tag color="green">{t('admin.accounts.active')}</Tag> : <Tag>{t('admin.accounts.inactive')}</Tag>}
          <Tag color={a.wechatBound ? 'blue' : undefined}>{t(a.wechatBound ? 'admin.accounts.bound' : 'admin.accounts.unbound')}</Tag>
          {a.lockedUntil && <Tag color="red">{t('admin.accounts.locked')}</Tag>}
          {a.hasApiToken && <Tag>{t('admin.accounts.apiToken')}</Tag>}
        </Space>
      ),
    },
    ...(readOnly
      ? []
      : [
          {
            title: t('admin.common.actions'),
            key: 'actions',
            render: (_: unknown, a: Account) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => openEdit(a)} data-testid={`edit-${a.id}`}>
                  {t('admin.common.edit')}
                </Button>
                {a.active && (
                  <Button size="small" onClick={() => void bindingCode(a)} data-testid={`binding-${a.id}`}>
                    {t('admin.accounts.bindingCode')}
                  </Button>
                )}
                {a.active && a.username && (
                  <Button size="small" onClick={() => modal.confirm({ content: t('admin.accounts.confirmReset', { name: a.name }), onOk: () => change(a, { resetPassword: true }) })}>
                    {t('admin.accounts.resetPassword')}
                  </Button>
                )}
                {a.lockedUntil && (
                  <Button size="small" onClick={() => void change(a, { unlock: true })}>
                    {t('admin.accounts.unlock')}
                  </Button>
                )}
                {county && a.active && (
                  <Button
                    size="small"
                    onClick={() =>
                      api<{ apiToken: string }>('POST', `/api/cadres/${a.id}/api-token`).then((r) => {
                        setSecret({ title: t('admin.accounts.tokenTitle', { name: a.name }), value: r.apiToken });
                        load();
                      }, fail)
                    }
                  >
                    {t('admin.accounts.issueToken')}
                  </Button>
                )}
                {county && a.hasApiToken && (
                  <Button size="small" onClick={() => modal.confirm({ content: t('admin.accounts.confirmRevoke', { name: a.name }), onOk: () => api('DELETE', `/api/cadres/${a.id}/api-token`).then(load, fail) })}>
                    {t('admin.accounts.revokeToken')}
                  </Button>
                )}
                {a.id !== me.cadre.id &&
                  (a.active ? (
                    <Button size="small" danger onClick={() => modal.confirm({ content: t('admin.accounts.confirmDeactivate', { name: a.name }), onOk: () => change(a, { active: false }) })}>
                      {t('admin.accounts.deactivate')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void change(a, { active: true })}>
                      {t('admin.accounts.activate')}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]),
  ];

  return (
    <Card title={t('admin.accounts.title')} extra={!readOnly && <Button type="primary" onClick={() => openEdit(null)} data-testid="account-create">{t('admin.accounts.create')}</Button>}>
      <Typography.Paragraph type="secondary">{t('admin.accounts.hint')}</Typography.Paragraph>
      {readOnly && <Alert type="info" showIcon title={t('admin.common.readOnly')} style={{ marginBottom: 12 }} />}
      <Table rowKey="id" loading={rows === null} dataSource={rows ?? []} columns={columns} pagination={{ pageSize: 50 }} size="small" scroll={{ x: true }} data-testid="accounts" />

      <Modal open={editing !== null} title={t(editing?.account ? 'admin.accounts.edit' : 'admin.accounts.create')} onOk={() => void save()} onCancel={() => setEditing(null)} okText={t('admin.common.save')} cancelText={t('admin.common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" data-testid="account-form">
          <Form.Item name="name" label={t('admin.accounts.name')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="role" label={t('admin.accounts.role')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: workflow.words.roles[r] ?? r }))} data-testid="account-role" />
          </Form.Item>
          <Form.Item name="regionCode" label={t('admin.accounts.region')} rules={[{ required: true, message: t('admin.common.required') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={regionOptions(regions)} data-testid="account-region" />
          </Form.Item>
          {!editing?.account && (
            <Form.Item name="username" label={t('admin.accounts.username')}>
              <Input maxLength={32} />
            </Form.Item>
          )}
          {editing?.account && <Typography.Text type="secondary">{t('admin.accounts.moveWarning')}</Typography.Text>}
        </Form>
      </Modal>

      <Modal open={secret !== null} title={secret?.title} footer={<Button onClick={() => setSecret(null)}>{t('admin.common.close')}</Button>} onCancel={() => setSecret(null)}>
        <Typography.Paragraph copyable={{ text: secret?.value }} code data-testid="secret">
          {secret?.value}
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={t('admin.common.shownOnce')} />
      </Modal>

      <Modal open={binding !== null} title={binding ? t('admin.accounts.bindingTitle', { name: binding.cadre.name }) : ''} footer={<Button onClick={() => setBinding(null)}>{t('admin.common.close')}</Button>} onCancel={() => setBinding(null)}>
        {binding && (
          <Space direction="vertical" align="center" style={{ width: '100%' }} data-testid="binding">
            <img src={binding.qr} alt={binding.message} width={220} height={220} data-testid="binding-qr" />
            <Typography.Text>{t('admin.accounts.bindingHow')}</Typography.Text>
            <Typography.Text strong copyable data-testid="binding-message">
              {binding.message}
            </Typography.Text>
            <Typography.Text type="secondary">{t('admin.accounts.bindingExpires', { at: chinaDateTime(binding.expiresAt) })}</Typography.Text>
          </Space>
        )}
      </Modal>
    </Card>
  );
}
