/** Policies: the chat's own explanation first (who can apply, papers, steps), then the county's published articles. */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Loading, LoadError, Screen } from '../../components/Screen';
import type { ApiError } from '../../lib/api';
import { draftVillage } from '../../lib/drafts';
import type { PolicySummary } from '../../lib/types';
import { errorText } from '../../lib/uploads';
import { storage } from '../../platform/storage';
import { api } from '../../state/store';
import { useApp } from '../../state/use-app';
import { processWords } from '../../../../flows/workflow/process-words';

export default function Policies() {
  const { t, lang, config } = useApp();
  const [list, setList] = useState<PolicySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // the village of the application being filled in: its figures (income line) fill the articles
  const village = draftVillage(storage);

  useEffect(() => {
    setList(null);
    setError(null);
    api
      .policies(village)
      .then(setList)
      .catch((e: ApiError) => setError(errorText(e, t)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lang, attempt]);

  const open = (id: string) => {
    const query = `id=${encodeURIComponent(id)}${village ? `&village=${encodeURIComponent(village)}` : ''}`;
    void Taro.navigateTo({ url: `/pages/policy/index?${query}` });
  };

  return (
    <Screen title={t('app.policies.title')} testId='policies'>
      <View className='card article' data-testid='policy-basics'>{t('policy.body', processWords(t, config?.totalLimit))}</View>
      <View className='section-title'>{t('app.policies.articles')}</View>
      {error && <LoadError message={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!error && !list && <Loading />}
      {list && list.length === 0 && <View className='note' data-testid='policies-empty'>{t('app.policies.empty')}</View>}
      {list?.map((p) => (
        <View key={p.id} className='card case-card' data-testid={`policy-${p.id}`} onClick={() => open(p.id)}>
          <View className='card-title'>{p.title}</View>
          {p.summary && <View className='note'>{p.summary}</View>}
          <View className='chevron'>›</View>
        </View>
      ))}
    </Screen>
  );
}
