/**
 * Nesting depth of JSON bodies. Nothing this API takes nests more than a few levels (a case's
 * answers: three), while `[[[[…` 5,000 levels deep gave 500s and burned the event loop in every
 * walk of the body. A body — or the bot's `meta` part — nested deeper than MAX_JSON_DEPTH is
 * refused with a 400 naming the deepest field it reached, before any route reads it.
 */
import type { Context, Next } from 'koa';
import { t } from '../../flows/i18n';
import type { Lang } from '../../flows/engine/types';
import { requestLang } from './lang';
import { HttpError } from './errors';
import { pathOf, walkJson } from './json-walk';

export const MAX_JSON_DEPTH = 32;

/** The dotted path of the first object or array nested deeper than `max`, or undefined. */
export function tooDeepAt(value: unknown, max = MAX_JSON_DEPTH): string | undefined {
  // a container at depth d is the (d+1)-th level of nesting; its children are not walked
  for (const node of walkJson(value, (n) => n.depth < max)) {
    if (node.depth >= max && node.value !== null && typeof node.value === 'object') return pathOf(node).join('.') || 'body';
  }
  return undefined;
}

export function tooDeepError(lang: Lang, field: string): HttpError {
  return new HttpError(400, 'bad_request', t(lang, 'server.json_too_deep', { field, max: MAX_JSON_DEPTH }), field);
}

/** Refuses a JSON body nested deeper than MAX_JSON_DEPTH (after the body parser, before any route). */
export function refuseDeepJson(opts: { defaultLang: Lang }) {
  return async (ctx: Context, next: Next) => {
    const body = (ctx.request as { body?: unknown }).body;
    // only a container nests (a GET has no body at all)
    const deep = body !== null && typeof body === 'object' ? tooDeepAt(body) : undefined;
    if (deep !== undefined) throw tooDeepError(requestLang(ctx, opts.defaultLang), deep);
    await next();
  };
}
