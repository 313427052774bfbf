/**
 * 干部排查: a cadre records a household found on a round (POST /api/households/found) — a village
 * cadre of that village, or a town or county office within reach. In one transaction, audited:
 *  1. the household is found by the ID number — the head's (Household.headIdIndex, through the
 *     sealing client) or a member's (Member.idIndex, the same keyed blind index) — or registered
 *     in the village named, as an application's filing registers one (server/core/cases/file-case.ts);
 *  2. a HouseholdRisk of source cadre_round is recorded (its note sealed); the household is not
 *     taken into monitoring by it: the check task decides that;
 *  3. a check task is raised — an Alert of source cadre_round, due after the county's
 *     identification limit as a department's (ingest.ts) — unless the household already has an
 *     open alert or an open case of the same cause (the same dedupe, openOfHouseholds; the partial
 *     unique index on open alerts keeps two rounds at once from raising it twice) — and told by chat
 *     through the outbox to the household's 帮扶责任人, else to the village's cadres (tellOfTask).
 * A village the caller does not reach, or a household found outside it, answers as one that does
 * not exist (404), as the register's households do; a role that does not keep the register: 403.
 */
import { z } from 'zod';
import { shanghaiDate, shanghaiMidnight } from '../../../flows/china-time';
import { idCheckChar } from '../../../flows/parse/id-number';
import { RISK_SOURCES, type RiskCause } from '../../../flows/register';
import { inJurisdiction, type CadreActor } from '../../../flows/workflow';
import { t } from '../../../flows/i18n';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { recordAudit } from '../audit/record';
import type { Keyring } from '../crypto/keyring';
import { Day } from '../day';
import { maskName, DEFAULT_NAME_MASK } from '../notices/mask';
import { boundCadres, nearestBoundCadres, regionChain } from '../notify/recipients';
import { regionName } from '../notify/texts';
import { enqueue } from '../outbox/enqueue';
import { CoreRefusal, invalid, notFound } from '../refusal';
import { householdSubject } from '../register/detail';
import { requireRegisterRole } from '../register/reach';
import { currentStatics, workflowOf } from '../settings/workflow';
import { addLimit } from '../workflow/deadlines';
import type { WorkflowSettings } from '../workflow/perform';
import { ALERT_CAUSES, ALERT_SOURCE, ALERT_STATUS, CASE_CAUSE_OF, CAUSE_KEY, type AlertCause } from './departments';
import { openOfHouseholds } from './ingest';
import { matchHouseholds } from './match';

const CADRE_ROUND: (typeof RISK_SOURCES)[number] = 'cadre_round';

/** The body of POST /api/households/found. */
export const FoundInput = z
  .object({
    headName: z.string().trim().min(1, 'must not be empty').max(40, 'at most 40 characters'),
    idNumber: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[1-9]\d{16}[\dX]$/, 'must be an 18-character ID number').refine((s) => idCheckChar(s.slice(0, 17)) === s[17], 'the check digit does not match')),
    phone: z.string().trim().regex(/^1\d{10}$/, 'must be an 11-digit mobile number').optional(),
    village: z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)'),
    householdSize: z.number().int('must be a whole number').min(1, 'at least 1').max(30, 'at most 30'),
    cause: z.enum(ALERT_CAUSES, { message: `must be one of ${ALERT_CAUSES.join(', ')}` }),
    note: z.string().trim().min(1, 'must not be empty').max(500, 'at most 500 characters'),
    foundOn: Day,
  })
  .strict();
export type FoundInput = z.infer<typeof FoundInput>;

export type FoundResult = {
  householdId: string;
  /** A household registered just now (no ID number of the register matched). */
  registered: boolean;
  riskId: string;
  /** The check task raised; null when an open alert or open case of the household and cause was there. */
  alertId: string | null;
  dueAt: string | null;
};

export async function recordFoundHousehold(
  prisma: PrismaClient,
  deps: { keyring: Keyring; workflow: WorkflowSettings },
  actor: CadreActor,
  input: FoundInput,
  now: Date,
): Promise<FoundResult> {
  const action = 'alerts:cadre-found';
  const refuse = async (e: CoreRefusal, subject: string) => {
    await recordAudit(prisma, { at: now, actor, action, subject, allowed: false, reason: `${e.code}: ${e.message}` });
    return e;
  };
  const statics = await currentStatics(prisma);
  const village = statics.tree.byCode.get(input.village);
  try {
    requireRegisterRole(actor, 'keepRegister');
    if (!village || village.level !== 'village' || !inJurisdiction(actor, village.id)) throw notFound('village');
    if (input.foundOn > shanghaiDate(now)) throw invalid('foundOn: not a later day', 'foundOn');
  } catch (e) {
    throw e instanceof CoreRefusal ? await refuse(e, `village:${input.village}`) : e;
  }
  const countyId = statics.tree.countyOf(village.id)?.id ?? null;
  const settings = workflowOf(statics, countyId, deps.workflow);
  const dueAt = addLimit(now, settings.limits.total, settings.calendar);

  const done: Promise<FoundResult> = prisma.$transaction(async (tx) => {
    // 1. the household: the head's ID number, else a member's (the import's matching, in any village:
    //    a household outside the caller's reach is not registered a second time)
    const match = (await matchHouseholds(tx, [deps.keyring.blindIndex('household-id', input.idNumber)], null)).values().next().value ?? null;
    const found = match ? { id: match.id, villageId: match.villageId } : null;
    if (found && !inJurisdiction(actor, found.villageId)) throw notFound('household');
    const household =
      found ??
      (await tx.household.create({
        data: { villageId: village.id, headName: input.headName, headIdNumber: input.idNumber, phone: input.phone ?? '', size: input.householdSize },
        select: { id: true, villageId: true },
      }));
    await tx.$queryRaw`SELECT id FROM "Household" WHERE id = ${household.id} FOR UPDATE`;

    // 2. the risk, its note sealed
    const riskCause: RiskCause = CASE_CAUSE_OF[input.cause] ?? 'other';
    const risk = await tx.householdRisk.create({
      data: { householdId: household.id, cause: riskCause, source: CADRE_ROUND, startedOn: shanghaiMidnight(input.foundOn), note: input.note, createdById: actor.id },
      select: { id: true },
    });

    // 3. the check task, unless one is open (or a case) for the cause
    const blocked = (await openOfHouseholds(tx, [household.id])).has(`${household.id}|${input.cause}`);
    const alerts = blocked
      ? []
      : await tx.alert.createManyAndReturn({
          data: [
            {
              householdId: household.id,
              villageId: household.villageId,
              countyId: countyId ?? village.id,
              source: ALERT_SOURCE.cadre_round,
              foundById: actor.id,
              cause: input.cause,
              wording: ALERT_SOURCE.cadre_round,
              figures: {},
              status: ALERT_STATUS.open,
              raisedAt: now,
              dueAt,
            },
          ],
          select: { id: true },
          skipDuplicates: true,
        });
    const alertId = alerts[0]?.id ?? null;
    if (alertId) await tellOfTask(tx, { id: alertId, householdId: household.id, villageId: household.villageId, cause: input.cause }, actor.id, settings.limits.total.days, now);
    await recordAudit(tx, {
      at: now,
      actor,
      action,
      allowed: true,
      subject: householdSubject(household.id),
      reason: `${match ? (match.by === 'head' ? 'found by the head’s ID number' : 'found by a member’s ID number') : 'registered'}; cause ${input.cause}; risk ${risk.id}; ${alertId ? `alert ${alertId}` : 'an open alert or case of the cause: no new task'}`,
    });
    return { householdId: household.id, registered: !found, riskId: risk.id, alertId, dueAt: alertId ? dueAt.toISOString() : null };
  });
  try {
    return await done;
  } catch (e) {
    throw e instanceof CoreRefusal ? await refuse(e, `village:${input.village}`) : e;
  }
}

/**
 * The check task told, in the task's transaction: to the household's 帮扶责任人 when one is bound,
 * else to the village's cadres (none bound: the town's, then the county office's), privately —
 * never the cadre who recorded it, who knows.
 */
async function tellOfTask(tx: Prisma.TransactionClient, alert: { id: string; householdId: string; villageId: string; cause: AlertCause }, recordedBy: string, days: number, at: Date): Promise<void> {
  const chain = await regionChain(tx, alert.villageId);
  const village = chain.find((r) => r.level === 'village');
  const h = await tx.household.findUniqueOrThrow({ where: { id: alert.householdId }, select: { headName: true, responsibleCadre: { select: { id: true, active: true } } } });
  const responsible = h.responsibleCadre?.active ? await boundCadres(tx, chain, [], [h.responsibleCadre.id]) : [];
  const recipients = (responsible.length > 0 ? responsible : await nearestBoundCadres(tx, chain)).filter((r) => r.key !== `cadre:${recordedBy}`);
  for (const r of recipients) {
    const text = t(r.lang, 'alerts.notify.cadre_found', { village: regionName(r.lang, village), name: maskName(h.headName, DEFAULT_NAME_MASK), cause: t(r.lang, CAUSE_KEY[alert.cause]), days });
    await enqueue(tx, { channel: r.channel, targetType: r.targetType, targetId: r.targetId, text, kind: 'case_task', dedupeKey: `alert-found:${alert.id}:${r.key}` }, at);
  }
}
