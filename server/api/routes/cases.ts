/**
 * Cadre read access to cases, limited to the caller's region subtree.
 *   GET /api/cases?status=a,b&cause=&region=&overdue=&assignedToMe=&caseNo=&q=&sort=&cursor=&pageSize=  (page= for the first pages)
 *   GET /api/cases/:caseNo  (ID number and phone masked)
 *   POST /api/cases/:caseNo/reveal {field}  (one of them whole, audited)
 *   POST /api/cases/bulk-move {caseNos, move, note?, data?}
 */
import Router from '@koa/router';
import { countyIdOf, workflowOf, workflowSettings } from '../../core/settings/workflow';
import { z } from 'zod';
import { CAUSES } from '../../../flows/engine/types';
import { cadreOf, requireCadre } from '../../core/auth/cadre';
import { caseDetailAudited } from '../../core/cases/detail';
import { listCases, listScope } from '../../core/cases/list';
import { decodeCursor } from '../../core/cases/list-cursor';
import { CASE_NO_PREFIX, type CaseListFilter } from '../../core/cases/list-query';
import { queueSearch } from '../../core/cases/list-search';
import { FIGURE_QUERY, StatusList, figureFilterOf, figureQueryIssue, hasFigureFilter } from '../../core/cases/list-figures';
import { badRequest, HttpError, notFound, parseOr400 } from '../../http/errors';
import { BULK_MAX, BULK_MOVES, bulkAllowed, bulkMove } from '../../core/cases/bulk-move';
import { REVEAL_FIELDS, REVEAL_LIMIT, revealApplicantField } from '../../core/cases/reveal';
import { readStaticStamp, staticDataCache, type StaticData } from '../../core/cache/static-data';
import { CASE_STATUSES, ownershipOf } from '../../../flows/workflow';
import type { AppDeps } from '../../deps';
import { clockOf } from '../../core/clock';

const RegionCode = z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)');
const Flag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true');


/** `page` reaches this deep at most; beyond, the keyset `cursor` pages (docs/api.md). */
export const MAX_PAGE_OFFSET = 2000;

const ListQuery = z
  .object({
    status: StatusList.optional(),
    cause: z.enum(CAUSES as unknown as [string, ...string[]]).optional(),
    /** A town, village (or the county): the cases of its subtree. */
    region: RegionCode.optional(),
    /** Earlier name of `region` for a village; still accepted. */
    village: RegionCode.optional(),
    overdue: Flag.optional(),
    /**
     * Only the cases assigned to me: meaningful only for a role cases are assigned to (the
     * verifier, whose list is those cases anyway). For village, town and county nothing is
     * assigned to a person — their cases are their region's — so `true` from them is refused (400
     * naming the field) rather than answered with an always-empty list.
     */
    assignedToMe: Flag.optional(),
    /** A case number or its beginning (FP-2026, FP-2026-0001). */
    caseNo: z.string().trim().toUpperCase().regex(CASE_NO_PREFIX, 'must be a case number or its beginning, e.g. FP-2026-0001').optional(),
    /** The search box: a case number (or its last digits), the last 4 of an ID number, or a name (list-search.ts). */
    q: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters').optional(),
    sort: z.enum(['newest', 'due']).default('newest'),
    /** The `nextCursor` of the page before (keyset paging, any depth). */
    cursor: z.string().max(200).optional(),
    /** Offset paging for the first pages only (page × pageSize ≤ MAX_PAGE_OFFSET). */
    page: z.coerce.number().int().min(1).optional(),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    /** The statistics' filters (a figure's cases: server/core/cases/list-figures.ts). */
    ...FIGURE_QUERY,
  })
  .superRefine((q, ctx) => {
    const issue = figureQueryIssue(q);
    if (issue) ctx.addIssue({ code: 'custom', path: [issue[0]], message: issue[1] });
    if (q.page !== undefined && q.cursor !== undefined) ctx.addIssue({ code: 'custom', path: ['page'], message: 'give either page or cursor' });
    else if (q.page !== undefined && (q.page - 1) * q.pageSize > MAX_PAGE_OFFSET) {
      ctx.addIssue({ code: 'custom', path: ['page'], message: `pages reach ${MAX_PAGE_OFFSET} cases deep: page further with cursor (nextCursor)` });
    }
  });

const FIGURE_KEYS = Object.keys(FIGURE_QUERY) as (keyof typeof FIGURE_QUERY)[];

export const CaseNo = z.string().regex(/^FP-\d{4}-\d{6}$/, 'must look like FP-2026-000123');

export function casesRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);

  // The static data (the region tree) the last list was read with: a list is read with it and the
  // stamp that comes back with the page says whether it was current — if not, read again with the
  // current one. A list costs no round trip for the tree.
  const statics = staticDataCache(deps.prisma);
  let lastStatics: StaticData | undefined;
  const currentStatics = async (stamp?: string | null) => (lastStatics = await statics.get(deps.prisma, stamp !== undefined ? stamp : await readStaticStamp(deps.prisma)));

  router.get('/api/cases', auth, async (ctx) => {
    const q = parseOr400(ListQuery, ctx.query);
    const actor = cadreOf(ctx);
    const after = q.cursor !== undefined ? decodeCursor(q.sort, q.cursor) : null;
    if (q.cursor !== undefined && !after) throw badRequest(`cursor: not a cursor of this list (sort=${q.sort})`, 'cursor');
    if (q.assignedToMe && !CASE_STATUSES.some((s) => ownershipOf(actor.role, s) === 'assigned')) {
      throw badRequest(`assignedToMe: cases are assigned to verifiers only; a ${actor.role} cadre's cases are its region's (use region=)`, 'assignedToMe');
    }
    const at = now();
    const search = q.q !== undefined ? queueSearch(q.q, deps.keyring, at) : {};
    if (search === null) throw badRequest('q: must be a case number (FP-2026-000123 or 123), the last 4 characters of an ID number, or a name', 'q');
    // the county's time limits and calendar (core/settings/workflow.ts), from the static data the list is read with
    const figuresOf = (at: Date, workflow: { limits: Parameters<typeof figureFilterOf>[1]; calendar: Parameters<typeof figureFilterOf>[2] }) => {
      // no figure asked (the work queue's every request): no dates worked out for nothing
      if (!FIGURE_KEYS.some((key) => q[key] !== undefined)) return {};
      const figures = figureFilterOf(q, workflow.limits, workflow.calendar, at);
      return hasFigureFilter(figures) ? { figures } : {};
    };
    const read = async (statics: StaticData) => {
      const { tree } = statics;
      const workflow = workflowOf(statics, countyIdOf(tree, { actor }), deps.config.workflow);
      const asked: string[] = [];
      for (const field of ['region', 'village'] as const) {
        const code = q[field];
        if (!code) continue;
        const region = tree.byCode.get(code);
        if (!region) throw badRequest(`${field}: no region has the code ${code}`, field);
        asked.push(region.id);
      }
      const filter: CaseListFilter = {
        // outside the caller's jurisdiction: nothing, not an error
        scope: listScope(tree, actor, asked),
        // an insurer's verifier sees only the cases assigned to it (flows/workflow/actor.ts inScope)
        ...(q.assignedToMe || actor.role === 'verifier' ? { verifierId: actor.id } : {}),
        ...(q.status ? { statuses: q.status } : {}),
        ...(q.cause ? { cause: q.cause } : {}),
        ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
        ...(q.caseNo ? { caseNoPrefix: q.caseNo } : {}),
        ...search,
        ...figuresOf(at, workflow),
        now: at,
      };
      const page = q.page ?? 1;
      const list = await listCases(deps.sql ?? deps.prisma, deps.keyring, tree, {
        filter,
        sort: q.sort,
        after,
        pageSize: q.pageSize,
        offset: after ? 0 : (page - 1) * q.pageSize,
        // the counts come with the first request of a listing, not with every page after it
        withCounts: !after,
        calendar: workflow.calendar,
      });
      // field by field in the answer's order: object spreads here were the route's hottest line (bench/README.md, round 6)
      const body: Record<string, unknown> = after ? {} : { page };
      body.pageSize = q.pageSize;
      if ('total' in list.body) {
        body.total = list.body.total;
        body.totalExact = list.body.totalExact;
        body.statusCounts = list.body.statusCounts;
      }
      body.nextCursor = list.body.nextCursor;
      body.cases = list.body.cases;
      return { staticStamp: list.staticStamp, body };
    };
    // a region code the cached tree does not know may be new: ask for the current tree first
    const knows = (d: StaticData) => [q.region, q.village].every((code) => !code || d.tree.byCode.has(code));
    const used = lastStatics && knows(lastStatics) ? lastStatics : await currentStatics();
    let list = await read(used);
    // read with a tree that has changed since: once more with the current one (no row read: ask)
    const stamp = list.staticStamp !== undefined ? list.staticStamp : await readStaticStamp(deps.prisma);
    if (stamp !== used.stamp) list = await read(await currentStatics(stamp));
    ctx.body = list.body;
  });

  router.get('/api/cases/:caseNo', auth, async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    // Outside the caller's jurisdiction reads as not found: the number's existence is not disclosed.
    const actor = cadreOf(ctx);
    const detail = await caseDetailAudited(deps.prisma, caseNo, actor, now(), 'case:view', (await workflowSettings(deps, { actor })).calendar);
    if (!detail) throw notFound('case');
    ctx.body = detail;
  });
  // "显示完整": one field of the applicant whole, audited every time (server/core/cases/reveal.ts)
  router.post('/api/cases/:caseNo/reveal', auth, async (ctx) => {
    const caseNo = parseOr400(CaseNo, ctx.params.caseNo, 'caseNo');
    const { field } = parseOr400(RevealBody, ctx.request.body ?? {});
    const result = await revealApplicantField(deps.prisma, caseNo, cadreOf(ctx), field, now());
    if (result.ok) ctx.body = { field: result.field, value: result.value };
    else if (result.code === 'not_found') throw notFound('case');
    else if (result.code === 'no_role') throw new HttpError(403, 'forbidden', 'your role sees the ID number and phone masked');
    else {
      ctx.set('Retry-After', String(result.retryAfterSeconds));
      throw new HttpError(429, 'too_many_reveals', `at most ${REVEAL_LIMIT.max} reveals an hour`, undefined, { retryAfterSeconds: result.retryAfterSeconds });
    }
  });

  // several cases moved at one confirmation, each on its own (server/core/cases/bulk-move.ts)
  router.post('/api/cases/bulk-move', auth, async (ctx) => {
    const body = parseOr400(BulkBody, ctx.request.body ?? {});
    const actor = cadreOf(ctx);
    if (!bulkAllowed(actor.role, body.move)) throw new HttpError(403, 'forbidden', 'a verifier approves one case at a time: each records its own visit', 'move');
    const results = await bulkMove(deps.prisma, await workflowSettings(deps, { actor }), actor, body, now());
    ctx.body = { moved: results.filter((r) => r.ok).length, refused: results.filter((r) => !r.ok).length, results };
  });
  return router;
}

const RevealBody = z.object({ field: z.enum(REVEAL_FIELDS, { message: `must be one of ${REVEAL_FIELDS.join(', ')}` }) });

const BulkBody = z.object({
  caseNos: z
    .array(z.string().trim().toUpperCase().regex(/^FP-\d{4}-\d{6}$/, 'each must look like FP-2026-000123'))
    .min(1, 'select at least one case')
    .max(BULK_MAX, `at most ${BULK_MAX} cases at once`),
  move: z.enum(BULK_MOVES, { message: `must be one of ${BULK_MOVES.join(', ')}` }),
  note: z.string().max(1000).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
