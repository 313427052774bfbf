/**
 * The demo clock of a development start (server/core/demo-clock.ts) — 404 wherever there is none
 * (the simulator off, and so always in production):
 *   GET    /api/demo/clock            → { now, realNow, offsetMs, offsetDays, ahead }
 *   POST   /api/demo/clock { days }   → the same, `days` (1–60) later; audited
 *   DELETE /api/demo/clock            → back to the real time; audited
 * Any logged-in cadre reads it and moves it, but the auditor, who changes nothing.
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { recordAudit } from '../../core/audit/record';
import { clockOf } from '../../core/clock';
import { DEMO_MAX_DAYS } from '../../core/demo-clock';
import { forbidden, notFound, parseOr400 } from '../../http/errors';
import type { AppDeps } from '../../deps';

const Body = z.strictObject({ days: z.number().int().min(1).max(DEMO_MAX_DAYS) });

export function demoRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);
  const clock = () => {
    if (!deps.demoClock) throw notFound('demo clock');
    return deps.demoClock;
  };
  // the 404 before the login: without a demo clock, nothing here exists
  const exists = async (_ctx: unknown, next: () => Promise<unknown>) => {
    clock();
    await next();
  };

  router.get('/api/demo/clock', exists, auth, async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = clock().state();
  });

  router.post('/api/demo/clock', exists, auth, async (ctx) => {
    const actor = cadreOf(ctx);
    if (actor.role === 'auditor') throw forbidden();
    const { days } = parseOr400(Body, ctx.request.body ?? {});
    await clock().advance(deps.prisma, days);
    await recordAudit(deps.prisma, { at: now(), actor, action: 'demo_clock_advance', allowed: true, subject: `+${days}d` });
    ctx.body = clock().state();
  });

  router.delete('/api/demo/clock', exists, auth, async (ctx) => {
    const actor = cadreOf(ctx);
    if (actor.role === 'auditor') throw forbidden();
    await clock().reset(deps.prisma);
    await recordAudit(deps.prisma, { at: now(), actor, action: 'demo_clock_reset', allowed: true });
    ctx.body = clock().state();
  });
  return router;
}
