/**
 * What the whole app shares, outside React so the API client can read it: the language and the
 * villager's session, both kept on the phone. React components subscribe through useApp().
 */
import { createApi } from '../lib/api';
import { chooseLang } from '../lib/i18n';
import { readSession, writeSession } from '../lib/session';
import type { AppConfig, Lang, Session } from '../lib/types';
import { storage } from '../platform/storage';
import { transport } from '../platform/transport';

/** Set only by the villager's tap on the language button: the explicit choice, remembered. */
const LANG_KEY = 'fangpin.lang';

// until the server's config arrives: Chinese, or the choice made earlier on this phone
let lang: Lang = chooseLang(storage.get(LANG_KEY), null);
// a session found expired is ended here, and its draft with it (lib/session.ts)
let session: Session | null = readSession(storage);
let config: AppConfig | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const appStore = {
  subscribe(l: () => void) {
    listeners.add(l);
    return () => void listeners.delete(l);
  },
  lang: () => lang,
  session: () => session,
  config: () => config,
  setLang(next: Lang) {
    lang = next;
    storage.set(LANG_KEY, next);
    emit();
  },
  setSession(next: Session | null) {
    session = next;
    // null: "退出" or a 401 — the draft goes with the session
    writeSession(storage, next);
    emit();
  },
  setConfig(next: AppConfig) {
    config = next;
    // the county's language, unless the villager chose one
    lang = chooseLang(storage.get(LANG_KEY), next.defaultLang);
    emit();
  },
};

export const api = createApi({
  base: API_BASE,
  transport,
  getToken: () => session?.token ?? null,
  getLang: () => lang,
  onUnauthorized: () => appStore.setSession(null),
});

/** The server's settings (WeChat login, subscribe template), fetched once. */
export async function loadConfig(): Promise<AppConfig | null> {
  if (config) return config;
  try {
    appStore.setConfig(await api.config());
  } catch {
    // offline: pages work without it (phone login, no subscription prompt)
  }
  return config;
}
