/**
 * The county's time limits, shortest 公示 and working-day calendar (server/core/settings/workflow.ts):
 *   GET    /api/settings/workflow?county= → { county, settings, defaults, stored, updatedAt, updatedBy }
 *          every cadre reads its county's; `settings` is what applies now, `defaults` the environment's
 *   PUT    /api/settings/workflow?county= { limits: { <status>|total: { days, working } } (each named),
 *          publicityMinDays, holidays: [YYYY-MM-DD], workdays: [YYYY-MM-DD] } → the same as GET   county office
 *   DELETE /api/settings/workflow?county= → the same as GET (back to the defaults)   county office
 * `county` (a county's code) is needed only by the whole-system admin token in a database of several counties.
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { clockOf } from '../../core/clock';
import { countyForRequest, currentStatics, readWorkflowSetting, resetWorkflowSetting, WorkflowSettingValue, writeWorkflowSetting } from '../../core/settings/workflow';
import { parseOr400 } from '../../http/errors';
import type { AppDeps } from '../../deps';

const Query = z.object({ county: z.string().trim().regex(/^\d{6,12}$/, 'must be a county code').optional() });

export function countySettingsRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);
  const countyOf = async (actor: ReturnType<typeof cadreOf>, query: unknown) => countyForRequest((await currentStatics(deps.prisma)).tree, actor, parseOr400(Query, query).county);

  router.get('/api/settings/workflow', auth, async (ctx) => {
    const county = await countyOf(cadreOf(ctx), ctx.query);
    ctx.body = await readWorkflowSetting(deps.prisma, deps.config.workflow, county);
  });

  router.put('/api/settings/workflow', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editCountySettings, 'change the time limits');
    const county = await countyOf(actor, ctx.query);
    const value = parseOr400(WorkflowSettingValue, ctx.request.body ?? {});
    await writeWorkflowSetting(deps.prisma, actor, deps.config.workflow, county, value, now());
    ctx.body = await readWorkflowSetting(deps.prisma, deps.config.workflow, county);
  });

  router.delete('/api/settings/workflow', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editCountySettings, 'reset the time limits');
    const county = await countyOf(actor, ctx.query);
    await resetWorkflowSetting(deps.prisma, actor, county, now());
    ctx.body = await readWorkflowSetting(deps.prisma, deps.config.workflow, county);
  });
  return router;
}
