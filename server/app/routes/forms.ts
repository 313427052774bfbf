/**
 * The mini-program's form, derived from the chat's definitions (server/core/form/form.ts):
 *   GET  /api/forms/application?cause=&lang=   → the form definition (miniprogram/API.md)
 *   POST /api/forms/application/check           → errors, figures, pre-check and summary for some answers
 *   GET  /api/app/config                        → what the front end needs to know (logins, subscribe template, language, text messages)
 * No login: a village's QR code opens the form directly; nothing here is stored or personal.
 */
import Router from '@koa/router';
import { z } from 'zod';
import { t } from '../../../flows/i18n';
import { DOCUMENT_MIME_TYPES } from '../../core/documents/sniff';
import { HttpError, parseOr400 } from '../../http/errors';
import { checkAnswers, preview, understoodAmounts } from '../../core/form/answers';
import { formContext, formModel, isCause, presentForm } from '../../core/form/form';
import { requestLang } from '../../http/lang';
import { RegionTree } from '../../core/regions/tree';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';
import { workflowSettings } from '../../core/settings/workflow';

const CheckBody = z.object({
  cause: z.string(),
  lang: z.string().optional(),
  answers: z.record(z.string(), z.unknown()).default({}),
});

export function appFormsRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);

  router.get('/api/forms/application', async (ctx) => {
    const lang = requestLang(ctx, deps.config.defaultLang);
    const cause = ctx.query.cause;
    if (!isCause(cause)) throw new HttpError(400, 'bad_request', t(lang, 'miniprogram.errors.cause'), 'cause');
    const tree = await RegionTree.load(deps.prisma);
    const fctx = formContext(tree, now(), lang);
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = presentForm(formModel(cause), lang, fctx);
  });

  router.post('/api/forms/application/check', async (ctx) => {
    const lang = requestLang(ctx, deps.config.defaultLang);
    const body = parseOr400(CheckBody, ctx.request.body ?? {});
    if (!isCause(body.cause)) throw new HttpError(400, 'bad_request', t(lang, 'miniprogram.errors.cause'), 'cause');
    const tree = await RegionTree.load(deps.prisma);
    const fctx = formContext(tree, now(), lang);
    const model = formModel(body.cause);
    const checked = checkAnswers(model, body.answers, lang, fctx);
    ctx.body = { errors: checked.errors, missing: checked.missing, ...preview(model, checked.answers, lang, fctx), amounts: understoodAmounts(model, body.answers, checked, lang) };
  });

  router.get('/api/app/config', async (ctx) => {
    const wechat = deps.config.app.wechat;
    ctx.body = {
      wechatLogin: wechat !== null,
      otpLogin: true,
      subscribeTemplateId: wechat?.subscribe?.templateId ?? null,
      langs: ['zh-CN', 'en'],
      // the county's language: the app shows it until the villager picks one
      defaultLang: deps.config.defaultLang,
      // case updates of an application filed here go by text message to the phone on its form (server/core/sms)
      smsUpdates: deps.config.sms.provider !== 'off',
      maxUploadBytes: deps.config.maxUploadBytes,
      uploadTypes: [...DOCUMENT_MIME_TYPES],
      // the whole identification's time limit, said in the steps the app shows (flows/workflow/process-words.ts)
      totalLimit: (await workflowSettings(deps)).limits.total,
    };
  });
  return router;
}
