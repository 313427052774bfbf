import { DRAFT_KEY, DRAFT_MAX_AGE_DAYS, clearDraft, hasProgress, loadDraft, saveDraft, type KeyValueStore } from '../src/lib/drafts';
import { SESSION_KEY, readSession, writeSession } from '../src/lib/session';
import type { Session } from '../src/lib/types';
import { addDocument, newDraft, updateDocument } from '../src/lib/form-state';

const now = new Date('2026-03-05T04:00:00Z');

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v), remove: (k) => void data.delete(k) };
}

describe('drafts kept on the phone', () => {
  test('what was typed comes back exactly after the app is closed and opened again', () => {
    const store = memoryStore();
    let d = newDraft('education', 'k1', now);
    d = { ...d, answers: { name: '王大妈', povertyAlleviated: false }, step: 2 };
    d = addDocument(d, { localId: 'a', item: 'fee_receipt', filePath: 'wxfile://a' }, now);
    d = updateDocument(d, 'a', { status: 'done', progress: 100, uploadId: 'u1' }, now);
    saveDraft(store, d);
    expect(loadDraft(store, now)).toEqual(d);
    expect(hasProgress(loadDraft(store, now))).toBe(true);
  });

  test('a photo cut off by closing the app comes back as not sent, with a reason', () => {
    const store = memoryStore();
    let d = newDraft('education', 'k1', now);
    d = addDocument(d, { localId: 'a', item: 'fee_receipt', filePath: 'wxfile://a' }, now);
    d = updateDocument(d, 'a', { progress: 40 }, now);
    saveDraft(store, d);
    expect(loadDraft(store, now)!.documents[0]).toMatchObject({ status: 'failed', progress: 0, error: 'app.upload.interrupted' });
  });

  test.each([
    ['nothing saved', null],
    ['not JSON', '{oops'],
    ['another format', JSON.stringify({ v: 2, answers: {} })],
    ['no key', JSON.stringify({ v: 1, answers: {} })],
  ])('%s → no draft', (_name, raw) => {
    const store = memoryStore();
    if (raw !== null) store.set(DRAFT_KEY, raw);
    expect(loadDraft(store, now)).toBeNull();
  });

  test('an unknown cause or odd answers are dropped, the rest kept', () => {
    const store = memoryStore();
    store.set(DRAFT_KEY, JSON.stringify({ v: 1, idempotencyKey: 'k', cause: 'lottery', answers: { name: '王大妈', age: 70, x: null }, step: -3, updatedAt: now.toISOString() }));
    expect(loadDraft(store, now)).toMatchObject({ cause: null, answers: { name: '王大妈' }, step: 0, documents: [], pending: null });
  });

  test('a fresh draft has nothing worth resuming; clearing removes it', () => {
    const store = memoryStore();
    saveDraft(store, newDraft(null, 'k', now));
    expect(hasProgress(loadDraft(store, now))).toBe(false);
    clearDraft(store);
    expect(store.data.size).toBe(0);
  });
});

/**
 * Second security review, L2: the draft (full ID number, phone, illness) stayed in the phone's
 * storage after "退出" and after a 401. It now goes when the session ends, and when it is older
 * than DRAFT_MAX_AGE_DAYS.
 */
describe('the draft does not outlive the session, nor a week', () => {
  const DAY = 86_400_000;
  const session = (expiresAt: Date): Session => ({ token: 'tok', expiresAt: expiresAt.toISOString(), villager: { id: 'v1', via: 'phone', phoneTail: '2222', lang: 'zh-CN' } });
  const withDraft = (updatedAt = now) => {
    const store = memoryStore();
    let d = newDraft('illness', 'k1', updatedAt);
    d = { ...d, answers: { idNumber: '11010519491231002X', phone: '13900002222', illness: '肺癌' } };
    saveDraft(store, d);
    return store;
  };

  test.each([
    ['saved just now', 0, true],
    ['six days old', 6 * DAY, true],
    [`${DRAFT_MAX_AGE_DAYS} days and a minute old`, DRAFT_MAX_AGE_DAYS * DAY + 60_000, false],
    ['a month old', 30 * DAY, false],
  ])('a draft %s → kept: %s (an old one is removed from the phone)', (_label, age, kept) => {
    const store = withDraft(new Date(now.getTime() - age));
    expect(loadDraft(store, now) !== null).toBe(kept);
    expect(store.data.has(DRAFT_KEY)).toBe(kept);
  });

  test('an undated draft counts as old', () => {
    const store = memoryStore();
    store.set(DRAFT_KEY, JSON.stringify({ v: 1, idempotencyKey: 'k', answers: { phone: '13900002222' } }));
    expect(loadDraft(store, now)).toBeNull();
    expect(store.data.size).toBe(0);
  });

  test('"退出" and a 401 end the session: the draft goes with it', () => {
    const store = withDraft();
    writeSession(store, session(new Date(now.getTime() + DAY)));
    expect(readSession(store, now)?.token).toBe('tok');
    writeSession(store, null);
    expect(store.data.has(SESSION_KEY)).toBe(false);
    expect(store.data.has(DRAFT_KEY)).toBe(false);
  });

  test('a saved session found expired at start is removed with the draft', () => {
    const store = withDraft();
    writeSession(store, session(new Date(now.getTime() - 60_000)));
    expect(readSession(store, now)).toBeNull();
    expect(store.data.size).toBe(0);
  });

  test('a live session keeps the draft; a draft typed before logging in is kept when the villager logs in', () => {
    const store = withDraft();
    expect(readSession(store, now)).toBeNull(); // no session yet: nothing to end, the draft stays
    expect(store.data.has(DRAFT_KEY)).toBe(true);
    writeSession(store, session(new Date(now.getTime() + DAY)));
    expect(readSession(store, now)).not.toBeNull();
    expect(loadDraft(store, now)?.answers.idNumber).toBe('11010519491231002X');
  });
});
