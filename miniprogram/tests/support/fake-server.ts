/**
 * A stand-in for the server's submission endpoint behind a Transport: it files once per
 * Idempotency-Key (replaying the first answer), can drop answers on the way back (the request
 * arrived, the villager saw nothing), and counts what was filed.
 */
import type { HttpRequest, HttpResponse, Transport } from '../../src/lib/api';

export interface FakeServer {
  transport: Transport;
  filed: unknown[];
  requests: HttpRequest[];
  /** The next n answers are lost after the server acted. */
  loseAnswers(n: number): void;
  /** The next n requests never arrive. */
  dropRequests(n: number): void;
  /** Reject the next submission as invalid (nothing filed). */
  rejectNext(fields: Record<string, string>): void;
}

export function fakeServer(): FakeServer {
  const byKey = new Map<string, { body: string; res: HttpResponse }>();
  const filed: unknown[] = [];
  const requests: HttpRequest[] = [];
  let lose = 0;
  let drop = 0;
  let reject: Record<string, string> | null = null;

  const handle = (req: HttpRequest): HttpResponse => {
    const key = req.headers['Idempotency-Key'];
    const body = JSON.stringify(req.body);
    const seen = byKey.get(key);
    if (seen) {
      if (seen.body !== body) return { status: 422, headers: {}, data: { error: { code: 'idempotency_key_reused', message: 'reused' } } };
      return { ...seen.res, headers: { 'idempotent-replay': 'true' } };
    }
    if (reject) {
      const fields = reject;
      reject = null;
      const first = Object.keys(fields)[0];
      return { status: 400, headers: {}, data: { error: { code: 'invalid', message: `有 ${Object.keys(fields).length} 项需要修改`, field: first, fields } } };
    }
    filed.push(req.body);
    const caseNo = `FP-2026-${String(filed.length).padStart(6, '0')}`;
    const res: HttpResponse = { status: 201, headers: {}, data: { case: { caseNo }, duplicate: false } };
    byKey.set(key, { body, res });
    return res;
  };

  return {
    filed,
    requests,
    loseAnswers: (n) => void (lose = n),
    dropRequests: (n) => void (drop = n),
    rejectNext: (fields) => void (reject = fields),
    transport: {
      async request(req) {
        requests.push(req);
        if (drop > 0) {
          drop--;
          throw new Error('offline');
        }
        const res = handle(req);
        if (lose > 0) {
          lose--;
          throw new Error('connection reset');
        }
        return res;
      },
      async upload() {
        throw new Error('not used');
      },
    },
  };
}
