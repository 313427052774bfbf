/**
 * The core refuses without HTTP (server/core/refusal.ts); the error middleware answers each kind
 * with the status, body and Retry-After the routes answered when the core threw HTTP errors itself.
 */
import { CoreRefusal, conflict, forbidden, invalid, notFound, unauthorized } from '../../server/core/refusal';
import { errorMiddleware, HttpError } from '../../server/http/errors';
import { createLogger } from '../../server/log';

async function answer(err: Error) {
  const headers: Record<string, string> = {};
  const ctx = { status: 200, body: undefined as unknown, method: 'GET', path: '/x', set: (k: string, v: string) => void (headers[k] = v) };
  await errorMiddleware(createLogger('error', () => undefined))(ctx as never, async () => {
    throw err;
  });
  return { status: ctx.status, body: ctx.body, headers };
}

test.each([
  ['invalid', invalid('regionCode: no region has the code 1', 'regionCode'), new HttpError(400, 'bad_request', 'regionCode: no region has the code 1', 'regionCode'), {}],
  ['unauthorized', unauthorized(), new HttpError(401, 'unauthorized', 'missing or invalid bearer token'), {}],
  ['session expired', new CoreRefusal('unauthorized', 'session_expired', 'the login session has expired: log in again'), new HttpError(401, 'session_expired', 'the login session has expired: log in again'), {}],
  ['forbidden', forbidden(), new HttpError(403, 'forbidden', 'not allowed for this account'), {}],
  ['not found', notFound('cadre'), new HttpError(404, 'not_found', 'cadre not found'), {}],
  ['conflict', conflict('inactive', 'the account is deactivated'), new HttpError(409, 'inactive', 'the account is deactivated'), {}],
  ['too large', new CoreRefusal('too_large', 'uploads_too_large', 'too much', 'file'), new HttpError(413, 'uploads_too_large', 'too much', 'file'), {}],
  ['too many', new CoreRefusal('too_many', 'too_many_requests', 'slow down', 'file', 42), new HttpError(429, 'too_many_requests', 'slow down', 'file'), { 'Retry-After': '42' }],
  ['busy', new CoreRefusal('busy', 'busy', 'busy now', 'file', 5), new HttpError(503, 'busy', 'busy now', 'file'), { 'Retry-After': '5' }],
] as const)('%s: answered as the HTTP error it replaces', async (_kind, refusal, http, headers) => {
  const [got, want] = [await answer(refusal), await answer(http)];
  expect(got).toEqual({ ...want, headers });
  expect(JSON.stringify(got.body)).toBe(JSON.stringify(want.body));
});
