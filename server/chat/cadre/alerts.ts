/**
 * What 预警 in the cadre chat reads (flows/cadre/alerts.ts says it): the open department alerts of
 * the villages of the cadre's region (the auditor: all), the most urgent first — past due, then by
 * due time — at most ALERTS_LISTED, with the household's answer and the case filed from it. No
 * figures and the head's name masked, so nothing personal is opened and nothing is audited; the
 * figures are in the console (server/core/alerts/list.ts, audited) and in the notice a "2" sends.
 * "预警 N …" closes through server/core/alerts/close.ts (closeAlertIn), its refusals said in words.
 */
import { ALERTS_LISTED, type AlertClosure, type AlertsView } from '../../../flows/cadre/alerts';
import type { CadreOutcome } from '../../../flows/cadre/effects';
import type { Lang } from '../../../flows/engine/types';
import { t } from '../../../flows/i18n';
import type { CadreActor, Role } from '../../../flows/workflow';
import type { Prisma } from '../../generated/prisma/client';
import { closeAlertIn } from '../../core/alerts/close';
import { ALERT_STATUS, alertOriginKey, CAUSE_KEY, type AlertCause } from '../../core/alerts/departments';
import { MAY } from '../../core/auth/permissions';
import { DEFAULT_NAME_MASK, maskName } from '../../core/notices/mask';
import { CoreRefusal } from '../../core/refusal';

type Tx = Prisma.TransactionClient;

export async function cadreAlerts(tx: Tx, actor: CadreActor, region: string, lang: Lang, now: Date): Promise<AlertsView> {
  if (!(MAY.readAlerts as readonly string[]).includes(actor.role)) return { allowed: false, roles: [...MAY.readAlerts] as Role[] };
  const where: Prisma.AlertWhereInput = { status: ALERT_STATUS.open, ...(actor.regionIds ? { villageId: { in: [...actor.regionIds] } } : {}) };
  const [total, rows] = await Promise.all([
    tx.alert.count({ where }),
    tx.alert.findMany({
      where,
      // the most urgent first: the earliest due (past due ones are due earliest), then the oldest
      orderBy: [{ dueAt: 'asc' }, { raisedAt: 'asc' }, { id: 'asc' }],
      take: ALERTS_LISTED,
      select: {
        id: true,
        cause: true,
        dueAt: true,
        overdueSince: true,
        answer: true,
        department: { select: { code: true } },
        village: { select: { name: true, nameEn: true } },
        household: { select: { headName: true } },
        case: { select: { caseNo: true, status: true } },
      },
    }),
  ]);
  return {
    allowed: true,
    region,
    total,
    items: rows.map((a) => ({
      id: a.id,
      village: lang === 'en' && a.village.nameEn ? a.village.nameEn : a.village.name,
      household: maskName(a.household.headName, DEFAULT_NAME_MASK),
      department: t(lang, alertOriginKey(a)),
      cause: CAUSE_KEY[a.cause as AlertCause] ? t(lang, CAUSE_KEY[a.cause as AlertCause]) : a.cause,
      dueAt: a.dueAt.toISOString(),
      overdue: a.overdueSince !== null || a.dueAt.getTime() < now.getTime(),
      answer: a.answer,
      caseNo: a.case?.caseNo ?? null,
      caseStatus: a.case?.status ?? null,
    })),
  };
}

/** 预警 N 不需要 原因 / 已有帮扶: closed through the core, or the refusal in the chat's words. */
export async function closeListedAlert(tx: Tx, actor: CadreActor, e: { alertId: string; number: number; closure: AlertClosure; reason: string }, now: Date): Promise<CadreOutcome> {
  const reason = e.reason.trim();
  try {
    await closeAlertIn(tx, actor, e.alertId, e.closure === 'not_needed' ? { kind: 'not_needed', reason } : { kind: 'already_helped', ...(reason.length >= 2 ? { reason } : {}) }, now);
    return { type: 'alert_closed', number: e.number, closure: e.closure };
  } catch (err) {
    if (!(err instanceof CoreRefusal)) throw err;
    const why = err.kind === 'conflict' ? 'closed' : err.kind === 'not_found' ? 'not_found' : err.kind === 'forbidden' ? 'forbidden' : 'invalid';
    return { type: 'alert_refused', number: e.number, why, ...(why === 'invalid' ? { message: err.message } : {}) };
  }
}
