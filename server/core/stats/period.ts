/**
 * The period a statistics request covers, in China dates: a month (2026-05), a quarter
 * (2026-Q2), a year (2026), or custom (from … to, inclusive). Without one: this month in China.
 */
import { z } from 'zod';
import { addDaysYmd } from '../../../flows/cadre/day';
import { shanghaiDate } from '../../../flows/china-time';
import { MAX_RANGE_DAYS } from '../cases/list-figures';
import { Day } from '../day';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
/** `from` and `to` are China dates, both inclusive. */
export type Period = { kind: PeriodKind; label: string; from: string; to: string };


export const PERIOD_QUERY = {
  /** 2026-05 (a month), 2026-Q2 (a quarter), 2026 (a year) or custom (with from and to). */
  period: z
    .string()
    .trim()
    .regex(/^(\d{4}|\d{4}-(0[1-9]|1[0-2])|\d{4}-Q[1-4]|custom)$/, 'must be a month (2026-05), a quarter (2026-Q2), a year (2026) or custom')
    .optional(),
  from: Day.optional(),
  to: Day.optional(),
};
export type PeriodQuery = { period?: string; from?: string; to?: string };

/** The issue with a period's parameters, [field, message], or null. */
export function periodIssue(q: PeriodQuery): [string, string] | null {
  if (q.period === 'custom') {
    if (!q.from) return ['from', 'required with period=custom'];
    if (!q.to) return ['to', 'required with period=custom'];
    if (q.to < q.from) return ['to', 'must not be before from'];
    if (Math.round((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000) > MAX_RANGE_DAYS) return ['to', `a period spans at most ${MAX_RANGE_DAYS} days`];
  } else if (q.from !== undefined || q.to !== undefined) return [q.from !== undefined ? 'from' : 'to', 'only with period=custom'];
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (y: number, m: number) => addDaysYmd(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`, -1);

/** The period asked for (already checked by periodIssue); none: the month `now` is in, in China. */
export function periodOf(q: PeriodQuery, now: Date): Period {
  const p = q.period ?? shanghaiDate(now).slice(0, 7);
  if (p === 'custom') return { kind: 'custom', label: `${q.from}~${q.to}`, from: q.from!, to: q.to! };
  const y = Number(p.slice(0, 4));
  if (/^\d{4}$/.test(p)) return { kind: 'year', label: p, from: `${y}-01-01`, to: `${y}-12-31` };
  const quarter = /^\d{4}-Q([1-4])$/.exec(p);
  if (quarter) {
    const first = (Number(quarter[1]) - 1) * 3 + 1;
    return { kind: 'quarter', label: p, from: `${y}-${pad(first)}-01`, to: lastDayOfMonth(y, first + 2) };
  }
  const m = Number(p.slice(5, 7));
  return { kind: 'month', label: p, from: `${y}-${pad(m)}-01`, to: lastDayOfMonth(y, m) };
}

/** The calendar years a period touches. */
export function yearsOf(period: Period): number[] {
  const out: number[] = [];
  for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y++) out.push(y);
  return out;
}
