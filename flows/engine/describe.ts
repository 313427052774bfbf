/**
 * What the villager hears after the server carried out an effect whose result matters to them
 * (the case number, whether an identity matched). Pure, like the engine: the server passes the
 * outcome and the state it saved, and sends the replies.
 */
import { t } from '../i18n';
import { formatCaseList } from '../status/cases';
import { describeCasework } from '../villager/describe';
import type { DescribeOutcome, Reply } from './types';

const text = (s: string): Reply => ({ type: 'text', text: s });

export const describeOutcome: DescribeOutcome = (outcome, state) => {
  const lang = state?.lang ?? 'zh-CN';
  switch (outcome.type) {
    case 'case_filed':
      return [text(t(lang, 'outcome.case_filed', { caseNo: outcome.caseNo })), text(t(lang, 'outcome.next_steps'))];
    case 'case_duplicate':
      return [text(t(lang, 'outcome.case_duplicate', { caseNo: outcome.existingCaseNo }))];
    case 'identity_linked':
      if (outcome.cases.length === 0) return [text(t(lang, 'outcome.identity_linked_no_cases'))];
      return [text(t(lang, 'outcome.identity_linked')), text(formatCaseList(lang, outcome.cases))];
    case 'identity_not_found':
      return [text(t(lang, 'outcome.identity_not_found'))];
    case 'identity_check_limited':
      return [text(t(lang, 'outcome.identity_check_limited'))];
    case 'case_resubmitted':
    case 'case_withdrawn':
    case 'case_action_refused':
      return describeCasework(outcome, state).map(text);
  }
};
