/** GET /api/stats (server/core/stats/figures.ts): every figure with `drill`, the queue filters of its cases. */
export type Drill = Record<string, string>;
type Limit = { days: number; working: boolean };
type Region = { code: string; name: string; nameEn: string | null };

export type Stats = {
  period: { kind: 'month' | 'quarter' | 'year' | 'custom'; label: string; from: string; to: string };
  region: (Region & { level: string }) | null;
  generatedAt: string;
  applications: {
    total: number;
    drill: Drill;
    byCause: { cause: string; n: number; drill: Drill }[];
    byCategory: { category: string; n: number; drill: Drill }[];
    byCauseCategory: { cause: string; category: string; n: number; drill: Drill }[];
    regionLevel: 'town' | 'village';
    byRegion: (Region & { n: number; drill: Drill })[];
  };
  channels: { channel: string; n: number; drill: Drill }[];
  funnel: { status: string; reached: number; reachedDrill: Drill; now: number; nowDrill: Drill }[];
  steps: { status: string; limit: Limit | null; cases: number; within: number; late: number; withinShare: number | null; medianDays: number | null; p90Days: number | null; drill: Drill; withinDrill: Drill; lateDrill: Drill }[];
  identification: { limit: Limit; submitted: number; decided: number; within: number; late: number; withinShare: number | null; medianDays: number | null; p90Days: number | null; drill: Drill; withinDrill: Drill; lateDrill: Drill };
  returns: { cases: number; events: number; drill: Drill; byStep: { status: string; cases: number; events: number; drill: Drill }[]; items: { item: string; cases: number; drill: Drill }[] };
  rejections: { cases: number; drill: Drill; byStep: { status: string; cases: number; drill: Drill }[]; reasonsComplete: boolean; reasons: { reason: string; cases: number; drill: Drill }[] };
  payments: {
    cases: number;
    amountFen: number;
    drill: Drill;
    months: { month: string; cases: number; amountFen: number; drill: Drill }[];
    budgets: { year: number; budgetFen: number | null; paidFen: number; cases: number; usedShare: number | null; drill: Drill }[];
  };
  /** The register's figures (server/core/stats/register-figures.ts). */
  register: {
    monitored: number;
    eliminated: number;
    /** The register list's filters that list each figure's households (/households?…). */
    drill: { monitored: Drill; eliminated: Drill };
    eliminationRate: number | null;
    byCategory: { category: string; n: number; drill: Drill | null }[];
    /** `drill`: the register list's filters of each month figure's households. */
    months: { month: string; identified: number; reincluded: number; eliminated: number; drill: Record<'identified' | 'reincluded' | 'eliminated', Drill> }[];
    identified: number;
    reincluded: number;
    eliminatedInPeriod: number;
    measures: { households: number; drill: Drill; withMeasures: number; count: number; amountFen: number; perHousehold: number | null; amountFenPerHousehold: number | null };
    alerts: {
      closeDays: number;
      raised: number;
      closed: number;
      closedInTime: number;
      closedInTimeShare: number | null;
      /** `drill`: the alert list's filters of the department's alerts raised in the period (/alerts?…). */
      byDepartment: { department: string; raised: number; closed: number; closedInTime: number; closedInTimeShare: number | null; drill: Drill }[];
    };
  };
};
