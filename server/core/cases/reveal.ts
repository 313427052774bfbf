/**
 * "显示完整": the applicant's full ID number or phone, one field per request. The case detail
 * carries both masked (detail.ts); the whole value is handed out only here, to the roles of
 * MAY.revealIdentity, on a case in the caller's scope (the same scope as the detail: outside it
 * the case does not exist) — and every reveal writes its access-audit row, every refusal its
 * refusal row. A cadre reveals at most REVEAL_LIMIT values an hour (a shared counter): a desk
 * works through forty cases a week, a script copying the register out would not get far.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { type CadreActor, inScope } from '../../../flows/workflow';
import { MAY } from '../auth/permissions';
import { recordAccess } from '../audit/access';
import { recordRefusal } from '../audit/record';
import { DbCounters, retryAfterSeconds } from '../throttle/counter';
import { applicantOf } from './applicant';

export const REVEAL_FIELDS = ['idNumber', 'phone'] as const;
export type RevealField = (typeof REVEAL_FIELDS)[number];

export const REVEAL_LIMIT = { max: 60, windowMs: 60 * 60_000 };

/** The counter of a cadre's reveals: the console's 显示完整 and the chat's 查看 in full share it. */
export const revealBudgetKey = (actor: Pick<CadreActor, 'id'>) => `reveal:cadre:${actor.id}`;

export type RevealResult =
  | { ok: true; field: RevealField; value: string }
  | { ok: false; code: 'not_found' }
  | { ok: false; code: 'no_role' }
  | { ok: false; code: 'rate_limited'; retryAfterSeconds: number };

/**
 * 1101**********002X: the first `head` (4) and the last 4 characters of an ID number. The 台账
 * export's national layout keeps 6 (the county's region code: 110105********002X).
 */
export function maskIdNumber(id: string, head = 4): string {
  return id.length > head + 4 ? `${id.slice(0, head)}${'*'.repeat(id.length - head - 4)}${id.slice(-4)}` : '*'.repeat(id.length);
}

/** 138****8000 */
export function maskPhone(phone: string): string {
  return phone.length > 7 ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}` : '*'.repeat(phone.length);
}

export const MASKS: Record<RevealField, (v: string) => string> = { idNumber: maskIdNumber, phone: maskPhone };

export async function revealApplicantField(db: PrismaClient, caseNo: string, actor: CadreActor, field: RevealField, now: Date): Promise<RevealResult> {
  const action = 'case:reveal';
  const row = await db.case.findUnique({ where: { caseNo }, include: { household: true } });
  if (!row || !inScope(actor, row)) {
    await recordRefusal(db, { at: now, actor, action, caseNo, refusal: { code: 'not_found', message: 'case not found' } });
    return { ok: false, code: 'not_found' };
  }
  if (!(MAY.revealIdentity as readonly string[]).includes(actor.role)) {
    await recordRefusal(db, { at: now, actor, action, caseNo, refusal: { code: 'no_role', message: `a ${actor.role} sees the ${field} masked` } });
    return { ok: false, code: 'no_role' };
  }
  const hit = await DbCounters.hit(db, revealBudgetKey(actor), REVEAL_LIMIT.windowMs, now);
  if (hit.count > REVEAL_LIMIT.max) {
    await recordRefusal(db, { at: now, actor, action, caseNo, refusal: { code: 'guard', message: `rate limited: more than ${REVEAL_LIMIT.max} reveals within an hour` } });
    return { ok: false, code: 'rate_limited', retryAfterSeconds: retryAfterSeconds(hit, now) };
  }
  const value = applicantOf(row)[field];
  await recordAccess(db, { actor, action, caseNo, fields: [field], at: now });
  return { ok: true, field, value };
}
