/**
 * 统计 and 导出 in the chat: the period a 统计 asks for (as GET /api/stats names it), the figures
 * the server read for the cadre's region (server/chat/cadre/report.ts, through server/core/stats),
 * and the short answers. The ledger itself never goes through the chat — it holds ID numbers and
 * phones — so 导出 answers with where the console exports it and in which layouts. Pure: words in
 * flows/i18n/cadre.*.ts (cadre.report.*).
 */
import { shanghaiDate } from '../china-time';
import type { Lang } from '../engine/types';
import { t } from '../i18n';
import { formatMoney, formatMonth } from '../i18n/format';
import { CASE_STATUSES, type Role } from '../workflow';
import type { StatsPeriod } from './commands';

/** A role that has no such thing, and the roles that have it (the server's permission lists). */
export type NotYours = { allowed: false; roles: Role[] };

/** The figures 统计 says, for the cadre's region (the console's scope) and a period. */
export type CadreStats =
  | NotYours
  | {
      allowed: true;
      /** The period as GET /api/stats names it: 2026-07 (a month) or 2026 (a year). */
      period: string;
      region: string;
      /** Submitted in the period, by cause (every cause, zeros too). */
      applications: number;
      byCause: { cause: string; n: number }[];
      /** Where the period's applications are now, by status. */
      byStatus: { status: string; n: number }[];
      /** The region's cases past their step's time limit now (the work queue's 超期). */
      overdue: number;
      /** Paid in the period. */
      paid: { cases: number; amountFen: number };
      /** The year's budget against what was paid in the year (said to the county office). */
      budget: { year: number; budgetFen: number | null; paidFen: number; usedShare: number | null } | null;
      /** The console's statistics page for the period; null without PUBLIC_BASE_URL. */
      link: string | null;
    };

/** What 导出 says: the console's export page and the layouts there. */
export type LedgerHelp =
  | NotYours
  | {
      allowed: true;
      region: string;
      /** The layouts' names, the built-in ones first (the console's list). */
      layouts: string[];
      formats: string[];
      /** The console's export page; null without PUBLIC_BASE_URL. */
      link: string | null;
    };

const pad = (n: number) => String(n).padStart(2, '0');

/** The period parameter of a 统计 said at `now` (China dates): this month 2026-07, last month 2026-06, this year 2026. */
export function statsPeriodParam(period: StatsPeriod, now: Date): string {
  const today = shanghaiDate(now);
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (period === 'this_year') return String(y);
  if (period === 'last_month') return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
  return `${y}-${pad(m)}`;
}

const tr = (lang: Lang, key: string, params?: Record<string, unknown>) => t(lang, key, params);
const listOf = (lang: Lang, items: string[]) => items.join(tr(lang, 'cadre.list_separator'));
const rolesOf = (lang: Lang, roles: Role[]) => listOf(lang, roles.map((r) => tr(lang, `cadre.role.${r}`)));

/** 2026-07 → 2026年7月; 2026 → 2026年. */
function periodName(lang: Lang, period: string): string {
  return /^\d{4}$/.test(period) ? tr(lang, 'cadre.report.year', { year: period }) : formatMonth(lang, period);
}

/** At most 7 lines: the heading, applications by cause, where they are now, overdue, paid (and the budget), the link. */
export function statsText(lang: Lang, role: Role, s: CadreStats): string {
  if (!s.allowed) return tr(lang, 'cadre.report.stats_not_yours', { roles: rolesOf(lang, s.roles) });
  const causes = s.byCause.filter((c) => c.n > 0).map((c) => tr(lang, 'cadre.report.item', { what: tr(lang, `cause.${c.cause}`), n: c.n }));
  const order = (status: string) => CASE_STATUSES.indexOf(status as (typeof CASE_STATUSES)[number]);
  const now = s.byStatus
    .filter((x) => x.n > 0)
    .sort((a, b) => order(a.status) - order(b.status))
    .map((x) => tr(lang, 'cadre.report.item', { what: tr(lang, `cadre.stage.${x.status}`), n: x.n }));
  const b = s.budget;
  return [
    tr(lang, 'cadre.report.stats_title', { region: s.region, period: periodName(lang, s.period) }),
    tr(lang, 'cadre.report.applications', { n: s.applications }) + (causes.length ? tr(lang, 'cadre.report.by_cause', { list: listOf(lang, causes) }) : ''),
    ...(now.length ? [tr(lang, 'cadre.report.now', { list: listOf(lang, now) })] : []),
    tr(lang, 'cadre.report.overdue', { n: s.overdue }),
    tr(lang, 'cadre.report.paid', { cases: s.paid.cases, amount: formatMoney(lang, s.paid.amountFen) }),
    ...(role === 'county' && b
      ? [
          b.budgetFen === null
            ? tr(lang, 'cadre.report.no_budget', { year: b.year, paid: formatMoney(lang, b.paidFen) })
            : tr(lang, 'cadre.report.budget', { year: b.year, budget: formatMoney(lang, b.budgetFen), paid: formatMoney(lang, b.paidFen), share: b.usedShare ?? 0 }),
        ]
      : []),
    s.link ? tr(lang, 'cadre.report.stats_link', { url: s.link }) : tr(lang, 'cadre.report.stats_console'),
  ].join('\n');
}

/** Where the ledger is exported, in which layouts and formats — and that it is not sent by WeChat. */
export function ledgerText(lang: Lang, l: LedgerHelp): string {
  if (!l.allowed) return tr(lang, 'cadre.report.export_not_yours', { roles: rolesOf(lang, l.roles) });
  return [
    l.link ? tr(lang, 'cadre.report.export_link', { url: l.link }) : tr(lang, 'cadre.report.export_console'),
    tr(lang, 'cadre.report.export_layouts', { list: listOf(lang, l.layouts), formats: listOf(lang, l.formats.map((f) => f.toUpperCase())) }),
    tr(lang, 'cadre.report.export_scope', { region: l.region }),
  ].join('\n');
}
