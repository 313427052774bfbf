/**
 * Submitting a draft so that a retry never files twice. The draft's Idempotency-Key goes with
 * every attempt; while the outcome of an attempt is unknown (no answer), its body is kept in
 * the draft as `pending`, so a later tap — even after the app was closed — repeats the same
 * request and gets the first answer back. A definitive refusal (wrong answers) filed nothing:
 * the next attempt gets a fresh key.
 */
import { ApiError, withRetry, type Api } from './api';
import type { Draft } from './form-state';
import type { SubmissionBody, SubmitResult } from './types';

export interface SubmitDeps {
  api: Pick<Api, 'submit'>;
  /** Persist the draft before and after each attempt (Taro.setStorageSync). */
  save: (draft: Draft) => void;
  newKey: () => string;
  sleep: (ms: number) => Promise<void>;
  /** Waits between automatic retries of one tap. */
  delaysMs?: number[];
}

export type SubmitOutcome =
  | { ok: true; result: SubmitResult; draft: Draft }
  | { ok: false; error: ApiError; draft: Draft };

function same(a: SubmissionBody, b: SubmissionBody): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function submitDraft(draft: Draft, body: SubmissionBody, deps: SubmitDeps): Promise<SubmitOutcome> {
  const delays = deps.delaysMs ?? [1000, 3000];
  const attempt = (b: SubmissionBody) =>
    withRetry(() => deps.api.submit(b, draft.idempotencyKey), { attempts: delays.length + 1, delaysMs: delays, sleep: deps.sleep });

  // The answers changed after an attempt whose outcome is unknown: send the new body with the
  // same key; if the server says the key was used, the first attempt was filed — get its answer.
  if (draft.pending && !same(draft.pending, body)) {
    const pending = draft.pending;
    try {
      return { ok: true, result: await attempt(body), draft };
    } catch (e) {
      const err = asApiError(e);
      if (err.code !== 'idempotency_key_reused') return settleFailure(draft, err, deps);
      try {
        return { ok: true, result: await attempt(pending), draft };
      } catch (e2) {
        return settleFailure(draft, asApiError(e2), deps);
      }
    }
  }

  const sending: Draft = { ...draft, pending: body };
  deps.save(sending);
  try {
    return { ok: true, result: await attempt(body), draft: sending };
  } catch (e) {
    return settleFailure(sending, asApiError(e), deps);
  }
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'network', '');
}

function settleFailure(draft: Draft, error: ApiError, deps: SubmitDeps): SubmitOutcome {
  // Unknown outcome: keep key and body for the next tap.
  if (error.transient) return { ok: false, error, draft };
  // Refused (wrong answers, not logged in): nothing was filed; the next attempt is a new request.
  const next: Draft = { ...draft, pending: null, idempotencyKey: deps.newKey() };
  deps.save(next);
  return { ok: false, error, draft: next };
}
