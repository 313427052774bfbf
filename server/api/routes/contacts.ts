/**
 * Villagers' WeChat contacts for the county, town and village cadres of their region, and their tags (for targeting
 * broadcasts): names and villages only — never an ID number or a phone.
 *   GET /api/contacts?region=&tag=&page=&pageSize=   → { items: [{ id, name, village, tags, subscribed }], total, page, pageSize }
 *   PUT /api/contacts/:id/tags { tags: [...] }        → { id, tags }   (replaces the contact's tags)
 * A contact belongs to the village of the household it is linked to (it applied, or re-identified).
 */
import Router from '@koa/router';
import { z } from 'zod';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import type { Prisma } from '../../generated/prisma/client';
import { badRequest, notFound, parseOr400 } from '../../http/errors';
import { RegionTree } from '../../core/regions/tree';
import { inJurisdiction } from '../../../flows/workflow';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const Tag = z.string().trim().min(1, 'must not be empty').max(20);
const ListQuery = z.object({
  region: z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)').optional(),
  tag: Tag.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
const Id = z.string().trim().regex(/^[a-z0-9]{10,40}$/, 'must be a contact id');
const TagsBody = z.object({ tags: z.array(Tag).max(20) });

export function contactsRouter(deps: AppDeps): Router {
  const router = new Router();
  const auth = requireCadre(deps.prisma, deps.config.adminToken, clockOf(deps));

  router.get('/api/contacts', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.keepContacts, 'list villager contacts');
    const q = parseOr400(ListQuery, ctx.query);
    const tree = await RegionTree.load(deps.prisma);
    let villageIds: string[] | undefined = actor.regionIds ? [...actor.regionIds] : undefined;
    if (q.region) {
      const region = tree.byCode.get(q.region);
      if (!region) throw badRequest(`region: no region has the code ${q.region}`, 'region');
      const subtree = [...tree.subtreeIds(region.id)].filter((id) => inJurisdiction(actor, id));
      villageIds = villageIds ? villageIds.filter((id) => subtree.includes(id)) : subtree;
    }
    const where: Prisma.ContactWhereInput = {
      householdId: { not: null },
      cadre: { is: null },
      ...(villageIds ? { household: { villageId: { in: villageIds } } } : {}),
      ...(q.tag ? { tags: { some: { tag: q.tag } } } : {}),
    };
    const [total, rows] = await Promise.all([
      deps.prisma.contact.count({ where }),
      deps.prisma.contact.findMany({
        where,
        include: { tags: { orderBy: { tag: 'asc' } }, household: { select: { village: { select: { code: true, name: true } } } } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip: (q.page - 1) * q.pageSize,
        take: q.pageSize,
      }),
    ]);
    ctx.body = {
      items: rows.map((c) => ({
        id: c.id,
        name: c.name,
        channel: c.channel,
        village: c.household?.village ?? null,
        tags: c.tags.map((t) => t.tag),
        subscribed: !c.publicityOptOut,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  });

  router.put('/api/contacts/:id/tags', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.keepContacts, 'tag villagers');
    const id = parseOr400(Id, ctx.params.id, 'id');
    const body = parseOr400(TagsBody, ctx.request.body ?? {});
    const contact = await deps.prisma.contact.findUnique({ where: { id }, select: { id: true, household: { select: { villageId: true } } } });
    if (!contact?.household || !inJurisdiction(actor, contact.household.villageId)) throw notFound('contact');
    const tags = [...new Set(body.tags)];
    await deps.prisma.$transaction(async (tx) => {
      await tx.contactTag.deleteMany({ where: { contactId: id, tag: { notIn: tags } } });
      await tx.contactTag.createMany({ data: tags.map((tag) => ({ contactId: id, tag })), skipDuplicates: true });
    });
    ctx.body = { id, tags: tags.sort() };
  });
  return router;
}
