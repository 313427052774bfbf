/**
 * The draft kept on the phone: saved after every change (Taro.setStorageSync in WeChat,
 * localStorage in the browser), read back when the application page opens again. A photo that
 * was on its way when the app closed comes back as "not sent" with a retry button. It holds the ID
 * number, the phone and the illness, so it does not outlive its use: a draft untouched for
 * DRAFT_MAX_AGE_DAYS is removed when next read, and the session's end removes it (lib/session.ts).
 */
import type { Draft, DraftDocument } from './form-state';
import { CAUSES } from './types';

export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export const DRAFT_KEY = 'fangpin.draft.v1';
export const DRAFT_MAX_AGE_DAYS = 7;

export function saveDraft(store: KeyValueStore, draft: Draft): void {
  store.set(DRAFT_KEY, JSON.stringify(draft));
}

export function clearDraft(store: KeyValueStore): void {
  store.remove(DRAFT_KEY);
}

/** The saved draft, or null when there is none, it cannot be read (an older app's format) or it is too old (then it is removed). */
export function loadDraft(store: KeyValueStore, now: Date = new Date()): Draft | null {
  const raw = store.get(DRAFT_KEY);
  if (!raw) return null;
  let d: Partial<Draft>;
  try {
    d = JSON.parse(raw) as Partial<Draft>;
  } catch {
    return null;
  }
  if (!d || d.v !== 1 || typeof d.idempotencyKey !== 'string' || typeof d.answers !== 'object' || d.answers === null) return null;
  // an undated draft counts as old
  const saved = typeof d.updatedAt === 'string' ? Date.parse(d.updatedAt) : NaN;
  if (!(now.getTime() - saved <= DRAFT_MAX_AGE_DAYS * 86_400_000)) {
    clearDraft(store);
    return null;
  }
  const cause = d.cause && CAUSES.includes(d.cause) ? d.cause : null;
  const documents = Array.isArray(d.documents) ? d.documents.filter(isDocument).map(interrupted) : [];
  return {
    v: 1,
    cause,
    formVersion: typeof d.formVersion === 'string' ? d.formVersion : null,
    answers: Object.fromEntries(Object.entries(d.answers).filter(([, v]) => typeof v === 'string' || typeof v === 'boolean')),
    documents,
    step: Number.isInteger(d.step) && (d.step as number) >= 0 ? (d.step as number) : 0,
    idempotencyKey: d.idempotencyKey,
    pending: d.pending ?? null,
    updatedAt: d.updatedAt as string,
  };
}

function isDocument(x: unknown): x is DraftDocument {
  const d = x as DraftDocument;
  return !!d && typeof d.localId === 'string' && typeof d.item === 'string' && typeof d.filePath === 'string';
}

/** An upload cut off by closing the app did not finish: offer to send it again. */
function interrupted(d: DraftDocument): DraftDocument {
  if (d.status === 'done' && d.uploadId) return d;
  return { ...d, status: 'failed', progress: 0, error: d.error ?? 'app.upload.interrupted' };
}

/** True when a saved draft holds something worth resuming. */
export function hasProgress(draft: Draft | null): boolean {
  return !!draft && (Object.keys(draft.answers).length > 0 || draft.documents.length > 0);
}

/** The village chosen in the saved draft, if any (policy articles fill in that village's figures). */
export function draftVillage(store: KeyValueStore, now: Date = new Date()): string | undefined {
  const v = loadDraft(store, now)?.answers.villageCode;
  return typeof v === 'string' && /^\d{6,15}$/.test(v) ? v : undefined;
}
