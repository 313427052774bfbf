/**
 * The frame of every page: the console's name, the navigation the caller's role has, who is logged
 * in. On a phone (below Ant Design's `sm`, 576 px: a verifier at the household) the frame narrows —
 * smaller margins, who is logged in cut short — so a page never scrolls sideways at 390 px.
 */
import type { ReactNode } from 'react';
import { Button, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useLoggedIn, useSession } from '../session/session';
import { DemoClock } from '../demo/DemoClock';
import { mayReadAlerts, mayReadDepartments } from '../alerts/types';

export function AppLayout({ children, switchLang }: { children: ReactNode; switchLang: () => void }) {
  const { t } = useTranslation();
  const { me, workflow } = useLoggedIn();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const auditor = me.cadre.role === 'auditor';
  const verifier = me.cadre.role === 'verifier';
  const phone = !Grid.useBreakpoint().sm;
  const role = me.cadre.role;
  // 县级设置: each page for the roles its API serves (the auditor reads)
  const settings = [
    ...(['county', 'town', 'auditor'].includes(role) ? [{ key: '/settings/accounts', label: t('admin.nav.accounts') }] : []),
    ...(['county', 'auditor'].includes(role) ? [{ key: '/settings/knowledge', label: t('admin.nav.knowledge') }] : []),
    // the county's settings: the county office edits, the others read what applies to them
    ...(['county', 'town', 'village', 'auditor'].includes(role)
      ? [
          { key: '/settings/regions', label: t('settings.nav.regions') },
          { key: '/settings/income-lines', label: t('settings.nav.incomeLines') },
          { key: '/settings/limits', label: t('settings.nav.limits') },
        ]
      : []),
    ...(['county', 'town', 'auditor'].includes(role) ? [{ key: '/broadcasts', label: t('admin.nav.broadcasts') }] : []),
    ...(role === 'county' ? [{ key: '/outbox', label: t('admin.nav.outbox') }] : []),
    ...(['county', 'auditor'].includes(role) ? [{ key: '/audit', label: t('admin.nav.audit') }] : []),
    // 部门数据: the county office configures and imports, the auditor reads
    ...(mayReadDepartments(role) ? [{ key: '/departments', label: t('monitor.nav.departments') }] : []),
  ];
  const items = [
    ...(verifier ? [{ key: '/visits', label: t('nav.visits') }] : []),
    ...(auditor ? [] : [{ key: '/todo', label: t('nav.todo') }]),
    { key: '/cases', label: t('nav.cases') },
    // 监测户台账: the register (the verifier reads the cases assigned to it, not the register)
    ...(verifier ? [] : [{ key: '/households', label: t('register.nav') }]),
    // 代录申请: the village, town and county offices enter applications for villagers without WeChat
    ...(['county', 'town', 'village'].includes(role) ? [{ key: '/entry', label: t('entry.nav') }] : []),
    // 公示名单: the village, town and county offices make them; the auditor reads
    ...(verifier ? [] : [{ key: '/notices', label: t('notices.nav') }]),
    // 台账导出: the offices and the auditor (masked); the verifier works from its own cases
    ...(verifier ? [] : [{ key: '/export', label: t('export.nav') }]),
    // 预警: the check tasks of the departments' data (server/core/auth/permissions.ts MAY.readAlerts)
    ...(mayReadAlerts(role) ? [{ key: '/alerts', label: t('monitor.nav.alerts') }] : []),
    ...(verifier ? [] : [{ key: '/stats', label: t('stats.nav') }]),
    ...(settings.length > 0 ? [{ key: 'settings', label: t('admin.nav.group'), children: settings }] : []),
  ];
  const selected = [...settings.map((i) => i.key), '/visits', '/todo', '/entry', '/export', '/notices', '/stats', '/households', '/alerts'].find((p) => location.pathname.startsWith(p)) ?? '/cases';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: phone ? 8 : 24, paddingInline: phone ? 8 : 16 }}>
        {!phone && (
          <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            {t('app.short')}
          </Typography.Text>
        )}
        <Menu theme="dark" mode="horizontal" selectedKeys={[selected]} items={items} onClick={(e) => navigate(e.key)} style={{ flex: 1, minWidth: 0 }} data-testid="nav" />
        <Space style={{ color: '#fff', flexShrink: 0 }} size={phone ? 4 : 8}>
          <span data-testid="whoami" style={phone ? { display: 'inline-block', maxWidth: 72, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', verticalAlign: 'middle' } : undefined}>
            {me.cadre.name} · {workflow.words.roles[me.cadre.role]}
            {me.cadre.region ? ` · ${me.cadre.region.name}` : ''}
          </span>
          {auditor && !phone && <Tag color="gold">{t('nav.readOnly')}</Tag>}
          <Button size="small" ghost onClick={switchLang} data-testid="switch-lang">
            {t('app.language')}
          </Button>
          <Button size="small" ghost onClick={() => void logout().then(() => navigate('/'))} data-testid="logout">
            {t('nav.logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: phone ? 8 : 16, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <DemoClock />
        {children}
      </Layout.Content>
    </Layout>
  );
}
