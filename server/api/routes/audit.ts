/**
 * GET /api/audit?caseNo=&person=&actorId=&action=&kind=&from=&to=&pageSize=&cursor= (or &page=) — the
 * audit log, newest first, for the county office and the auditor: refused attempts (transitions,
 * objections, visits, logins), looks at personal data (a full ID number or phone, a case page, a
 * document's bytes, an export — server/core/audit/access.ts) and other recorded actions.
 * Filters: a case; a person — every case of the household that case number belongs to (who looked
 * at that person's data, whichever of their cases); who (a cadre or villager contact id); an action
 * or its prefix (`case:`, `cadre:update`); a kind; from / to (China days, inclusive, or ISO times).
 * Paged by `cursor` (`nextCursor` of the page before, opaque, at any depth; `total` with the first
 * page only) or, for the first pages, by `page`.
 *
 * A county's log only: a cadre reads the rows of the cases in its reach, and of no case those whose
 * actor is a cadre of its county (or whose subject is one), or a villager of it (a contact of a
 * household elsewhere is not; one linked to none is). Rows of nobody's county (an unknown name's
 * login) are for ADMIN_TOKEN, which reads everything. A caseNo or person outside the reach (or
 * unknown) is 404, as that case is everywhere else.
 */
import Router from '@koa/router';
import { z } from 'zod';
import { shanghaiMidnight, startOfNextShanghaiDay } from '../../../flows/china-time';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import type { Prisma } from '../../generated/prisma/client';
import { badRequest, parseOr400 } from '../../http/errors';
import { notFound } from '../../core/refusal';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const CaseNo = z.string().regex(/^FP-\d{4}-\d{6}$/, 'must look like FP-2026-000123');
const Day = (end: boolean) =>
  z
    .string()
    .trim()
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || z.iso.datetime({ offset: true }).safeParse(s).success, 'must be YYYY-MM-DD (China time) or an ISO date-time')
    .transform((s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? (end ? startOfNextShanghaiDay(shanghaiMidnight(s)) : shanghaiMidnight(s)) : new Date(s)))
    .refine((d) => !Number.isNaN(d.getTime()), 'not a real date');

const Query = z
  .object({
    page: z.coerce.number().int().min(1).max(100, 'at most 100 (page on with cursor)').default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a nextCursor of this list')
      .transform((s, ctx) => {
        const seq = Number(Buffer.from(s, 'base64url').toString('utf8').replace(/^s/, ''));
        if (!Number.isInteger(seq) || seq < 1) ctx.addIssue({ code: 'custom', message: 'must be a nextCursor of this list' });
        return seq;
      })
      .optional(),
    caseNo: CaseNo.optional(),
    person: CaseNo.optional(),
    actorId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a cadre or contact id').optional(),
    action: z.string().trim().regex(/^[a-z_]{1,30}(:[a-z_]{0,30})?$/, 'must be an action such as case:view, or its beginning such as case:').optional(),
    kind: z.enum(['refusal', 'access', 'action']).optional(),
    from: Day(false).optional(),
    to: Day(true).optional(),
  })
  .refine((q) => !(q.cursor && q.page > 1), { message: 'page with cursor: use one or the other', path: ['cursor'] })
  .refine((q) => !q.from || !q.to || q.to > q.from, { message: 'must not be before from', path: ['to'] });

/** A refusal is any entry not allowed; the others are accesses or actions. */
const KIND_WHERE = { refusal: { allowed: false }, access: { allowed: true, kind: 'access' }, action: { allowed: true, kind: 'action' } } as const;

const cursorOf = (seq: number) => Buffer.from(`s${seq}`, 'utf8').toString('base64url');

export function auditRouter(deps: AppDeps): Router {
  const router = new Router();

  /** The rows of a county (`reach`: its region ids), as a where clause. */
  async function countyScope(reach: string[]): Promise<Prisma.AuditEntryWhereInput> {
    const [outsideCases, cadres, outsideContacts] = await Promise.all([
      deps.prisma.case.findMany({ where: { villageId: { notIn: reach } }, select: { caseNo: true } }),
      deps.prisma.cadre.findMany({ where: { regionId: { in: reach } }, select: { id: true } }),
      deps.prisma.contact.findMany({ where: { household: { villageId: { notIn: reach } } }, select: { id: true } }),
    ]);
    const cadreIds = cadres.map((c) => c.id);
    return {
      OR: [
        { caseNo: { not: null, notIn: outsideCases.map((c) => c.caseNo) } },
        { caseNo: null, actorType: 'cadre', actorId: { in: cadreIds } },
        { caseNo: null, subject: { in: cadreIds } },
        { caseNo: null, actorType: { in: ['villager', 'contact'] }, actorId: { notIn: outsideContacts.map((c) => c.id) } },
      ],
    };
  }

  router.get('/api/audit', requireCadre(deps.prisma, deps.config.adminToken, clockOf(deps)), async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.readAudit, 'read the audit trail');
    const q = parseOr400(Query, ctx.query);
    if (q.caseNo && q.person) throw badRequest('person: either caseNo or person', 'person');
    const reach = actor.regionIds === null ? null : [...actor.regionIds];
    const inReach = (villageId: string) => reach === null || actor.regionIds!.has(villageId);
    if (q.caseNo && reach) {
      const c = await deps.prisma.case.findUnique({ where: { caseNo: q.caseNo }, select: { villageId: true } });
      if (!c || !inReach(c.villageId)) throw notFound('case');
    }
    // a person: the cases of the household behind that case number (a case without one: itself), those in reach
    let caseNos: string[] | undefined;
    if (q.person) {
      const c = await deps.prisma.case.findUnique({ where: { caseNo: q.person }, select: { householdId: true, villageId: true } });
      if (reach && (!c || !inReach(c.villageId))) throw notFound('case');
      caseNos = c?.householdId
        ? (await deps.prisma.case.findMany({ where: { householdId: c.householdId }, select: { caseNo: true, villageId: true } })).filter((r) => inReach(r.villageId)).map((r) => r.caseNo)
        : [q.person];
    }
    const scope = reach ? await countyScope(reach) : undefined;
    const filters: Prisma.AuditEntryWhereInput = {
      ...(q.caseNo ? { caseNo: q.caseNo } : {}),
      ...(caseNos ? { caseNo: { in: caseNos } } : {}),
      ...(q.actorId ? { actorId: q.actorId } : {}),
      ...(q.action ? (q.action.endsWith(':') || !q.action.includes(':') ? { action: { startsWith: q.action } } : { action: q.action }) : {}),
      ...(q.kind ? KIND_WHERE[q.kind] : {}),
      ...(q.from || q.to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lt: q.to } : {}) } } : {}),
    };
    const where: Prisma.AuditEntryWhereInput = scope ? { AND: [filters, scope] } : filters;
    const paged: Prisma.AuditEntryWhereInput = q.cursor ? { AND: [where, { seq: { lt: q.cursor } }] } : where;
    const [total, rows] = await Promise.all([
      q.cursor ? Promise.resolve(undefined) : deps.prisma.auditEntry.count({ where }),
      deps.prisma.auditEntry.findMany({ where: paged, orderBy: { seq: 'desc' }, skip: q.cursor ? 0 : (q.page - 1) * q.pageSize, take: q.pageSize + 1 }),
    ]);
    const more = rows.length > q.pageSize;
    const page = rows.slice(0, q.pageSize);
    const ids = [...new Set(page.flatMap((r) => (r.actorType === 'cadre' && r.actorId ? [r.actorId] : [])))];
    const names = new Map((await deps.prisma.cadre.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
    ctx.body = {
      ...(total !== undefined ? { total } : {}),
      ...(q.cursor ? {} : { page: q.page }),
      pageSize: q.pageSize,
      nextCursor: more ? cursorOf(page[page.length - 1].seq) : null,
      entries: page.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: { type: r.actorType, id: r.actorId, name: r.actorId ? (names.get(r.actorId) ?? null) : null },
        action: r.action,
        caseNo: r.caseNo,
        allowed: r.allowed,
        kind: r.allowed ? r.kind : 'refusal',
        fields: r.fields,
        subject: r.subject,
        reason: r.reason,
      })),
    };
  });
  return router;
}
