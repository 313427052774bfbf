/**
 * The statistics' case sets as work-queue filters (server/core/stats): every figure of the
 * dashboard is "the cases that match these filters", so a click on a figure opens the queue with
 * them, and the figure and its list are read by the same SQL. Here: the filters' shapes, their
 * query parameters (zod), and the SQL pieces both the list (list-query.ts conditions) and the
 * statistics use — the channel kind of a case, a step's completed stays (from the case events)
 * and the moment a time limit runs out (working days by the county's calendar).
 */
import { z } from 'zod';
import { addDaysYmd } from '../../../flows/cadre/day';
import { shanghaiDate, shanghaiMidnight } from '../../../flows/china-time';
import { CASE_STATUS, CASE_STATUSES, HOUSEHOLD_CATEGORIES, TIMED_STATUSES, type CaseStatus, type HouseholdCategory, type TimeLimits } from '../../../flows/workflow';
import { APP_CHANNEL } from '../notify/channels';
import { addLimit, type WorkCalendar } from '../workflow/deadlines';
import { Day } from '../day';

/** How an application came in: the chat (a bot's channel), the mini-program or h5 app, or entered by a cadre for the villager. */
export const CHANNEL_KINDS = ['chat', 'miniprogram', 'cadre'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Case.channel of an application a cadre entered on a villager's behalf (any channel starting so counts). */
export const CADRE_CHANNEL = 'cadre';
const APP_CHANNELS = Object.values(APP_CHANNEL);

/** The kind of a Case.channel value (the same rule as channelKindSql). */
export function channelKindOf(channel: string): ChannelKind {
  if ((APP_CHANNELS as string[]).includes(channel)) return 'miniprogram';
  if (channel.startsWith(CADRE_CHANNEL)) return 'cadre';
  return 'chat';
}

/** The kind of c."channel", in SQL (literals only: the channel names are this module's constants). */
export function channelKindSql(alias = 'c'): string {
  const apps = APP_CHANNELS.map((a) => `'${a}'`).join(', ');
  return `(CASE WHEN ${alias}."channel" IN (${apps}) THEN 'miniprogram' WHEN ${alias}."channel" LIKE '${CADRE_CHANNEL}%' THEN 'cadre' ELSE 'chat' END)`;
}

/** The statuses a decision leaves a case in (认定 or 不予认定): the whole identification ends there. */
export const DECIDED_STATUSES: readonly CaseStatus[] = [CASE_STATUS.approved, CASE_STATUS.rejected];

/** The household category as a filter: one of the categories, or 'none' (not decided yet, or rejected). */
export const CATEGORY_FILTERS = [...HOUSEHOLD_CATEGORIES, 'none'] as const;
export type CategoryFilter = HouseholdCategory | 'none';

/**
 * When each time limit runs out for a case entering its step on a given China day: the days to
 * add (the limit in calendar days, or the days to its n-th working day). One row per limit name
 * and day, for the days a figure can need; an instant outside them falls back to calendar days.
 */
export type DeadlineTable = { names: string[]; days: string[]; offsets: number[]; fallback: Record<string, number> };

/** The table of `limits` for the China days from `fromDay` to `toDay` (inclusive). */
export function deadlineTable(limits: TimeLimits, calendar: WorkCalendar, fromDay: string, toDay: string): DeadlineTable {
  const table: DeadlineTable = { names: [], days: [], offsets: [], fallback: {} };
  for (const [name, limit] of Object.entries(limits)) {
    if (!limit) continue;
    table.fallback[name] = limit.days;
    if (!limit.working) continue; // calendar days: the fallback is exact
    for (let day = fromDay; day <= toDay; day = addDaysYmd(day, 1)) {
      const start = shanghaiMidnight(day);
      table.names.push(name);
      table.days.push(day);
      table.offsets.push(Math.round((addLimit(start, limit, calendar).getTime() - start.getTime()) / 86_400_000));
    }
  }
  return table;
}

/** A case's completed stay in a step: it went through `status` (entered and left it). `late`: at least one stay there ran past the step's limit (true), or none did (false). */
export type StepFilter = { status: CaseStatus; late?: boolean; deadlines: DeadlineTable };
/** Decided (approved or rejected); `late`: the decision came after the whole identification limit (limits.total) — or within it (false). */
export type DecidedFilter = { late?: boolean; deadlines: DeadlineTable };

/** The figures' filters, beside the list's own (list-query.ts CaseListFilter). Instants are [from, to). */
export type FigureFilter = {
  submitted?: { from: Date; to: Date };
  category?: CategoryFilter;
  channel?: ChannelKind;
  /** Entered this status at some time (its events). */
  reached?: CaseStatus;
  /** Returned for papers at some time; from a step; `item`: listed at its latest return. */
  returned?: { from?: CaseStatus; item?: string };
  /** Rejected at this step (its events). */
  rejectedFrom?: CaseStatus;
  /** These cases (a figure read from sealed texts, such as the rejection reasons, names its cases). */
  caseNos?: readonly string[];
  paid?: { from: Date; to: Date };
  step?: StepFilter;
  decided?: DecidedFilter;
};

/** Whether any figure filter is set (the list then counts its total). */
export const hasFigureFilter = (f: FigureFilter) =>
  f.submitted !== undefined || f.category !== undefined || f.channel !== undefined || f.reached !== undefined || f.returned !== undefined || f.rejectedFrom !== undefined || f.caseNos !== undefined || f.paid !== undefined || f.step !== undefined || f.decided !== undefined;

type Add = (value: unknown, cast: string) => string;
const ts = (d: Date) => d.toISOString();

/** The moment a limit (`name` a SQL text expression) runs out for a stay entered at `entered` (a timestamp expression). */
export function dueSql(entered: string, name: string, t: DeadlineTable, add: Add): string {
  const names = add(t.names, 'text[]');
  const days = add(t.days, 'date[]');
  const offsets = add(t.offsets, 'int[]');
  const fallback = add(JSON.stringify(t.fallback), 'jsonb');
  return `(${entered} + make_interval(days => COALESCE(
    (SELECT d."k" FROM unnest(${names}, ${days}, ${offsets}) d("name", "day", "k") WHERE d."name" = ${name} AND d."day" = (${entered} + interval '8 hours')::date),
    (${fallback} ->> ${name})::int)))`;
}

/** The status-changing events of case c, each with when the case left that status again (null: still there). */
export const staysOf = (alias: string) => `SELECT e."toStatus", e."at", lead(e."at") OVER (ORDER BY e."at", e."seq") AS "leftAt"
      FROM "CaseEvent" e WHERE e."caseId" = ${alias}."id" AND e."toStatus" IS NOT NULL`;

/** When case c was decided (its first event into approved or rejected), as a subquery. */
export const decidedAtSql = (alias: string, add: Add) =>
  `(SELECT min(e."at") FROM "CaseEvent" e WHERE e."caseId" = ${alias}."id" AND e."toStatus" = ANY(${add([...DECIDED_STATUSES], 'text[]')}))`;

const flagged = (expr: string, late: boolean | undefined) => (late === undefined ? `${expr} IS NOT NULL` : late ? `${expr} IS TRUE` : `${expr} IS FALSE`);

/** The figure filters' conditions on "Case" c. */
export function figureConditions(f: FigureFilter, add: Add, alias = 'c'): string[] {
  const where: string[] = [];
  const col = (name: string) => `${alias}."${name}"`;
  if (f.submitted) where.push(`${col('submittedAt')} >= ${add(ts(f.submitted.from), 'timestamp(3)')} AND ${col('submittedAt')} < ${add(ts(f.submitted.to), 'timestamp(3)')}`);
  if (f.category === 'none') where.push(`${col('householdCategory')} IS NULL`);
  else if (f.category !== undefined) where.push(`${col('householdCategory')} = ${add(f.category, 'text')}`);
  if (f.channel !== undefined) where.push(`${channelKindSql(alias)} = ${add(f.channel, 'text')}`);
  if (f.reached !== undefined) where.push(`EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = ${col('id')} AND e."toStatus" = ${add(f.reached, 'text')})`);
  if (f.returned) {
    const extra = f.returned.from !== undefined ? [`e."fromStatus" = ${add(f.returned.from, 'text')}`] : [];
    where.push(`EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = ${col('id')} AND e."toStatus" = ${add(CASE_STATUS.returned, 'text')}${extra.map((x) => ` AND ${x}`).join('')})`);
    // the items of the case's latest return (the event's copy is sealed; Case.missingItems keeps the last list)
    if (f.returned.item !== undefined) where.push(`${col('missingItems')} ? ${add(f.returned.item, 'text')}`);
  }
  if (f.paid) where.push(`${col('paidAt')} >= ${add(ts(f.paid.from), 'timestamp(3)')} AND ${col('paidAt')} < ${add(ts(f.paid.to), 'timestamp(3)')}`);
  if (f.step) {
    const status = add(f.step.status, 'text');
    const late = `(SELECT bool_or(s."leftAt" > ${dueSql('s."at"', status, f.step.deadlines, add)}) FROM (${staysOf(alias)}) s WHERE s."toStatus" = ${status} AND s."leftAt" IS NOT NULL)`;
    where.push(flagged(late, f.step.late));
  }
  if (f.decided) {
    const decidedAt = decidedAtSql(alias, add);
    // every parameter added must be used: the late check's only when asked
    where.push(f.decided.late === undefined ? `${decidedAt} IS NOT NULL` : flagged(`(${decidedAt} > ${dueSql(col('submittedAt'), `'total'`, f.decided.deadlines, add)})`, f.decided.late));
  }
  if (f.rejectedFrom !== undefined) {
    where.push(`EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = ${col('id')} AND e."toStatus" = ${add(CASE_STATUS.rejected, 'text')} AND e."fromStatus" = ${add(f.rejectedFrom, 'text')})`);
  }
  if (f.caseNos !== undefined) where.push(`${col('caseNo')} = ANY(${add([...f.caseNos], 'text[]')})`);
  return where;
}

// ---- query parameters (GET /api/cases and GET /api/stats/cases) ----

const Flag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true');
const Status = z.enum(CASE_STATUSES, { message: `must be one of ${CASE_STATUSES.join(', ')}` });
const Text = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** One status or a comma list of them (the workflow's CASE_STATUSES): status=a,b — the work queue's, the export's and a figure's. */
export const StatusList = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
    const unknown = parts.find((p) => !(CASE_STATUSES as readonly string[]).includes(p));
    if (!parts.length || unknown !== undefined) {
      ctx.addIssue({ code: 'custom', message: `must be one or more of ${CASE_STATUSES.join(', ')} (comma separated)` });
      return z.NEVER;
    }
    return parts as CaseStatus[];
  });

/** The figure filters as query parameters (China dates, inclusive). */
export const FIGURE_QUERY = {
  submittedFrom: Day.optional(),
  submittedTo: Day.optional(),
  category: z.enum(CATEGORY_FILTERS, { message: `must be one of ${CATEGORY_FILTERS.join(', ')}` }).optional(),
  channel: z.enum(CHANNEL_KINDS, { message: `must be one of ${CHANNEL_KINDS.join(', ')}` }).optional(),
  reached: Status.optional(),
  /** Returned for papers at some time (not the status: a case now in any status). */
  wasReturned: z.literal('true', { message: 'must be true' }).optional(),
  returnedFrom: Status.optional(),
  missingItem: Text.optional(),
  rejectedFrom: Status.optional(),
  /** Case numbers, comma separated (at most CASE_NOS_MAX). */
  caseNos: z
    .string()
    .trim()
    .toUpperCase()
    .transform((text, ctx) => {
      const parts = [...new Set(text.split(',').map((p) => p.trim()).filter(Boolean))];
      if (!parts.length || parts.length > CASE_NOS_MAX || parts.some((p) => !/^FP-\d{4}-\d{6}$/.test(p))) {
        ctx.addIssue({ code: 'custom', message: `must be 1 to ${CASE_NOS_MAX} case numbers like FP-2026-000123, comma separated` });
        return z.NEVER;
      }
      return parts;
    })
    .optional(),
  paidFrom: Day.optional(),
  paidTo: Day.optional(),
  step: z.enum(TIMED_STATUSES, { message: `must be one of ${TIMED_STATUSES.join(', ')}` }).optional(),
  stepLate: Flag.optional(),
  decided: z.literal('true', { message: 'must be true' }).optional(),
  decidedLate: Flag.optional(),
};
export type FigureQuery = { [K in keyof typeof FIGURE_QUERY]?: z.infer<(typeof FIGURE_QUERY)[K]> };

/** The checks across figure parameters: each range whole, a flag with what it qualifies. [field, message] or null. */
export function figureQueryIssue(q: FigureQuery): [string, string] | null {
  for (const [from, to] of [['submittedFrom', 'submittedTo'], ['paidFrom', 'paidTo']] as const) {
    if ((q[from] === undefined) !== (q[to] === undefined)) return [q[from] === undefined ? from : to, `give both ${from} and ${to}`];
    if (q[from] !== undefined && q[to]! < q[from]!) return [to, `must not be before ${from}`];
    if (q[from] !== undefined && daysApart(q[from]!, q[to]!) > MAX_RANGE_DAYS) return [to, `spans more than ${MAX_RANGE_DAYS} days`];
  }
  if (q.stepLate !== undefined && q.step === undefined) return ['stepLate', 'give step too'];
  if (q.decidedLate !== undefined && q.decided === undefined) return ['decidedLate', 'give decided=true too'];
  if ((q.returnedFrom !== undefined || q.missingItem !== undefined) && q.wasReturned === undefined) return [q.returnedFrom !== undefined ? 'returnedFrom' : 'missingItem', 'give wasReturned=true too'];
  return null;
}

/** The most case numbers a caseNos filter names. */
export const CASE_NOS_MAX = 200;

/** The longest range a figure covers (a custom period of three years). */
export const MAX_RANGE_DAYS = 3 * 366;
const daysApart = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** China days [from, to] as instants [from's midnight, the midnight after to). */
export const dayRange = (from: string, to: string) => ({ from: shanghaiMidnight(from), to: shanghaiMidnight(addDaysYmd(to, 1)) });

/**
 * The figure filter of the parameters. The deadline table covers the days a stay can have begun
 * on: from the submission range's first day (else a year and a half back) up to today.
 */
export function figureFilterOf(q: FigureQuery, limits: TimeLimits, calendar: WorkCalendar, now: Date): FigureFilter {
  const today = shanghaiDate(now);
  const first = q.submittedFrom ?? addDaysYmd(today, -550);
  const deadlines = () => deadlineTable(limits, calendar, first < today ? first : today, addDaysYmd(today, 1));
  return {
    ...(q.submittedFrom && q.submittedTo ? { submitted: dayRange(q.submittedFrom, q.submittedTo) } : {}),
    ...(q.category ? { category: q.category } : {}),
    ...(q.channel ? { channel: q.channel } : {}),
    ...(q.reached ? { reached: q.reached } : {}),
    ...(q.wasReturned ? { returned: { ...(q.returnedFrom ? { from: q.returnedFrom } : {}), ...(q.missingItem ? { item: q.missingItem } : {}) } } : {}),
    ...(q.rejectedFrom ? { rejectedFrom: q.rejectedFrom } : {}),
    ...(q.caseNos ? { caseNos: q.caseNos } : {}),
    ...(q.paidFrom && q.paidTo ? { paid: dayRange(q.paidFrom, q.paidTo) } : {}),
    ...(q.step ? { step: { status: q.step, ...(q.stepLate !== undefined ? { late: q.stepLate } : {}), deadlines: deadlines() } } : {}),
    ...(q.decided ? { decided: { ...(q.decidedLate !== undefined ? { late: q.decidedLate } : {}), deadlines: deadlines() } } : {}),
  };
}
