/**
 * Department alerts — check tasks (server/core/alerts):
 *   GET  /api/alerts?status=&department=&overdue=&raisedFrom=&raisedTo=&region=&page=&pageSize=   → { items, total, page, pageSize } of the caller's region, newest first
 *   POST /api/alerts/:id/close { kind: case|not_needed|already_helped, caseNo?, reason? } → { id, status, closure, closedAt }
 * See docs/api.md.
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { closeAlert, CloseAlertBody } from '../../core/alerts/close';
import { AlertListQuery, listAlerts } from '../../core/alerts/list';
import { currentStatics, workflowOf } from '../../core/settings/workflow';
import { clockOf } from '../../core/clock';
import { badRequest, parseOr400 } from '../../http/errors';
import { requestLang } from '../../http/lang';
import type { AppDeps } from '../../deps';

const Id = z.string().trim().regex(/^[a-z0-9]{10,40}$/, 'must be an alert id');

export function alertsRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);

  router.get('/api/alerts', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.readAlerts, 'read alerts');
    const q = parseOr400(AlertListQuery, ctx.query);
    if ((q.raisedFrom === undefined) !== (q.raisedTo === undefined)) throw badRequest(`${q.raisedFrom ? 'raisedTo' : 'raisedFrom'}: needed with the other end of the days raised`, q.raisedFrom ? 'raisedTo' : 'raisedFrom');
    if (q.raisedFrom && q.raisedTo && q.raisedFrom > q.raisedTo) throw badRequest('raisedTo: before raisedFrom', 'raisedTo');
    const statics = await currentStatics(deps.prisma);
    const region = q.region === undefined ? undefined : statics.tree.byCode.get(q.region);
    if (q.region !== undefined && !region) throw badRequest(`region: no region has the code ${q.region}`, 'region');
    ctx.body = await listAlerts(deps.prisma, actor, q, { villages: region ? statics.tree.villageIdsUnder(region.id) : undefined, now: now(), lang: requestLang(ctx, deps.config.defaultLang), calendarOf: (countyId) => workflowOf(statics, countyId, deps.config.workflow).calendar });
  });

  router.post('/api/alerts/:id/close', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    const id = parseOr400(Id, ctx.params.id, 'id');
    const body = parseOr400(CloseAlertBody, ctx.request.body ?? {});
    const closed = await closeAlert(deps.prisma, actor, id, body, now());
    ctx.body = { id: closed.id, status: closed.status, closure: closed.closure, closedAt: closed.closedAt?.toISOString() ?? null };
  });

  return router;
}
