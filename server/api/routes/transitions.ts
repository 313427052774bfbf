/**
 * GET /api/workflow — the statuses and moves, each move's data as JSON Schema; the caller's 待办
 * statuses (`todo`) and the workflow's words in the caller's language (`words`, ?lang=).
 * POST /api/cases/:caseNo/transitions { to, action?, note?, data? } — a cadre moves a case
 * (server/core/workflow/perform.ts). The transaction commits refusals too, so they stay audited;
 * then the refusal is answered (see server/http/refusal.ts for the status codes).
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { caseDetailAudited } from '../../core/cases/detail';
import { notFound, parseOr400 } from '../../http/errors';
import { refusalError } from '../../http/refusal';
import { performTransition } from '../../core/workflow/perform';
import { workflowSettings } from '../../core/settings/workflow';
import { type Action, CASE_STATUS, CASE_STATUSES, moveSchemas, OWNER_ROLES, SIDE_ACT_ROLES, statusesOwnedBy, statusOfAct, TRANSITIONS } from '../../../flows/workflow';
import { requestLang } from '../../http/lang';
import { workflowWords } from '../workflow-words';
import { CaseNo } from './cases';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const ACTIONS = [...new Set(TRANSITIONS.map((r) => r.action))] as [Action, ...Action[]];

const Body = z
  .object({
    to: z.enum(CASE_STATUSES, { message: `must be one of ${CASE_STATUSES.join(', ')}` }).optional(),
    /** Names the move when `to` alone is ambiguous (e.g. 绿色通道 fast_approve vs approve). */
    action: z.enum(ACTIONS, { message: `must be one of ${ACTIONS.join(', ')}` }).optional(),
    note: z.string().max(1000).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((b) => b.to !== undefined || b.action !== undefined, { message: 'say where the case goes (to)', path: ['to'] });

/** The side acts (the visit, objections): in which status and by whom, as the workflow says. */
const SIDE_ACTS = Object.fromEntries((['visit', 'objection'] as const).map((act) => [act, { status: statusOfAct(act), roles: SIDE_ACT_ROLES[act] }]));

export function transitionsRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);

  // The workflow as data: statuses, their owners and every move with the data it asks as JSON
  // Schema (flows/workflow), so a client builds each move's form from the table itself.
  router.get('/api/workflow', requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql), (ctx) => {
    const lang = requestLang(ctx, deps.config.defaultLang);
    // statusOf: the statuses a client names — where a filed case starts (it passes on at once), where a returned one waits
    ctx.body = { statuses: CASE_STATUSES, statusOf: { filed: CASE_STATUS.submitted, returned: CASE_STATUS.returned }, owners: OWNER_ROLES, sideActs: SIDE_ACTS, moves: moveSchemas(), todo: statusesOwnedBy(cadreOf(ctx).role), lang, words: workflowWords(lang) };
  });

  router.post('/api/cases/:caseNo/transitions', requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql), async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    const body = parseOr400(Body, ctx.request.body ?? {});
    const actor = cadreOf(ctx);
    const at = now();
    // the county's time limits and calendar as they are now (core/settings/workflow.ts)
    const workflow = await workflowSettings(deps, { actor });
    const result = await deps.prisma.$transaction((tx) => performTransition(tx, workflow, actor, caseNo, body, at));
    if (!result.ok) throw refusalError(result);
    const [detail, event] = await Promise.all([caseDetailAudited(deps.prisma, caseNo, actor, at, 'case:transition', workflow.calendar), deps.prisma.caseEvent.findUniqueOrThrow({ where: { id: result.eventId } })]);
    if (!detail) throw notFound('case');
    ctx.body = {
      case: detail,
      event: { id: event.id, at: event.at.toISOString(), type: event.type, from: event.fromStatus, to: event.toStatus, note: event.note, data: event.data },
    };
  });
  return router;
}
