/**
 * The core's "no": an action refused for a reason the caller can act on (bad input, no right, not
 * found, a conflict with the current state, too many, too large, busy). The core says which kind
 * it is, with a stable code, a message, the field at fault and, where a retry helps, when; each
 * channel says it its own way — server/http/errors.ts answers it with an HTTP status (httpStatusOf)
 * and the JSON error body. The core knows nothing of HTTP.
 */
export type RefusalKind = 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'too_many' | 'busy';

export class CoreRefusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds after which the same request may pass (a rate or a full gate). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const invalid = (message: string, field?: string) => new CoreRefusal('invalid', 'bad_request', message, field);
export const unauthorized = () => new CoreRefusal('unauthorized', 'unauthorized', 'missing or invalid bearer token');
export const forbidden = (message = 'not allowed for this account') => new CoreRefusal('forbidden', 'forbidden', message);
export const notFound = (what: string) => new CoreRefusal('not_found', 'not_found', `${what} not found`);
/** Refused by the state of what it acts on (a deactivated account, a broadcast already sent). */
export const conflict = (code: string, message: string, field?: string) => new CoreRefusal('conflict', code, message, field);
