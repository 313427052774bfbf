/**
 * The one writer of a household's monitoring (防返贫监测): its state (none → 监测对象 → 风险消除 →
 * 再次纳入), category and dates on Household, and every row of its history (MonitoringEvent), in
 * the caller's transaction — as performTransition is the one writer of a case's status. The other
 * register writers (measures.ts: a measure, the 帮扶责任人, the labour flag) record their event here.
 *
 * A decided case (the workflow's decision or 绿色通道, server/core/workflow/perform.ts) makes its
 * household a 监测对象 of the category decided, since the decision's China day, with a risk of the
 * case's cause and the measures decided: identifyFromDecision, in the decision's own transaction.
 * 风险消除 approved by the county: setEliminated (elimination.ts); a risk recorded outside a
 * decision, which takes a household not monitored or eliminated into monitoring: addRisk; a
 * county's existing register imported from a file (import.ts): setFromImport.
 */
import type { Prisma } from '../../generated/prisma/client';
import { shanghaiDate, shanghaiMidnight } from '../../../flows/china-time';
import { actorId, type Actor, type Measure } from '../../../flows/workflow';
import type { MonitoringEventType, MonitoringState } from '../../../flows/register';
import { householdOfAnswers } from '../identity/household-link';
import { invalid } from '../refusal';

type Tx = Prisma.TransactionClient;

export type MonitoringEventInput = {
  householdId: string;
  type: MonitoringEventType;
  actor: Actor;
  at: Date;
  fromState?: MonitoringState;
  toState?: MonitoringState;
  category?: string | null;
  day?: string | null;
  caseId?: string | null;
  /** Sealed at rest. */
  note?: string | null;
  data?: Record<string, unknown>;
};

/** One row of a household's history (the only place one is written). */
export async function recordMonitoringEvent(tx: Tx, e: MonitoringEventInput): Promise<string> {
  const row = await tx.monitoringEvent.create({
    data: {
      householdId: e.householdId,
      type: e.type,
      at: e.at,
      actorType: e.actor.kind,
      actorId: actorId(e.actor),
      fromState: e.fromState ?? null,
      toState: e.toState ?? null,
      category: e.category ?? null,
      day: e.day ?? null,
      caseId: e.caseId ?? null,
      note: e.note ?? null,
      ...(e.data ? { data: e.data as Prisma.InputJsonValue } : {}),
    },
    select: { id: true },
  });
  return row.id;
}

/** Locks the household's row for the change (two decisions on one household at once run one after the other). */
export async function lockHousehold(tx: Tx, householdId: string) {
  await tx.$queryRaw`SELECT id FROM "Household" WHERE id = ${householdId} FOR UPDATE`;
  return tx.household.findUniqueOrThrow({ where: { id: householdId }, select: { id: true, villageId: true, monitoringState: true, monitoringCategory: true, monitoredSince: true } });
}

export type Identified = { householdId: string; type: MonitoringEventType | null; riskId: string; measureIds: string[] } | null;

/**
 * The household of a case just decided (its category, measures and amount written by the move)
 * becomes a 监测对象 of that category — identified, or re-included after 风险消除; one already
 * monitored keeps its start and takes the new category if it differs — with a risk of the case's
 * cause (source: an application) and a measure per measure decided (the amount on the measure when
 * one was decided; split among several it stays on the case). Null: the case has no household
 * (a filing whose identity was never confirmed) or no category.
 */
export async function identifyFromDecision(tx: Tx, caseId: string, actor: Actor, now: Date): Promise<Identified> {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { id: true, caseNo: true, householdId: true, identityCheck: true, answers: true, cause: true, householdCategory: true, measures: true, approvedAmountFen: true },
  });
  if (!c.householdCategory) return null;
  // a filing confirmed in person (身份已核实) belongs to the registered household of its ID number
  const householdId = c.householdId ?? (c.identityCheck === 'confirmed' ? await householdOfAnswers(tx, c.answers) : null);
  if (!householdId) return null;
  const h = await lockHousehold(tx, householdId);
  const day = shanghaiDate(now);
  const since = shanghaiMidnight(day);
  const category = c.householdCategory;
  const type: MonitoringEventType | null =
    h.monitoringState === 'none' ? 'identified' : h.monitoringState === 'eliminated' ? 'reincluded' : h.monitoringCategory !== category ? 'category_changed' : null;
  if (type !== null) {
    await tx.household.update({
      where: { id: h.id },
      data: { monitoringState: 'monitored', monitoringCategory: category, ...(type === 'category_changed' ? {} : { monitoredSince: since, eliminatedOn: null }) },
    });
  }
  const measures = ((c.measures as Measure[] | null) ?? []).filter((m, i, all) => all.indexOf(m) === i);
  const risk = await tx.householdRisk.create({ data: { householdId: h.id, cause: c.cause, source: 'application', startedOn: since, caseId: c.id, createdById: actorId(actor) }, select: { id: true } });
  const measureIds: string[] = [];
  for (const kind of measures) {
    const amountFen = measures.length === 1 ? c.approvedAmountFen : null;
    const m = await tx.supportMeasure.create({ data: { householdId: h.id, kind, amountFen, givenOn: since, caseId: c.id, recordedById: actorId(actor) }, select: { id: true } });
    measureIds.push(m.id);
  }
  await recordMonitoringEvent(tx, {
    householdId: h.id,
    // already monitored in this category: the decision still adds its risk and measures to the history
    type: type ?? 'measure_added',
    actor,
    at: now,
    fromState: h.monitoringState,
    toState: 'monitored',
    category,
    day,
    caseId: c.id,
    data: { caseNo: c.caseNo, cause: c.cause, measures, riskId: risk.id, ...(type === 'category_changed' ? { fromCategory: h.monitoringCategory } : {}) },
  });
  return { householdId: h.id, type, riskId: risk.id, measureIds };
}

/**
 * 风险消除 approved by the county (elimination.ts, in its transaction, the household locked): the
 * household is eliminated from that China day, with the reason of its history row.
 */
export async function setEliminated(tx: Tx, householdId: string, actor: Actor, now: Date, facts: { eliminationId: string; note: string | null }): Promise<void> {
  const h = await lockHousehold(tx, householdId);
  const day = shanghaiDate(now);
  await tx.household.update({ where: { id: h.id }, data: { monitoringState: 'eliminated', eliminatedOn: shanghaiMidnight(day) } });
  await recordMonitoringEvent(tx, { householdId: h.id, type: 'eliminated', actor, at: now, fromState: h.monitoringState, toState: 'eliminated', category: h.monitoringCategory, day, note: facts.note, data: { eliminationId: facts.eliminationId } });
}

/**
 * A risk found by a cadre (干部排查) or otherwise outside a decision (POST /api/households/:id/risks),
 * the household locked by the caller: recorded with its history row; a household not monitored
 * becomes a 监测对象 of `category` (required then), an eliminated one is taken back into monitoring
 * (返贫/再次纳入) in the category it had unless another is named. Returns the risk's id.
 */
export async function addRisk(
  tx: Tx,
  householdId: string,
  actor: Actor,
  now: Date,
  risk: { cause: string; source: string; startedOn: string; note: string | null; category: string | null },
): Promise<{ riskId: string; type: MonitoringEventType }> {
  const h = await lockHousehold(tx, householdId);
  const day = shanghaiDate(now);
  const category = risk.category ?? h.monitoringCategory;
  const type: MonitoringEventType = h.monitoringState === 'none' ? 'identified' : h.monitoringState === 'eliminated' ? 'reincluded' : 'risk_added';
  if (type !== 'risk_added' && !category) throw invalid('category: a household not monitored yet is taken in with a category', 'category');
  const created = await tx.householdRisk.create({ data: { householdId: h.id, cause: risk.cause, source: risk.source, startedOn: shanghaiMidnight(risk.startedOn), note: risk.note, createdById: actorId(actor) }, select: { id: true } });
  if (type !== 'risk_added') {
    await tx.household.update({ where: { id: h.id }, data: { monitoringState: 'monitored', monitoringCategory: category, monitoredSince: shanghaiMidnight(day), eliminatedOn: null } });
  }
  await recordMonitoringEvent(tx, {
    householdId: h.id,
    type,
    actor,
    at: now,
    fromState: h.monitoringState,
    toState: 'monitored',
    category,
    day: type === 'risk_added' ? risk.startedOn : day,
    note: risk.note,
    data: { riskId: created.id, cause: risk.cause, source: risk.source },
  });
  return { riskId: created.id, type };
}

/**
 * A household's monitoring as a county's existing register states it (import.ts, the household
 * locked by the caller's transaction): one not monitored becomes a 监测对象 of `category` since
 * the file's 识别时间 (today when it gives none); one monitored in another category takes it. An
 * eliminated household is left as it is (its 返贫 is a new risk's, addRisk). The history row says
 * where it came from (source: import). Returns the event written, or null: nothing changed.
 */
export async function setFromImport(tx: Tx, householdId: string, actor: Actor, now: Date, facts: { category: string; since: string | null }): Promise<MonitoringEventType | null> {
  const h = await lockHousehold(tx, householdId);
  const type: MonitoringEventType | null = h.monitoringState === 'none' ? 'identified' : h.monitoringState === 'monitored' && h.monitoringCategory !== facts.category ? 'category_changed' : null;
  if (type === null) return null;
  const day = facts.since ?? shanghaiDate(now);
  await tx.household.update({
    where: { id: h.id },
    data: { monitoringState: 'monitored', monitoringCategory: facts.category, ...(type === 'identified' ? { monitoredSince: shanghaiMidnight(day), eliminatedOn: null } : {}) },
  });
  await recordMonitoringEvent(tx, {
    householdId: h.id,
    type,
    actor,
    at: now,
    fromState: h.monitoringState,
    toState: 'monitored',
    category: facts.category,
    day: type === 'identified' ? day : shanghaiDate(now),
    data: { source: 'import', ...(type === 'category_changed' ? { fromCategory: h.monitoringCategory } : {}) },
  });
  return type;
}
