/**
 * The 台账 export and its layouts (server/core/export):
 *   GET /api/export?layout=&format=xlsx|csv&status=&cause=&region=&village=&overdue=&caseNo=&q=&submittedFrom=&submittedTo=&lang=
 *       and the work queue's figure filters (category, channel, reached, wasReturned, returnedFrom,
 *       missingItem, rejectedFrom, caseNos, paidFrom/paidTo, step, stepLate, decided, decidedLate:
 *       server/core/cases/list-figures.ts, the same parameters and SQL as GET /api/cases) —
 *       the file, streamed (Content-Disposition with the name in UTF-8, RFC 5987); the caller's
 *       region as its work queue's; audited (who, layout, filters, rows)
 *   GET /api/export/fields                the field catalogue the layouts are made of
 *   GET /api/export/layouts               the built-in layouts and the county's own
 *   POST /api/export/layouts {name, kind, columns, copiedFrom?}   county office
 *   PUT /api/export/layouts/:id {name, kind, columns}              county office, its own layouts
 *   DELETE /api/export/layouts/:id                                 county office, its own layouts
 */
import { PassThrough } from 'node:stream';
import Router from '@koa/router';
import { z } from 'zod';
import { shanghaiDate, shanghaiMidnight } from '../../../flows/china-time';
import { CAUSES } from '../../../flows/engine/types';
import { t } from '../../../flows/i18n';
import { recordRefusal } from '../../core/audit/record';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { clockOf } from '../../core/clock';
import { readStaticStamp, staticDataCache } from '../../core/cache/static-data';
import { listScope } from '../../core/cases/list';
import { FIGURE_QUERY, StatusList, figureFilterOf, figureQueryIssue, hasFigureFilter } from '../../core/cases/list-figures';
import { CASE_NO_PREFIX } from '../../core/cases/list-query';
import { countyIdOf, workflowOf } from '../../core/settings/workflow';
import { queueSearch, searchKindOf } from '../../core/cases/list-search';
import { catalogue } from '../../core/export/fields';
import { BUILT_IN_IDS, LayoutBody, revealsIdentity, type Layout } from '../../core/export/layouts';
import type { RegionTree } from '../../core/regions/tree';
import type { CadreActor } from '../../../flows/workflow';
import type { Lang } from '../../../flows/i18n';
import type { ExportFilter } from '../../core/export/read';
import { runExport } from '../../core/export/run';
import { countyOf, createLayout, deleteLayout, findLayout, listLayouts, updateLayout } from '../../core/export/store';
import { CONTENT_TYPES, EXPORT_FORMATS } from '../../core/export/write';
import { badRequest, forbidden, HttpError, notFound, parseOr400 } from '../../http/errors';
import { requestLang } from '../../http/lang';
import type { AppDeps } from '../../deps';
import { TrimmedDay } from '../../core/day';

const RegionCode = z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)');
const Day = TrimmedDay;
const LayoutId = z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a layout id (GET /api/export/layouts)');


const ExportQuery = z
  .object({
    layout: LayoutId,
    format: z.enum(EXPORT_FORMATS, { message: `must be one of ${EXPORT_FORMATS.join(', ')}` }).default('xlsx'),
    status: StatusList.optional(),
    cause: z.enum(CAUSES as unknown as [string, ...string[]], { message: `must be one of ${CAUSES.join(', ')}` }).optional(),
    region: RegionCode.optional(),
    village: RegionCode.optional(),
    overdue: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
    q: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters').optional(),
    /** A case number or its beginning (FP-2026, FP-2026-0001), as the queue's. */
    caseNo: z.string().trim().toUpperCase().regex(CASE_NO_PREFIX, 'must be a case number or its beginning, e.g. FP-2026-0001').optional(),
    /** The queue's figure filters (a figure of the statistics, opened in the queue, exported as listed). */
    ...FIGURE_QUERY,
    // the filing period: either end alone too (the queue's figures give both)
    submittedFrom: Day.optional(),
    submittedTo: Day.optional(),
    lang: z.string().optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const issue = figureQueryIssue({ ...q, submittedFrom: undefined, submittedTo: undefined });
    if (issue) ctx.addIssue({ code: 'custom', path: [issue[0]], message: issue[1] });
    if (q.submittedFrom && q.submittedTo && q.submittedTo < q.submittedFrom) ctx.addIssue({ code: 'custom', path: ['submittedTo'], message: 'must not be before submittedFrom' });
  });

const DAY_MS = 86_400_000;

/**
 * The queue's figure filters of the query, with the county's time limits and calendar (a step's
 * lateness) — the filing period stays the export's own (submittedFrom/submittedTo, either end alone).
 */
function figuresOf(q: z.infer<typeof ExportQuery>, data: Parameters<typeof workflowOf>[0], actor: Parameters<typeof countyIdOf>[1]['actor'], at: Date, fallback: Parameters<typeof workflowOf>[2]) {
  const workflow = workflowOf(data, countyIdOf(data.tree, { actor }), fallback);
  const figures = figureFilterOf({ ...q, submittedFrom: undefined, submittedTo: undefined }, workflow.limits, workflow.calendar, at);
  return hasFigureFilter(figures) ? { figures } : {};
}

export function exportRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);
  const statics = staticDataCache(deps.prisma);
  const staticData = async () => statics.get(deps.prisma, await readStaticStamp(deps.prisma));
  const tree = async () => (await staticData()).tree;
  const langOf = (ctx: Parameters<typeof requestLang>[0]) => requestLang(ctx, deps.config.defaultLang);

  router.get('/api/export/fields', auth, async (ctx) => {
    requireRole(cadreOf(ctx), MAY.exportLedger, 'export the ledger');
    ctx.body = { fields: catalogue(langOf(ctx)) };
  });

  router.get('/api/export/layouts', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.exportLedger, 'export the ledger');
    const lang = langOf(ctx);
    ctx.body = { layouts: await listLayouts(deps.prisma, countyOf(await tree(), actor), lang), fields: catalogue(lang), editable: (MAY.editExportLayouts as readonly string[]).includes(actor.role) };
  });

  const editor = async (ctx: Parameters<typeof cadreOf>[0]) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.editExportLayouts, 'change export layouts');
    const countyId = countyOf(await tree(), actor);
    if (!countyId) throw forbidden('this account belongs to no county');
    return { actor, countyId };
  };
  const builtInRefused = (id: string) => {
    if (BUILT_IN_IDS.includes(id)) throw new HttpError(403, 'built_in', 'a built-in layout is read-only: copy it (POST /api/export/layouts with copiedFrom) and edit the copy', 'id');
  };

  router.post('/api/export/layouts', auth, async (ctx) => {
    const { actor, countyId } = await editor(ctx);
    const body = parseOr400(LayoutBody, ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = await createLayout(deps.prisma, countyId, actor, body, now());
  });

  router.put('/api/export/layouts/:id', auth, async (ctx) => {
    const id = parseOr400(LayoutId, ctx.params.id, 'id');
    builtInRefused(id);
    const { actor, countyId } = await editor(ctx);
    const body = parseOr400(LayoutBody, ctx.request.body ?? {});
    const layout = await updateLayout(deps.prisma, countyId, id, actor, body, now());
    if (!layout) throw notFound('layout');
    ctx.body = layout;
  });

  router.delete('/api/export/layouts/:id', auth, async (ctx) => {
    const id = parseOr400(LayoutId, ctx.params.id, 'id');
    builtInRefused(id);
    const { actor, countyId } = await editor(ctx);
    if (!(await deleteLayout(deps.prisma, countyId, id, actor, now()))) throw notFound('layout');
    ctx.status = 204;
  });

  router.get('/api/export', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.exportLedger, 'export the ledger');
    const q = parseOr400(ExportQuery, ctx.query);
    const at = now();
    const lang = langOf(ctx);
    const data = await staticData();
    const regions = data.tree;
    const layout = await exportLayoutFor(deps.prisma, regions, actor, q.layout, lang, at, 'export:ledger');
    const search = q.q !== undefined ? queueSearch(q.q, deps.keyring, at) : {};
    if (search === null) throw badRequest('q: must be a case number (FP-2026-000123 or 123), the last 4 characters of an ID number, or a name', 'q');
    const asked: string[] = [];
    for (const field of ['region', 'village'] as const) {
      const code = q[field];
      if (!code) continue;
      const region = regions.byCode.get(code);
      if (!region) throw badRequest(`${field}: no region has the code ${code}`, field);
      asked.push(region.id);
    }
    const filter: ExportFilter = {
      scope: listScope(regions, actor, asked),
      ...(actor.role === 'verifier' ? { verifierId: actor.id } : {}),
      ...(q.status ? { statuses: q.status } : {}),
      ...(q.cause ? { cause: q.cause } : {}),
      ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
      ...(q.caseNo ? { caseNoPrefix: q.caseNo } : {}),
      ...search,
      ...figuresOf(q, data, actor, at, deps.config.workflow),
      ...(q.submittedFrom ? { submittedFrom: shanghaiMidnight(q.submittedFrom) } : {}),
      ...(q.submittedTo ? { submittedBefore: new Date(shanghaiMidnight(q.submittedTo).getTime() + DAY_MS) } : {}),
      now: at,
    };
    // the search text is not kept (a name, an ID tail): the audit row says only what kind of search it was
    const { layout: _l, format: _f, lang: _lang, q: _q, ...filters } = q;
    const name = t(lang, 'export.file', { layout: layout.name, date: shanghaiDate(at) }).replace(/[\\/:*?"<>|\r\n]/g, '_');
    const out = new PassThrough();
    ctx.status = 200;
    ctx.type = CONTENT_TYPES[q.format];
    ctx.set('Content-Disposition', contentDisposition(`${name}.${q.format}`));
    ctx.set('Cache-Control', 'no-store');
    ctx.body = out;
    const res = ctx.res;
    // the rows are written as koa sends the body; the route does not wait for them
    void runExport({
      db: deps.sql ?? deps.prisma,
      prisma: deps.prisma,
      keyring: deps.keyring,
      tree: regions,
      actor,
      layout,
      filter,
      asked: { ...filters, ...(q.status ? { status: q.status.join(',') } : {}), ...(q.q !== undefined && search ? { search: searchKindOf(search) } : {}) },
      format: q.format,
      lang,
      now: at,
      out,
      gone: () => out.destroyed || (res.destroyed && !res.writableFinished),
    }).then((outcome) => {
      if (outcome.error) deps.log.error('export failed', { layout: layout.id, rows: outcome.rows, err: outcome.error });
    });
  });
  return router;
}

/**
 * The layout an export is written in (a built-in or the caller's county's): 404 when there is none;
 * 403, and the refusal audited, when it writes an ID number or phone whole and the caller's role
 * exports them masked only. The case export's and the register's (register-files.ts).
 */
export async function exportLayoutFor(prisma: AppDeps['prisma'], regions: RegionTree, actor: CadreActor, id: string, lang: Lang, at: Date, action: string): Promise<Layout> {
  const layout = await findLayout(prisma, countyOf(regions, actor), id, lang);
  if (!layout) throw new HttpError(404, 'not_found', `layout: no layout ${id} (GET /api/export/layouts)`, 'layout');
  const whole = revealsIdentity(layout);
  if (whole.length && !(MAY.revealIdentity as readonly string[]).includes(actor.role)) {
    await recordRefusal(prisma, { at, actor, action, refusal: { code: 'no_role', message: `a ${actor.role} exports ${whole.join(', ')} masked` } });
    throw new HttpError(403, 'forbidden', `layout: ${layout.name} writes ${whole.join(', ')} in full; a ${actor.role} account exports them masked (copy the layout with masked columns)`, 'layout');
  }
  return layout;
}

/** attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<the name, percent-encoded> (RFC 6266, 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
