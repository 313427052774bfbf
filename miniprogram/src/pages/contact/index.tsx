/** How to reach the village cadre: the chat's "人工" hand-over, or the village office. */
import { View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { useApp } from '../../state/use-app';

export default function Contact() {
  const { t } = useApp();
  return (
    <Screen title={t('app.contact.title')} testId='contact'>
      <View className='big-text'>{t('app.contact.intro')}</View>
      <View className='card big-text' data-testid='contact-chat'>{t('app.contact.chat')}</View>
      <View className='card big-text'>{t('app.contact.office')}</View>
    </Screen>
  );
}
