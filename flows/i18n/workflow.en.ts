/** The 'workflow' namespace, en (complete translation of workflow.zh-CN.ts). Command words stay Chinese: they are what the bot understands. */
import { DECISION_WORDS } from '../workflow/words';
import type { workflowZhCN } from './workflow.zh-CN';

export const workflowEn: typeof workflowZhCN = {
  footer: 'Application number: {{caseNo}}',
  item_line: '{{i}}. {{item}}',
  list_separator: ', ',
  office: {
    town: 'the town government (assistance office)',
    county: 'the county rural revitalisation bureau (assistance office)',
  },
  villager: {
    visit_scheduled: 'The home visit is set for {{date}}. Staff will come to check the household’s income, members and expenses. Please be at home that day if you can, with the original papers ready.',
    approved_green:
      'Your application went through the fast track (绿色通道) and was approved first!\nAmount: {{amount}}\nHelp given: {{measures}}\nHousehold category: {{category}}\nThe remaining paperwork will be completed later; staff will contact you. We will tell you again when the money is paid.',
    resubmitted: 'We received the documents you added. Your application is back at {{step}}.',
    delayed: 'Your application is taking longer than it should at {{step}}. We have reminded the staff; it is still moving. Please wait a few more days.',
    returned_reminder: 'Your application still needs these documents:\n{{items}}\nIt can only continue once they are complete. Send the photos right here, then reply "好了" (done).',
    household_claimed: 'Your household\'s application was just looked up from another WeChat. If that was not you or your family, please contact the village committee.',
  },
  cadre: {
    title_new: '[To do] {{caseNo}}',
    title_resubmitted: '[Documents supplied] {{caseNo}}',
    title_withdrawn: '[Withdrawn] {{caseNo}}: the applicant withdrew the application; nothing more to do.',
    title_overdue: '[Overdue] {{caseNo}}: "{{status}}" is past its time limit (due {{due}}).',
    title_overdue_total: '[Overdue] {{caseNo}}: more than {{days}} days since it was filed (identification should take at most {{days}} days); now "{{status}}".',
    facts: '{{village}} | {{cause}} | household rigid expenses {{expense}}',
    identity_pending: '[IDENTITY TO VERIFY] The ID number entered is registered to a household, but the phone differs from the one on record and this WeChat is not linked to that household. Check the applicant\'s identity in person first; when it is right, say so when approving, e.g. "approve {{caseNo}} identity verified".',
    household_claimed_lookup:
      '[IDENTITY CHECK] The ID number and registered phone of {{name}} (ID ends in {{idLast4}}), a household of your village, were just typed on a WeChat not verified as theirs (to look up their application with "查询"). That WeChat can now only see the status of the household\'s cases: it cannot withdraw or add papers, and gets no login codes. Please ask the household whether it was one of them; if not, tell the town or the county office. The household was told in WeChat.',
    household_claimed_filing:
      '[IDENTITY CHECK] The ID number and registered phone of {{name}} (ID ends in {{idLast4}}), a household of your village, were just typed on a WeChat not verified as theirs, for a new application {{caseNo}} in {{village}}, {{town}}. That application is handled apart (identity to verify) and shows nothing of the household; that WeChat cannot withdraw or change the household\'s cases and gets no login codes. Please ask the household whether it was one of them; if not, tell the town or the county office.',
    identity_pending_typed: '[IDENTITY TO VERIFY] The ID number and phone entered match a registered household, but this WeChat is not verified as that household\'s (others may know an ID number and a phone). Check the applicant\'s identity in person first; when it is right, say so when approving, e.g. "approve {{caseNo}} identity verified".',
    identity_claim:
      '[IDENTITY CHECK] The ID number of {{name}} (ID ends in {{idLast4}}), a household of your village, was used on a new application {{caseNo}} in {{village}}, {{town}}: the phone given differs from the one on record and the WeChat used is not linked to the household. Please ask the household whether one of them filed it; if not, tell {{town}} or the county office. That application shows nothing of the household, and the household\'s own cases are unaffected.',
    reply: 'Reply: ',
    reply_in_room: 'Reply in the group: ',
    or: 'or: ',
    mention: '@防贫助手 ',
    cmd: {
      approve: '通过 {{caseNo}} (approve)',
      return: '退回 {{caseNo}} 缺 {{item}} (return for documents)',
      reject: '驳回 {{caseNo}} 原因 (reject, with the reason)',
      visit: '核查 {{caseNo}} 预约 {{date}} (book the home visit)',
      objection: '异议 {{caseNo}} 内容 (record an objection)',
      green: '绿色通道 {{caseNo}} 原因 (fast track, with the reason)',
      view: '查看 {{caseNo}} (view)',
    },
    example_date: '3月5日',
    example_item: {
      illness: '出院小结',
      disaster: '受灾照片',
      education: '缴费凭证',
    },
    handover: '[Please contact a villager] {{name}} ({{village}}) asks for help: {{reason}}',
    handover_reason: {
      requested: 'asked for a person.',
      misunderstood: 'the bot did not understand them several times.',
    },
    handover_phone: 'Phone: {{phone}}',
    handover_cases: 'Their applications: {{caseNos}}',
    unknown_village: 'village unknown',
  },
  // the decision's words are the workflow's (flows/workflow/words.*.ts)
  category: DECISION_WORDS.en.category,
  measure: DECISION_WORDS.en.measure,
};
