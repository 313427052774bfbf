/**
 * 走访 and 风险 on a household of the register (POST /api/households/:id/follow-ups, /risks):
 *  - a follow-up visit by its 帮扶责任人 or a cadre of its village: the China day, the household's
 *    net income per person per year (fen — the unit of the income line, IncomeLine.perCapitaFen),
 *    the risks found solved (their solvedOn set to the visit's day), a note (sealed); its history
 *    row 'follow_up'. The 风险消除 rules read the visits (elimination.ts); the hourly job reminds
 *    the 帮扶责任人 when the next is due (follow-up-due.ts).
 *  - a risk found outside a decision (干部排查…): monitoring.ts addRisk, which takes a household
 *    not monitored or eliminated (返贫/再次纳入) into monitoring.
 * Photos of a visit: visit-photos.ts, each added to a recorded follow-up.
 */
import { z } from 'zod';
import { shanghaiDate, shanghaiMidnight } from '../../../flows/china-time';
import { HOUSEHOLD_CATEGORIES, type CadreActor } from '../../../flows/workflow';
import { RISK_CAUSES, RISK_SOURCES } from '../../../flows/register';
import type { PrismaClient } from '../../generated/prisma/client';
import { Day } from '../day';
import { forbidden, invalid } from '../refusal';
import { keep } from './measures';
import { addRisk, recordMonitoringEvent } from './monitoring';

const Note = z.string().trim().min(1, 'must not be empty').max(1000, 'at most 1000 characters');

/** The body of POST /api/households/:id/follow-ups. */
export const FollowUpInput = z
  .object({
    day: Day,
    /** Net income per person per year, in fen (as the income line). */
    perCapitaIncomeFen: z.number().int('must be whole fen').min(0, 'must be 0 or more').max(100_000_000, 'at most 1,000,000 yuan'),
    /** Ids of the household's risks found solved on the visit. */
    solvedRiskIds: z.array(z.string().trim().min(1).max(40)).max(50, 'at most 50').default([]),
    note: Note.optional(),
  })
  .strict();
export type FollowUpInput = z.infer<typeof FollowUpInput>;

/** The body of POST /api/households/:id/risks. */
export const RiskInput = z
  .object({
    cause: z.enum(RISK_CAUSES, { message: `must be one of ${RISK_CAUSES.join(', ')}` }),
    source: z.enum(RISK_SOURCES, { message: `must be one of ${RISK_SOURCES.join(', ')}` }).default('cadre_round'),
    startedOn: Day,
    /** The category a household not yet monitored is taken in with (an eliminated one keeps its last unless named). */
    category: z.enum(HOUSEHOLD_CATEGORIES, { message: `must be one of ${HOUSEHOLD_CATEGORIES.join(', ')}` }).optional(),
    note: Note.optional(),
  })
  .strict();
export type RiskInput = z.infer<typeof RiskInput>;

/** The 帮扶责任人, or a village cadre (of the household's village: the region check is keep's). */
export function mayVisit(actor: CadreActor) {
  return (h: { responsibleCadreId: string | null }) => {
    if (h.responsibleCadreId !== actor.id && actor.role !== 'village') throw forbidden('a follow-up is recorded by the household’s responsible cadre or a cadre of its village');
  };
}

export async function recordFollowUp(db: PrismaClient, householdId: string, actor: CadreActor, input: FollowUpInput, now: Date): Promise<{ id: string }> {
  if (input.day > shanghaiDate(now)) throw invalid('day: a visit is recorded once made (not a later day)', 'day');
  return keep(
    db,
    householdId,
    actor,
    'household:follow-up',
    now,
    async (tx, h) => {
      const state = await tx.household.findUniqueOrThrow({ where: { id: h.id }, select: { monitoringState: true } });
      if (state.monitoringState !== 'monitored') throw invalid('household: only a monitored household is followed up', 'household');
      const ids = [...new Set(input.solvedRiskIds)];
      const risks = ids.length ? await tx.householdRisk.findMany({ where: { id: { in: ids }, householdId: h.id, solvedOn: null }, select: { id: true } }) : [];
      if (risks.length !== ids.length) throw invalid('solvedRiskIds: each must be an unsolved risk of this household', 'solvedRiskIds');
      const day = shanghaiMidnight(input.day);
      if (ids.length) await tx.householdRisk.updateMany({ where: { id: { in: ids } }, data: { solvedOn: day } });
      const f = await tx.followUp.create({ data: { householdId: h.id, day, perCapitaIncomeFen: input.perCapitaIncomeFen, solvedRiskIds: ids, note: input.note ?? null, byId: actor.id }, select: { id: true } });
      await recordMonitoringEvent(tx, { householdId: h.id, type: 'follow_up', actor, at: now, day: input.day, note: input.note ?? null, data: { followUpId: f.id, perCapitaIncomeFen: input.perCapitaIncomeFen, solvedRiskIds: ids } });
      return f;
    },
    mayVisit(actor),
  );
}

export async function recordRisk(db: PrismaClient, householdId: string, actor: CadreActor, input: RiskInput, now: Date): Promise<{ id: string; reincluded: boolean }> {
  if (input.startedOn > shanghaiDate(now)) throw invalid('startedOn: not a later day', 'startedOn');
  return keep(db, householdId, actor, 'household:risk', now, async (tx, h) => {
    const out = await addRisk(tx, h.id, actor, now, { cause: input.cause, source: input.source, startedOn: input.startedOn, note: input.note ?? null, category: input.category ?? null });
    return { id: out.riskId, reincluded: out.type === 'reincluded' };
  });
}
