/** Every page: a large title, the language switch, the content, and a way home. */
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, type ReactNode } from 'react';
import { useApp } from '../state/use-app';

export function goHome() {
  void Taro.reLaunch({ url: '/pages/index/index' });
}

export function Screen(props: { title: string; testId: string; home?: boolean; children: ReactNode }) {
  const { t, lang, setLang } = useApp();
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: props.title }).catch(() => undefined);
  }, [props.title]);
  return (
    <View className='screen' data-testid={props.testId}>
      <View className='topbar'>
        <Text className='screen-title'>{props.title}</Text>
        <Button className='lang-btn' data-testid='lang-toggle' onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
          {t('app.other_lang')}
        </Button>
      </View>
      {props.children}
      {props.home !== false && (
        <Button className='btn btn-plain' data-testid='go-home' onClick={goHome}>
          {t('app.nav.home')}
        </Button>
      )}
    </View>
  );
}

export function Loading() {
  const { t } = useApp();
  return <View className='note' data-testid='loading'>{t('app.common.loading')}</View>;
}

/** A failed load with a retry button. */
export function LoadError(props: { message: string; onRetry: () => void }) {
  const { t } = useApp();
  return (
    <View className='card' data-testid='load-error'>
      <View className='error-text'>{props.message}</View>
      <Button className='btn btn-secondary' onClick={props.onRetry}>{t('app.common.retry')}</Button>
    </View>
  );
}
