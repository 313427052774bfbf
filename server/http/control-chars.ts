/**
 * Control characters at the boundary. PostgreSQL refuses a NUL in text and JSON ("invalid byte
 * sequence"), which surfaced as a 500 wherever a NUL reached a query; the other C0 controls have
 * no business in anything a person types either. Tab, line feed and carriage return stay allowed
 * (notes and messages have lines). Refused as well: C1 controls (U+0080–U+009F), the bidi
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069: they make "张三.exe" read as something
 * else in a cadre's list) and unpaired UTF-16 surrogates (JSON can spell "\ud800", which no
 * UTF-8 can hold — it gave 500s). Every JSON body, query string and path is checked before any
 * route runs, and refused with a 400 that names the field; multipart text parts are checked by
 * refuseMultipartControlChars right after a multipart body is read, and WeChat display names
 * (and file names) are stripped rather than refused so that a villager with an odd name is never
 * locked out.
 */
import type { Context, Next } from 'koa';
import { t } from '../../flows/i18n';
import type { Lang } from '../../flows/engine/types';
import { requestLang } from './lang';
import { HttpError } from './errors';
import { pathOf, walkJson } from './json-walk';
import { hasControlChars, stripControlChars } from '../core/control-chars';

export { hasControlChars, stripControlChars };


/** Names WeChat gives us (a contact's name and alias, a group's topic): stripped, never refused. */
export const WECHAT_NAME_FIELDS: string[][] = [
  ['from', 'name'],
  ['from', 'alias'],
  ['room', 'topic'],
];

/**
 * The dotted path of the first string (value or key) under `value` that holds a control character.
 * Walked without recursion, the path built only for a hit (server/http/json-walk.ts).
 */
export function findControlChars(value: unknown): string | undefined {
  for (const node of walkJson(value)) {
    if (node.key !== null && node.parent && !Array.isArray(node.parent.value) && hasControlChars(node.key)) {
      return [...pathOf(node.parent), stripControlChars(node.key)].join('.');
    }
    if (typeof node.value === 'string' && hasControlChars(node.value)) return pathOf(node).join('.') || 'body';
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
    // a control character in a path or query reaches us escaped (%00) — the HTTP parser refuses raw
    // ones — so text without a '%' is checked as it is, and only escaped text is decoded and walked
    if (path.includes('%')) {
      try {
        path = decodeURIComponent(path);
      } catch {
        // a malformed escape is the router's 404, not ours
      }
    }
    if (hasControlChars(path)) throw controlCharsError(lang(), 'path');
    const querystring = ctx.querystring;
    if (querystring.includes('%') || hasControlChars(querystring)) {
      const inQuery = findControlChars(ctx.query);
      if (inQuery !== undefined) throw controlCharsError(lang(), inQuery);
    }
    const request = ctx.request as { body?: unknown };
    if (request.body !== undefined) {
      stripFields(request.body, opts.strip?.[ctx.path] ?? []);
      const inBody = findControlChars(request.body);
      if (inBody !== undefined) throw controlCharsError(lang(), inBody);
    }
    await next();
  };
}

/**
 * The text parts of a multipart body (multer puts them on ctx.request.body), past the JSON-body
 * check: refused like a JSON field, naming the part. `except`: parts the route checks itself
 * after parsing them (the bot's `meta`, whose WeChat names are stripped).
 */
export function refuseMultipartControlChars(ctx: Context, lang: Lang, except: string[] = []): void {
  const parts = (ctx.request as { body?: unknown }).body;
  if (!parts || typeof parts !== 'object') return;
  const checked = Object.fromEntries(Object.entries(parts).filter(([name]) => !except.includes(name)));
  const bad = findControlChars(checked);
  if (bad !== undefined) throw controlCharsError(lang, bad);
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
