/**
 * 代录 — a cadre enters an application for a villager who cannot use WeChat (server/core/cases/enter.ts):
 *   GET  /api/entry/form?cause=&lang=   → the mini-program's form definition (server/core/form/form.ts),
 *        its towns and villages cut to the caller's region
 *   POST /api/entry/applications { cause, lang?, answers, documents: [item…] }
 *        → 201 { caseNo, case } — filed as the chat and the mini-program file, channel 'cadre', the
 *        consents recorded as given in person to the caller today; 400 naming every wrong field
 *        ({ error, fields }); 403 for a role that enters none or a village outside the region (field villageCode)
 *   POST /api/entry/applications/:caseNo/photos?item= (multipart `file`) — a photo of the villager's
 *        papers, filed as checklist item `item`, by the cadre who entered it while it is open
 *        → 201 { document }; the uploads' places, rate and caps apply (per case)
 */
import Router from '@koa/router';
import { z } from 'zod';
import { t } from '../../../flows/i18n';
import type { CadreActor } from '../../../flows/workflow';
import { CAUSES } from '../../../flows/engine/types';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { caseDetailAudited } from '../../core/cases/detail';
import { addEntryPhoto, enterApplication, entryItems, entryPhotoCase, entryPhotosOf } from '../../core/cases/enter';
import { clockOf } from '../../core/clock';
import { UploadGuard } from '../../core/documents/upload-guard';
import { formContext, formModel, isCause, presentForm, type FormDefinition } from '../../core/form/form';
import { RegionTree } from '../../core/regions/tree';
import { workflowSettings } from '../../core/settings/workflow';
import { forbidden, fromZodError, HttpError, notFound, parseOr400 } from '../../http/errors';
import { asLang, requestLang } from '../../http/lang';
import { refusalError } from '../../http/refusal';
import { uploadParser } from '../../http/upload-file';
import { receiveCadrePhoto } from '../cadre-photo-upload';
import { CaseNo } from './cases';
import type { AppDeps } from '../../deps';

const Body = z.strictObject({
  cause: z.enum(CAUSES),
  lang: z.string().optional(),
  answers: z.record(z.string(), z.unknown()),
  documents: z.array(z.string().min(1).max(40)).max(20).default([]),
});

const Item = z.string().min(1).max(40);

export function entryRouter(deps: AppDeps, uploads: UploadGuard = new UploadGuard(deps.config.uploads)): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);
  const parser = uploadParser(deps.config.maxUploadBytes);
  const mayEnter = (actor: CadreActor) => (MAY.enterApplications as readonly string[]).includes(actor.role);

  router.get('/api/entry/form', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    const lang = requestLang(ctx, deps.config.defaultLang);
    if (!mayEnter(actor)) throw forbidden(t(lang, 'entry.error.role'));
    const cause = ctx.query.cause;
    if (!isCause(cause)) throw new HttpError(400, 'bad_request', t(lang, 'miniprogram.errors.cause'), 'cause');
    const tree = await RegionTree.load(deps.prisma);
    const form = presentForm(formModel(cause), lang, formContext(tree, now(), lang));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = withinRegion(form, tree, actor);
  });

  router.post('/api/entry/applications', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    const raw: unknown = ctx.request.body ?? {};
    const parsed = Body.safeParse(raw);
    if (!parsed.success) {
      // an unknown cause is said in the caller's language, as the form's own checks are
      const asked = asLang((raw as { lang?: unknown } | null)?.lang) ?? requestLang(ctx, deps.config.defaultLang);
      if (parsed.error.issues[0]?.path[0] === 'cause') throw new HttpError(400, 'bad_request', t(asked, 'miniprogram.errors.cause'), 'cause');
      throw fromZodError(parsed.error);
    }
    const body = parsed.data;
    const lang = asLang(body.lang) ?? requestLang(ctx, deps.config.defaultLang);
    const at = now();
    const villageCode = typeof body.answers.villageCode === 'string' ? body.answers.villageCode : null;
    const settings = { workflow: await workflowSettings(deps, { villageCode }), identityChecks: { keyring: deps.keyring, perHour: deps.config.auth.identityChecksPerHour } };
    const result = await enterApplication(deps.prisma, settings, actor, { cause: body.cause, lang, answers: body.answers, documents: body.documents }, at);
    if (!result.ok) {
      if (result.code === 'invalid') {
        const names = Object.keys(result.fields);
        throw new HttpError(400, 'invalid', t(lang, 'miniprogram.form.error.invalid', { n: names.length }), names[0], { fields: result.fields });
      }
      throw new HttpError(403, result.code, result.message, result.field);
    }
    const detail = await caseDetailAudited(deps.prisma, result.caseNo, actor, at, 'case:view', settings.workflow.calendar);
    if (!detail) throw notFound('case');
    ctx.status = 201;
    ctx.body = { caseNo: result.caseNo, case: detail };
  });

  router.post('/api/entry/applications/:caseNo/photos', auth, async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    const item = parseOr400(Item, ctx.query.item, 'item');
    const actor = cadreOf(ctx);
    const lang = requestLang(ctx, deps.config.defaultLang);
    // who may, and which item, before a byte of the photo is read
    const allowed = await deps.prisma.$transaction((tx) => entryPhotoCase(tx, actor, caseNo, now()));
    if (!allowed.ok) throw refusalError(allowed);
    if (!entryItems(allowed.cause).has(item)) throw new HttpError(400, 'bad_request', t(lang, 'entry.error.item'), 'item');
    await receiveCadrePhoto(ctx, deps, uploads, parser, { cadreId: actor.id, lang, pile: entryPhotosOf(allowed.caseId, allowed.cause), now }, (file) =>
      deps.prisma.$transaction((tx) => addEntryPhoto(tx, actor, caseNo, item, file, now())),
    );
  });
  return router;
}

/** The form with only the towns and villages the caller may enter for (the county office: all). */
function withinRegion(form: FormDefinition, tree: RegionTree, actor: CadreActor): FormDefinition {
  if (actor.regionIds === null) return form;
  const reach = actor.regionIds;
  const mine = (code: unknown) => {
    const r = tree.byCode.get(String(code));
    return r !== undefined && reach.has(r.id);
  };
  type Opt = { value: unknown };
  const fields = form.fields.map((f) => {
    if (f.kind !== 'region') return f;
    const out = { ...f } as Record<string, unknown>;
    // a town is offered when one of its villages is the caller's
    const keep = (o: Opt) => (f.level === 'town' ? tree.towns().some((town) => town.code === o.value && town.villages.some((v) => mine(v.code))) : mine(o.value));
    if (Array.isArray(out.options)) out.options = (out.options as Opt[]).filter(keep);
    const by = out.optionsBy as { field: string; options: Record<string, Opt[]> } | undefined;
    if (by) out.optionsBy = { ...by, options: Object.fromEntries(Object.entries(by.options).map(([k, opts]) => [k, opts.filter(keep)])) };
    return out as typeof f;
  });
  return { ...form, fields };
}
