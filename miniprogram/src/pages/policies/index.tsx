/** Policies: the chat's own explanation first (who can apply, papers, steps), then the county's published articles. */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Loading, Screen } from '../../components/Screen';
import { date } from '../../lib/i18n';
import type { PolicySummary } from '../../lib/types';
import { api } from '../../state/store';
import { useApp } from '../../state/use-app';

export default function Policies() {
  const { t, lang } = useApp();
  const [list, setList] = useState<PolicySummary[] | null>(null);

  useEffect(() => {
    setList(null);
    api.policies().then(setList).catch(() => setList([]));
  }, [lang]);

  return (
    <Screen title={t('app.policies.title')} testId='policies'>
      <View className='card article' data-testid='policy-basics'>{t('policy.body')}</View>
      <View className='section-title'>{t('app.policies.articles')}</View>
      {!list && <Loading />}
      {list && list.length === 0 && <View className='note' data-testid='policies-empty'>{t('app.policies.empty')}</View>}
      {list?.map((p) => (
        <View
          key={p.id}
          className='card case-card'
          data-testid={`policy-${p.id}`}
          onClick={() => void Taro.navigateTo({ url: `/pages/policy/index?id=${encodeURIComponent(p.id)}` })}
        >
          <View className='card-title'>{p.title}</View>
          {p.summary && <View className='note'>{p.summary}</View>}
          {p.updatedAt && <View className='tl-time'>{t('app.policies.updated', { date: date(lang, p.updatedAt) })}</View>}
          <View className='chevron'>›</View>
        </View>
      ))}
    </Screen>
  );
}
