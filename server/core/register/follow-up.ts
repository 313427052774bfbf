/**
 * How often a 监测对象 is followed up (its 帮扶责任人's visit) and how long it is monitored at least
 * before 风险消除: a county's setting (CountySetting `monitoring`, { followUpMonths, eliminationMinMonths }),
 * monthly and 6 months while none is stored. Read through the static-data
 * cache like the workflow's settings (server/core/settings/workflow.ts).
 */
import { z } from 'zod';
import { DEFAULT_ELIMINATION_MIN_MONTHS, DEFAULT_FOLLOW_UP_MONTHS } from '../../../flows/register';
import type { CadreActor } from '../../../flows/workflow';
import type { PrismaClient } from '../../generated/prisma/client';
import { recordAudit } from '../audit/record';
import type { StaticData } from '../cache/static-data';
import type { RegionRow } from '../regions/tree';

export const MONITORING_SETTING = 'monitoring';

/** The stored value: the follow-up interval, 1 to 12 months; the shortest monitoring before 风险消除, 1 to 36 months (6 when not given). */
export const MonitoringSettingValue = z
  .object({
    followUpMonths: z.number().int('must be whole months').min(1, 'at least 1').max(12, 'at most 12'),
    eliminationMinMonths: z.number().int('must be whole months').min(1, 'at least 1').max(36, 'at most 36').default(DEFAULT_ELIMINATION_MIN_MONTHS),
  })
  .strict();
export type MonitoringSettingValue = z.infer<typeof MonitoringSettingValue>;

const DEFAULT_SETTING: MonitoringSettingValue = { followUpMonths: DEFAULT_FOLLOW_UP_MONTHS, eliminationMinMonths: DEFAULT_ELIMINATION_MIN_MONTHS };

/** The county's monitoring setting: its row, else the defaults (a row that does not validate counts as none). */
export function monitoringSettingOf(statics: StaticData, countyId: string | null | undefined): MonitoringSettingValue {
  const row = countyId ? statics.countySettings.find((s) => s.countyId === countyId && s.name === MONITORING_SETTING) : undefined;
  const value = row ? MonitoringSettingValue.safeParse(row.value) : undefined;
  return value?.success ? value.data : DEFAULT_SETTING;
}

/** The county's follow-up interval in months: its row, else monthly. */
export function followUpMonthsOf(statics: StaticData, countyId: string | null | undefined): number {
  return monitoringSettingOf(statics, countyId).followUpMonths;
}

type Db = PrismaClient;

export type MonitoringSettingView = { county: { code: string; name: string }; settings: MonitoringSettingValue; stored: boolean; updatedAt: string | null; updatedBy: string | null };

export async function readMonitoringSetting(prisma: Db, county: RegionRow): Promise<MonitoringSettingView> {
  const row = await prisma.countySetting.findUnique({ where: { countyId_name: { countyId: county.id, name: MONITORING_SETTING } } });
  const stored = row ? MonitoringSettingValue.safeParse(row.value) : undefined;
  return {
    county: { code: county.code, name: county.name },
    settings: stored?.success ? stored.data : DEFAULT_SETTING,
    stored: stored?.success === true,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/** Stores the county's follow-up interval, audited (`settings:monitoring-set`, before → after); the CountySetting trigger replaces the static-data stamp. */
export async function writeMonitoringSetting(prisma: Db, actor: CadreActor, county: RegionRow, value: MonitoringSettingValue, at: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const row = await tx.countySetting.findUnique({ where: { countyId_name: { countyId: county.id, name: MONITORING_SETTING } } });
    const before = row ? MonitoringSettingValue.safeParse(row.value) : undefined;
    await tx.countySetting.upsert({
      where: { countyId_name: { countyId: county.id, name: MONITORING_SETTING } },
      create: { countyId: county.id, name: MONITORING_SETTING, value, updatedBy: actor.id },
      update: { value, updatedBy: actor.id },
    });
    const from = before?.success ? before.data.followUpMonths : DEFAULT_FOLLOW_UP_MONTHS;
    const fromMin = before?.success ? before.data.eliminationMinMonths : DEFAULT_ELIMINATION_MIN_MONTHS;
    await recordAudit(tx, { at, actor, action: 'settings:monitoring-set', allowed: true, subject: `${county.code}:${MONITORING_SETTING}`, reason: `followUpMonths ${from} → ${value.followUpMonths}${fromMin === value.eliminationMinMonths ? '' : `, eliminationMinMonths ${fromMin} → ${value.eliminationMinMonths}`}` });
  });
}
