/**
 * Failures of the JSON body parser. Its own refusals (malformed JSON, too large, an unknown
 * Content-Encoding) already carry a 4xx; a body sent as `Content-Encoding: gzip|deflate|br` that
 * does not decompress threw zlib's error without one — a 500 before any authentication. Whatever
 * goes wrong reading a request body is the body's fault: a 400 naming it.
 */
import type { Context } from 'koa';
import { t } from '../../flows/i18n';
import type { Lang } from '../../flows/engine/types';
import { requestLang } from './lang';
import { HttpError } from './errors';

export function bodyError(defaultLang: Lang) {
  return (err: Error, ctx: Context): never => {
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) throw err;
    throw new HttpError(400, 'bad_request', t(requestLang(ctx, defaultLang), 'server.body_unreadable'), 'body');
  };
}
