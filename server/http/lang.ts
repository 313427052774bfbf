/** The caller's language: `?lang=`, then the body's `lang`, then Accept-Language, then the default. */
import type { Context } from 'koa';
import type { Lang } from '../../flows/engine/types';

export function asLang(value: unknown): Lang | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'zh-cn' || v === 'zh' || v.startsWith('zh-')) return 'zh-CN';
  if (v === 'en' || v.startsWith('en-')) return 'en';
  return undefined;
}

export function requestLang(ctx: Context, fallback: Lang): Lang {
  const fromQuery = asLang(ctx.query.lang);
  if (fromQuery) return fromQuery;
  const body = (ctx.request as { body?: unknown }).body;
  const fromBody = body && typeof body === 'object' ? asLang((body as { lang?: unknown }).lang) : undefined;
  if (fromBody) return fromBody;
  const first = ctx.get('accept-language').split(',')[0]?.split(';')[0];
  return asLang(first) ?? fallback;
}
