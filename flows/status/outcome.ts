/** What the villager hears once the server checked an ID number and phone (`link_identity`, see engine/describe.ts). */
import type { OutcomeWords } from '../engine/describe';
import { t } from '../i18n';
import { formatCaseList } from './cases';

export const identityOutcomes: Pick<OutcomeWords, 'identity_linked' | 'identity_not_found' | 'identity_check_limited'> = {
  identity_linked: (o, state) => {
    const lang = state?.lang ?? 'zh-CN';
    if (o.cases.length === 0) return [t(lang, 'outcome.identity_linked_no_cases')];
    return [t(lang, 'outcome.identity_linked'), formatCaseList(lang, o.cases)];
  },
  identity_not_found: (_o, state) => [t(state?.lang ?? 'zh-CN', 'outcome.identity_not_found')],
  identity_check_limited: (_o, state) => [t(state?.lang ?? 'zh-CN', 'outcome.identity_check_limited')],
};
