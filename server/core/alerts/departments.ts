/**
 * The departments that send a county its monitoring data, what each file or push carries, and the
 * words of alerts: one place for the codes, fields, causes, rule kinds, closures and wordings that
 * the import, the rules, the API and the i18n files (flows/i18n/alerts.*.ts) read.
 *
 * A field is `money` (yuan in the file, fen once read), `flag` (是/否, 1/0, true/false, Y/N, 有/无)
 * or `text`. Every department's rows carry `idNumber`; the rest are its figures.
 */
import type { Cause } from '../../generated/prisma/enums';

export const DEPARTMENT_CODES = ['yibao', 'minzheng', 'yingji', 'jiaoyu', 'canlian', 'zhujian'] as const;
export type DepartmentCode = (typeof DEPARTMENT_CODES)[number];

export type FieldKind = 'money' | 'flag' | 'text';

/** The figures each department's rows carry (besides idNumber), by name and kind. */
export const DEPARTMENT_FIELDS: Record<DepartmentCode, Record<string, FieldKind>> = {
  // 医保: year-to-date self-paid inpatient cost (住院自付累计), and the total cost
  yibao: { selfPaidInpatientYtd: 'money', totalCostYtd: 'money' },
  // 民政: whether the household receives 低保 now
  minzheng: { dibao: 'flag' },
  // 应急管理: the disaster and the loss
  yingji: { disasterKind: 'text', lossAmount: 'money' },
  // 教育: whether the student is aided (资助) this term
  jiaoyu: { aided: 'flag', school: 'text' },
  // 残联: the disability's grade
  canlian: { disabilityGrade: 'text' },
  // 住建: the house's safety grade (危房 C/D)
  zhujian: { housingGrade: 'text' },
};

/** The column headers a file usually has, for a department with no saved mapping (the request may give one). */
export const DEFAULT_COLUMNS: Record<DepartmentCode, Record<string, string>> = {
  yibao: { idNumber: '身份证号', selfPaidInpatientYtd: '住院自付累计', totalCostYtd: '医疗总费用' },
  minzheng: { idNumber: '身份证号', dibao: '低保' },
  yingji: { idNumber: '身份证号', disasterKind: '灾害类型', lossAmount: '损失金额' },
  jiaoyu: { idNumber: '身份证号', aided: '是否资助', school: '学校' },
  canlian: { idNumber: '身份证号', disabilityGrade: '残疾等级' },
  zhujian: { idNumber: '身份证号', housingGrade: '房屋等级' },
};

/** An alert's cause: the case causes, and the department risks that have no case cause. */
export const ALERT_CAUSES = ['illness', 'disaster', 'education', 'income', 'disability', 'housing'] as const;
export type AlertCause = (typeof ALERT_CAUSES)[number];
/** The alert causes an application can have (Case.cause): only these are deduplicated against open cases. */
export const CASE_CAUSE_OF: Partial<Record<AlertCause, Cause>> = { illness: 'illness', disaster: 'disaster', education: 'education' };

/**
 * `threshold`: a money figure at or above a line — lineSpecialFen for 监测对象 and 脱贫户,
 * lineOtherFen for the other residents; `listed`: any row (a disaster list); `lost`: a flag figure
 * true in the person's previous row from the department and false now (newly without aid, leaving 低保).
 */
export const RULE_KINDS = ['threshold', 'listed', 'lost'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** What the alert says (i18n alerts.wording.<key>): the county picks one per rule. */
export const WORDINGS = ['medical_costs', 'disaster', 'education_aid', 'dibao_left', 'disability', 'housing'] as const;
export type Wording = (typeof WORDINGS)[number];

export const ALERT_STATUSES = ['open', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const ALERT_STATUS = { open: 'open', closed: 'closed' } as const satisfies Record<AlertStatus, AlertStatus>;

/** How an alert is closed: 纳入监测 through a case, 不需要 with a reason, 已有帮扶. */
export const CLOSURES = ['case', 'not_needed', 'already_helped'] as const;
export type Closure = (typeof CLOSURES)[number];

/** The words' keys, written out so the i18n test finds them. */
export const DEPARTMENT_NAME_KEY: Record<DepartmentCode, string> = {
  yibao: 'alerts.department.yibao',
  minzheng: 'alerts.department.minzheng',
  yingji: 'alerts.department.yingji',
  jiaoyu: 'alerts.department.jiaoyu',
  canlian: 'alerts.department.canlian',
  zhujian: 'alerts.department.zhujian',
};
export const WORDING_KEY: Record<Wording, string> = {
  medical_costs: 'alerts.wording.medical_costs',
  disaster: 'alerts.wording.disaster',
  education_aid: 'alerts.wording.education_aid',
  dibao_left: 'alerts.wording.dibao_left',
  disability: 'alerts.wording.disability',
  housing: 'alerts.wording.housing',
};
export const CAUSE_KEY: Record<AlertCause, string> = {
  illness: 'alerts.cause.illness',
  disaster: 'alerts.cause.disaster',
  education: 'alerts.cause.education',
  income: 'alerts.cause.income',
  disability: 'alerts.cause.disability',
  housing: 'alerts.cause.housing',
};
export const CLOSURE_KEY: Record<Closure, string> = {
  case: 'alerts.closure.case',
  not_needed: 'alerts.closure.not_needed',
  already_helped: 'alerts.closure.already_helped',
};

/** Where an alert came from: a department's row (by a rule), or a cadre's round (干部排查, cadre-found.ts). */
export const ALERT_SOURCES = ['department', 'cadre_round'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];
export const ALERT_SOURCE = { department: 'department', cadre_round: 'cadre_round' } as const satisfies Record<AlertSource, AlertSource>;

/** Who raised it, in words: the department's name, or 干部排查. */
export function alertOriginKey(a: { department: { code: string } | null }): string {
  return a.department ? (DEPARTMENT_NAME_KEY[a.department.code as DepartmentCode] ?? a.department.code) : 'alerts.source.cadre_round';
}

export const isDepartmentCode = (code: string): code is DepartmentCode => (DEPARTMENT_CODES as readonly string[]).includes(code);
