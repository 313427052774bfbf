/**
 * Every word the villager reads goes through t(lang, key, params). zh-CN is the source
 * language; en is complete (a test fails on a missing or empty key). The i18next instance is
 * initialised synchronously from in-memory resources: no network, no filesystem.
 */
import i18next, { type i18n } from 'i18next';
import { LANGS, type Lang } from '../engine/types';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export { LANGS, type Lang };
export type { Messages };
export { formatMoney, formatYuanNumber, formatDate, shanghaiDate, shanghaiYear } from './format';

export const resources: Record<Lang, { translation: Messages }> = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
};

const instance: i18n = i18next.createInstance();
void instance.init({
  resources,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGS],
  initAsync: false,
  // Replies are plain chat text, not HTML: nothing to escape.
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Translate `key` into `lang`; params fill {{placeholders}}. */
export function t(lang: Lang, key: string, params?: Record<string, unknown>): string {
  if (params !== undefined) return instance.t(key, { ...params, lng: lang }) as string;
  // most words are said without parameters, several times a step: each looked up once (the resources never change)
  const id = `${lang}\n${key}`;
  let text = plain.get(id);
  if (text === undefined) {
    if (plain.size >= PLAIN_MAX) plain.clear();
    plain.set(id, (text = instance.t(key, { lng: lang }) as string));
  }
  return text;
}
const plain = new Map<string, string>();
const PLAIN_MAX = 20_000;

/** True when the key exists in the source language (for labels built from data, e.g. status.<name>). */
export function hasKey(key: string): boolean {
  return instance.exists(key, { lng: 'zh-CN', fallbackLng: false });
}
