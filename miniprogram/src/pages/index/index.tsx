/** Home: four big numbered buttons, numbered like the chat's menu (apply, my applications, policies, contact the village cadre). */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { Screen } from '../../components/Screen';
import { hasProgress, loadDraft } from '../../lib/drafts';
import { storage } from '../../platform/storage';
import { api } from '../../state/store';
import { useApp } from '../../state/use-app';

const go = (url: string) => void Taro.navigateTo({ url });

export default function Home() {
  const { t, session, setSession } = useApp();
  const [draftOpen, setDraftOpen] = useState(false);

  useDidShow(() => setDraftOpen(hasProgress(loadDraft(storage))));
  // the session's end ("退出", a 401) removed the draft: stop offering it
  useEffect(() => setDraftOpen(hasProgress(loadDraft(storage))), [session]);

  return (
    <Screen title={t('app.title')} testId='home' home={false}>
      <View className='welcome'>{t('menu.welcome')}</View>
      {draftOpen && (
        <View className='card card-notice' data-testid='home-draft'>
          <View className='big-text'>{t('app.home.draft')}</View>
          <Button className='btn btn-primary' data-testid='home-draft-continue' onClick={() => go('/pages/apply/index')}>
            {t('app.home.draft_continue')}
          </Button>
        </View>
      )}
      <MenuButton testId='home-apply' icon='1' label={t('menu.apply')} hint={t('app.home.apply_hint')} primary onClick={() => go('/pages/apply/index')} />
      <MenuButton testId='home-cases' icon='2' label={t('app.home.cases')} hint={t('app.home.cases_hint')} onClick={() => go('/pages/cases/index')} />
      <MenuButton testId='home-policies' icon='3' label={t('app.home.policies')} hint={t('app.home.policies_hint')} onClick={() => go('/pages/policies/index')} />
      <MenuButton testId='home-contact' icon='4' label={t('menu.cadre')} hint={t('app.home.cadre_hint')} onClick={() => go('/pages/contact/index')} />
      {session && (
        <View className='session-line' data-testid='home-session'>
          <Text>
            {session.villager.phoneTail
              ? t('app.login.signed_in', { tail: session.villager.phoneTail })
              : t(session.villager.via === 'wechat' ? 'app.login.signed_in_wechat' : 'app.login.signed_in_plain')}
          </Text>
          <Button
            className='btn btn-small btn-plain'
            data-testid='logout'
            onClick={() => {
              void api.logout().catch(() => undefined);
              // ends the session and removes the draft kept on the phone (lib/session.ts)
              setSession(null);
            }}
          >
            {t('app.login.logout')}
          </Button>
        </View>
      )}
    </Screen>
  );
}

function MenuButton(props: { testId: string; icon: string; label: string; hint: string; primary?: boolean; onClick: () => void }) {
  return (
    <Button className={`menu-btn${props.primary ? ' menu-btn-primary' : ''}`} data-testid={props.testId} onClick={props.onClick}>
      <Text className='menu-icon'>{props.icon}</Text>
      <View className='menu-text'>
        <View className='menu-label'>{props.label}</View>
        <View className='menu-hint'>{props.hint}</View>
      </View>
    </Button>
  );
}

