/**
 * Cadre login (server/core/auth/login.ts):
 *   POST /api/auth/login { username, password } → { token, expiresAt, deviceToken, cadre: { id, name, role, region } }
 *     401 for an unknown name, an inactive account or a wrong password alike; 429 with Retry-After
 *     when a login limit is reached (server/core/auth/login-limits.ts), whatever the name. The known-device
 *     token comes back as the `fp_device` cookie and `deviceToken`; send it as the cookie or the
 *     X-Device-Token header.
 *     The session also comes back as the `fp_session` cookie (HttpOnly, SameSite=Strict, Path=/api),
 *     which the cadre API accepts instead of the Bearer header (the console; core/auth/session-cookie.ts).
 *   POST /api/auth/logout   (the session's bearer token or cookie) → 204, the cookie cleared
 *   GET  /api/auth/me       → { cadre, via: 'session' | 'api_token' | 'admin', expiresAt? }
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre, type Credential } from '../../core/auth/cadre';
import { deviceTokenOf, setDeviceCookie } from '../../core/auth/known-devices';
import { login, logout } from '../../core/auth/login';
import { LoginLimits } from '../../core/auth/login-limits';
import { clearSessionCookie, cookieToken, setSessionCookie } from '../../core/auth/session-cookie';
import { bearerToken } from '../../core/auth/tokens';
import { HttpError, parseOr400 } from '../../http/errors';
import { requestLang } from '../../http/lang';
import { RegionTree } from '../../core/regions/tree';
import { ClientLimiter } from '../../core/throttle/clients';
import { Gate } from '../../core/throttle/gate';
import { t } from '../../../flows/i18n';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const LoginBody = z.object({
  username: z.string().trim().min(1, 'required').max(64),
  password: z.string().min(1, 'required').max(200),
});

export function authRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);
  const limits = new LoginLimits(
    deps.config.auth,
    new ClientLimiter({ perMinute: deps.config.auth.clientPerMinute, perHour: deps.config.auth.clientPerHour }),
    new Gate(deps.config.auth.loginConcurrency),
  );

  router.post('/api/auth/login', async (ctx) => {
    const body = parseOr400(LoginBody, ctx.request.body ?? {});
    const lang = requestLang(ctx, deps.config.defaultLang);
    const result = await login(deps.prisma, limits, body.username, body.password, { address: ctx.ip, deviceToken: deviceTokenOf(ctx) }, deps.config.auth, now());
    if (!result.ok && result.reason === 'throttled') {
      ctx.set('Retry-After', String(result.retryAfterSeconds));
      throw new HttpError(429, 'too_many_attempts', t(lang, 'auth.login.throttled', { seconds: result.retryAfterSeconds }), undefined, { retryAfterSeconds: result.retryAfterSeconds });
    }
    if (!result.ok) throw new HttpError(401, 'invalid_login', t(lang, 'auth.login.invalid'));
    setDeviceCookie(ctx, result.deviceToken);
    setSessionCookie(ctx, result.token, result.expiresAt);
    const tree = await RegionTree.load(deps.prisma);
    const region = tree.byId.get(result.cadre.regionId);
    ctx.body = {
      token: result.token,
      expiresAt: result.expiresAt.toISOString(),
      deviceToken: result.deviceToken,
      cadre: { id: result.cadre.id, name: result.cadre.name, role: result.cadre.role, region: region ? { code: region.code, name: region.name, level: region.level } : null },
    };
  });

  router.post('/api/auth/logout', auth, async (ctx) => {
    if ((ctx.state.credential as Credential).kind === 'session') await logout(deps.prisma, (bearerToken(ctx) ?? cookieToken(ctx))!);
    clearSessionCookie(ctx);
    ctx.status = 204;
  });

  router.get('/api/auth/me', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    const credential = ctx.state.credential as Credential;
    const row = actor.id === 'admin' ? null : await deps.prisma.cadre.findUnique({ where: { id: actor.id }, include: { region: true } });
    ctx.body = {
      cadre: { id: actor.id, name: actor.name, role: actor.role, region: row ? { code: row.region.code, name: row.region.name, level: row.region.level } : null },
      via: credential.kind,
      ...(credential.kind === 'session' ? { expiresAt: credential.expiresAt.toISOString() } : {}),
    };
  });
  return router;
}
