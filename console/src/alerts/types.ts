/** What the department and alert endpoints answer (docs/api.md, "Department data and alerts"). */
import type { CaseSummary } from '../api/types';

// The server's lists (server/core/alerts/departments.ts, server/core/auth/permissions.ts MAY), as the
// console needs them; tests/alerts/console-lists.test.ts holds them equal.
export const DEPARTMENT_CODES = ['yibao', 'minzheng', 'yingji', 'jiaoyu', 'canlian', 'zhujian'] as const;
export type DepartmentCode = (typeof DEPARTMENT_CODES)[number];
export const RULE_KINDS = ['threshold', 'listed', 'lost'] as const;
export const ALERT_CAUSES = ['illness', 'disaster', 'education', 'income', 'disability', 'housing'] as const;
export const WORDINGS = ['medical_costs', 'disaster', 'education_aid', 'dibao_left', 'disability', 'housing'] as const;
export const CLOSURES = ['case', 'not_needed', 'already_helped'] as const;
export type Closure = (typeof CLOSURES)[number];

/** Who sees and does what: the server's MAY lists. */
export const ROLES_MAY = {
  configureDepartments: ['county'],
  importDepartmentData: ['county'],
  readAlerts: ['county', 'town', 'village', 'auditor'],
  closeAlerts: ['county', 'town', 'village'],
} as const;
const may = (list: readonly string[], role: string) => list.includes(role);
export const mayConfigureDepartments = (role: string) => may(ROLES_MAY.configureDepartments, role);
/** GET /api/departments: the county office, and the auditor reading. */
export const mayReadDepartments = (role: string) => mayConfigureDepartments(role) || role === 'auditor';
export const mayImportDepartmentData = (role: string) => may(ROLES_MAY.importDepartmentData, role);
export const mayReadAlerts = (role: string) => may(ROLES_MAY.readAlerts, role);
export const mayCloseAlerts = (role: string) => may(ROLES_MAY.closeAlerts, role);

export type FieldKind = 'money' | 'flag' | 'text';

export type Rule = { id?: string; kind: (typeof RULE_KINDS)[number]; figure: string | null; lineSpecialFen: number | null; lineOtherFen: number | null; cause: string; wording: string; active?: boolean };

export type Department = {
  code: DepartmentCode;
  county: string;
  fields: Record<string, FieldKind>;
  columns: Record<string, string>;
  pushToken: boolean;
  rules: Rule[];
  imports: { id: string; source: string; at: string; rows: number; matched: number; invalid: number; alertsRaised: number }[];
};

export type ImportReport = {
  importId: string;
  repeated: boolean;
  rows: number;
  alreadySeen: number;
  invalid: number;
  matched: number;
  alertsRaised: number;
  deduplicated: number;
  problems: { rowKey: string; field: string; reason: string }[];
};

export type AlertItem = {
  id: string;
  status: 'open' | 'closed';
  /** department: a department's row; cadre_round: 干部排查 (no department). */
  source: 'department' | 'cadre_round';
  department: { code: string; name: string } | null;
  /** Who raised it, in the caller's language: the department's name, or 干部排查. */
  origin: string;
  cause: { code: string; label: string };
  wording: string;
  household: { id: string; headName: string };
  village: { code: string; name: string };
  /** Only for the roles that close alerts: money figures in fen. */
  figures?: Record<string, number | boolean | string | null>;
  raisedAt: string;
  dueAt: string;
  due: CaseSummary['due'];
  overdueSince: string | null;
  closure: { kind: string; label: string; caseNo: string | null; reason?: string | null; at: string | null } | null;
  answer: string | null;
};
