/**
 * Who is calling the cadre API. A bearer token is one of: ADMIN_TOKEN (the county office over
 * everything), a login session's token (expiring), or a cadre's long-lived API token; without a
 * Bearer header, the console's session cookie (session-cookie.ts) stands for the session. The caller
 * becomes the workflow's CadreActor (role + the region ids it may see and act in), in
 * ctx.state.actor; inactive cadres and expired sessions are refused.
 */
import type { Context, Next } from 'koa';
import type { PrismaClient } from '../../generated/prisma/client';
import { CoreRefusal, forbidden, unauthorized } from '../refusal';
import type { CadreActor, Role } from '../../../flows/workflow';
import { STATIC_STAMP_SQL, staticDataCache } from '../cache/static-data';
import { throughPrisma, type SqlRunner } from '../db/direct';
import { preparedStatement } from '../db/prepared';
import { actorForCadre, ADMIN_ACTOR } from './actor';
import { cookieToken } from './session-cookie';
import { bearerToken, hashToken, sameSecret } from './tokens';
import { systemClock } from '../clock';

/** How the caller proved who it is (logout ends only sessions). */
export type Credential = { kind: 'admin' } | { kind: 'session'; sessionId: string; expiresAt: Date } | { kind: 'api_token' };

// A session's lastUsedAt is refreshed at most this often (a write per request is not worth it).
const TOUCH_MS = 5 * 60_000;

type CallerRow = { sessionId: string | null; expiresAt: Date | null; lastUsedAt: Date | null; id: string; name: string; role: string; regionId: string; active: boolean; staticStamp: string | null };

/**
 * The login session or the API token a token's hash stands for, with its cadre, and the stamp of the
 * cached static data (server/core/cache/static-data.ts) — one statement, prepared, sent on every
 * request: a session ended by logout or a cadre made inactive is refused at its next request, and
 * the region tree the caller's reach is computed from is the cached one while the stamp says it is
 * current (was: the session with its cadre through the ORM, then the whole tree, every request).
 */
const CALLER_SQL = preparedStatement(
  'cadre_caller',
  `SELECT t.*, ${STATIC_STAMP_SQL} AS "staticStamp" FROM (
  SELECT s."id" AS "sessionId", s."expiresAt", s."lastUsedAt", c."id", c."name", c."role", c."regionId", c."active"
  FROM "CadreSession" s JOIN "Cadre" c ON c."id" = s."cadreId" WHERE s."tokenHash" = $1
  UNION ALL
  SELECT NULL, NULL, NULL, c."id", c."name", c."role", c."regionId", c."active" FROM "Cadre" c WHERE c."tokenHash" = $1
) t`,
);

/**
 * The caller behind `token`; 'expired' for a session that has run out (said as such), null for
 * anything else not valid. `sql`: the pool's runner (core/db/direct.ts), else through `prisma`.
 */
export async function resolveCadre(prisma: PrismaClient, token: string, adminToken: string | undefined, now: Date, sql: SqlRunner = throughPrisma(prisma)): Promise<{ actor: CadreActor; credential: Credential } | 'expired' | null> {
  if (adminToken && sameSecret(token, adminToken)) return { actor: ADMIN_ACTOR, credential: { kind: 'admin' } };
  const rows = await sql.rows<CallerRow>(CALLER_SQL, [hashToken(token)]);
  // a session before an API token, should one hash ever be both
  const session = rows.find((r) => r.sessionId !== null);
  if (session) {
    if (!session.active) return null;
    if (session.expiresAt! <= now) return 'expired';
    if (now.getTime() - session.lastUsedAt!.getTime() > TOUCH_MS) await prisma.cadreSession.update({ where: { id: session.sessionId! }, data: { lastUsedAt: now } });
    return { actor: await actorOf(prisma, session), credential: { kind: 'session', sessionId: session.sessionId!, expiresAt: session.expiresAt! } };
  }
  const cadre = rows[0];
  if (!cadre || !cadre.active) return null;
  return { actor: await actorOf(prisma, cadre), credential: { kind: 'api_token' } };
}

/** The cadre's actor, its reach computed from the cached region tree (read again when the stamp moved). */
async function actorOf(prisma: PrismaClient, row: CallerRow): Promise<CadreActor> {
  const { tree } = await staticDataCache(prisma).get(prisma, row.staticStamp);
  return actorForCadre(prisma, row, tree);
}

/** `sql`: where the caller's statement goes (the pool's runner when the server has one). */
export function requireCadre(prisma: PrismaClient, adminToken: string | undefined, clock: () => Date = systemClock, sql?: SqlRunner) {
  return async (ctx: Context, next: Next) => {
    const token = bearerToken(ctx) ?? cookieToken(ctx);
    if (!token) throw unauthorized();
    const found = await resolveCadre(prisma, token, adminToken, clock(), sql);
    if (found === 'expired') throw new CoreRefusal('unauthorized', 'session_expired', 'the login session has expired: log in again');
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
