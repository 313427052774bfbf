/**
 * The mini-program's words: the bot's own resources (flows/i18n), compiled in at build time, so
 * a word the chat and the form share is written once. App-only words are in the 'app' keys
 * (flows/i18n/app.*.ts). zh-CN is the source; en is complete (tests check both).
 */
import i18next, { type i18n } from 'i18next';
import { zhCN } from '../../../flows/i18n/zh-CN';
import { en } from '../../../flows/i18n/en';
import { formatDate, formatMoney } from '../../../flows/i18n/format';
import { shanghaiDate, shanghaiDateTime } from '../../../flows/china-time';
import type { Lang } from './types';

export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

const instance: i18n = i18next.createInstance();
void instance.init({
  // The resource objects only (not flows/i18n/index.ts, which brings its own i18next instance).
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGS],
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export type T = (key: string, params?: Record<string, unknown>) => string;

export function translator(lang: Lang): T {
  return (key, params) => instance.t(key, { ...params, lng: lang }) as string;
}

export function hasKey(key: string): boolean {
  return instance.exists(key, { lng: 'zh-CN', fallbackLng: false });
}

/**
 * The language to show: the villager's own choice (the language button, remembered on the phone)
 * first, else the county's (the server's DEFAULT_LANG, from /api/app/config), else Chinese. The
 * phone's or browser's language is not a choice: an English phone in a Chinese village still
 * gets the county's language until the villager taps the button.
 */
export function chooseLang(saved: string | null | undefined, countyDefault: Lang | null | undefined): Lang {
  if (saved === 'zh-CN' || saved === 'en') return saved;
  return countyDefault === 'en' ? 'en' : 'zh-CN';
}

export const money = (lang: Lang, fen: number) => formatMoney(lang, fen);

/** An instant as the villager reads it, in China time: "2026年3月5日 14:05" / "5 March 2026 14:05". */
export function dateTime(lang: Lang, iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${formatDate(lang, shanghaiDate(at))} ${shanghaiDateTime(at).slice(11)}`;
}

export function date(lang: Lang, iso: string): string {
  const ms = new Date(iso).getTime();
  return Number.isNaN(ms) ? '' : formatDate(lang, shanghaiDate(iso));
}
