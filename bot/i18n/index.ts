/** i18next for the bot's own pages, kept apart from the conversation strings of flows/i18n. */
import i18next, { type TFunction } from 'i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export type BotLang = 'zh-CN' | 'en';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  initAsync: false, // resources are inline: ready at once
  interpolation: { escapeValue: false }, // the page escapes what it inserts
});

export function botT(lang: BotLang): TFunction {
  return i18n.getFixedT(lang);
}
