/**
 * A villager's own cases (miniprogram/API.md); another's case reads as not found (404):
 *   GET  /api/app/cases                              → my cases, newest first
 *   GET  /api/app/cases/:caseNo                      → the case, what is missing, the timeline
 *   GET  /api/app/cases/:caseNo/documents/:id        → a document of the case (bytes)
 *   POST /api/app/cases/:caseNo/supplements          → a photo for a case returned for documents
 *   POST /api/app/cases/:caseNo/resubmit {note?}     → back to the step that returned it
 *   POST /api/app/cases/:caseNo/withdraw             → withdrawn
 * Moves go through the workflow's performTransition with the villager as the actor.
 */
import Router from '@koa/router';
import { workflowSettings } from '../../core/settings/workflow';
import type { Context } from 'koa';
import { z } from 'zod';
import { t } from '../../../flows/i18n';
import type { Lang } from '../../../flows/engine/types';
import { HttpError, parseOr400 } from '../../http/errors';
import { requestLang } from '../../http/lang';
import { receiveFile, uploadParser } from '../../http/upload-file';
import type { UploadGuard } from '../../core/documents/upload-guard';
import { DOCUMENT_KIND } from '../../core/documents/kinds';
import { caseDetail, listCases } from '../villager-cases';
import { requireVillager, villagerOf, type Villager } from '../villager-auth';
import { RegionTree } from '../../core/regions/tree';
import { performTransition } from '../../core/workflow/perform';
import type { AppDeps } from '../../deps';
import { recordAccess } from '../../core/audit/access';
import { findOwnCase, holderOf, villagerActor } from '../../core/cases/own';
import { attachSupplement, supplementTarget, type SupplementRefusal } from '../../core/cases/supplement';
import { clockOf } from '../../core/clock';

const CaseNo = z.string().trim().regex(/^FP-\d{4}-\d{6}$/);
const ResubmitBody = z.object({ note: z.string().trim().max(500).optional() });

export function appCasesRouter(deps: AppDeps, guard: UploadGuard): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireVillager(deps.prisma, deps.config.defaultLang, now);
  const parser = uploadParser(deps.config.maxUploadBytes);
  const lang = (ctx: Context): Lang => requestLang(ctx, villagerOf(ctx).lang);
  const notFound = (ctx: Context) => new HttpError(404, 'not_found', t(lang(ctx), 'miniprogram.errors.case_not_found'));
  const caseNoOf = (ctx: Context) => {
    const r = CaseNo.safeParse(String(ctx.params.caseNo ?? '').toUpperCase());
    if (!r.success) throw notFound(ctx);
    return r.data;
  };
  /**
   * The contact as it is now: the household may have been linked meanwhile (by this filing or a
   * verified phone). A claimed link lists the household's cases with their status; the detail, the
   * papers and the moves need a link that acts for it (server/core/cases/own.ts).
   */
  const holder = (v: Villager) => holderOf(deps.prisma, v.contactId);
  const detail = async (ctx: Context, v: Villager, caseNo: string) => caseDetail(deps.prisma, await holder(v), caseNo, lang(ctx), now(), await RegionTree.load(deps.prisma));
  const refusal = (ctx: Context, r: SupplementRefusal) =>
    r.reason === 'not_found' ? notFound(ctx) : new HttpError(409, 'not_returned', t(lang(ctx), 'miniprogram.errors.not_returned'));

  router.get('/api/app/cases', auth, async (ctx) => {
    ctx.body = { cases: await listCases(deps.prisma, await holder(villagerOf(ctx)), lang(ctx), now()) };
  });

  router.get('/api/app/cases/:caseNo', auth, async (ctx) => {
    const found = await detail(ctx, villagerOf(ctx), caseNoOf(ctx));
    if (!found) throw notFound(ctx);
    ctx.body = found;
  });

  router.get('/api/app/cases/:caseNo/documents/:id', auth, async (ctx) => {
    const row = await findOwnCase(deps.prisma, await holder(villagerOf(ctx)), caseNoOf(ctx));
    const doc = row ? await deps.prisma.document.findFirst({ where: { id: String(ctx.params.id), caseId: row.id } }) : null;
    const stream = doc ? await deps.store.open(doc.storageKey) : undefined;
    if (!doc || !stream) throw notFound(ctx);
    const v = villagerOf(ctx);
    await recordAccess(deps.prisma, { actor: { kind: 'villager', contactId: v.contactId, householdId: null }, action: 'document:download', caseNo: row!.caseNo, fields: ['document'], subject: doc.id, at: now() });
    ctx.set('Content-Type', doc.mime);
    ctx.set('Content-Length', String(doc.size));
    ctx.body = stream;
  });

  router.post('/api/app/cases/:caseNo/supplements', auth, async (ctx) => {
    const v = villagerOf(ctx);
    const who = await holder(v);
    const caseNo = caseNoOf(ctx);
    // the rule (server/core/cases/supplement.ts) before the bytes are read, and again when they are kept
    const target = await supplementTarget(deps.prisma, who, caseNo);
    if (!target.ok) throw refusal(ctx, target);
    // the supplements of one case are capped like a villager's unfiled uploads (server/core/documents/upload-guard.ts)
    const pile = { caseId: target.case.id, kind: DOCUMENT_KIND.supplement };
    guard.takeRate(lang(ctx), v.contactId, now());
    await guard.admit(deps.prisma, lang(ctx), pile, 0);
    const doc = await guard.withBody(lang(ctx), async () => {
      const file = await receiveFile(ctx, parser, deps.store, lang(ctx), deps.config.maxImagePixels, (size) => guard.admit(deps.prisma, lang(ctx), pile, size));
      const kept = await attachSupplement(deps.prisma, who, caseNo, file, now());
      if (!kept.ok) throw refusal(ctx, kept);
      return kept.document;
    });
    await guard.settle(deps.prisma, lang(ctx), pile, doc.id);
    ctx.status = 201;
    ctx.body = { document: { id: doc.id, item: doc.kind, label: t(lang(ctx), 'miniprogram.timeline.supplement'), mime: doc.mime, size: doc.size, createdAt: doc.createdAt.toISOString() } };
  });

  for (const action of ['resubmit', 'withdraw'] as const) {
    router.post(`/api/app/cases/:caseNo/${action}`, auth, async (ctx) => {
      const v = villagerOf(ctx);
      const caseNo = caseNoOf(ctx);
      const body = parseOr400(ResubmitBody, ctx.request.body ?? {});
      const who = await holder(v);
      if (!(await findOwnCase(deps.prisma, who, caseNo))) throw notFound(ctx);
      const at = now();
      const workflow = await workflowSettings(deps, { regionId: (await deps.prisma.case.findUnique({ where: { caseNo }, select: { villageId: true } }))?.villageId ?? null });
      const result = await deps.prisma.$transaction((tx) =>
        performTransition(tx, workflow, villagerActor(who), caseNo, { action, ...(body.note ? { note: body.note } : {}) }, at),
      );
      if (!result.ok) {
        if (result.code === 'not_found' || result.code === 'not_own_case') throw notFound(ctx);
        throw new HttpError(409, action === 'resubmit' ? 'not_returned' : 'not_withdrawable', t(lang(ctx), action === 'resubmit' ? 'miniprogram.errors.not_returned' : 'miniprogram.errors.not_withdrawable'));
      }
      ctx.body = { case: await detail(ctx, v, caseNo) };
    });
  }
  return router;
}
