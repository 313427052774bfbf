/**
 * What a cadre records on a household of the register, each in one transaction with its history
 * row (monitoring.ts): a support measure (帮扶措施: a kind of flows/workflow MEASURES, an amount in
 * fen, the China day it was given, the department), its 帮扶责任人 (a cadre of the household's
 * village, town or county), and its 无劳动能力 flag. A household outside the caller's region is
 * refused as one that does not exist; every refusal writes its audit row.
 */
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client';
import { shanghaiDate, shanghaiMidnight } from '../../../flows/china-time';
import { MEASURES, type CadreActor } from '../../../flows/workflow';
import { DEPARTMENT_CODES, DEPARTMENT_NAME_KEY } from '../alerts/departments';
import { recordAudit } from '../audit/record';
import { Day } from '../day';
import { CoreRefusal, invalid, notFound } from '../refusal';
import type { RegionTree } from '../regions/tree';
import { householdSubject } from './detail';
import { lockHousehold, recordMonitoringEvent } from './monitoring';
import { reachesHousehold, requireRegisterRole } from './reach';

/**
 * Who gives a measure: the departments that send the county its monitoring data (the Department
 * table's codes, alerts/departments.ts), and the others that give measures — 人社 (jobs, 公益岗位),
 * 农业农村 (产业奖补), 乡村振兴 (the county's own office), an insurer (防贫保险金).
 */
export const MEASURE_DEPARTMENTS = [...DEPARTMENT_CODES, 'renshe', 'nongye', 'xiangcun', 'insurer'] as const;
export type MeasureDepartment = (typeof MEASURE_DEPARTMENTS)[number];
/** Their names (i18n), written out so the i18n test finds them. */
export const MEASURE_DEPARTMENT_NAME_KEY: Record<MeasureDepartment, string> = {
  ...DEPARTMENT_NAME_KEY,
  renshe: 'alerts.department.renshe',
  nongye: 'alerts.department.nongye',
  xiangcun: 'alerts.department.xiangcun',
  insurer: 'alerts.department.insurer',
};

/** The body of POST /api/households/:id/measures. */
export const MeasureInput = z
  .object({
    kind: z.enum(MEASURES, { message: `must be one of ${MEASURES.join(', ')}` }),
    /** Fen, 0 and up; omitted or null: not money (a public job, a place at school). */
    amountFen: z.number().int('must be whole fen').min(0, 'must be 0 or more').max(10_000_000_00, 'at most 10,000,000 yuan').nullable().optional(),
    givenOn: Day,
    /** A code of MEASURE_DEPARTMENTS (free text no more: the figures count measures by department). */
    department: z.enum(MEASURE_DEPARTMENTS, { message: `must be one of ${MEASURE_DEPARTMENTS.join(', ')}` }).optional(),
    /** The household's case the measure belongs to. */
    caseNo: z.string().regex(/^FP-\d{4}-\d{6}$/, 'must look like FP-2026-000123').optional(),
    note: z.string().trim().min(1, 'must not be empty').max(500, 'at most 500 characters').optional(),
  })
  .strict();
export type MeasureInput = z.infer<typeof MeasureInput>;

export const ResponsibleInput = z.object({ cadreId: z.string().trim().min(1, 'must not be empty').max(40).nullable() }).strict();
export const LabourInput = z.object({ noLabourCapacity: z.boolean({ message: 'must be true or false' }), note: z.string().trim().min(1).max(500).optional() }).strict();

/** The roles a 帮扶责任人 may have: the household's own cadres (not an insurer's verifier, not the auditor). */
const RESPONSIBLE_ROLES = ['village', 'town', 'county'];

type Household = { id: string; villageId: string; responsibleCadreId: string | null };

/**
 * The household when the caller may change it (role, region, then `may`); else the refusal thrown,
 * its audit row written outside any transaction (it must outlive one).
 */
export async function mayKeep(db: PrismaClient, householdId: string, actor: CadreActor, action: string, now: Date, may?: (h: Household) => void): Promise<Household> {
  const subject = householdSubject(householdId);
  const refuse = async (e: CoreRefusal) => {
    await recordAudit(db, { at: now, actor, action, subject, allowed: false, reason: `${e.code}: ${e.message}` });
    return e;
  };
  try {
    requireRegisterRole(actor, 'keepRegister');
  } catch (e) {
    throw e instanceof CoreRefusal ? await refuse(e) : e;
  }
  const h = await db.household.findUnique({ where: { id: householdId }, select: { id: true, villageId: true, responsibleCadreId: true } });
  if (!h || !reachesHousehold(actor, h)) throw await refuse(notFound('household'));
  try {
    may?.(h);
  } catch (e) {
    throw e instanceof CoreRefusal ? await refuse(e) : e;
  }
  return h;
}

/**
 * Checks the caller may change the household (mayKeep) before the transaction — a refusal's
 * audit row must outlive it — then runs `change` with the household locked.
 */
export async function keep<T>(
  db: PrismaClient,
  householdId: string,
  actor: CadreActor,
  action: string,
  now: Date,
  change: (tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0], h: { id: string; villageId: string }) => Promise<T>,
  /** A further check of the caller against the household (before the transaction, its refusal audited). */
  may?: (h: Household) => void,
): Promise<T> {
  const subject = householdSubject(householdId);
  const h = await mayKeep(db, householdId, actor, action, now, may);
  try {
    return await db.$transaction(async (tx) => {
      await lockHousehold(tx, h.id);
      const out = await change(tx, h);
      await recordAudit(tx, { at: now, actor, action, subject, allowed: true });
      return out;
    });
  } catch (e) {
    if (!(e instanceof CoreRefusal)) throw e;
    await recordAudit(db, { at: now, actor, action, subject, allowed: false, reason: `${e.code}: ${e.message}` });
    throw e;
  }
}

export async function addMeasure(db: PrismaClient, householdId: string, actor: CadreActor, input: MeasureInput, now: Date): Promise<{ id: string }> {
  if (input.givenOn > shanghaiDate(now)) throw invalid('givenOn: a measure is recorded once given (not a later day)', 'givenOn');
  return keep(db, householdId, actor, 'household:measure', now, async (tx, h) => {
    const c = input.caseNo ? await tx.case.findUnique({ where: { caseNo: input.caseNo }, select: { id: true, householdId: true } }) : null;
    if (input.caseNo && c?.householdId !== h.id) throw invalid(`caseNo: ${input.caseNo} is not a case of this household`, 'caseNo');
    const m = await tx.supportMeasure.create({
      data: { householdId: h.id, kind: input.kind, amountFen: input.amountFen ?? null, givenOn: shanghaiMidnight(input.givenOn), department: input.department ?? null, caseId: c?.id ?? null, note: input.note ?? null, recordedById: actor.id },
      select: { id: true },
    });
    await recordMonitoringEvent(tx, { householdId: h.id, type: 'measure_added', actor, at: now, day: input.givenOn, caseId: c?.id ?? null, data: { measureId: m.id, kind: input.kind, amountFen: input.amountFen ?? null } });
    return m;
  });
}

export async function setResponsible(db: PrismaClient, tree: RegionTree, householdId: string, actor: CadreActor, cadreId: string | null, now: Date): Promise<void> {
  await keep(db, householdId, actor, 'household:responsible', now, async (tx, h) => {
    if (cadreId !== null) {
      const cadre = await tx.cadre.findUnique({ where: { id: cadreId }, select: { role: true, regionId: true, active: true } });
      if (!cadre || !cadre.active || !RESPONSIBLE_ROLES.includes(cadre.role)) throw invalid('cadreId: no active village, town or county cadre with that id', 'cadreId');
      if (!tree.lineOf(h.villageId).includes(cadre.regionId)) throw invalid('cadreId: that cadre does not cover the household’s village', 'cadreId');
    }
    const before = await tx.household.findUniqueOrThrow({ where: { id: h.id }, select: { responsibleCadreId: true } });
    if (before.responsibleCadreId === cadreId) return;
    await tx.household.update({ where: { id: h.id }, data: { responsibleCadreId: cadreId } });
    await recordMonitoringEvent(tx, { householdId: h.id, type: 'responsible_set', actor, at: now, data: { from: before.responsibleCadreId, to: cadreId } });
  });
}

export async function setNoLabourCapacity(db: PrismaClient, householdId: string, actor: CadreActor, input: z.infer<typeof LabourInput>, now: Date): Promise<void> {
  await keep(db, householdId, actor, 'household:labour', now, async (tx, h) => {
    const before = await tx.household.findUniqueOrThrow({ where: { id: h.id }, select: { noLabourCapacity: true } });
    if (before.noLabourCapacity === input.noLabourCapacity) return;
    await tx.household.update({ where: { id: h.id }, data: { noLabourCapacity: input.noLabourCapacity } });
    await recordMonitoringEvent(tx, { householdId: h.id, type: 'labour_flag_set', actor, at: now, note: input.note ?? null, data: { noLabourCapacity: input.noLabourCapacity } });
  });
}
