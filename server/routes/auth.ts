/**
 * Cadre login (server/auth/login.ts):
 *   POST /api/auth/login { username, password } → { token, expiresAt, cadre: { id, name, role, region } }
 *     401 for an unknown name or a wrong password alike; 423 while locked (Retry-After).
 *   POST /api/auth/logout   (the session's bearer token) → 204
 *   GET  /api/auth/me       → { cadre, via: 'session' | 'api_token' | 'admin' }
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre, type Credential } from '../auth/cadre';
import { login, logout } from '../auth/login';
import { bearerToken } from '../auth/tokens';
import { HttpError, parseOr400 } from '../http/errors';
import { RegionTree } from '../regions/tree';
import type { AppDeps } from '../app';

const LoginBody = z.object({
  username: z.string().trim().min(1, 'required').max(64),
  password: z.string().min(1, 'required').max(200),
});

export function authRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = () => deps.now?.() ?? new Date();
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);

  router.post('/api/auth/login', async (ctx) => {
    const body = parseOr400(LoginBody, ctx.request.body ?? {});
    const at = now();
    const result = await login(deps.prisma, body.username, body.password, deps.config.auth, at);
    if (!result.ok && result.reason === 'locked') {
      ctx.set('Retry-After', String(Math.max(1, Math.ceil((result.until.getTime() - at.getTime()) / 1000))));
      throw new HttpError(423, 'locked', 'too many failed logins: this account is locked for a while; try again later or ask the county office', undefined, {
        lockedUntil: result.until.toISOString(),
      });
    }
    if (!result.ok) throw new HttpError(401, 'invalid_login', 'wrong username or password');
    const tree = await RegionTree.load(deps.prisma);
    const region = tree.byId.get(result.cadre.regionId);
    ctx.body = {
      token: result.token,
      expiresAt: result.expiresAt.toISOString(),
      cadre: { id: result.cadre.id, name: result.cadre.name, role: result.cadre.role, region: region ? { code: region.code, name: region.name, level: region.level } : null },
    };
  });

  router.post('/api/auth/logout', auth, async (ctx) => {
    if ((ctx.state.credential as Credential).kind === 'session') await logout(deps.prisma, bearerToken(ctx)!);
    ctx.status = 204;
  });

  router.get('/api/auth/me', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    const credential = ctx.state.credential as Credential;
    const row = actor.id === 'admin' ? null : await deps.prisma.cadre.findUnique({ where: { id: actor.id }, include: { region: true } });
    ctx.body = {
      cadre: { id: actor.id, name: actor.name, role: actor.role, region: row ? { code: row.region.code, name: row.region.name, level: row.region.level } : null },
      via: credential.kind,
    };
  });
  return router;
}
