/** The login with a cadre account: wrong passwords, a lockout and an expired session said in plain words. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { useSession } from '../session/session';

/** "15分钟" / "15 minutes": how long to wait, rounded up to what a person reads. */
export function waitWords(seconds: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (seconds < 90) return t('wait.seconds', { n: seconds });
  if (seconds < 90 * 60) return t('wait.minutes', { n: Math.ceil(seconds / 60) });
  return t('wait.hours', { n: Math.ceil(seconds / 3600) });
}

export function LoginPage({ switchLang }: { switchLang: () => void }) {
  const { t } = useTranslation();
  const { refresh, reason } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      await api('POST', '/api/auth/login', values);
      await refresh();
    } catch (err) {
      const e = err as ApiError;
      if (e.status === 429) setError(t('login.locked', { wait: waitWords(e.retryAfterSeconds ?? 60, t) }));
      else if (e.status === 401) setError(t('login.invalid'));
      else if (e.code === 'network') setError(t('login.network'));
      else setError(e.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: '100%', maxWidth: 400 }} data-testid="login">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.title')}</Typography.Paragraph>
        {reason && !error && <Alert type={reason === 'expired' ? 'warning' : 'info'} title={t(`login.${reason}`)} style={{ marginBottom: 16 }} data-testid="login-reason" />}
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.required', { what: t('login.username') }) }]}>
            <Input autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { what: t('login.password') }) }]}>
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Button type="link" onClick={switchLang} style={{ paddingInline: 0, marginTop: 8 }}>
          {t('app.language')}
        </Button>
      </Card>
    </div>
  );
}
