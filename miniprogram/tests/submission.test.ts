import { createApi } from '../src/lib/api';
import { loadDraft, saveDraft, type KeyValueStore } from '../src/lib/drafts';
import { buildSubmission, newDraft, setAnswer, type Draft } from '../src/lib/form-state';
import { submitDraft } from '../src/lib/submission';
import { educationForm as def } from './support/education-form';
import { fakeServer } from './support/fake-server';

const now = new Date('2026-03-05T04:00:00Z');

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v), remove: (k) => void data.delete(k) };
}

function setup() {
  const server = fakeServer();
  const store = memoryStore();
  const api = createApi({ base: '', transport: server.transport, getToken: () => 'tok', getLang: () => 'zh-CN' });
  let keys = 0;
  const deps = { api, save: (d: Draft) => saveDraft(store, d), newKey: () => `key-${++keys}`, sleep: async () => undefined, delaysMs: [1, 1] };
  let draft = newDraft('education', 'key-0', now);
  draft = setAnswer(def, draft, 'name', '王大妈', now);
  saveDraft(store, draft);
  return { server, store, deps, draft };
}

describe('submitting a draft never files twice', () => {
  test('answers lost on the way back are retried with the same key: one case, the first answer', async () => {
    const { server, deps, draft } = setup();
    server.loseAnswers(2);
    const out = await submitDraft(draft, buildSubmission(def, draft, 'zh-CN'), deps);
    expect(out.ok).toBe(true);
    expect(server.filed).toHaveLength(1);
    expect(server.requests.map((r) => r.headers['Idempotency-Key'])).toEqual(['key-0', 'key-0', 'key-0']);
    expect(out.ok && out.result.case.caseNo).toBe('FP-2026-000001');
  });

  test('the app closed while the outcome was unknown: the next tap, after a restart, repeats the same request', async () => {
    const { server, store, deps, draft } = setup();
    server.loseAnswers(3); // every automatic retry of this tap loses its answer
    const first = await submitDraft(draft, buildSubmission(def, draft, 'zh-CN'), deps);
    expect(first.ok).toBe(false);
    expect(!first.ok && first.error.transient).toBe(true);
    expect(server.filed).toHaveLength(1);

    const reopened = loadDraft(store, now)!; // what the phone kept
    expect(reopened.pending).toEqual(buildSubmission(def, draft, 'zh-CN'));
    expect(reopened.idempotencyKey).toBe('key-0');
    const second = await submitDraft(reopened, buildSubmission(def, reopened, 'zh-CN'), deps);
    expect(second.ok).toBe(true);
    expect(server.filed).toHaveLength(1);
  });

  test('answers changed after an unknown outcome: the server says the key was used, the first filing is returned', async () => {
    const { server, deps, draft } = setup();
    server.loseAnswers(3);
    const first = await submitDraft(draft, buildSubmission(def, draft, 'zh-CN'), deps);
    expect(first.ok).toBe(false);
    const edited = setAnswer(def, first.draft, 'name', '王秀英', now);
    const second = await submitDraft(edited, buildSubmission(def, edited, 'zh-CN'), deps);
    expect(second.ok && second.result.case.caseNo).toBe('FP-2026-000001');
    expect(server.filed).toHaveLength(1);
  });

  test('no connection at all: nothing filed, the draft keeps its key and body for later', async () => {
    const { server, store, deps, draft } = setup();
    server.dropRequests(3);
    const out = await submitDraft(draft, buildSubmission(def, draft, 'zh-CN'), deps);
    expect(out.ok).toBe(false);
    expect(server.filed).toHaveLength(0);
    expect(loadDraft(store, now)).toMatchObject({ idempotencyKey: 'key-0', pending: buildSubmission(def, draft, 'zh-CN') });
    const later = await submitDraft(loadDraft(store, now)!, buildSubmission(def, draft, 'zh-CN'), deps);
    expect(later.ok).toBe(true);
    expect(server.filed).toHaveLength(1);
  });

  test('refused answers filed nothing: the corrected submission goes with a new key and is filed once', async () => {
    const { server, store, deps, draft } = setup();
    server.rejectNext({ idNumber: '身份证号好像有一位输错了' });
    const out = await submitDraft(draft, buildSubmission(def, draft, 'zh-CN'), deps);
    expect(out.ok).toBe(false);
    expect(!out.ok && out.error).toMatchObject({ status: 400, field: 'idNumber', fields: { idNumber: '身份证号好像有一位输错了' } });
    expect(out.draft).toMatchObject({ pending: null, idempotencyKey: 'key-1' });
    expect(loadDraft(store, now)).toMatchObject({ pending: null, idempotencyKey: 'key-1' });
    const fixed = setAnswer(def, out.draft, 'idNumber', '11010519491231002X', now);
    const again = await submitDraft(fixed, buildSubmission(def, fixed, 'zh-CN'), deps);
    expect(again.ok).toBe(true);
    expect(server.filed).toHaveLength(1);
    expect(server.requests.at(-1)!.headers['Idempotency-Key']).toBe('key-1');
  });
});
