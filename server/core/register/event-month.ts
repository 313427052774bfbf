/**
 * When a monitoring event (MonitoringEvent, written by register/monitoring.ts) counts: on the China
 * day it takes effect — its `day`, else the China date of `at`. The statistics count a month's
 * households per kind of event (stats/register-figures.ts) and the register list filters by the same
 * kind and month (register/list.ts): both read these two forms of the one rule, kept side by side.
 */
import { z } from 'zod';
import { shanghaiMidnight } from '../../../flows/china-time';
import type { Prisma } from '../../generated/prisma/client';

/** The events the statistics count per month: 新识别, 再次纳入 (返贫), 风险消除. */
export const MONTH_EVENT_KINDS = ['identified', 'reincluded', 'eliminated'] as const;
export type MonthEventKind = (typeof MONTH_EVENT_KINDS)[number];

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month (YYYY-MM)');

/** A month's first and last China days (YYYY-MM-DD). */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The instants of China days [from, to]: from the first's midnight to the midnight after the last. */
export function chinaDaysBounds(from: string, to: string): { gte: Date; lt: Date } {
  return { gte: shanghaiMidnight(from), lt: new Date(shanghaiMidnight(to).getTime() + 86_400_000) };
}

/** SQL: the China day (YYYY-MM-DD) the event aliased `e` takes effect. */
export const eventDaySql = (e: string) => `COALESCE(${e}."day", to_char(${e}."at" + interval '8 hours', 'YYYY-MM-DD'))`;

/** The same rule for Prisma: the events of `kind` taking effect on China days [from, to]. */
export function eventsTakingEffect(kind: MonthEventKind, from: string, to: string): Prisma.MonitoringEventWhereInput {
  return { type: kind, OR: [{ day: { gte: from, lte: to } }, { day: null, at: chinaDaysBounds(from, to) }] };
}
