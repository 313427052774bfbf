/**
 * Objections raised during the public notice (公示). The village committee or the county office
 * records what a villager objected to; the notice cannot end in approval while one is open
 * (see the publicity → approved guard). Both steps write a case event; refusals are audited.
 */
import type { Prisma } from '../../generated/prisma/client';
import { allowsAct, SIDE_ACT_ROLES, statusOfAct, type Actor, type RefusalCode, type Role } from '../../../flows/workflow';
import { auditRefusal, cadreWithRole, lockCase, writeEvent, type ActResult } from './case-acts';
import { noticeOnBoard } from '../notices/current';

type Tx = Prisma.TransactionClient;

/** Who records and resolves objections: the village that holds the notice, and the county office. */
export const OBJECTION_ROLES: readonly Role[] = SIDE_ACT_ROLES.objection;
export const MAX_OBJECTION_TEXT = 1000;

/**
 * `noticeId`: the posted 公示 list it was raised against (server/core/notices), when recorded from
 * one of its rows; recorded elsewhere (the case page, the chat), the notice the case is on today
 * (notices/current.ts), if any.
 */
export async function recordObjection(tx: Tx, actor: Actor, caseNo: string, note: string, now: Date, noticeId?: string): Promise<ActResult<{ objectionId: string }>> {
  const refuse = (code: RefusalCode, message: string, field?: string) =>
    auditRefusal<{ objectionId: string }>(tx, actor, 'objection', caseNo, { code, message, ...(field ? { field } : {}) }, now);
  const c = await lockCase(tx, caseNo);
  if (!c) return refuse('not_found', 'case not found');
  const who = cadreWithRole(actor, OBJECTION_ROLES, c);
  if (who) return refuse(who.code, who.message);
  if (!allowsAct(c.status, 'objection')) return refuse('not_allowed_from_status', `objections are recorded during the public notice (${statusOfAct('objection')}); the case is in ${c.status}`);
  const text = note.trim();
  if (!text || text.length > MAX_OBJECTION_TEXT) return refuse('invalid_data', `note: say what was objected to (1–${MAX_OBJECTION_TEXT} characters)`, 'note');
  const notice = noticeId ?? (await noticeOnBoard(tx, c, now));
  const objection = await tx.objection.create({ data: { caseId: c.id, note: text, recordedById: actor.kind === 'cadre' ? actor.id : null, receivedAt: now, ...(notice ? { noticeId: notice } : {}) } });
  const eventId = await writeEvent(tx, actor, c.id, 'objection', text, { objectionId: objection.id, ...(notice ? { noticeId: notice } : {}) }, now);
  return { ok: true, caseId: c.id, caseNo, eventId, objectionId: objection.id };
}

export async function resolveObjection(tx: Tx, actor: Actor, caseNo: string, objectionId: string, resolution: string, now: Date): Promise<ActResult<{ objectionId: string; openObjections: number }>> {
  type R = { objectionId: string; openObjections: number };
  const refuse = (code: RefusalCode, message: string, field?: string) =>
    auditRefusal<R>(tx, actor, 'objection_resolve', caseNo, { code, message, ...(field ? { field } : {}) }, now);
  const c = await lockCase(tx, caseNo);
  if (!c) return refuse('not_found', 'case not found');
  const who = cadreWithRole(actor, OBJECTION_ROLES, c);
  if (who) return refuse(who.code, who.message);
  const objection = await tx.objection.findUnique({ where: { id: objectionId } });
  if (!objection || objection.caseId !== c.id) return refuse('not_found', 'no such objection on this case', 'objectionId');
  if (objection.resolvedAt) return refuse('guard', 'the objection is already resolved', 'objectionId');
  const text = resolution.trim();
  if (!text || text.length > MAX_OBJECTION_TEXT) return refuse('invalid_data', `resolution: say how it was resolved (1–${MAX_OBJECTION_TEXT} characters)`, 'resolution');
  await tx.objection.update({ where: { id: objection.id }, data: { resolvedAt: now, resolution: text } });
  const eventId = await writeEvent(tx, actor, c.id, 'objection_resolved', text, { objectionId: objection.id }, now);
  const openObjections = await tx.objection.count({ where: { caseId: c.id, resolvedAt: null } });
  return { ok: true, caseId: c.id, caseNo, eventId, objectionId: objection.id, openObjections };
}
