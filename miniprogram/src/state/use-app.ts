/** React view of the app store: language, translator, session, server config. */
import { useEffect, useMemo, useState } from 'react';
import { translator } from '../lib/i18n';
import { appStore } from './store';

export function useApp() {
  const [, setTick] = useState(0);
  useEffect(() => appStore.subscribe(() => setTick((n) => n + 1)), []);
  const lang = appStore.lang();
  const t = useMemo(() => translator(lang), [lang]);
  return {
    lang,
    t,
    session: appStore.session(),
    config: appStore.config(),
    setLang: appStore.setLang,
    setSession: appStore.setSession,
  };
}
