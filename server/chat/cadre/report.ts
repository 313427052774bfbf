/**
 * What 统计 and 导出 in the chat read (flows/cadre/report.ts says it): the statistics of the
 * cadre's region as the console's statistics page computes them (server/core/stats, the work
 * queue's scope of the cadre: a village cadre sees its village), the work queue's 超期 count, and
 * the export layouts the console offers. Nothing personal is read — no rejection reason is opened,
 * no ledger is written — so nothing is audited. The console's pages are linked on PUBLIC_BASE_URL
 * (the address the notices' links use); unset, the answer names the page instead.
 */
import type { CadreStats, LedgerHelp } from '../../../flows/cadre/report';
import type { Lang } from '../../../flows/engine/types';
import type { CadreActor, Role } from '../../../flows/workflow';
import type { Prisma } from '../../generated/prisma/client';
import { MAY } from '../../core/auth/permissions';
import { listScope } from '../../core/cases/list';
import { conditions, Params } from '../../core/cases/list-query';
import { countyOf, listLayouts } from '../../core/export/store';
import { EXPORT_FORMATS } from '../../core/export/write';
import type { RegionTree } from '../../core/regions/tree';
import { budgetsOf, countyOfScope } from '../../core/stats/budget';
import { computeStats } from '../../core/stats/figures';
import { periodOf, yearsOf } from '../../core/stats/period';
import type { WorkflowSettings } from '../../core/workflow/perform';

type Tx = Prisma.TransactionClient;

export type ReportScope = { tx: Tx; actor: CadreActor; tree: RegionTree; region: string; lang: Lang; workflow: WorkflowSettings; publicBaseUrl: string | null; now: Date };

const may = (roles: readonly Role[], role: Role) => roles.includes(role);

/** The console's page at `path` on the public address, or null when none is configured. */
const consoleLink = (base: string | null, path: string) => (base ? `${base}/console${path}` : null);

/** 统计: the figures for `period` (2026-07, 2026 — GET /api/stats's parameter), or the roles that have them. */
export async function cadreStats(s: ReportScope, period: string): Promise<CadreStats> {
  const { tx, actor, tree, now } = s;
  if (!may(MAY.readStats, actor.role)) return { allowed: false, roles: [...MAY.readStats] };
  const scope = listScope(tree, actor, []);
  const p = periodOf({ period }, now);
  const budgets = await budgetsOf(tx, countyOfScope(tree, scope), yearsOf(p));
  const stats = await computeStats(tx, tree, { scope, region: null, period: p, limits: s.workflow.limits, calendar: s.workflow.calendar, budgets, now });
  const params = new Params();
  const where = conditions({ scope, overdue: true, now }, params);
  const [overdue] = await tx.$queryRawUnsafe<{ n: unknown }[]>(`SELECT count(*) AS "n" FROM "Case" c WHERE ${where.join(' AND ')}`, ...params.values);
  const year = stats.payments.budgets.at(-1);
  return {
    allowed: true,
    period: p.label,
    region: s.region,
    applications: stats.applications.total,
    byCause: stats.applications.byCause.map((c) => ({ cause: c.cause, n: c.n })),
    byStatus: stats.funnel.map((f) => ({ status: f.status, n: f.now })),
    overdue: Number(overdue?.n ?? 0),
    paid: { cases: stats.payments.cases, amountFen: stats.payments.amountFen },
    budget: year ? { year: year.year, budgetFen: year.budgetFen, paidFen: year.paidFen, usedShare: year.usedShare } : null,
    link: consoleLink(s.publicBaseUrl, `/stats?period=${encodeURIComponent(p.label)}`),
  };
}

/** 导出: the console's export page and its layouts (the built-in ones and the county's own), or the roles that export. */
export async function cadreLedger(s: ReportScope): Promise<LedgerHelp> {
  const { tx, actor, tree } = s;
  if (!may(MAY.exportLedger, actor.role)) return { allowed: false, roles: [...MAY.exportLedger] };
  const layouts = await listLayouts(tx, countyOf(tree, actor), s.lang);
  return { allowed: true, region: s.region, layouts: layouts.map((l) => l.name), formats: [...EXPORT_FORMATS], link: consoleLink(s.publicBaseUrl, '/export') };
}
