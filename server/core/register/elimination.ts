/**
 * 风险消除 (server/core/register): the one writer of Elimination. The village proposes a monitored
 * household, the town approves, then the county — or either returns (to be proposed again later)
 * or rejects it with a reason (sent_back, declined); each step is audited and a MonitoringEvent of the household's
 * history, in one transaction with the household locked. On the county's approval monitoring.ts
 * sets the household eliminated and its chat is told in plain words (the outbox, same transaction).
 *
 * The rules (eliminationBlockers, checked when proposed and again at each approval) — the minimum
 * period is the county's monitoring setting (eliminationMinMonths, default 6):
 *  - never a household flagged 无劳动能力;
 *  - monitored for at least the minimum;
 *  - a follow-up visit within the last minimum period, and every one of them with the income per
 *    person above the income line of the household's village for the visit's year;
 *  - every risk solved; no open case; no open department alert.
 */
import { z } from 'zod';
import { shanghaiDate, shanghaiMidnight } from '../../../flows/china-time';
import { formatDate, t } from '../../../flows/i18n';
import { addMonthsToDay, ELIMINATION_ACTIONS, ELIMINATION_STEPS, type EliminationStatus } from '../../../flows/register';
import { FINAL_STATUSES, type CadreActor } from '../../../flows/workflow';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { StaticData } from '../cache/static-data';
import { asLang } from '../notify/recipients';
import { villagerTargets } from '../notify/villager-targets';
import { enqueue } from '../outbox/enqueue';
import { conflict, forbidden } from '../refusal';
import { countyIdOf, currentStatics } from '../settings/workflow';
import { monitoringSettingOf } from './follow-up';
import { keep } from './measures';
import { recordMonitoringEvent, setEliminated } from './monitoring';

type Tx = Prisma.TransactionClient;

const Text = z.string().trim().min(1, 'must not be empty').max(1000, 'at most 1000 characters');

/** The body of POST /api/households/:id/elimination. */
export const ProposeInput = z.object({ note: Text.optional() }).strict();

/** The body of POST /api/households/:id/elimination/step. */
export const StepInput = z
  .object({ action: z.enum(ELIMINATION_ACTIONS, { message: `must be one of ${ELIMINATION_ACTIONS.join(', ')}` }), reason: Text.optional() })
  .strict()
  .refine((b) => b.action === 'approve' || b.reason !== undefined, { message: 'a reason is required to return or reject', path: ['reason'] });
export type StepInput = z.infer<typeof StepInput>;

const fen = (v: number) => `${(v / 100).toFixed(2)} yuan`;

/** What keeps the household from 风险消除 now, each in words; empty when nothing does. */
export async function eliminationBlockers(tx: Tx, statics: StaticData, householdId: string, now: Date): Promise<string[]> {
  const h = await tx.household.findUniqueOrThrow({ where: { id: householdId }, select: { id: true, villageId: true, monitoringState: true, monitoredSince: true, noLabourCapacity: true } });
  if (h.noLabourCapacity) return ['the household has no labour capacity (无劳动能力): it stays monitored'];
  if (h.monitoringState !== 'monitored' || !h.monitoredSince) return ['the household is not monitored'];
  const min = monitoringSettingOf(statics, countyIdOf(statics.tree, { regionId: h.villageId })).eliminationMinMonths;
  const today = shanghaiDate(now);
  const from = addMonthsToDay(today, -min);
  const since = shanghaiDate(h.monitoredSince);
  const missing: string[] = [];
  if (since > from) missing.push(`monitored since ${since}: less than ${min} months`);
  const visits = await tx.followUp.findMany({ where: { householdId: h.id, day: { gte: shanghaiMidnight(from > since ? from : since) } }, orderBy: { day: 'asc' }, select: { day: true, perCapitaIncomeFen: true } });
  if (visits.length === 0) missing.push(`no follow-up visit since ${from > since ? from : since}`);
  const village = statics.tree.byId.get(h.villageId);
  for (const v of visits) {
    const day = shanghaiDate(v.day);
    const line = village ? statics.tree.incomeLineFen(village.code, Number(day.slice(0, 4))) : null;
    if (line === null) missing.push(`no income line is set for the village in ${day.slice(0, 4)}`);
    else if (v.perCapitaIncomeFen <= line) missing.push(`the visit of ${day} found ${fen(v.perCapitaIncomeFen)} per person, not above the income line of ${fen(line)}`);
  }
  const risks = await tx.householdRisk.count({ where: { householdId: h.id, solvedOn: null } });
  if (risks > 0) missing.push(`${risks} risk(s) not solved`);
  const cases = await tx.case.findMany({ where: { householdId: h.id, status: { notIn: [...FINAL_STATUSES] } }, select: { caseNo: true } });
  for (const c of cases) missing.push(`case ${c.caseNo} is still open`);
  const alerts = await tx.alert.count({ where: { householdId: h.id, status: 'open' } });
  if (alerts > 0) missing.push(`${alerts} department alert(s) still open`);
  return [...new Set(missing)];
}

const refuseUnless = (missing: string[]) => {
  if (missing.length > 0) throw conflict('not_eligible', `risk elimination is not possible: ${missing.join('; ')}`);
};

export async function proposeElimination(db: PrismaClient, householdId: string, actor: CadreActor, input: z.infer<typeof ProposeInput>, now: Date): Promise<{ id: string }> {
  const statics = await currentStatics(db);
  return keep(
    db,
    householdId,
    actor,
    'household:elimination-propose',
    now,
    async (tx, h) => {
      const open = await tx.elimination.findUnique({ where: { openFor: h.id }, select: { status: true } });
      if (open) throw conflict('already_proposed', `a proposal is already ${open.status}`);
      refuseUnless(await eliminationBlockers(tx, statics, h.id, now));
      const e = await tx.elimination.create({ data: { householdId: h.id, status: 'proposed', proposedById: actor.id, proposedAt: now, note: input.note ?? null, openFor: h.id }, select: { id: true } });
      await recordMonitoringEvent(tx, { householdId: h.id, type: 'elimination_proposed', actor, at: now, note: input.note ?? null, data: { eliminationId: e.id } });
      return e;
    },
    () => {
      if (actor.role !== 'village') throw forbidden('risk elimination is proposed by the village');
    },
  );
}

const STEP_EVENT = { town_approved: 'elimination_town_approved', county_approved: 'eliminated', sent_back: 'elimination_returned', declined: 'elimination_rejected' } as const;

/** The town's or the county's step on the open proposal. Returns the status it reaches. */
export async function stepElimination(db: PrismaClient, householdId: string, actor: CadreActor, input: StepInput, now: Date): Promise<{ status: EliminationStatus }> {
  const statics = await currentStatics(db);
  const level = actor.role === 'town' || actor.role === 'county' ? actor.role : null;
  return keep(
    db,
    householdId,
    actor,
    `household:elimination-${input.action}`,
    now,
    async (tx, h) => {
      const e = await tx.elimination.findUnique({ where: { openFor: h.id } });
      if (!e) throw conflict('no_proposal', 'the household has no open risk elimination proposal');
      const step = ELIMINATION_STEPS[level!];
      if (e.status !== step.from) throw conflict('wrong_step', `the proposal is ${e.status}: the ${level} acts on one ${step.from}`);
      if (input.action === 'approve') refuseUnless(await eliminationBlockers(tx, statics, h.id, now));
      const status: EliminationStatus = step[input.action];
      const open = status === 'town_approved';
      await tx.elimination.update({
        where: { id: e.id },
        data: { status, openFor: open ? h.id : null, ...(level === 'town' ? { townById: actor.id, townAt: now } : { countyById: actor.id, countyAt: now }), ...(input.reason ? { reason: input.reason } : {}) },
      });
      if (status === 'county_approved') {
        await setEliminated(tx, h.id, actor, now, { eliminationId: e.id, note: input.reason ?? null });
        await tellEliminated(tx, h.id, e.id, now);
      } else {
        await recordMonitoringEvent(tx, { householdId: h.id, type: STEP_EVENT[status as keyof typeof STEP_EVENT], actor, at: now, note: input.reason ?? null, data: { eliminationId: e.id, from: e.status, to: status } });
      }
      return { status };
    },
    () => {
      if (!level) throw forbidden('the town and the county approve risk elimination');
    },
  );
}

/** The household's chats, told in their language that it is no longer monitored (one message each). */
async function tellEliminated(tx: Tx, householdId: string, eliminationId: string, now: Date): Promise<number> {
  const targets = await villagerTargets(tx, { householdId, contact: null });
  if (targets.length === 0) return 0;
  const langs = new Map((await tx.contact.findMany({ where: { id: { in: targets.map((x) => x.contactId) } }, select: { id: true, lang: true } })).map((c) => [c.id, asLang(c.lang)]));
  let sent = 0;
  for (const r of targets) {
    const lang = langs.get(r.contactId) ?? 'zh-CN';
    const text = t(lang, 'register.told_eliminated', { day: formatDate(lang, shanghaiDate(now)) });
    if (await enqueue(tx, { channel: r.channel, targetType: 'contact', targetId: r.targetId, text, kind: 'case_update', dedupeKey: `eliminated:${eliminationId}:${r.contactId}` }, now)) sent++;
  }
  return sent;
}
