/** What the villager hears after resubmitting or withdrawing a case (see describeOutcome). */
import type { EffectOutcome, SessionState } from '../engine/types';
import { t } from '../i18n';
import { statusLabel } from '../status/cases';

type CaseworkOutcome = Extract<EffectOutcome, { type: 'case_resubmitted' | 'case_withdrawn' | 'case_action_refused' }>;

export function describeCasework(outcome: CaseworkOutcome, state: SessionState): string[] {
  const lang = state?.lang ?? 'zh-CN';
  // back in an application that was interrupted: say how to carry on with it
  const resume = state && state.flow !== 'menu' ? [t(lang, 'casework.resume_application')] : [];
  switch (outcome.type) {
    case 'case_resubmitted':
      return [t(lang, 'casework.supplement.resubmitted', { caseNo: outcome.caseNo, status: statusLabel(lang, outcome.status) }), ...resume];
    case 'case_withdrawn':
      return [t(lang, 'casework.withdraw.done', { caseNo: outcome.caseNo }), ...resume];
    case 'case_action_refused':
      return [
        t(lang, outcome.action === 'resubmit' ? 'casework.supplement.refused' : 'casework.withdraw.refused', {
          caseNo: outcome.caseNo,
          status: outcome.status ? statusLabel(lang, outcome.status) : '—',
        }),
        ...resume,
      ];
  }
}
