/**
 * The demo clock of a development start (GET/POST /api/demo/clock; a 404 — and nothing shown —
 * wherever there is none, always in production): a visible banner while the demo time is ahead of
 * the real time, and "move the clock on by N days", so a case goes through the ≥ 5-day 公示 to
 * 已发放 in one sitting. After a move the page reloads: every due date and guard is read again.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { chinaDateTime } from '../format';
import { useLoggedIn } from '../session/session';

type ClockState = { now: string; realNow: string; offsetMs: number; offsetDays: number; ahead: boolean };

export function DemoClock() {
  const { t } = useTranslation();
  const { me } = useLoggedIn();
  const [state, setState] = useState<ClockState | null>(null);
  const [days, setDays] = useState<number>(6);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api<ClockState>('GET', '/api/demo/clock')
      .then((s) => live && setState(s))
      .catch((e: unknown) => {
        if (!(e instanceof ApiError && e.status === 404)) console.warn('demo clock', e);
      });
    return () => {
      live = false;
    };
  }, []);

  if (!state) return null;
  const move = async (method: 'POST' | 'DELETE') => {
    setBusy(true);
    try {
      setState(await api<ClockState>(method, '/api/demo/clock', method === 'POST' ? { days } : undefined));
      window.location.reload();
    } finally {
      setBusy(false);
    }
  };
  const controls =
    me.cadre.role === 'auditor' ? undefined : (
      <Space wrap>
        <span>{t('demo.advance')}</span>
        <InputNumber min={1} max={60} precision={0} value={days} onChange={(v) => setDays(v ?? 1)} size="small" style={{ width: 72 }} data-testid="demo-days" />
        <span>{t('demo.days')}</span>
        <Button size="small" type="primary" loading={busy} onClick={() => void move('POST')} data-testid="demo-advance">
          {t('demo.go')}
        </Button>
        {state.ahead && (
          <Button size="small" loading={busy} onClick={() => void move('DELETE')} data-testid="demo-reset">
            {t('demo.reset')}
          </Button>
        )}
      </Space>
    );
  return (
    <Alert
      type={state.ahead ? 'warning' : 'info'}
      banner
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="demo-clock"
      title={state.ahead ? <span data-testid="demo-banner">{t('demo.banner', { now: chinaDateTime(state.now), days: state.offsetDays })}</span> : t('demo.label')}
      action={controls}
    />
  );
}
