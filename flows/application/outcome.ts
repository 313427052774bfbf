/** What the villager hears once the server filed the application (see engine/describe.ts). */
import type { OutcomeWords } from '../engine/describe';
import { t } from '../i18n';
import { processWords } from '../workflow/process-words';

export const applicationOutcomes: Pick<OutcomeWords, 'case_filed' | 'case_duplicate'> = {
  case_filed: (o, state) => {
    const lang = state?.lang ?? 'zh-CN';
    return [t(lang, 'outcome.case_filed', { caseNo: o.caseNo }), t(lang, 'outcome.next_steps', processWords((key, params) => t(lang, key, params), o.total))];
  },
  case_duplicate: (o, state) => [t(state?.lang ?? 'zh-CN', 'outcome.case_duplicate', { caseNo: o.existingCaseNo })],
};
