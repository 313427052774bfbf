/**
 * HTTP errors with a stable JSON shape: { error: { code, message, field? } }.
 * Bad input changes nothing and says which field is wrong.
 */
import type { Context, Next } from 'koa';
import { z } from 'zod';
import type { Logger } from '../log';
import { CoreRefusal, type RefusalKind } from '../core/refusal';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The HTTP status of each kind of the core's refusals (server/core/refusal.ts). */
const STATUS_OF: Record<RefusalKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  too_many: 429,
  busy: 503,
};

export const httpStatusOf = (kind: RefusalKind): number => STATUS_OF[kind];

export const badRequest = (message: string, field?: string) => new HttpError(400, 'bad_request', message, field);
export const unauthorized = () => new HttpError(401, 'unauthorized', 'missing or invalid bearer token');
export const forbidden = (message = 'not allowed for this account') => new HttpError(403, 'forbidden', message);
export const notFound = (what: string) => new HttpError(404, 'not_found', `${what} not found`);

/** Turns a zod error into a 400 that names the first offending field. */
export function fromZodError(error: z.ZodError, prefix?: string): HttpError {
  const issue = error.issues[0];
  const field = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  return badRequest(`${field || 'body'}: ${issue?.message ?? 'invalid'}`, field || undefined);
}

export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, prefix?: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error, prefix);
  return parsed.data;
}

export function errorMiddleware(log: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
    } catch (err) {
      if (err instanceof CoreRefusal) {
        ctx.status = httpStatusOf(err.kind);
        if (err.retryAfterSeconds !== undefined) ctx.set('Retry-After', String(err.retryAfterSeconds));
        ctx.body = { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
        return;
      }
      if (err instanceof HttpError) {
        ctx.status = err.status;
        ctx.body = { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) }, ...(err.extra ?? {}) };
        return;
      }
      const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500) {
        // koa / body parser errors (malformed JSON, too large, wrong content type).
        ctx.status = status;
        ctx.body = { error: { code: status === 413 ? 'too_large' : 'bad_request', message: (err as Error).message } };
        return;
      }
      log.error('unhandled error', { method: ctx.method, path: ctx.path, err });
      ctx.status = 500;
      ctx.body = { error: { code: 'internal', message: 'internal error' } };
    }
  };
}
