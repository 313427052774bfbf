/**
 * Who is calling the cadre API. A bearer token is one of: ADMIN_TOKEN (the county office over
 * everything), a login session's token (expiring), or a cadre's long-lived API token; without a
 * Bearer header, the console's session cookie (session-cookie.ts) stands for the session. The caller
 * becomes the workflow's CadreActor (role + the region ids it may see and act in), in
 * ctx.state.actor; inactive cadres and expired sessions are refused.
 */
import type { Context, Next } from 'koa';
import type { PrismaClient } from '../../generated/prisma/client';
import { forbidden, HttpError, unauthorized } from '../../http/errors';
import type { CadreActor, Role } from '../../../flows/workflow';
import { actorForCadre, ADMIN_ACTOR } from './actor';
import { cookieToken } from './session-cookie';
import { bearerToken, hashToken, sameSecret } from './tokens';

/** How the caller proved who it is (logout ends only sessions). */
export type Credential = { kind: 'admin' } | { kind: 'session'; sessionId: string; expiresAt: Date } | { kind: 'api_token' };

// A session's lastUsedAt is refreshed at most this often (a write per request is not worth it).
const TOUCH_MS = 5 * 60_000;

/** The caller behind `token`; 'expired' for a session that has run out (said as such), null for anything else not valid. */
export async function resolveCadre(prisma: PrismaClient, token: string, adminToken: string | undefined, now: Date): Promise<{ actor: CadreActor; credential: Credential } | 'expired' | null> {
  if (adminToken && sameSecret(token, adminToken)) return { actor: ADMIN_ACTOR, credential: { kind: 'admin' } };
  const hash = hashToken(token);
  const session = await prisma.cadreSession.findUnique({ where: { tokenHash: hash }, include: { cadre: true } });
  if (session) {
    if (!session.cadre.active) return null;
    if (session.expiresAt <= now) return 'expired';
    if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_MS) await prisma.cadreSession.update({ where: { id: session.id }, data: { lastUsedAt: now } });
    return { actor: await actorForCadre(prisma, session.cadre), credential: { kind: 'session', sessionId: session.id, expiresAt: session.expiresAt } };
  }
  const cadre = await prisma.cadre.findUnique({ where: { tokenHash: hash } });
  if (!cadre || !cadre.active) return null;
  return { actor: await actorForCadre(prisma, cadre), credential: { kind: 'api_token' } };
}

export function requireCadre(prisma: PrismaClient, adminToken: string | undefined, clock: () => Date = () => new Date()) {
  return async (ctx: Context, next: Next) => {
    const token = bearerToken(ctx) ?? cookieToken(ctx);
    if (!token) throw unauthorized();
    const found = await resolveCadre(prisma, token, adminToken, clock());
    if (found === 'expired') throw new HttpError(401, 'session_expired', 'the login session has expired: log in again');
    if (!found) throw unauthorized();
    ctx.state.actor = found.actor;
    ctx.state.credential = found.credential;
    return next();
  };
}

/** The authenticated caller (after requireCadre). */
export function cadreOf(ctx: Context): CadreActor {
  return ctx.state.actor as CadreActor;
}

/** Refuses (403) a caller whose role is not among `roles` — e.g. the auditor, who reads but never acts. */
export function requireRole(actor: CadreActor, roles: readonly Role[], what: string): void {
  if (!roles.includes(actor.role)) throw forbidden(`a ${actor.role} account cannot ${what}`);
}
