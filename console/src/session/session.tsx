/**
 * Who is logged in, and the workflow as the server describes it (statuses, moves with their data
 * schemas, its words in the console's language), loaded once per login and language.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, whenSessionLost } from '../api/client';
import type { Me, Region, Workflow } from '../api/types';
import i18next from '../i18n';

export type Session = {
  me: Me;
  workflow: Workflow;
  regions: Region[];
};

type SessionState = {
  session: Session | null;
  /** Why the login page is shown: expired, logged out, or nothing. */
  reason: 'expired' | 'loggedOut' | null;
  loading: boolean;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
};

const Ctx = createContext<SessionState | null>(null);

async function load(): Promise<Session> {
  const lang = i18next.language;
  const [me, workflow, regions] = await Promise.all([
    api<Me>('GET', '/api/auth/me'),
    api<Workflow>('GET', `/api/workflow?lang=${encodeURIComponent(lang)}`),
    api<{ regions: Region[] }>('GET', '/api/regions'),
  ]);
  return { me, workflow, regions: regions.regions };
}

export function SessionProvider({ children, lang }: { children: ReactNode; lang: string }) {
  const [session, setSession] = useState<Session | null>(null);
  const [reason, setReason] = useState<SessionState['reason']>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    setLoading(true);
    try {
      setSession(await load());
      setReason(null);
    } catch {
      setSession(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    whenSessionLost((code) => {
      setSession((was) => {
        if (was || code === 'session_expired') setReason('expired');
        return null;
      });
    });
  }, []);

  // the words come in the console's language: load again when it changes
  useEffect(() => {
    void refresh();
  }, [refresh, lang]);

  const logout = useCallback(async () => {
    await api('POST', '/api/auth/logout').catch(() => {});
    setSession(null);
    setReason('loggedOut');
  }, []);

  return <Ctx.Provider value={{ session, reason, loading, refresh, logout }}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The session of a logged-in page (the app shows the login otherwise). */
export function useLoggedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('not logged in');
  return session;
}
