/** The 'register' namespace, en (see register.zh-CN.ts). */
import type { registerZhCN } from './register.zh-CN';

export const registerEn: typeof registerZhCN = {
  state: { none: 'not monitored', monitored: 'monitored', eliminated: 'risk eliminated' },
  risk_cause: { illness: 'illness', disaster: 'disaster', education: 'schooling', other: 'other' },
  risk_source: { application: 'application', alert: 'department alert', cadre_round: 'cadre round', import: 'import' },
  event: {
    identified: 'taken into monitoring',
    reincluded: 'taken into monitoring again',
    eliminated: 'risk eliminated',
    category_changed: 'category changed',
    responsible_set: 'responsible cadre set',
    labour_flag_set: 'labour capacity marked',
    measure_added: 'support measure recorded',
    risk_added: 'risk recorded',
    follow_up: 'follow-up visit',
    elimination_proposed: 'risk elimination proposed',
    elimination_town_approved: 'risk elimination approved by the town',
    elimination_returned: 'risk elimination returned',
    elimination_rejected: 'risk elimination rejected',
  },
  elimination_status: { proposed: 'proposed by the village', town_approved: 'approved by the town', county_approved: 'approved by the county (eliminated)', sent_back: 'sent back', declined: 'declined' },
  told_eliminated:
    'Your household’s situation is now stable. After review by the village, the township and the county, from {{day}} your household is no longer followed as at risk of falling back into poverty. If illness, a disaster, school costs or any other hardship hits again, tell us here at any time, or contact the village committee.',
  follow_up_due: 'Reminder: the monitored household you follow in {{village}} (head {{head}}) is due a follow-up visit by {{due}}. Please visit and record it in the console.',
  export_file: 'Monitoring register-{{layout}}-{{date}}',
};
