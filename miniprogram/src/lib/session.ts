/**
 * The villager's session kept on the phone, and what goes with it. When the session ends — "退出",
 * a 401 from the server, or a saved session found expired at start — the application draft goes
 * too: it holds the ID number, the phone and the illness, and the next person to pick up a shared
 * phone must not find them.
 */
import { clearDraft, type KeyValueStore } from './drafts';
import type { Session } from './types';

export const SESSION_KEY = 'fangpin.session';

/** The saved session while it lasts; an expired or unreadable one is removed with the draft. */
export function readSession(store: KeyValueStore, now: Date = new Date()): Session | null {
  const raw = store.get(SESSION_KEY);
  if (!raw) return null;
  let s: Session | null = null;
  try {
    s = JSON.parse(raw) as Session;
  } catch {
    s = null;
  }
  if (s && typeof s.token === 'string' && new Date(s.expiresAt).getTime() > now.getTime()) return s;
  endSession(store);
  return null;
}

/** Keeps a new session, or (null) ends the current one. */
export function writeSession(store: KeyValueStore, next: Session | null): void {
  if (next) store.set(SESSION_KEY, JSON.stringify(next));
  else endSession(store);
}

function endSession(store: KeyValueStore): void {
  store.remove(SESSION_KEY);
  clearDraft(store);
}
