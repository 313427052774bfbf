/** The 'alerts' namespace in English: the same keys as alerts.zh-CN.ts. */
import type { alertsZhCN } from './alerts.zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const alertsEn: Shape<typeof alertsZhCN> = {
  department: {
    yibao: 'Medical Insurance Bureau',
    minzheng: 'Civil Affairs Bureau',
    yingji: 'Emergency Management Bureau',
    jiaoyu: 'Education Bureau',
    canlian: 'Disabled Persons’ Federation',
    zhujian: 'Housing and Construction Bureau',
  },
  source: {
    cadre_round: 'Cadre round',
  },
  cause: {
    illness: 'Illness',
    disaster: 'Disaster',
    education: 'Schooling',
    income: 'Income drop (left minimum living allowance)',
    disability: 'Disability',
    housing: 'Housing safety',
  },
  wording: {
    medical_costs: 'Your family has had large medical costs lately. If life is hard, you can apply for assistance.',
    disaster: 'We heard your family was hit by a disaster lately. If life is hard, you can apply for assistance.',
    education_aid: 'The school aid of a child in your family has changed lately. If schooling is hard, you can apply for assistance.',
    dibao_left: 'Your family’s minimum living allowance has changed lately. If life is hard, you can apply for assistance.',
    disability: 'Someone in your family needs care. If life is hard, you can apply for assistance.',
    housing: 'Your house may not be safe. If this is hard for you, you can apply for assistance.',
  },
  closure: {
    case: 'Taken into monitoring',
    not_needed: 'Not needed',
    already_helped: 'Already helped',
  },
  offer: {
    choices: ' Reply 1 to start an application, 2 to have a village cadre contact you, 3 if it is not needed.',
    restate: 'About the message the village just sent you: reply 1 to start an application, 2 to have a village cadre contact you, 3 if it is not needed.',
    apply_start: 'Good, let us apply for assistance. What the village has on record is read to you first; reply "yes" when it is right.',
    call_me_done: 'Good, a village cadre has been asked to contact you. Please watch for their call.',
    not_needed_done: 'Understood. If life becomes hard, send "apply" at any time.',
    prefill: {
      name: 'The applicant is {{name}}, is that right?',
      id_number: 'The ID number is {{id}} (as the village has it), is that right?',
      phone: 'The phone number is {{phone}} (as the village has it), is that right?',
      village: 'Your home is in {{village}}, {{town}}, is that right?',
      household_size: 'Your household has {{n}} people, is that right?',
      self_paid: 'The medical insurance records show your family paid about {{amount}} itself for hospital stays this year, after reimbursement. Shall we count that as your own medical cost? If not, please say how much was spent in total.',
    },
  },
  figure: {
    selfPaidInpatientYtd: 'Self-paid inpatient cost this year',
    totalCostYtd: 'Total medical cost this year',
    lossAmount: 'Loss',
    separator: '; ',
  },
  chat: {
    title: '{{region}}: {{total}} open department alert(s), the most urgent first:',
    title_more: '{{region}}: {{total}} open department alerts; the {{shown}} most urgent:',
    none: '{{region}} has no open department alert now.',
    line: '{{n}}. {{household}}, {{village}} · {{cause}} ({{department}}) · {{due}} · household replied: {{answer}}',
    case: ' · application {{caseNo}} ({{stage}})',
    due: 'check by {{date}}',
    overdue: 'overdue',
    how_to_close: 'After checking at the household, close one: reply "alert <number> not needed <reason>" or "alert <number> already helped". An approved application closes it by itself.',
    not_yours: 'Your account does not see department alerts; they are for the {{roles}}.',
    usage: 'Please say how to close it: "alert {{n}} not needed <reason>" or "alert {{n}} already helped".',
    no_list: 'Please reply "alerts" first to see the list, then close one by its number.',
    no_number: 'There is no number {{n}} in the list. Reply "alerts" to see it again.',
    closed: 'Alert {{n}} is closed ({{closure}}).',
    refused_closed: 'Alert {{n}} is already closed. Reply "alerts" to see the list as it is now.',
    refused_not_found: 'Alert {{n}} is not in your region, or no longer exists.',
    refused_forbidden: 'Your account cannot close alerts; please ask a village, town or county cadre.',
    refused_invalid: 'Alert {{n}} was not closed: {{message}}',
  },
  answer: {
    apply: 'Application started',
    call_me: 'Asked a cadre to call',
    not_needed: 'Not needed',
    none: 'No reply yet',
  },
  notify: {
    call_me: 'After a {{department}} alert ({{cause}}), the household of {{name}} in {{village}} asked a village cadre to contact them. Please call or visit soon.',
    call_me_figures: 'Department data: {{figures}}',
    new_tasks: '{{village}} has {{count}} new alert(s) from the {{department}}. Please check the households within {{days}} days and close the alerts under "Alerts" in the console.',
    due_soon: '{{village}} has {{count}} department alert(s) due by tomorrow. Please check the households soon.',
    overdue: '{{village}} has {{count}} department alert(s) past the time limit. Please check the households and close them soon.',
  },
};
