/**
 * Bearer tokens. The bot shares one secret with the server; each cadre has a personal token of
 * which only the SHA-256 is stored (tokens are long random strings, so a fast hash suffices —
 * passwords, which are not, come with the cadre login).
 */
import { createHash, timingSafeEqual, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { unauthorized } from '../refusal';

export function bearerToken(ctx: Context): string | undefined {
  const header = ctx.get('authorization');
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function requireBotToken(expected: string) {
  return async (ctx: Context, next: () => Promise<unknown>) => {
    const token = bearerToken(ctx);
    if (!token || !sameSecret(token, expected)) throw unauthorized();
    await next();
  };
}
