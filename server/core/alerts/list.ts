/**
 * The check tasks a cadre sees: the alerts of the villages of their region (the auditor: all),
 * newest first, filtered by status, department (or none: a cadre's round), overdue, the China days
 * raised and a region within theirs (a statistics figure's alerts: stats/register-figures.ts). The figures (health details) are shown
 * to the offices that check households and recorded as a look (access audit); the auditor reads the
 * list without them. The household's head is named with the middle of the name masked.
 */
import { z } from 'zod';
import { t, type Lang } from '../../../flows/i18n';
import type { CadreActor } from '../../../flows/workflow';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { recordAccesses } from '../audit/access';
import { MAY } from '../auth/permissions';
import { householdSubject } from '../register/detail';
import { DEFAULT_NAME_MASK, maskName } from '../notices/mask';
import { dueState, type WorkCalendar } from '../workflow/deadlines';
import { chinaDaysBounds } from '../register/event-month';
import { ALERT_STATUS, ALERT_STATUSES, CAUSE_KEY, alertOriginKey, CLOSURE_KEY, DEPARTMENT_CODES, WORDING_KEY, type AlertCause, type Closure, type Wording } from './departments';

/** Pages reachable: 200 pages of the largest page size are 40,000 alerts, more than a county raises in years. */
export const MAX_PAGE = 200;

/** The alerts no department raised (a cadre's round): a department filter's value and a figure's line. */
export const NO_DEPARTMENT = 'other';
const Day = z.iso.date('must be a date (YYYY-MM-DD)');

/** The alerts raised on China days [from, to] (the statistics' period counts the same). */
export const raisedBounds = (days: { from: string; to: string }) => chinaDaysBounds(days.from, days.to);

export const AlertListQuery = z.strictObject({
  status: z.enum(ALERT_STATUSES).optional(),
  department: z.enum([...DEPARTMENT_CODES, NO_DEPARTMENT]).optional(),
  /** Raised on these China days (both needed). */
  raisedFrom: Day.optional(),
  raisedTo: Day.optional(),
  /** A town or village (or the county) code: its alerts, within the caller's region. */
  region: z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)').optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

/** Past due: flagged by the hourly check, or open and due before now. */
const overdueWhere = (now: Date): Prisma.AlertWhereInput => ({ status: ALERT_STATUS.open, OR: [{ overdueSince: { not: null } }, { dueAt: { lt: now } }] });

/** `villages`: the villages of the region asked (none asked: undefined), within the caller's as the rest. */
export async function listAlerts(prisma: PrismaClient, actor: CadreActor, q: AlertListQuery, ctx: { now: Date; lang: Lang; calendarOf: (countyId: string) => WorkCalendar; villages?: readonly string[] }) {
  const where: Prisma.AlertWhereInput = {
    AND: [...(actor.regionIds ? [{ villageId: { in: [...actor.regionIds] } }] : []), ...(ctx.villages ? [{ villageId: { in: [...ctx.villages] } }] : [])],
    ...(q.status ? { status: q.status } : {}),
    ...(q.department === NO_DEPARTMENT ? { departmentId: null } : q.department ? { department: { code: q.department } } : {}),
    ...(q.raisedFrom && q.raisedTo ? { raisedAt: raisedBounds({ from: q.raisedFrom, to: q.raisedTo }) } : {}),
    ...(q.overdue === true ? overdueWhere(ctx.now) : q.overdue === false ? { NOT: overdueWhere(ctx.now) } : {}),
  };
  const withFigures = (MAY.closeAlerts as readonly string[]).includes(actor.role);
  const [total, rows] = await Promise.all([
    prisma.alert.count({ where }),
    prisma.alert.findMany({
      where,
      orderBy: [{ raisedAt: 'desc' }, { id: 'desc' }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { department: { select: { code: true } }, village: { select: { code: true, name: true, nameEn: true } }, household: { select: { id: true, headName: true } }, case: { select: { caseNo: true } } },
    }),
  ]);
  // one access row per household whose figures were shown, as a household page's look is recorded
  if (withFigures && rows.length > 0) await recordAccesses(prisma, { actor, action: 'alerts:list', fields: ['alert'], subjects: rows.map((a) => householdSubject(a.householdId)), at: ctx.now });
  const { lang } = ctx;
  return {
    items: rows.map((a) => ({
      id: a.id,
      status: a.status,
      source: a.source,
      department: a.department ? { code: a.department.code, name: t(lang, alertOriginKey(a)) } : null,
      origin: t(lang, alertOriginKey(a)),
      cause: { code: a.cause, label: CAUSE_KEY[a.cause as AlertCause] ? t(lang, CAUSE_KEY[a.cause as AlertCause]) : a.cause },
      wording: WORDING_KEY[a.wording as Wording] ? t(lang, WORDING_KEY[a.wording as Wording]) : t(lang, alertOriginKey(a)),
      household: { id: a.household.id, headName: maskName(a.household.headName, DEFAULT_NAME_MASK) },
      village: { code: a.village.code, name: lang === 'en' && a.village.nameEn ? a.village.nameEn : a.village.name },
      ...(withFigures ? { figures: a.figures } : {}),
      raisedAt: a.raisedAt.toISOString(),
      dueAt: a.dueAt.toISOString(),
      due: a.status === ALERT_STATUS.open ? dueState(a, ctx.now, ctx.calendarOf(a.countyId)) : null,
      overdueSince: a.overdueSince?.toISOString() ?? null,
      closure: a.closure ? { kind: a.closure, label: CLOSURE_KEY[a.closure as Closure] ? t(lang, CLOSURE_KEY[a.closure as Closure]) : a.closure, caseNo: a.case?.caseNo ?? null, ...(withFigures ? { reason: a.closeReason } : {}), at: a.closedAt?.toISOString() ?? null } : null,
      answer: a.answer,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
