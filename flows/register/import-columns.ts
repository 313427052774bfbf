/**
 * The columns of a register import (flows/register/import.ts reads the rows) and the problems a
 * row can have — apart, with no parser behind them, so the console reads the same lists.
 */
export const IMPORT_FIELDS = ['idNumber', 'headName', 'name', 'relation', 'headIdNumber', 'householdNo', 'size', 'town', 'village', 'category', 'identifiedOn', 'phone', 'riskKinds', 'povertyAlleviated'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The headers a field is looked for under when the mapping names none: the national system's and their common variants. */
export const DEFAULT_HEADERS: Record<ImportField, readonly string[]> = {
  idNumber: ['身份证号', '身份证号码', '证件号码', '公民身份号码'],
  headName: ['户主姓名', '户主'],
  name: ['姓名', '成员姓名'],
  relation: ['与户主关系', '与户主关系名称'],
  headIdNumber: ['户主身份证号', '户主身份证号码', '户主证件号码'],
  householdNo: ['户编号', '户码'],
  size: ['家庭人口', '家庭人口数', '家庭人数', '人口数'],
  town: ['乡镇', '乡（镇）', '乡(镇)', '镇'],
  village: ['村', '行政村', '村名'],
  category: ['监测对象类别', '类别'],
  identifiedOn: ['识别时间', '纳入监测时间', '识别日期'],
  phone: ['联系电话', '电话', '手机号码', '手机号'],
  riskKinds: ['风险类型', '主要风险类型', '致贫返贫风险类型', '致贫返贫风险', '返贫致贫风险', '风险类别'],
  povertyAlleviated: ['是否脱贫户', '是否为脱贫户', '脱贫户'],
};

export type ColumnMapping = Partial<Record<ImportField, string>>;

export type ImportProblemCode =
  | 'id_invalid'
  | 'required'
  | 'too_long'
  | 'size_invalid'
  | 'category_unknown'
  | 'date_invalid'
  | 'phone_invalid'
  | 'flag_invalid'
  | 'other_household'
  | 'no_head'
  | 'village_unknown'
  | 'village_ambiguous'
  | 'outside_region'
  | 'other_village'
  | 'member_elsewhere';
export type ImportProblem = { row: number; field: ImportField; code: ImportProblemCode };
