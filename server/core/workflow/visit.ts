/**
 * Scheduling the household visit (入户核查) while a case is in verification: the assigned
 * verifier, or the county office, names the day; the villager is told to expect them.
 * The case keeps no column for it: the latest 'visit_scheduled' event is the appointment.
 */
import type { Prisma } from '../../generated/prisma/client';
import { allowsAct, SIDE_ACT_ROLES, statusOfAct, type Actor, type RefusalCode } from '../../../flows/workflow';
import { notifyVisitScheduled } from './notify';
import { shanghaiDate } from '../../../flows/china-time';
import { auditRefusal, cadreWithRole, lockCase, writeEvent, type ActResult } from './case-acts';

type Tx = Prisma.TransactionClient;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `date` is a day in China time, YYYY-MM-DD, today or later. */
export async function scheduleVisit(tx: Tx, actor: Actor, caseNo: string, date: string, now: Date, note?: string): Promise<ActResult<{ date: string }>> {
  const refuse = (code: RefusalCode, message: string, field?: string) => auditRefusal<{ date: string }>(tx, actor, 'visit', caseNo, { code, message, ...(field ? { field } : {}) }, now);
  const c = await lockCase(tx, caseNo);
  if (!c) return refuse('not_found', 'case not found');
  const who = cadreWithRole(actor, SIDE_ACT_ROLES.visit, c);
  if (who) return refuse(who.code, who.message);
  if (!allowsAct(c.status, 'visit')) return refuse('not_allowed_from_status', `a visit is scheduled during ${statusOfAct('visit')}; the case is in ${c.status}`);
  if (!DAY.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)
    return refuse('invalid_data', 'date: must be a date YYYY-MM-DD', 'date');
  if (date < shanghaiDate(now)) return refuse('invalid_data', 'date: the visit cannot be in the past', 'date');
  const text = note?.trim() || null;
  const eventId = await writeEvent(tx, actor, c.id, 'visit_scheduled', text, { date }, now);
  await notifyVisitScheduled(tx, { caseId: c.id, visitOn: date }, now);
  return { ok: true, caseId: c.id, caseNo, eventId, date };
}
