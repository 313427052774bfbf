/** What the county settings' endpoints answer (server/api/routes/regions.ts, income-lines.ts, county-settings.ts). */
import type { Role } from '../api/types';
import { useLoggedIn } from '../session/session';

export type RegionRow = {
  code: string;
  name: string;
  nameEn: string | null;
  level: 'county' | 'town' | 'village';
  parentCode: string | null;
  sortOrder: number;
  active: boolean;
  contactPhone: string | null;
};

export type IncomeLine = { regionCode: string; regionName: string; level: string; year: number; perCapitaFen: number; note: string | null; createdAt: string };

export type Limit = { days: number; working: boolean };
export type WorkflowValue = { limits: Record<string, Limit>; publicityMinDays: number; holidays: string[]; workdays: string[] };
export type WorkflowSetting = {
  county: { code: string; name: string };
  settings: WorkflowValue;
  defaults: WorkflowValue;
  stored: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  updatedByName: string | null;
};

/** Only the county office changes the county's settings; every other role reads. */
export function useCanEditSettings(): boolean {
  const role: Role = useLoggedIn().me.cadre.role;
  return role === 'county';
}
