/**
 * A county's time limits, shortest 公示 and working-day calendar: data the county office edits in
 * the console (CountySetting `workflow`), with the environment's TIME_LIMITS, PUBLICITY_MIN_DAYS,
 * HOLIDAYS and WORKDAYS (config.workflow) as the defaults while no row exists.
 *
 * Read through the static-data cache (core/cache/static-data.ts), whose stamp a write of the row
 * replaces: every server process uses the new settings from its next request. Every reader of the
 * settings — the deadline check, a move, the case list and page, the chat's and the API's
 * {{limits.…}} — gets them from here: `workflowOf` with the static data it holds, or
 * `workflowSettings` when it holds none.
 */
import { z } from 'zod';
import { CASE_STATUS, LIMIT_NAMES, type CadreActor, type Limit, type LimitName, type TimeLimits } from '../../../flows/workflow';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { readStaticStamp, staticDataCache, type StaticData } from '../cache/static-data';
import { recordAudit } from '../audit/record';
import { invalid, notFound } from '../refusal';
import type { RegionRow, RegionTree } from '../regions/tree';
import type { WorkflowSettings } from '../workflow/perform';
import type { WorkCalendar } from '../workflow/deadlines';
import { Day } from '../day';

export const WORKFLOW_SETTING = 'workflow';

/** Bounds: a status's limit 1–60 days, the whole identification 1–90; the notice at least 5 days (policy), at most 30. */
export const LIMIT_BOUNDS = { status: { min: 1, max: 60 }, total: { min: 1, max: 90 } } as const;
export const PUBLICITY_BOUNDS = { min: 5, max: 30 } as const;
/** Calendar entries per list: a few years of holidays. */
const MAX_DAYS = 400;


const limitOf = (bounds: { min: number; max: number }) =>
  z.object({
    days: z.number().int('must be whole days').min(bounds.min, `at least ${bounds.min}`).max(bounds.max, `at most ${bounds.max}`),
    working: z.boolean(),
  });

const Limits = z.object(
  Object.fromEntries(LIMIT_NAMES.map((name) => [name, limitOf(name === 'total' ? LIMIT_BOUNDS.total : LIMIT_BOUNDS.status)])) as Record<LimitName, ReturnType<typeof limitOf>>,
);

const Days = z.array(Day).max(MAX_DAYS, `at most ${MAX_DAYS} days`);

/** The stored value (and the body of PUT /api/settings/workflow): whole, every limit named. */
export const WorkflowSettingValue = z
  .object({
    limits: Limits,
    publicityMinDays: z.number().int('must be whole days').min(PUBLICITY_BOUNDS.min, `at least ${PUBLICITY_BOUNDS.min} (the policy's shortest 公示)`).max(PUBLICITY_BOUNDS.max, `at most ${PUBLICITY_BOUNDS.max}`),
    holidays: Days,
    workdays: Days,
  })
  .strict()
  .superRefine((v, ctx) => {
    // the county decides after the notice: its limit from the notice's start cannot be shorter than the notice
    if (v.limits[CASE_STATUS.publicity].days < v.publicityMinDays) {
      ctx.addIssue({ code: 'custom', path: ['limits', CASE_STATUS.publicity, 'days'], message: `at least the shortest 公示 (${v.publicityMinDays} days)` });
    }
    const holidays = new Set(v.holidays);
    const both = v.workdays.findIndex((d) => holidays.has(d));
    if (both >= 0) ctx.addIssue({ code: 'custom', path: ['workdays', both], message: `${v.workdays[both]} is a holiday too: a day is one or the other` });
  });
export type WorkflowSettingValue = z.infer<typeof WorkflowSettingValue>;

/** The settings as the API shows and stores them (sorted days). */
export function valueOf(settings: WorkflowSettings): WorkflowSettingValue {
  const limits = Object.fromEntries(LIMIT_NAMES.map((name) => [name, { ...(settings.limits[name as keyof TimeLimits] ?? settings.limits.total) }])) as Record<LimitName, Limit>;
  return { limits, publicityMinDays: settings.publicityMinDays, holidays: [...settings.calendar.holidays].sort(), workdays: [...settings.calendar.workdays].sort() };
}

function settingsOf(value: WorkflowSettingValue): WorkflowSettings {
  const calendar: WorkCalendar = { holidays: new Set(value.holidays), workdays: new Set(value.workdays) };
  return { limits: { ...value.limits }, publicityMinDays: value.publicityMinDays, calendar };
}

// parsed once per static data (a new stamp is a new object): a request costs a map look-up
const parsed = new WeakMap<StaticData, Map<string, WorkflowSettings | null>>();

/** The county's stored settings, or null (none stored, or a row written by hand that does not validate). */
export function storedWorkflow(statics: StaticData, countyId: string): WorkflowSettings | null {
  let byCounty = parsed.get(statics);
  if (!byCounty) parsed.set(statics, (byCounty = new Map()));
  if (!byCounty.has(countyId)) {
    const row = statics.countySettings.find((s) => s.countyId === countyId && s.name === WORKFLOW_SETTING);
    const value = row ? WorkflowSettingValue.safeParse(row.value) : undefined;
    byCounty.set(countyId, value?.success ? settingsOf(value.data) : null);
  }
  return byCounty.get(countyId)!;
}

/** The settings of a county: its row, else the environment's defaults. No county known: the only county's, else the defaults. */
export function workflowOf(statics: StaticData, countyId: string | null | undefined, defaults: WorkflowSettings): WorkflowSettings {
  const county = countyId ?? soleCounty(statics.tree);
  return (county ? storedWorkflow(statics, county) : null) ?? defaults;
}

const soleCounty = (tree: RegionTree): string | null => {
  const counties = tree.counties();
  return counties.length === 1 ? counties[0]!.id : null;
};

/** Where a reader stands: a region (a cadre's, a case's village), a village code, or an actor. */
export type SettingsWhere = { regionId?: string | null; villageCode?: string | null; actor?: CadreActor };

/** The county of a region, a village code or an actor (the whole-system admin: none). */
export function countyIdOf(tree: RegionTree, where: SettingsWhere): string | null {
  if (where.regionId) return tree.countyOf(where.regionId)?.id ?? null;
  if (where.villageCode) {
    const region = tree.byCode.get(where.villageCode);
    return region ? (tree.countyOf(region.id)?.id ?? null) : null;
  }
  if (where.actor?.regionIds) {
    // an actor's regions are one subtree: any of them names the county
    for (const id of where.actor.regionIds) return tree.countyOf(id)?.id ?? null;
  }
  return null;
}

type Db = PrismaClient | Prisma.TransactionClient;

/** The static data current now (one statement for the stamp; the data itself from the process's cache). */
export async function currentStatics(prisma: PrismaClient, db: Db = prisma): Promise<StaticData> {
  return staticDataCache(prisma).get(db, await readStaticStamp(db));
}

/** The workflow settings that apply where the caller stands, current now: what every reader without static data at hand calls. */
export async function workflowSettings(deps: { prisma: PrismaClient; config: { workflow: WorkflowSettings } }, where: SettingsWhere = {}): Promise<WorkflowSettings> {
  const statics = await currentStatics(deps.prisma);
  return workflowOf(statics, countyIdOf(statics.tree, where), deps.config.workflow);
}

export type WorkflowSettingView = {
  county: { code: string; name: string };
  /** What applies now: the county's row, else the defaults. */
  settings: WorkflowSettingValue;
  /** The environment's (config.workflow): what applies without a row, and after a reset. */
  defaults: WorkflowSettingValue;
  stored: boolean;
  updatedAt: string | null;
  /** The cadre who changed it last: id and name. */
  updatedBy: string | null;
  updatedByName: string | null;
};

/** The county a settings request names (`county=` code), else the caller's, else the only one. */
export function countyForRequest(tree: RegionTree, actor: CadreActor, code: string | undefined): RegionRow {
  if (code) {
    const region = tree.byCode.get(code);
    if (!region || region.level !== 'county') throw invalid(`county: no county has the code ${code}`, 'county');
    if (actor.regionIds !== null && !actor.regionIds.has(region.id) && countyIdOf(tree, { actor }) !== region.id) throw notFound('county');
    return region;
  }
  const id = countyIdOf(tree, { actor }) ?? soleCounty(tree);
  if (!id) throw invalid('county: say which county (county=<code>)', 'county');
  return tree.byId.get(id)!;
}

export async function readWorkflowSetting(prisma: PrismaClient, defaults: WorkflowSettings, county: RegionRow): Promise<WorkflowSettingView> {
  const statics = await currentStatics(prisma);
  const row = await prisma.countySetting.findUnique({ where: { countyId_name: { countyId: county.id, name: WORKFLOW_SETTING } } });
  const stored = storedWorkflow(statics, county.id);
  return {
    county: { code: county.code, name: county.name },
    settings: valueOf(stored ?? defaults),
    defaults: valueOf(defaults),
    stored: stored !== null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
    updatedByName: row?.updatedBy ? ((await prisma.cadre.findUnique({ where: { id: row.updatedBy }, select: { name: true } }))?.name ?? null) : null,
  };
}

/** What differs between two values, for the audit row: the limits changed, the notice, the days added and removed. */
function differences(before: WorkflowSettingValue, after: WorkflowSettingValue): string {
  const out: string[] = [];
  for (const name of LIMIT_NAMES) {
    const a = before.limits[name];
    const b = after.limits[name];
    if (a.days !== b.days || a.working !== b.working) out.push(`${name} ${a.days}${a.working ? 'wd' : 'd'} → ${b.days}${b.working ? 'wd' : 'd'}`);
  }
  if (before.publicityMinDays !== after.publicityMinDays) out.push(`publicityMinDays ${before.publicityMinDays} → ${after.publicityMinDays}`);
  for (const list of ['holidays', 'workdays'] as const) {
    const added = after[list].filter((d) => !before[list].includes(d));
    const removed = before[list].filter((d) => !after[list].includes(d));
    if (added.length) out.push(`${list} +${added.join(',')}`);
    if (removed.length) out.push(`${list} -${removed.join(',')}`);
  }
  return out.join('; ') || 'unchanged';
}

/** Stores the county's settings (whole); the CountySetting trigger replaces the static-data stamp. */
export async function writeWorkflowSetting(prisma: PrismaClient, actor: CadreActor, defaults: WorkflowSettings, county: RegionRow, value: WorkflowSettingValue, at: Date): Promise<void> {
  const sorted: WorkflowSettingValue = { ...value, holidays: [...new Set(value.holidays)].sort(), workdays: [...new Set(value.workdays)].sort() };
  await prisma.$transaction(async (tx) => {
    const row = await tx.countySetting.findUnique({ where: { countyId_name: { countyId: county.id, name: WORKFLOW_SETTING } } });
    const previous = row ? WorkflowSettingValue.safeParse(row.value) : undefined;
    const before = previous?.success ? previous.data : valueOf(defaults);
    await tx.countySetting.upsert({
      where: { countyId_name: { countyId: county.id, name: WORKFLOW_SETTING } },
      create: { countyId: county.id, name: WORKFLOW_SETTING, value: sorted, updatedBy: actor.id },
      update: { value: sorted, updatedBy: actor.id },
    });
    await recordAudit(tx, { at, actor, action: 'settings:workflow-set', allowed: true, subject: `${county.code}:${WORKFLOW_SETTING}`, reason: differences(before, sorted) });
  });
}

/** Back to the environment's defaults: the county's row removed. */
export async function resetWorkflowSetting(prisma: PrismaClient, actor: CadreActor, county: RegionRow, at: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.countySetting.deleteMany({ where: { countyId: county.id, name: WORKFLOW_SETTING } });
    await recordAudit(tx, { at, actor, action: 'settings:workflow-reset', allowed: true, subject: `${county.code}:${WORKFLOW_SETTING}`, reason: 'back to the defaults' });
  });
}
