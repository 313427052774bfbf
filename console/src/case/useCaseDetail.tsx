/**
 * A case as a page shows it: loaded, reloaded when someone else moves it (live), and what the
 * page shows instead while it is not there — the "no such case" page for a 404 (outside the
 * caller's region, or a malformed number: for a person the same thing), an error with a retry,
 * or a spinner.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import type { CaseDetail } from '../api/types';
import { useLive } from '../live/useLive';
import { NotFoundPage } from '../pages/NotFoundPage';

export function useCaseDetail(caseNo: string) {
  const { t } = useTranslation();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [state, setState] = useState<'loading' | 'ok' | 'notFound' | 'error'>('loading');
  const [error, setError] = useState('');

  const load = useCallback(async () => {
    try {
      setCase(await api<CaseDetail>('GET', `/api/cases/${encodeURIComponent(caseNo)}`));
      setState('ok');
    } catch (err) {
      const e = err as ApiError;
      if (e.status === 404 || e.status === 400) setState('notFound');
      else {
        setError(e.message);
        setState('error');
      }
    }
  }, [caseNo]);

  useEffect(() => {
    setState('loading');
    void load();
  }, [load]);
  // moved by someone else (another cadre, or by chat) while open: shown within seconds
  useLive(caseNo, (change) => change.case && void load());

  const gate: ReactNode =
    state === 'notFound' ? <NotFoundPage /> :
    state === 'error' ? <Alert type="error" title={t('error.load', { message: error })} action={<Button onClick={() => void load()}>{t('error.retry')}</Button>} /> :
    !c ? <Spin /> : null;
  return { c, setCase, load, gate };
}
