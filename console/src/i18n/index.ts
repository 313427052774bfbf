/**
 * The console's i18next instance: zh-CN first (the county's default, whatever the browser's
 * language), English when the cadre switches to it (remembered in this browser).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
const KEY = 'fangpin.console.lang';

export function savedLang(): Lang {
  return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(KEY, lang);
}

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: savedLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  initAsync: false,
});

export default i18next;
