/** The 'casework' namespace, en (complete translation of casework.zh-CN.ts). */
import type { caseworkZhCN } from './casework.zh-CN';

export const caseworkEn: typeof caseworkZhCN = {
  list_separator: ', ',
  resume_application: 'Your application is not finished yet: reply "hello" to carry on with it.',
  supplement: {
    ask: 'Your application {{caseNo}} needs more documents: {{items}}.',
    items_unknown: 'ask the village cadre what is needed',
    so_far: '{{n}} received so far.',
    how: 'Take photos of them and send them here, as many as needed, then reply "done".\nIf you handed them in at the village office, reply "handed in". For anything else reply "menu".',
    received: 'Got photo {{n}}, added to application {{caseNo}}.',
    received_video: 'Got the video, added to application {{caseNo}}.',
    more_or_done: 'Send more if there are any, then reply "done".',
    none_yet: 'No photo for application {{caseNo}} has arrived yet. Please send photos of {{items}}, then reply "done"; if you handed them in at the village office, reply "handed in".',
    hint: 'Please send photos of the documents asked for, then reply "done".',
    help: 'Send photos of the documents the village cadre asked for, as many as needed. Reply "done" and the application is submitted again.',
    later: 'OK. When the documents are ready, send me the photos and reply "done".',
    resubmitted: 'Submitted again! Application {{caseNo}} is now "{{status}}"; the cadres will review it and you will be told the result.',
    refused: 'Application {{caseNo}} is now "{{status}}": there is nothing to resubmit. Questions? Reply "human".',
  },
  withdraw: {
    pick: 'Which application do you want to withdraw?',
    option: '{{caseNo}} ({{cause}}, {{status}})',
    confirm: 'Withdraw application {{caseNo}}? It will no longer be reviewed; you can apply again later.\nReply "yes" to withdraw it, "no" to keep it.',
    kept: 'OK, application {{caseNo}} is kept and its review goes on.',
    kept_any: 'OK, nothing withdrawn.',
    none: 'You have no application that can be withdrawn. Reply "status" to see your applications.',
    not_yours: 'No application {{caseNo}} of yours was found.',
    done: 'Application {{caseNo}} is withdrawn. Whenever you need help, you can apply again.',
    refused: 'Application {{caseNo}} is now "{{status}}" and can no longer be withdrawn. Questions? Reply "human".',
  },
};
