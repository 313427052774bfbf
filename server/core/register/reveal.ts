/**
 * "显示完整" on a household page: the head's full ID number or phone, or a member's ID number, one
 * value per request — to the roles of MAY.revealIdentity that read the register, on a household of the caller's region
 * (outside it the household does not exist), each reveal its access-audit row and each refusal its
 * refusal row, within the same hourly budget as the case page's reveals (cases/reveal.ts).
 */
import type { PrismaClient } from '../../generated/prisma/client';
import type { CadreActor } from '../../../flows/workflow';
import { MAY } from '../auth/permissions';
import { recordAccess } from '../audit/access';
import { recordAudit } from '../audit/record';
import { REVEAL_LIMIT, revealBudgetKey, type RevealField, type RevealResult } from '../cases/reveal';
import { DbCounters, retryAfterSeconds } from '../throttle/counter';
import { householdSubject } from './detail';
import { reachesHousehold } from './reach';

export async function revealHouseholdField(db: PrismaClient, householdId: string, actor: CadreActor, req: { field: RevealField; memberId?: string }, now: Date): Promise<RevealResult> {
  const action = 'household:reveal';
  const subject = householdSubject(householdId);
  const refuse = (code: string, message: string) => recordAudit(db, { at: now, actor, action, subject, allowed: false, reason: `${code}: ${message}` });
  // the role first, as the other household routes (a role without it learns nothing of which households exist):
  // the whole values to the roles that reveal them and read the register (not the insurer's verifier)
  if (!(MAY.revealIdentity as readonly string[]).includes(actor.role) || !(MAY.readRegister as readonly string[]).includes(actor.role)) {
    await refuse('no_role', `a ${actor.role} sees the ${req.field} masked`);
    return { ok: false, code: 'no_role' };
  }
  const h = await db.household.findUnique({ where: { id: householdId }, include: { members: true } });
  const member = req.memberId !== undefined ? h?.members.find((m) => m.id === req.memberId) : undefined;
  if (!h || !reachesHousehold(actor, h) || (req.memberId !== undefined && (!member || req.field !== 'idNumber' || !member.idNumber))) {
    await refuse('not_found', 'household not found');
    return { ok: false, code: 'not_found' };
  }
  const hit = await DbCounters.hit(db, revealBudgetKey(actor), REVEAL_LIMIT.windowMs, now);
  if (hit.count > REVEAL_LIMIT.max) {
    await refuse('guard', `rate limited: more than ${REVEAL_LIMIT.max} reveals within an hour`);
    return { ok: false, code: 'rate_limited', retryAfterSeconds: retryAfterSeconds(hit, now) };
  }
  const value = member ? member.idNumber! : req.field === 'idNumber' ? h.headIdNumber : h.phone;
  await recordAccess(db, { actor, action, fields: [req.field], subject: member ? `${subject}:member:${member.id}` : subject, at: now });
  return { ok: true, field: req.field, value };
}
