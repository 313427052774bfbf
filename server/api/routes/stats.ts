/**
 * The county office's figures (server/core/stats), for the caller's region as the work queue scopes it:
 *   GET /api/stats?period=2026-05|2026-Q2|2026|custom&from=&to=&region=<code>|townId=|villageId=   → JSON, every figure with `drill`
 *   GET /api/stats.xlsx?…&lang=zh-CN|en                                                           → the same figures as sheets
 *   GET /api/stats/cases?<work-queue filters>                                                     → the case numbers behind a figure
 *   GET /api/stats/budget            the county's budget per year;   PUT /api/stats/budget {year, amountFen}  (county office)
 * County, town and village cadres and the auditor read; the insurer's verifier has no statistics.
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { LANGS, type Lang } from '../../../flows/i18n';
import { type CaseStatus } from '../../../flows/workflow';
import { CAUSES } from '../../../flows/engine/types';
import { cadreOf, requireCadre, requireRole } from '../../core/auth/cadre';
import { MAY } from '../../core/auth/permissions';
import { recordAudit } from '../../core/audit/record';
import { clockOf } from '../../core/clock';
import { countyIdOf, workflowOf } from '../../core/settings/workflow';
import { openValue } from '../../core/crypto/sealed-client';
import { SEALED_FIELDS } from '../../core/crypto/sealed-fields';
import { readStaticStamp, staticDataCache } from '../../core/cache/static-data';
import { listScope } from '../../core/cases/list';
import { FIGURE_QUERY, StatusList, figureFilterOf, figureQueryIssue, hasFigureFilter } from '../../core/cases/list-figures';
import { conditions, Params, type ListScope } from '../../core/cases/list-query';
import { budgetsOf, countyOfScope, listBudgets, setBudget } from '../../core/stats/budget';
import { computeStats } from '../../core/stats/figures';
import { PERIOD_QUERY, periodIssue, periodOf, yearsOf } from '../../core/stats/period';
import { statsFileName, statsWorkbook } from '../../core/stats/xlsx';
import { badRequest, parseOr400 } from '../../http/errors';
import type { RegionTree } from '../../core/regions/tree';
import type { AppDeps } from '../../deps';

const RegionCode = z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)');
const RegionId = z.string().trim().regex(/^[A-Za-z0-9_-]{1,60}$/, 'must be a region id');

const Where = {
  /** A town or village (or the county) by its code: its subtree within the caller's. */
  region: RegionCode.optional(),
  townId: RegionId.optional(),
  villageId: RegionId.optional(),
};

const StatsQuery = z
  .object({ ...PERIOD_QUERY, ...Where, lang: z.enum(LANGS, { message: `must be one of ${LANGS.join(', ')}` }).optional() })
  .superRefine((q, ctx) => {
    const issue = periodIssue(q);
    if (issue) ctx.addIssue({ code: 'custom', path: [issue[0]], message: issue[1] });
  });


/** A figure's cases: the work queue's filters that the figures use (GET /api/cases takes the same). */
const CasesQuery = z
  .object({ ...FIGURE_QUERY, ...Where, status: StatusList.optional(), cause: z.enum(CAUSES as unknown as [string, ...string[]]).optional() })
  .superRefine((q, ctx) => {
    const issue = figureQueryIssue(q);
    if (issue) ctx.addIssue({ code: 'custom', path: [issue[0]], message: issue[1] });
  });

/** The most case numbers /api/stats/cases answers (the queue pages further). */
export const DRILL_MAX = 5000;

const BudgetBody = z.object({
  year: z.number().int().min(2000, 'must be a year from 2000').max(2100, 'must be a year up to 2100'),
  amountFen: z.number().int('must be whole fen').min(0, 'must not be negative').max(1_000_000_000_000, 'must be at most 10 billion yuan'),
});

/** Up to this many case numbers are named in the audit row of opened rejection reasons (more: their count). */
const REASON_CASES_LISTED = 50;

export function statsRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const auth = requireCadre(deps.prisma, deps.config.adminToken, now, deps.sql);
  const cache = staticDataCache(deps.prisma);
  const statics = async () => cache.get(deps.prisma, await readStaticStamp(deps.prisma));
  const tree = async () => (await statics()).tree;
  /** The county's time limits and calendar (core/settings/workflow.ts) where the caller stands. */
  const workflowFor = (ctx: Context, st: Awaited<ReturnType<typeof statics>>) => workflowOf(st, countyIdOf(st.tree, { actor: cadreOf(ctx) }), deps.config.workflow);
  const db = () => deps.sql ?? deps.prisma;

  /** The scope the caller sees, narrowed to the region asked for (404-free: outside it is nothing). */
  const scopeOf = (ctx: Context, t: RegionTree, q: { region?: string; townId?: string; villageId?: string }) => {
    const asked: string[] = [];
    let region = null;
    for (const [field, found] of [
      ['region', q.region ? t.byCode.get(q.region) : undefined],
      ['townId', q.townId ? t.byId.get(q.townId) : undefined],
      ['villageId', q.villageId ? t.byId.get(q.villageId) : undefined],
    ] as const) {
      const given = q[field];
      if (given === undefined) continue;
      if (!found) throw badRequest(`${field}: no region ${given}`, field);
      if (field === 'townId' && found.level !== 'town') throw badRequest('townId: not a town', field);
      if (field === 'villageId' && found.level !== 'village') throw badRequest('villageId: not a village', field);
      asked.push(found.id);
      region = found;
    }
    return { scope: listScope(t, cadreOf(ctx), asked), region };
  };

  const figures = async (ctx: Context) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.readStats, 'read the statistics');
    const q = parseOr400(StatsQuery, ctx.query);
    const at = now();
    const st = await statics();
    const t = st.tree;
    const workflow = workflowFor(ctx, st);
    const { scope, region } = scopeOf(ctx, t, q);
    const period = periodOf(q, at);
    const budgets = await budgetsOf(deps.prisma, countyOfScope(t, scope), yearsOf(period));
    // the rejection reasons are sealed at rest: opening them is a look at personal data, audited (the cases, or their count)
    const opened: string[] = [];
    const openReason = (stored: string | null, caseNo: string) => {
      if (stored === null) return null;
      opened.push(caseNo);
      return openValue(deps.keyring, 'Case', 'rejectionReason', SEALED_FIELDS.Case!.rejectionReason!, stored) as string | null;
    };
    const stats = await computeStats(db(), t, { scope, region, period, limits: workflow.limits, calendar: workflow.calendar, budgets, openReason, now: at });
    if (opened.length > 0) {
      const listed = opened.length <= REASON_CASES_LISTED ? `: ${opened.join(', ')}` : '';
      await recordAudit(deps.prisma, { at, actor, action: 'stats:rejection_reasons', allowed: true, kind: 'access', fields: ['rejectionReason'], subject: region?.code ?? null, reason: `${opened.length} rejection reason(s) opened${listed}` });
    }
    return { stats, lang: (q.lang ?? deps.config.defaultLang) as Lang };
  };

  router.get('/api/stats', auth, async (ctx) => {
    ctx.body = (await figures(ctx)).stats;
  });

  router.get('/api/stats.xlsx', auth, async (ctx) => {
    const { stats, lang } = await figures(ctx);
    const name = statsFileName(stats, lang);
    ctx.set('Content-Disposition', `attachment; filename="statistics.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`);
    ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    ctx.body = await statsWorkbook(stats, lang);
  });

  router.get('/api/stats/cases', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.readStats, 'read the statistics');
    const q = parseOr400(CasesQuery, ctx.query);
    const at = now();
    const st = await statics();
    const workflow = workflowFor(ctx, st);
    const { scope } = scopeOf(ctx, st.tree, q);
    const fig = figureFilterOf(q, workflow.limits, workflow.calendar, at);
    const rows = await drillRows(db(), scope, { statuses: q.status, cause: q.cause, figures: hasFigureFilter(fig) ? fig : undefined }, at);
    ctx.body = { total: Math.min(rows.length, DRILL_MAX), complete: rows.length <= DRILL_MAX, cases: rows.slice(0, DRILL_MAX) };
  });

  const countyOf = async (ctx: Context) => {
    const t = await tree();
    const county = countyOfScope(t, listScope(t, cadreOf(ctx), []));
    if (!county) throw badRequest('the budget is a county’s: this account is not within one county', 'countyId');
    return county;
  };

  router.get('/api/stats/budget', auth, async (ctx) => {
    requireRole(cadreOf(ctx), MAY.readStats, 'read the statistics');
    ctx.body = { budgets: await listBudgets(deps.prisma, await countyOf(ctx)) };
  });

  router.put('/api/stats/budget', auth, async (ctx) => {
    const actor = cadreOf(ctx);
    requireRole(actor, MAY.setBudget, 'set the county’s budget');
    const body = parseOr400(BudgetBody, ctx.request.body ?? {});
    const county = await countyOf(ctx);
    const at = now();
    const saved = await setBudget(deps.prisma, county, body.year, body.amountFen, actor.id === 'admin' ? null : actor.id, at);
    await recordAudit(deps.prisma, { at, actor: { kind: 'cadre', id: actor.id }, action: 'stats:budget', allowed: true, subject: `${county}:${body.year}=${body.amountFen}` });
    ctx.body = saved;
  });

  return router;
}

/** The cases matching the filters in the caller's scope, newest first: their numbers and status (no personal data). */
async function drillRows(db: AppDeps['sql'] | AppDeps['prisma'], scope: ListScope, f: { statuses?: CaseStatus[]; cause?: string; figures?: ReturnType<typeof figureFilterOf> }, now: Date) {
  const p = new Params();
  const where = conditions({ scope, ...(f.statuses ? { statuses: f.statuses } : {}), ...(f.cause ? { cause: f.cause } : {}), ...(f.figures ? { figures: f.figures } : {}), now }, p);
  const sql = `SELECT c."caseNo", c."status" FROM "Case" c WHERE ${where.length ? where.join(' AND ') : 'TRUE'} ORDER BY c."submittedAt" DESC, c."caseNo" DESC LIMIT ${p.add(DRILL_MAX + 1, 'int')}`;
  const rows = db && 'rows' in db ? await db.rows<{ caseNo: string; status: string }>(sql, p.values) : await (db as AppDeps['prisma']).$queryRawUnsafe<{ caseNo: string; status: string }[]>(sql, ...p.values);
  return rows;
}
