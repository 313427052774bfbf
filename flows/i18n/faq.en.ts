/** The 'faq' namespace, en (complete translation of faq.zh-CN.ts). */
import type { faqZhCN } from './faq.zh-CN';

export const faqEn: typeof faqZhCN = {
  placeholder: '(to be defined)',
  full_hint: 'For the full explanation, reply "full".',
  unsure_title: 'Which of these do you mean?',
  pick_rest: 'Please reply with a number from 1 to {{max}}.',
  pick_flow: 'Reply "Q1" to "Q{{max}}" to see the answer.',
  none: 'I cannot answer that yet. Reply "human" and a village cadre will contact you.',
  back_to_step: 'Back to where we were:',
  rest_hint: 'Ask me anything else, or reply "menu" to see what you can do.',
  not_an_answer: 'That looks like a question rather than an answer to this item. Reply "human" if anything is unclear.',
  no_article: 'There is no longer explanation for this one. Reply "human" if anything is unclear.',
  article_title: '[{{title}}]',
  menu_title: 'Common questions — reply with a number to see the answer:',
  menu_footer: 'Or just type your question, e.g. "what is the income line", "what papers do I need", "can I apply after reimbursement".',
  list_separator: ', ',
  part_separator: '; ',
  documents_line: '{{cause}}: {{items}}',
  income_line: {
    village: 'The monitoring line for {{place}} in {{year}} is a net income of {{amount}} per person per year.',
    county: 'The local monitoring line for {{year}} is a net income of {{amount}} per person per year.',
    varies: 'The monitoring lines for {{year}} (net income per person per year) differ by village: {{list}}.',
    part: '{{places}} {{amount}}',
    others: 'other villages {{amount}}',
    not_set: 'not published yet (ask a village cadre)',
    unknown: 'The local monitoring line for {{year}} has not been published yet; please ask a village cadre.',
  },
  limit: {
    day: '{{n}} day',
    days: '{{n}} days',
    working_days: '{{n}} working days',
    unknown: 'the set time',
  },
  explain: {
    header: 'Your application {{caseNo}} ({{cause}}) is now: {{status}}.',
    meaning: 'What this means: {{text}}',
    next: 'What next: {{text}}',
    which: 'You have {{n}} applications. Which one do you mean?',
    case_line: '{{i}}. {{caseNo}} ({{cause}}, {{status}})',
    no_case: 'You have no application yet. To apply, reply "menu" and then 1; or just ask me a question.',
    items_unknown: 'a village cadre will tell you exactly what is missing',
    unknown: 'I cannot explain this status yet. Please reply "human" to ask a village cadre.',
    submitted: {
      meaning: 'Your application was submitted and is being passed to the village committee.',
      next: 'Nothing to do: wait for the next message. Reply "status" to see progress.',
    },
    village_review: {
      meaning: 'The village committee is doing the first review: checking your situation and whether the papers are complete and true.',
      next: 'Usually within {{limit}}. A village cadre may call or visit, so please keep your phone on.',
    },
    town_review: {
      meaning: 'The village review passed; the town is now reviewing it.',
      next: 'Usually within {{limit}}. No more papers needed — wait for the next message.',
    },
    county_review: {
      meaning: 'The town review passed; the county office is now reviewing it and will arrange a home visit.',
      next: 'Usually within {{limit}}. Wait for the next message.',
    },
    verification: {
      meaning: 'The county has sent a verifier (possibly from an insurance company) to check your household\'s income, spending and hardship at home.',
      next: 'The verifier will contact you first. Please be at home and have your medical, disaster or school receipts ready. Usually done within {{limit}}.',
    },
    assessment: {
      meaning: 'The home visit is done; the village is now meeting to assess whether your household qualifies.',
      next: 'Nothing to do. If it passes, it will be posted as a public notice in your village.',
    },
    publicity: {
      meaning: 'The assessment passed and the result is posted in your village for at least {{publicityDays}} so everyone can see it is fair. It never shows your ID number, phone or illness.',
      next: 'Without objections it goes on to approval; if someone objects, the village checks.',
    },
    approved: {
      meaning: 'Approved! Your household is identified for assistance with the measures and amount approved.',
      next: 'The money is paid as the rules say, usually within {{limit}}, and you will be told when it is paid.',
    },
    paid: {
      meaning: 'The assistance has been paid.',
      next: 'Please check your bank or social security card. If hardship comes again, you can apply again.',
    },
    returned: {
      meaning: 'Your application was returned: these papers are missing: {{items}}.',
      next: 'Send photos of them, then reply "done". Usually within {{limit}}; if you cannot, reply "human" and a village cadre will help.',
    },
    rejected: {
      meaning: 'This review did not identify your household; the reason is in the notice.',
      next: 'If you think it is wrong, ask for a re-check: reply "human", or go to the village committee with any new papers. If things change, you can apply again.',
    },
    withdrawn: {
      meaning: 'This application was withdrawn and will not be reviewed.',
      next: 'If you still need help, reply "menu" and then 1 to apply again.',
    },
  },
};
