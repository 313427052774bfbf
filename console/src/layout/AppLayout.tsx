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

export function AppLayout({ children, switchLang }: { children: ReactNode; switchLang: () => void }) {
  const { t } = useTranslation();
  const { me, workflow } = useLoggedIn();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const auditor = me.cadre.role === 'auditor';
  const verifier = me.cadre.role === 'verifier';
  const phone = !Grid.useBreakpoint().sm;
  const items = [
    ...(verifier ? [{ key: '/visits', label: t('nav.visits') }] : []),
    ...(auditor ? [] : [{ key: '/todo', label: t('nav.todo') }]),
    { key: '/cases', label: t('nav.cases') },
  ];
  const selected = ['/visits', '/todo'].find((p) => location.pathname.startsWith(p)) ?? '/cases';
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
      <Layout.Content style={{ padding: phone ? 8 : 16, maxWidth: 1400, width: '100%', margin: '0 auto' }}>{children}</Layout.Content>
    </Layout>
  );
}
