/**
 * POST /api/app/subscriptions {templateId, caseNo?} — the villager accepted WeChat's
 * subscribe-message request (Taro.requestSubscribeMessage): one message may be sent to them, and
 * the next update of their cases uses it (server/core/notify/villager-targets.ts).
 */
import Router from '@koa/router';
import { z } from 'zod';
import { t } from '../../../flows/i18n';
import { HttpError, parseOr400 } from '../../http/errors';
import { takesSubscribeMessages } from '../../core/notify/channels';
import { requestLang } from '../../http/lang';
import { requireVillager, villagerOf } from '../villager-auth';
import type { AppDeps } from '../../deps';
import { findOwnCase, holderOf } from '../../core/cases/own';
import { clockOf } from '../../core/clock';

const Body = z.object({ templateId: z.string().trim().min(1).max(100), caseNo: z.string().trim().max(20).optional() });
/** Unused acceptances kept per villager: more are of no use (each update spends one). */
const MAX_CREDITS = 20;

export function appSubscriptionsRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireVillager(deps.prisma, deps.config.defaultLang, now);

  router.post('/api/app/subscriptions', auth, async (ctx) => {
    const v = villagerOf(ctx);
    const lang = requestLang(ctx, v.lang);
    const body = parseOr400(Body, ctx.request.body ?? {});
    const configured = deps.config.app.wechat?.subscribe?.templateId;
    if (!configured || body.templateId !== configured) throw new HttpError(409, 'not_configured', t(lang, 'miniprogram.errors.subscribe_not_configured'), 'templateId');
    if (!takesSubscribeMessages(v.channel)) throw new HttpError(400, 'bad_request', t(lang, 'miniprogram.errors.subscribe_phone'));
    let caseId: string | null = null;
    if (body.caseNo) {
      // updates of a household case go to contacts acting for the household (server/core/cases/own.ts)
      const row = await findOwnCase(deps.prisma, await holderOf(deps.prisma, v.contactId), body.caseNo.toUpperCase());
      if (!row) throw new HttpError(404, 'not_found', t(lang, 'miniprogram.errors.case_not_found'));
      caseId = row.id;
    }
    const unused = await deps.prisma.subscribeCredit.count({ where: { contactId: v.contactId, usedAt: null } });
    if (unused < MAX_CREDITS) await deps.prisma.subscribeCredit.create({ data: { contactId: v.contactId, templateId: configured, caseId, createdAt: now() } });
    ctx.status = 201;
    ctx.body = { remaining: Math.min(unused + 1, MAX_CREDITS) };
  });
  return router;
}
