/**
 * The console's session in a cookie. A browser cannot put a Bearer header on an <img> or a
 * download link, and a token kept in page storage is readable by any script that gets in; so a
 * login also sets the session token as `fp_session` — HttpOnly (no script reads it),
 * SameSite=Strict (no other site's page sends it), Path=/api, expiring with the session — and the
 * cadre API accepts it besides the Bearer header. A change (anything but GET/HEAD) made with the
 * cookie must also carry the `X-Requested-With` header: a form on another site cannot set it, and
 * a cross-origin script that tries needs a CORS preflight this server never grants.
 */
import type { Context } from 'koa';
import { CoreRefusal } from '../refusal';

export const SESSION_COOKIE = 'fp_session';
export const CSRF_HEADER = 'x-requested-with';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

export function setSessionCookie(ctx: Context, token: string, expiresAt: Date): void {
  ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/api', expires: expiresAt, secure: ctx.secure, overwrite: true });
}

export function clearSessionCookie(ctx: Context): void {
  ctx.cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/api', expires: new Date(0), secure: ctx.secure, overwrite: true });
}

/** The session token of the cookie, when the request may use it (a change needs the CSRF header); undefined without a cookie. */
export function cookieToken(ctx: Context): string | undefined {
  const token = ctx.cookies.get(SESSION_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  if (!SAFE_METHODS.has(ctx.method) && !ctx.get(CSRF_HEADER)) {
    throw new CoreRefusal('forbidden', 'csrf', `a change made with the session cookie must carry the ${CSRF_HEADER} header`);
  }
  return token;
}
