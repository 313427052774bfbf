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
 * county's existing register imported from a file (import.ts): setFromImport, a batch of households at once.
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
  const row = await tx.monitoringEvent.create({ data: eventData(e), select: { id: true } });
  return row.id;
}

function eventData(e: MonitoringEventInput) {
  return {
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
  };
}

/** A risk's row outside a decision (addRisk, an import's setFromImport). */
function riskData(householdId: string, actor: Actor, risk: { cause: string; source: string; startedOn: string; note: string | null }) {
  return { householdId, cause: risk.cause, source: risk.source, startedOn: shanghaiMidnight(risk.startedOn), note: risk.note, createdById: actorId(actor) };
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
  const created = await tx.householdRisk.create({ data: riskData(h.id, actor, risk), select: { id: true } });
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

/** A household of an import (import.ts), locked by the caller's transaction, with its monitoring as read under the lock. */
export type ImportMonitoring = {
  householdId: string;
  state: MonitoringState;
  category: string | null;
  /** The file's: 监测对象类别 (null: none given), 识别时间, 风险类型. */
  file: { category: string | null; since: string | null; risks: readonly { cause: string; note: string | null }[] };
};
export type ImportMonitoringOutcome = { type: MonitoringEventType | null; risksAdded: number };

/**
 * Households' monitoring as a county's existing register states it (import.ts, a batch of
 * households locked by the caller's transaction; set-based: a statement per table, not per
 * household): one not monitored becomes a 监测对象 of the file's category since its 识别时间
 * (today when it gives none); one monitored in another category takes it. An eliminated household
 * is left as it is (its 返贫 is a new risk's, addRisk). The file's risk kinds are recorded (source
 * import) on a household monitored once the file's category is applied, each with its
 * 'risk_added' row as addRisk's — unless the household has that risk unsolved, or an import
 * recorded it before (solved since or not): the same file again adds nothing. Every history row
 * says where it came from (source: import). Returns, per household, the event of its state (null:
 * unchanged) and the risks added.
 */
export async function setFromImport(tx: Tx, actor: Actor, now: Date, items: readonly ImportMonitoring[]): Promise<Map<string, ImportMonitoringOutcome>> {
  const out = new Map<string, ImportMonitoringOutcome>();
  const today = shanghaiDate(now);
  const moves: { id: string; category: string; since: string; identified: boolean }[] = [];
  const events: MonitoringEventInput[] = [];
  const riskRows: { item: ImportMonitoring; cause: string; note: string | null; day: string }[] = [];
  const withRisks = items.filter((i) => i.file.risks.length > 0).map((i) => i.householdId);
  const known = withRisks.length ? await tx.householdRisk.findMany({ where: { householdId: { in: withRisks } }, select: { householdId: true, cause: true, note: true, source: true, solvedOn: true } }) : [];
  for (const item of items) {
    const { category, since } = item.file;
    const type: MonitoringEventType | null =
      category === null ? null : item.state === 'none' ? 'identified' : item.state === 'monitored' && item.category !== category ? 'category_changed' : null;
    if (type !== null) {
      const day = since ?? today;
      moves.push({ id: item.householdId, category: category!, since: shanghaiMidnight(day).toISOString(), identified: type === 'identified' });
      events.push({
        householdId: item.householdId,
        type,
        actor,
        at: now,
        fromState: item.state,
        toState: 'monitored',
        category,
        day: type === 'identified' ? day : today,
        data: { source: 'import', ...(type === 'category_changed' ? { fromCategory: item.category } : {}) },
      });
    }
    let risksAdded = 0;
    if (item.state === 'monitored' || type === 'identified') {
      const had = known.filter((r) => r.householdId === item.householdId);
      for (const risk of item.file.risks) {
        if (had.some((r) => r.cause === risk.cause && (r.note ?? null) === risk.note && (r.solvedOn === null || r.source === 'import'))) continue;
        riskRows.push({ item, cause: risk.cause, note: risk.note, day: since ?? today });
        risksAdded += 1;
      }
    }
    out.set(item.householdId, { type, risksAdded });
  }
  if (moves.length) {
    await tx.$executeRaw`
      UPDATE "Household" h SET "monitoringState" = 'monitored', "monitoringCategory" = v.category,
        "monitoredSince" = CASE WHEN v.identified THEN v.since::timestamptz AT TIME ZONE 'UTC' ELSE h."monitoredSince" END,
        "eliminatedOn" = CASE WHEN v.identified THEN NULL ELSE h."eliminatedOn" END,
        "updatedAt" = ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset(${JSON.stringify(moves)}::jsonb) AS v(id text, category text, since text, identified boolean)
      WHERE h.id = v.id`;
  }
  if (riskRows.length) {
    const created = await tx.householdRisk.createManyAndReturn({
      data: riskRows.map((r) => riskData(r.item.householdId, actor, { cause: r.cause, source: 'import', startedOn: r.day, note: r.note })),
      select: { id: true, householdId: true, cause: true, note: true },
    });
    for (const r of riskRows) {
      const row = created.find((c) => c.householdId === r.item.householdId && c.cause === r.cause && (c.note ?? null) === r.note)!;
      events.push({ householdId: r.item.householdId, type: 'risk_added', actor, at: now, fromState: 'monitored', toState: 'monitored', category: r.item.file.category ?? r.item.category, day: r.day, data: { riskId: row.id, cause: r.cause, source: 'import' } });
    }
  }
  if (events.length) await tx.monitoringEvent.createMany({ data: events.map(eventData) });
  return out;
}
