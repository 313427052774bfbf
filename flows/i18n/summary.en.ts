/** The 'summary' namespace, en (complete translation of summary.zh-CN.ts). */
import type { summaryZhCN } from './summary.zh-CN';

export const summaryEn: typeof summaryZhCN = {
  title: 'Please check your answers:',
  heading: '[{{group}}] ',
  line: '{{label}}: {{value}}',
  separator: '; ',
  list_separator: ', ',
  group: {
    applicant: 'Applicant',
    household: 'Household',
    hardship: 'Hardship',
    papers: 'Papers',
  },
  figure: {
    per_capita: 'Per person',
    per_capita_value: 'about {{amount}} a year',
    rigid_expense: 'Borne by your family',
    other_documents: 'Other documents',
  },
  precheck: {
    line: 'For reference: {{income}}; {{expense}}. Village cadres decide after review by the town and county.',
    under: "below your area's {{year}} monitoring line ({{line}} per person per year)",
    at: "exactly at your area's {{year}} monitoring line ({{line}} per person per year)",
    over: "above your area's {{year}} monitoring line ({{line}} per person per year); high costs can still qualify",
    unknown: 'a village cadre will check the monitoring line for your area',
    exceeds: 'the expense borne is more than a year of income',
    not_exceeds: 'the expense borne is not more than a year of income',
  },
  how: 'If all is right, reply "confirm" to submit it with your commitment and consent. To change something, just say so, e.g. "phone is wrong, it\'s 13912345678".',
  which: 'All right, what needs changing? Just say it, e.g. "phone is wrong, it\'s 13912345678".',
  wait: 'No hurry. Reply "confirm" when all is right, or say what to change.',
  unknown_field: 'I could not find "{{wanted}}". You can change: {{labels}}',
  hint: 'Sorry, I did not understand. Reply "confirm" if all is right, or say what to change, e.g. "phone is wrong".',
  other_documents: 'Other documents: {{n}}',
  per_capita_label: 'Net income per person',
  rigid_expense_label: 'Expense your family bears itself',
  missing_documents_label: 'Documents not provided',
};
