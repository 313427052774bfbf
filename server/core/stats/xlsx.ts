/**
 * The statistics as a workbook (exceljs): the same figures as GET /api/stats, a sheet each, in
 * the caller's language; money in yuan (numbers with two decimals), shares in percent.
 */
import ExcelJS from 'exceljs';
import { shanghaiDateTime } from '../../../flows/china-time';
import { t, type Lang } from '../../../flows/i18n';
import type { Limit } from '../../../flows/workflow';
import type { Stats } from './figures';
import { NO_DEPARTMENT } from './register-figures';

const yuan = (fen: number | null) => (fen === null ? null : Math.round(fen) / 100);

export async function statsWorkbook(stats: Stats, lang: Lang): Promise<Buffer> {
  const tr = (key: string, params?: Record<string, unknown>) => t(lang, `stats.${key}`, params);
  const cause = (c: string) => t(lang, `cause.${c}`);
  const category = (c: string) => (c === 'none' ? tr('none_category') : t(lang, `workflow.category.${c}`));
  const status = (s: string) => t(lang, `status.${s}`);
  const limit = (l: Limit | null) => (l ? tr(l.working ? 'limit_working_days' : 'limit_days', { days: l.days }) : '');
  const regionName = stats.region ? (lang === 'en' && stats.region.nameEn ? stats.region.nameEn : stats.region.name) : tr('all_regions');

  const wb = new ExcelJS.Workbook();
  wb.created = new Date(stats.generatedAt);
  const sheet = (name: string, headers: string[], rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(tr(`sheet.${name}`));
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = Math.max(10, Math.min(40, (headers[i]?.length ?? 8) * 2 + 4))));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    return ws;
  };
  const { applications: a, identification: id, returns, rejections, payments } = stats;

  sheet('summary', [tr('col.item'), tr('col.value')], [
    [tr('row.region'), regionName],
    [tr('row.period'), `${stats.period.from} ~ ${stats.period.to}`],
    [tr('row.generated'), shanghaiDateTime(new Date(stats.generatedAt))],
    [tr('row.submitted'), a.total],
    [tr('row.decided'), id.decided],
    [tr('row.decided_within', { days: id.limit.days }), id.within],
    [tr('row.decided_share'), id.withinShare],
    [tr('row.returned'), returns.cases],
    [tr('row.rejected'), rejections.cases],
    [tr('row.paid_cases'), payments.cases],
    [tr('row.paid_amount'), yuan(payments.amountFen)],
  ]);
  sheet(
    'applications',
    [tr('col.cause'), tr('col.category'), tr('col.town'), tr('col.village'), tr('col.cases')],
    a.rows.map((r) => [cause(r.cause), category(r.category), r.town?.name ?? '', r.village?.name ?? '', r.n]),
  );
  sheet('channels', [tr('col.channel'), tr('col.cases')], stats.channels.map((c) => [tr(`channel.${c.channel}`), c.n]));
  sheet('funnel', [tr('col.status'), tr('col.reached'), tr('col.now')], stats.funnel.map((f) => [status(f.status), f.reached, f.now]));
  sheet(
    'steps',
    [tr('col.status'), tr('col.limit'), tr('col.cases'), tr('col.within'), tr('col.late'), tr('col.within_share'), tr('col.median'), tr('col.p90')],
    [
      ...stats.steps.map((s) => [status(s.status), limit(s.limit), s.cases, s.within, s.late, s.withinShare, s.medianDays, s.p90Days]),
      [tr('row.decided'), limit(id.limit), id.decided, id.within, id.late, id.withinShare, id.medianDays, id.p90Days],
    ],
  );
  const ret = sheet('returns', [tr('col.missing_item'), tr('col.cases')], returns.items.map((i) => [i.item, i.cases]));
  ret.addRow([]);
  ret.addRow([tr('row.by_step'), tr('col.cases'), tr('col.events')]).font = { bold: true };
  for (const s of returns.byStep) ret.addRow([status(s.status), s.cases, s.events]);
  sheet('rejections', [tr('col.reason'), tr('col.cases')], rejections.reasons.map((r) => [r.reason ?? '', r.cases]));
  const pay = sheet('payments', [tr('col.month'), tr('col.cases'), tr('col.amount')], payments.months.map((m) => [m.month, m.cases, yuan(m.amountFen)]));
  pay.getColumn(3).numFmt = '#,##0.00';
  pay.addRow([]);
  const head = pay.addRow([tr('col.year'), tr('col.cases'), tr('col.amount'), tr('col.budget'), tr('col.used_share')]);
  head.font = { bold: true };
  for (const b of payments.budgets) pay.addRow([b.year, b.cases, yuan(b.paidFen), yuan(b.budgetFen), b.usedShare]);
  pay.getColumn(4).numFmt = '#,##0.00';
  registerSheet(sheet, stats, tr, lang);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type SheetOf = (name: string, headers: string[], rows: (string | number | null)[][]) => ExcelJS.Worksheet;
type Tr = (key: string, params?: Record<string, unknown>) => string;

/** The register's sheet (防返贫监测): the households now, the events per month, the measures, the alerts by department. */
function registerSheet(sheet: SheetOf, stats: Stats, tr: Tr, lang: Lang): void {
  const r = stats.register;
  /** The sheet's own words (stats.register.*). */
  const w: Tr = (key, params) => tr(`register.${key}`, params);
  const category = (c: string) => (c === 'none' ? w('no_category') : t(lang, `workflow.category.${c}`));
  const department = (d: string) => (d === NO_DEPARTMENT ? w('no_department') : t(lang, `alerts.department.${d}`));
  const days = { days: r.alerts.closeDays };
  const ws = sheet('register', [tr('col.item'), tr('col.value')], [
    [w('monitored'), r.monitored],
    [w('eliminated'), r.eliminated],
    [w('elimination_rate'), r.eliminationRate],
    [w('measures_households'), r.measures.households],
    [w('measures_count'), r.measures.count],
    [w('measures_amount'), yuan(r.measures.amountFen)],
    [w('measures_per_household'), r.measures.perHousehold],
    [w('amount_per_household'), yuan(r.measures.amountFenPerHousehold)],
  ]);
  const block = (headers: string[], rows: (string | number | null)[][]) => {
    ws.addRow([]);
    ws.addRow(headers).font = { bold: true };
    for (const row of rows) ws.addRow(row);
  };
  block([w('by_category'), tr('col.cases')], r.byCategory.map((c) => [category(c.category), c.n]));
  block(
    [w('month'), w('identified'), w('reincluded'), w('eliminated_month')],
    r.months.map((m) => [m.month, m.identified, m.reincluded, m.eliminated]),
  );
  block(
    [w('department'), w('alerts_raised'), w('alerts_closed'), w('alerts_in_time', days), w('alerts_share', days)],
    [
      ...r.alerts.byDepartment.map((d) => [department(d.department), d.raised, d.closed, d.closedInTime, d.closedInTimeShare]),
      [w('all_departments'), r.alerts.raised, r.alerts.closed, r.alerts.closedInTime, r.alerts.closedInTimeShare],
    ],
  );
}

/** The file's name (without extension). */
export function statsFileName(stats: Stats, lang: Lang): string {
  const region = stats.region ? stats.region.name : t(lang, 'stats.all_regions');
  return t(lang, 'stats.file', { region, period: stats.period.label });
}
