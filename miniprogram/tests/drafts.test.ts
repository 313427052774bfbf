import { DRAFT_KEY, clearDraft, hasProgress, loadDraft, saveDraft, type KeyValueStore } from '../src/lib/drafts';
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
    expect(loadDraft(store)).toEqual(d);
    expect(hasProgress(loadDraft(store))).toBe(true);
  });

  test('a photo cut off by closing the app comes back as not sent, with a reason', () => {
    const store = memoryStore();
    let d = newDraft('education', 'k1', now);
    d = addDocument(d, { localId: 'a', item: 'fee_receipt', filePath: 'wxfile://a' }, now);
    d = updateDocument(d, 'a', { progress: 40 }, now);
    saveDraft(store, d);
    expect(loadDraft(store)!.documents[0]).toMatchObject({ status: 'failed', progress: 0, error: 'app.upload.interrupted' });
  });

  test.each([
    ['nothing saved', null],
    ['not JSON', '{oops'],
    ['another format', JSON.stringify({ v: 2, answers: {} })],
    ['no key', JSON.stringify({ v: 1, answers: {} })],
  ])('%s → no draft', (_name, raw) => {
    const store = memoryStore();
    if (raw !== null) store.set(DRAFT_KEY, raw);
    expect(loadDraft(store)).toBeNull();
  });

  test('an unknown cause or odd answers are dropped, the rest kept', () => {
    const store = memoryStore();
    store.set(DRAFT_KEY, JSON.stringify({ v: 1, idempotencyKey: 'k', cause: 'lottery', answers: { name: '王大妈', age: 70, x: null }, step: -3 }));
    expect(loadDraft(store)).toMatchObject({ cause: null, answers: { name: '王大妈' }, step: 0, documents: [], pending: null });
  });

  test('a fresh draft has nothing worth resuming; clearing removes it', () => {
    const store = memoryStore();
    saveDraft(store, newDraft(null, 'k', now));
    expect(hasProgress(loadDraft(store))).toBe(false);
    clearDraft(store);
    expect(store.data.size).toBe(0);
  });
});
