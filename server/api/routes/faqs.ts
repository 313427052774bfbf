/**
 * FAQ entries, managed by the county office; the chat answers villagers from them (flows/faq).
 *   GET   /api/faqs?lang=&status=&page=&pageSize=          county office, auditor → { items, total, page, pageSize }
 *   GET   /api/faqs/:id                                    county office, auditor → { faq }
 *   POST  /api/faqs { key, lang, question, synonyms?, keywords?, answer, articleId?, regionCode?, sortOrder?, status? } → 201 { faq }
 *   PATCH /api/faqs/:id { question?, synonyms?, keywords?, answer?, articleId? (null), regionCode? (null), sortOrder?, status? } → { faq }
 *   POST  /api/faqs/:id/retire                             → { faq } (no longer matched; kept for the record)
 *   GET   /api/faqs/match?q=&lang=&village=                county office, auditor → how the chat would read q: { kind, candidates, answer? }
 *   POST  /api/faqs/try { text, lang?, village? }          county office, auditor → the chat's own reading of a villager's question,
 *                                                          replies and all (core/policy/try-question.ts); writes nothing
 * An answer holds no money figure: {{incomeLine}} and the other placeholders are filled from
 * configuration when a villager asks (flows/faq/placeholders.ts).
 */
import Router from '@koa/router';
import { countyIdOf, workflowOf, workflowSettings } from '../../core/settings/workflow';
import { z } from 'zod';
import type { FaqEntryView, Lang } from '../../../flows';
import { matchFaq, rankFaqs, renderTemplate } from '../../../flows/faq';
import { recordContentChange } from '../../core/audit/content';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import type { Prisma } from '../../generated/prisma/client';
import { badRequest, HttpError, notFound, parseOr400 } from '../../http/errors';
import { Answer, Id, Key, LangField, Paging, RegionCode, Status, Words } from '../../core/policy/fields';
import { renderScope } from '../../core/policy/render';
import { regionFilter, regionIdsReaching } from '../../core/policy/scope';
import { RegionTree } from '../../core/regions/tree';
import { readStaticStamp, staticDataCache } from '../../core/cache/static-data';
import { tryQuestion } from '../../core/policy/try-question';
import { regionIdOfCode } from '../../core/regions/by-code';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const Fields = {
  question: z.string().trim().min(1, 'required').max(200),
  synonyms: Words(100),
  keywords: Words(30),
  answer: Answer,
  articleId: Id.nullable(),
  regionCode: RegionCode.nullable(),
  sortOrder: z.number().int().min(0).max(100_000),
  status: Status,
};

const CreateBody = z.object({
  key: Key,
  lang: LangField,
  ...Fields,
  synonyms: Fields.synonyms.default([]),
  keywords: Fields.keywords.default([]),
  articleId: Fields.articleId.optional(),
  regionCode: Fields.regionCode.optional(),
  sortOrder: Fields.sortOrder.default(1000),
  status: Status.default('published'),
});

const PatchBody = z
  .object(Fields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', path: ['question'] });

const ListQuery = z.object({ lang: LangField.optional(), status: z.enum(['draft', 'published', 'retired']).optional(), ...Paging });
const TryBody = z.object({ text: z.string().trim().min(1, 'required').max(500, 'at most 500 characters'), lang: LangField.default('zh-CN'), village: RegionCode.optional() });
const MatchQuery = z.object({ q: z.string().trim().min(1, 'required').max(500), lang: LangField.default('zh-CN'), village: RegionCode.optional() });

type FaqRow = Prisma.FaqEntryGetPayload<{ include: { region: true; article: true } }>;

function present(f: FaqRow) {
  return {
    id: f.id,
    key: f.key,
    lang: f.lang,
    question: f.question,
    synonyms: f.synonyms,
    keywords: f.keywords,
    answer: f.answer,
    article: f.article ? { id: f.article.id, key: f.article.key, title: f.article.title, status: f.article.status } : null,
    region: f.region ? { code: f.region.code, name: f.region.name } : null,
    sortOrder: f.sortOrder,
    status: f.status,
    retiredAt: f.retiredAt?.toISOString() ?? null,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

const include = { region: true, article: true } as const;
const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'P2002';

export function faqsRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now);

  async function find(id: string): Promise<FaqRow> {
    const row = await deps.prisma.faqEntry.findUnique({ where: { id: parseOr400(Id, id, 'id') }, include });
    if (!row) throw notFound('faq');
    return row;
  }

  /** The linked article must exist, be in the entry's language and not retired. */
  async function checkArticle(articleId: string | null | undefined, lang: string): Promise<void> {
    if (!articleId) return;
    const article = await deps.prisma.policyArticle.findUnique({ where: { id: articleId } });
    if (!article) throw badRequest(`articleId: no article has the id ${articleId}`, 'articleId');
    if (article.lang !== lang) throw badRequest(`articleId: the article is in ${article.lang}, the entry in ${lang}`, 'articleId');
    if (article.status === 'retired') throw badRequest('articleId: the article is retired', 'articleId');
  }

  router.get('/api/faqs', auth, async (ctx) => {
    requireRole(cadreOf(ctx), MAY.readKnowledge, 'list FAQ entries');
    const q = parseOr400(ListQuery, ctx.query);
    const where: Prisma.FaqEntryWhereInput = { ...(q.lang ? { lang: q.lang } : {}), ...(q.status ? { status: q.status } : {}) };
    const [total, rows] = await Promise.all([
      deps.prisma.faqEntry.count({ where }),
      deps.prisma.faqEntry.findMany({ where, include, orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }, { lang: 'asc' }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    ]);
    ctx.body = { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
  });

  // before /:id, which would take "match" for an id
  router.get('/api/faqs/match', auth, async (ctx) => {
    requireRole(cadreOf(ctx), MAY.readKnowledge, 'try FAQ matching');
    const q = parseOr400(MatchQuery, ctx.query);
    const tree = await RegionTree.load(deps.prisma);
    if (q.village && !tree.byCode.has(q.village)) throw badRequest(`village: no region has the code ${q.village}`, 'village');
    const rows = await deps.prisma.faqEntry.findMany({ where: { AND: [{ status: 'published' }, regionFilter(regionIdsReaching(tree, q.village))] } });
    const views: FaqEntryView[] = rows.map((f) => ({ key: f.key, lang: f.lang as Lang, question: f.question, synonyms: f.synonyms, keywords: f.keywords, answer: f.answer, sortOrder: f.sortOrder }));
    const m = matchFaq(q.q, views);
    const questionOf = (key: string) => (views.find((v) => v.key === key && v.lang === q.lang) ?? views.find((v) => v.key === key))?.question ?? key;
    const candidates = rankFaqs(q.q, views).slice(0, 5).map((r) => ({ key: r.key, score: r.score, question: questionOf(r.key) }));
    const chosen = m.kind === 'confident' ? (views.find((v) => v.key === m.key && v.lang === q.lang) ?? views.find((v) => v.key === m.key)) : undefined;
    ctx.body = {
      kind: m.kind,
      candidates,
      ...(chosen ? { key: chosen.key, answer: renderTemplate(chosen.answer, renderScope(tree, await workflowSettings(deps, { villageCode: q.village ?? null, actor: cadreOf(ctx) }), q.lang as Lang, now(), q.village)) } : {}),
    };
  });

  router.post('/api/faqs/try', auth, async (ctx) => {
    requireRole(cadreOf(ctx), MAY.readKnowledge, 'try how the chat reads a question');
    const body = parseOr400(TryBody, ctx.request.body ?? {});
    const statics = await staticDataCache(deps.prisma).get(deps.prisma, await readStaticStamp(deps.prisma));
    if (body.village && statics.tree.byCode.get(body.village)?.level !== 'village') throw badRequest(`village: no village has the code ${body.village}`, 'village');
    ctx.body = tryQuestion(statics, { text: body.text, lang: body.lang as Lang, villageCode: body.village, now: now(), workflow: workflowOf(statics, countyIdOf(statics.tree, { villageCode: body.village ?? null, actor: cadreOf(ctx) }), deps.config.workflow) });
  });

  router.get('/api/faqs/:id', auth, async (ctx) => {
    requireRole(cadreOf(ctx), MAY.readKnowledge, 'read FAQ entries');
    ctx.body = { faq: present(await find(ctx.params.id)) };
  });

  router.post('/api/faqs', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editKnowledge, 'publish FAQ entries');
    const body = parseOr400(CreateBody, ctx.request.body ?? {});
    await checkArticle(body.articleId, body.lang);
    const regionId = await regionIdOfCode(deps.prisma, body.regionCode);
    try {
      const row = await deps.prisma.$transaction(async (tx) => {
        const created = await tx.faqEntry.create({
          data: {
            key: body.key,
            lang: body.lang,
            question: body.question,
            synonyms: body.synonyms,
            keywords: body.keywords,
            answer: body.answer,
            articleId: body.articleId ?? null,
            regionId: regionId ?? null,
            sortOrder: body.sortOrder,
            status: body.status,
          },
          include,
        });
        await recordContentChange(tx, { actor, action: 'faq:create', entry: created, at: now() });
        return created;
      });
      ctx.status = 201;
      ctx.body = { faq: present(row) };
    } catch (err) {
      if (isUniqueViolation(err)) throw new HttpError(409, 'conflict', `key: an entry ${body.key} in ${body.lang} exists already (PATCH it)`, 'key');
      throw err;
    }
  });

  router.patch('/api/faqs/:id', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editKnowledge, 'change FAQ entries');
    const row = await find(ctx.params.id);
    const body = parseOr400(PatchBody, ctx.request.body ?? {});
    if (row.status === 'retired') throw new HttpError(409, 'retired', 'a retired entry cannot be changed; create a new one');
    await checkArticle(body.articleId, row.lang);
    const regionId = await regionIdOfCode(deps.prisma, body.regionCode);
    const updated = await deps.prisma.$transaction(async (tx) => {
      const changed = await tx.faqEntry.update({
        where: { id: row.id },
        data: {
          ...(body.question !== undefined ? { question: body.question } : {}),
          ...(body.synonyms !== undefined ? { synonyms: body.synonyms } : {}),
          ...(body.keywords !== undefined ? { keywords: body.keywords } : {}),
          ...(body.answer !== undefined ? { answer: body.answer } : {}),
          ...(body.articleId !== undefined ? { articleId: body.articleId } : {}),
          ...(regionId !== undefined ? { regionId } : {}),
          ...(body.sortOrder !== undefined ? { sortOrder: body.sortOrder } : {}),
          ...(body.status !== undefined ? { status: body.status } : {}),
        },
        include,
      });
      await recordContentChange(tx, { actor, action: 'faq:update', entry: changed, changed: Object.keys(body), at: now() });
      return changed;
    });
    ctx.body = { faq: present(updated) };
  });

  router.post('/api/faqs/:id/retire', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editKnowledge, 'retire FAQ entries');
    const row = await find(ctx.params.id);
    const updated =
      row.status === 'retired'
        ? row
        : await deps.prisma.$transaction(async (tx) => {
            const retired = await tx.faqEntry.update({ where: { id: row.id }, data: { status: 'retired', retiredAt: now() }, include });
            await recordContentChange(tx, { actor, action: 'faq:retire', entry: retired, at: now() });
            return retired;
          });
    ctx.body = { faq: present(updated) };
  });

  return router;
}
