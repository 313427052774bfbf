/** One policy article, in large text. */
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Loading, LoadError, Screen } from '../../components/Screen';
import type { ApiError } from '../../lib/api';
import { date } from '../../lib/i18n';
import type { PolicyArticle } from '../../lib/types';
import { errorText } from '../../lib/uploads';
import { api } from '../../state/store';
import { useApp } from '../../state/use-app';

export default function Policy() {
  const { t, lang } = useApp();
  const params = useRouter().params;
  const id = decodeURIComponent(params.id ?? '');
  const village = params.village ? decodeURIComponent(params.village) : undefined;
  const [article, setArticle] = useState<PolicyArticle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setError(null);
    api
      .policy(id, village)
      .then(setArticle)
      .catch((e: ApiError) => setError(e.status === 404 ? t('app.policies.not_found') : errorText(e, t)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, lang, attempt]);

  return (
    <Screen title={article?.title ?? t('app.policies.title')} testId='policy'>
      {error && <LoadError message={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {!error && !article && <Loading />}
      {article && (
        <View className='card article' data-testid='policy-article'>
          <View className='card-title'>{article.title}</View>
          {article.updatedAt && <View className='tl-time'>{t('app.policies.updated', { date: date(lang, article.updatedAt) })}</View>}
          <View className='article-body' data-testid='policy-body'>{article.body}</View>
        </View>
      )}
    </Screen>
  );
}
