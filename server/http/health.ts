import Router from '@koa/router';
import type { AppDeps } from '../deps';

/** GET /health — the process is up and the database answers. */
export function healthRouter(deps: AppDeps): Router {
  const router = new Router();
  router.get('/health', async (ctx) => {
    try {
      await deps.prisma.$queryRaw`SELECT 1`;
      ctx.body = { status: 'ok', database: 'ok' };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'degraded', database: 'unreachable' };
    }
  });
  return router;
}
