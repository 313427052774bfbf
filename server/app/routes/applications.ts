/**
 * POST /api/app/applications (villager; header Idempotency-Key) — an application from the
 * mini-program, checked with the chat's parsers and schema and filed by the chat's filing code
 * (server/app/submit.ts). 201 filed, 200 an open application of the same cause exists
 * (the uploads went to it), 400 with every wrong field, 422 a key reused with other contents.
 */
import Router from '@koa/router';
import { workflowSettings } from '../../core/settings/workflow';
import { z } from 'zod';
import { t } from '../../../flows/i18n';
import { HttpError, parseOr400 } from '../../http/errors';
import { isCause } from '../../core/form/form';
import { asLang, requestLang } from '../../http/lang';
import { submitApplication } from '../submit';
import { requireVillager, villagerOf } from '../villager-auth';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const Body = z.object({
  cause: z.string(),
  lang: z.string().optional(),
  answers: z.record(z.string(), z.unknown()),
  documents: z.array(z.object({ uploadId: z.string().min(1).max(40), item: z.string().min(1).max(40) })).max(60).default([]),
});
const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

export function appApplicationsRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireVillager(deps.prisma, deps.config.defaultLang, now);

  router.post('/api/app/applications', auth, async (ctx) => {
    const v = villagerOf(ctx);
    const lang = requestLang(ctx, v.lang);
    const key = ctx.get('idempotency-key').trim();
    if (!KEY.test(key)) throw new HttpError(400, 'bad_request', t(lang, 'miniprogram.errors.idempotency_key'), 'Idempotency-Key');
    const body = parseOr400(Body, ctx.request.body ?? {});
    if (!isCause(body.cause)) throw new HttpError(400, 'bad_request', t(lang, 'miniprogram.errors.cause'), 'cause');
    const result = await submitApplication(
      deps.prisma,
      // the county of the village the form names (the only county's while it names none)
      { workflow: await workflowSettings(deps, { villageCode: typeof body.answers.villageCode === 'string' ? body.answers.villageCode : null }), identityChecks: { keyring: deps.keyring, perHour: deps.config.auth.identityChecksPerHour } },
      v,
      key,
      { cause: body.cause, lang: asLang(body.lang) ?? lang, answers: body.answers, documents: body.documents },
      now(),
    );
    if (result.replayed) ctx.set('Idempotent-Replay', 'true');
    ctx.status = result.status;
    ctx.body = result.body;
  });
  return router;
}
