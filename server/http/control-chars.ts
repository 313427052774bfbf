/**
 * Control characters at the boundary. PostgreSQL refuses a NUL in text and JSON ("invalid byte
 * sequence"), which surfaced as a 500 wherever a NUL reached a query; the other C0 controls have
 * no business in anything a person types either. Tab, line feed and carriage return stay allowed
 * (notes and messages have lines). Every JSON body, query string and path is checked before any
 * route runs, and refused with a 400 that names the field; multipart text parts are checked by
 * the routes that read them (the `meta` of a bot upload), and WeChat display names are stripped
 * rather than refused so that a villager with an odd name is never locked out.
 */
import type { Context, Next } from 'koa';
import { t } from '../../flows/i18n';
import type { Lang } from '../../flows/engine/types';
import { requestLang } from '../miniprogram/lang';
import { HttpError } from './errors';

/** C0 controls except \t \n \r, and DEL. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function hasControlChars(s: string): boolean {
  return CONTROL.test(s);
}

/** For display names and topics that come from WeChat: drop the controls, keep the rest. */
export function stripControlChars(s: string): string {
  return s.replace(CONTROL_ALL, '');
}

/** Names WeChat gives us (a contact's name and alias, a group's topic): stripped, never refused. */
export const WECHAT_NAME_FIELDS: string[][] = [
  ['from', 'name'],
  ['from', 'alias'],
  ['room', 'topic'],
];

/** The dotted path of the first string (value or key) under `value` that holds a control character. */
export function findControlChars(value: unknown, at: string[] = []): string | undefined {
  if (typeof value === 'string') return hasControlChars(value) ? at.join('.') || 'body' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlChars(value[i], [...at, String(i)]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (hasControlChars(key)) return [...at, stripControlChars(key)].join('.');
      const found = findControlChars(inner, [...at, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

export function controlCharsError(lang: Lang, field: string): HttpError {
  return new HttpError(400, 'bad_request', t(lang, 'server.control_chars_field', { field }), field);
}

/**
 * Refuses control characters in the path, the query and a JSON body. `strip` lists, per path,
 * body fields that are cleaned instead (WeChat display names).
 */
export function refuseControlChars(opts: { defaultLang: Lang; strip?: Record<string, string[][]> }) {
  return async (ctx: Context, next: Next) => {
    const lang = () => requestLang(ctx, opts.defaultLang);
    let path = ctx.path;
    try {
      path = decodeURIComponent(ctx.path);
    } catch {
      // a malformed escape is the router's 404, not ours
    }
    if (hasControlChars(path)) throw controlCharsError(lang(), 'path');
    const inQuery = findControlChars(ctx.query);
    if (inQuery !== undefined) throw controlCharsError(lang(), inQuery);
    const request = ctx.request as { body?: unknown };
    stripFields(request.body, opts.strip?.[ctx.path] ?? []);
    const inBody = findControlChars(request.body);
    if (inBody !== undefined) throw controlCharsError(lang(), inBody);
    await next();
  };
}

/** Strips control characters from the string at each of `fields` in `body` (in place). */
export function stripFields(body: unknown, fields: string[][]): void {
  for (const field of fields) stripAt(body, field);
}

function stripAt(body: unknown, field: string[]): void {
  let holder = body as Record<string, unknown> | undefined;
  for (const key of field.slice(0, -1)) {
    const inner = holder?.[key];
    holder = inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : undefined;
  }
  const last = field[field.length - 1]!;
  if (holder && typeof holder[last] === 'string') holder[last] = stripControlChars(holder[last] as string);
}
