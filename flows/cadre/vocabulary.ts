/** The chat's words for the workflow's categories and measures (flows/workflow holds the lists). */
import type { HouseholdCategory, Measure } from '../workflow';

/** Words that pick a category or a measure besides its number (both languages). */
export const CATEGORY_WORDS: Record<HouseholdCategory, string[]> = {
  unstable_lifted: ['脱贫不稳定户', '脱贫不稳定', '不稳定户', 'unstable'],
  marginal: ['边缘易致贫户', '边缘易致贫', '边缘户', '边缘', 'marginal'],
  sudden_hardship: ['突发严重困难户', '突发严重困难', '突发困难户', '突发', 'sudden'],
};
export const MEASURE_WORDS: Record<Measure, string[]> = {
  dibao: ['低保', 'dibao', 'minimum living'],
  temporary_relief: ['临时救助', '临时', 'temporary relief'],
  medical_aid: ['医疗救助', '医疗', 'medical aid'],
  education_aid: ['教育资助', '教育', 'education aid'],
  insurance_payout: ['防贫保险金', '防贫保险', '保险金', 'insurance'],
  public_job: ['公益性岗位', '公益岗位', '公益岗', 'public job'],
  industry_subsidy: ['产业奖补', '产业', 'industry subsidy'],
  housing_repair: ['危房改造', '危房', 'housing repair'],
  employment_aid: ['就业帮扶', '就业', 'employment support'],
  other: ['其他', '其它', 'other'],
};
