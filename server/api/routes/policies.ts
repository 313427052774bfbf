/**
 * Policy articles. The county office manages them; villagers read them in the chat ("全文") and
 * in the mini-program.
 *   GET   /api/policies?lang=&status=&tag=&page=&pageSize=   county office, auditor → { items, total, page, pageSize }
 *   GET   /api/policies/:id                                  county office, auditor → { article }
 *   POST  /api/policies { key, lang, title, body, tags?, regionCode?, effectiveFrom?, effectiveTo?, status? } → 201 { article }
 *   PATCH /api/policies/:id { title?, body?, tags?, regionCode? (null: everywhere), effectiveFrom?, effectiveTo?, status? } → { article }
 *   POST  /api/policies/:id/retire                           → { article } (no longer shown; kept for the record)
 *   GET   /api/public/policies?lang=&village=&tag=           anyone → { items } published and in force, placeholders filled
 *   GET   /api/public/policies/:id?village=                  anyone → { article } (404 unless published and in force)
 * Figures are placeholders in the body ({{incomeLine}}, {{limits.total}}…), filled from configuration.
 */
import Router from '@koa/router';
import { workflowSettings } from '../../core/settings/workflow';
import { z } from 'zod';
import type { Lang } from '../../../flows';
import { renderTemplate } from '../../../flows/faq';
import { recordContentChange } from '../../core/audit/content';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import type { Prisma } from '../../generated/prisma/client';
import { badRequest, HttpError, notFound, parseOr400 } from '../../http/errors';
import { DateField, Id, Key, LangField, Paging, RegionCode, Status, template, Words } from '../../core/policy/fields';
import { renderScope } from '../../core/policy/render';
import { inForce, regionFilter, regionIdsReaching } from '../../core/policy/scope';
import { RegionTree } from '../../core/regions/tree';
import { regionIdOfCode } from '../../core/regions/by-code';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const Fields = {
  title: z.string().trim().min(1, 'required').max(200),
  body: template(20_000),
  tags: Words(30).max(20, 'at most 20'),
  regionCode: RegionCode.nullable(),
  effectiveFrom: DateField.nullable(),
  effectiveTo: DateField.nullable(),
  status: Status,
};

const datesInOrder = (b: { effectiveFrom?: Date | null; effectiveTo?: Date | null }) => !b.effectiveFrom || !b.effectiveTo || b.effectiveTo > b.effectiveFrom;

const CreateBody = z
  .object({ key: Key, lang: LangField, ...Fields, tags: Fields.tags.default([]), regionCode: Fields.regionCode.optional(), effectiveFrom: Fields.effectiveFrom.optional(), effectiveTo: Fields.effectiveTo.optional(), status: Status.default('published') })
  .refine(datesInOrder, { message: 'must be after effectiveFrom', path: ['effectiveTo'] });

const PatchBody = z
  .object(Fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', path: ['title'] })
  .refine(datesInOrder, { message: 'must be after effectiveFrom', path: ['effectiveTo'] });

const ListQuery = z.object({ lang: LangField.optional(), status: z.enum(['draft', 'published', 'retired']).optional(), tag: z.string().trim().min(1).max(30).optional(), ...Paging });
const PublicQuery = z.object({ lang: LangField.default('zh-CN'), village: RegionCode.optional(), tag: z.string().trim().min(1).max(30).optional() });

type ArticleRow = Prisma.PolicyArticleGetPayload<{ include: { region: true } }>;

function present(a: ArticleRow) {
  return {
    id: a.id,
    key: a.key,
    lang: a.lang,
    title: a.title,
    body: a.body,
    tags: a.tags,
    region: a.region ? { code: a.region.code, name: a.region.name } : null,
    effectiveFrom: a.effectiveFrom?.toISOString() ?? null,
    effectiveTo: a.effectiveTo?.toISOString() ?? null,
    status: a.status,
    retiredAt: a.retiredAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'P2002';

export function policiesRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);

  async function find(id: string): Promise<ArticleRow> {
    const row = await deps.prisma.policyArticle.findUnique({ where: { id: parseOr400(Id, id, 'id') }, include: { region: true } });
    if (!row) throw notFound('article');
    return row;
  }

  router.get('/api/policies', auth, async (ctx) => {
    requireRole(cadreOf(ctx), MAY.readKnowledge, 'list policy articles');
    const q = parseOr400(ListQuery, ctx.query);
    const where: Prisma.PolicyArticleWhereInput = { ...(q.lang ? { lang: q.lang } : {}), ...(q.status ? { status: q.status } : {}), ...(q.tag ? { tags: { has: q.tag } } : {}) };
    const [total, rows] = await Promise.all([
      deps.prisma.policyArticle.count({ where }),
      deps.prisma.policyArticle.findMany({ where, include: { region: true }, orderBy: [{ key: 'asc' }, { lang: 'asc' }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ]);
    ctx.body = { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
  });

  router.get('/api/policies/:id', auth, async (ctx) => {
    requireRole(cadreOf(ctx), MAY.readKnowledge, 'read policy articles');
    ctx.body = { article: present(await find(ctx.params.id)) };
  });

  router.post('/api/policies', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editKnowledge, 'publish policy articles');
    const body = parseOr400(CreateBody, ctx.request.body ?? {});
    const regionId = await regionIdOfCode(deps.prisma, body.regionCode);
    try {
      const row = await deps.prisma.$transaction(async (tx) => {
        const created = await tx.policyArticle.create({
          data: {
            key: body.key,
            lang: body.lang,
            title: body.title,
            body: body.body,
            tags: body.tags,
            regionId: regionId ?? null,
            effectiveFrom: body.effectiveFrom ?? null,
            effectiveTo: body.effectiveTo ?? null,
            status: body.status,
          },
          include: { region: true },
        });
        await recordContentChange(tx, { actor, action: 'policy:create', entry: created, at: now() });
        return created;
      });
      ctx.status = 201;
      ctx.body = { article: present(row) };
    } catch (err) {
      if (isUniqueViolation(err)) throw new HttpError(409, 'conflict', `key: an article ${body.key} in ${body.lang} exists already (PATCH it)`, 'key');
      throw err;
    }
  });

  router.patch('/api/policies/:id', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editKnowledge, 'change policy articles');
    const row = await find(ctx.params.id);
    const body = parseOr400(PatchBody, ctx.request.body ?? {});
    if (row.status === 'retired') throw new HttpError(409, 'retired', 'a retired article cannot be changed; create a new one');
    const from = body.effectiveFrom !== undefined ? body.effectiveFrom : row.effectiveFrom;
    const to = body.effectiveTo !== undefined ? body.effectiveTo : row.effectiveTo;
    if (from && to && to <= from) throw badRequest('effectiveTo: must be after effectiveFrom', 'effectiveTo');
    const regionId = await regionIdOfCode(deps.prisma, body.regionCode);
    const updated = await deps.prisma.$transaction(async (tx) => {
      const changed = await tx.policyArticle.update({
        where: { id: row.id },
        data: {
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.body !== undefined ? { body: body.body } : {}),
          ...(body.tags !== undefined ? { tags: body.tags } : {}),
          ...(regionId !== undefined ? { regionId } : {}),
          ...(body.effectiveFrom !== undefined ? { effectiveFrom: body.effectiveFrom } : {}),
          ...(body.effectiveTo !== undefined ? { effectiveTo: body.effectiveTo } : {}),
          ...(body.status !== undefined ? { status: body.status } : {}),
        },
        include: { region: true },
      });
      await recordContentChange(tx, { actor, action: 'policy:update', entry: changed, changed: Object.keys(body), at: now() });
      return changed;
    });
    ctx.body = { article: present(updated) };
  });

  router.post('/api/policies/:id/retire', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editKnowledge, 'retire policy articles');
    const row = await find(ctx.params.id);
    const updated =
      row.status === 'retired'
        ? row
        : await deps.prisma.$transaction(async (tx) => {
            const retired = await tx.policyArticle.update({ where: { id: row.id }, data: { status: 'retired', retiredAt: now() }, include: { region: true } });
            await recordContentChange(tx, { actor, action: 'policy:retire', entry: retired, at: now() });
            return retired;
          });
    ctx.body = { article: present(updated) };
  });

  // ---- public: what the mini-program shows (published, in force, the village's region) ----

  async function visible(village: string | undefined) {
    const tree = await RegionTree.load(deps.prisma);
    if (village && !tree.byCode.has(village)) throw badRequest(`village: no region has the code ${village}`, 'village');
    return { tree, where: { AND: [inForce(now()), regionFilter(regionIdsReaching(tree, village))] } };
  }

  router.get('/api/public/policies', async (ctx) => {
    const q = parseOr400(PublicQuery, ctx.query);
    const { tree, where } = await visible(q.village);
    const rows = await deps.prisma.policyArticle.findMany({ where: { ...where, lang: q.lang, ...(q.tag ? { tags: { has: q.tag } } : {}) }, orderBy: { key: 'asc' } });
    const scope = renderScope(tree, await workflowSettings(deps, { villageCode: q.village ?? null }), q.lang as Lang, now(), q.village);
    ctx.body = {
      items: rows.map((a) => {
        const body = renderTemplate(a.body, scope);
        return { id: a.id, key: a.key, lang: a.lang, title: a.title, summary: Array.from(body).slice(0, 80).join(''), tags: a.tags, effectiveFrom: a.effectiveFrom?.toISOString() ?? null, effectiveTo: a.effectiveTo?.toISOString() ?? null };
      }),
    };
  });

  router.get('/api/public/policies/:id', async (ctx) => {
    const id = parseOr400(Id, ctx.params.id, 'id');
    const q = parseOr400(PublicQuery.pick({ village: true }), ctx.query);
    const { tree, where } = await visible(q.village);
    const a = await deps.prisma.policyArticle.findFirst({ where: { ...where, id } });
    if (!a) throw notFound('article');
    const scope = renderScope(tree, await workflowSettings(deps, { villageCode: q.village ?? null }), a.lang as Lang, now(), q.village);
    ctx.body = {
      article: { id: a.id, key: a.key, lang: a.lang, title: a.title, body: renderTemplate(a.body, scope), tags: a.tags, effectiveFrom: a.effectiveFrom?.toISOString() ?? null, effectiveTo: a.effectiveTo?.toISOString() ?? null, updatedAt: a.updatedAt.toISOString() },
    };
  });

  return router;
}
