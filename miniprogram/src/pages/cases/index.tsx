/** My applications: newest first, the one waiting for papers marked; tap one for its detail. */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { LoginPanel } from '../../components/LoginPanel';
import { Loading, LoadError, Screen } from '../../components/Screen';
import type { ApiError } from '../../lib/api';
import { date } from '../../lib/i18n';
import type { CaseListItem } from '../../lib/types';
import { errorText } from '../../lib/uploads';
import { api } from '../../state/store';
import { useApp } from '../../state/use-app';

export default function Cases() {
  const { t, lang, session } = useApp();
  const [cases, setCases] = useState<CaseListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    if (!session) return;
    setError(null);
    api.cases().then(setCases).catch((e: ApiError) => setError(errorText(e, t)));
  };
  useDidShow(load);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [session?.token, lang]);

  return (
    <Screen title={t('app.cases.title')} testId='cases'>
      {!session && <LoginPanel />}
      {session && error && <LoadError message={error} onRetry={load} />}
      {session && !error && !cases && <Loading />}
      {session && cases && cases.length === 0 && (
        <View className='card' data-testid='cases-empty'>
          <View className='big-text'>{t('app.cases.empty')}</View>
          <Button className='btn btn-primary' onClick={() => void Taro.redirectTo({ url: '/pages/apply/index' })}>{t('menu.apply')}</Button>
        </View>
      )}
      {session && cases && cases.length > 0 && (
        <View data-testid='cases-list'>
          {cases.map((c) => (
            <View
              key={c.caseNo}
              className={`card case-card${c.needsAction ? ' card-notice' : ''}`}
              data-testid={`case-${c.caseNo}`}
              onClick={() => void Taro.navigateTo({ url: `/pages/case/index?caseNo=${encodeURIComponent(c.caseNo)}` })}
            >
              <View className='case-head'>
                <Text className='case-cause'>{c.causeLabel}</Text>
                <Text className={`status status-${c.status}`} data-testid='case-status'>{c.statusLabel}</Text>
              </View>
              {c.needsAction && <View className='badge' data-testid='case-needs-action'>⚠ {t('app.cases.needs_action')}</View>}
              <View className='note'>{t('app.cases.number', { caseNo: c.caseNo })}</View>
              <View className='note'>{t('app.cases.submitted_on', { date: date(lang, c.submittedAt) })}</View>
              {c.overdue && <View className='note'>{t('app.cases.overdue')}</View>}
              <View className='chevron'>›</View>
            </View>
          ))}
        </View>
      )}
    </Screen>
  );
}
