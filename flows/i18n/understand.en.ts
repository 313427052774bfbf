/** The 'understand' namespace, en (complete translation of understand.zh-CN.ts). */
import type { understandZhCN } from './understand.zh-CN';

export const understandEn: typeof understandZhCN = {
  and: ' and ',
  confirm: {
    unclear: '{{question}} Reply "yes" if so, or just tell me the right one.',
    again: 'All right, please tell me again.',
  },
  amount: {
    figure: '{{amount}}, is that right?',
    tiny: 'Only {{amount}}, is that right?',
    whole: 'The same as the whole sum, {{amount}}, is that right?',
    estimate: 'Shall I count it as {{amount}}?',
    range: 'Between {{low}} and {{high}}: shall I count the middle, {{amount}}?',
    monthly: '{{perMonth}} a month: shall I count {{amount}} for the year?',
    monthly_rough: 'About {{perMonth}} a month: shall I count {{amount}} for the year?',
    picked: 'You mentioned {{amounts}}: shall I count {{amount}} here?',
    per_term: '{{each}} a term, two terms a year: {{amount}} a year, right?',
    per_term_rough: 'About {{each}} a term, two terms a year: {{amount}} a year, right?',
    per_half: '{{each}} for half a year: {{amount}} a year, right?',
    per_half_rough: 'About {{each}} for half a year: {{amount}} a year, right?',
    per_day: '{{each}} a day, {{times}} days a year: {{amount}} in all, right?',
    per_day_rough: 'About {{each}} a day, about {{times}} days a year: {{amount}} in all, right?',
    per_month: '{{each}} a month for {{times}} months: {{amount}} in all, right?',
    per_month_rough: 'About {{each}} a month for about {{times}} months: shall I count {{amount}}?',
    daily: '{{amounts}} a day: about how many days a year? Please say both, for example: 100 a day, 200 days a year',
    lived_on: '{{source}} counts as household income too. How much does it come to in a year? For example, if it is 4800 a year, reply 4800',
    lived_on_figure: '{{source}} counts as income. Shall I note {{amount}} as the household income for the year?',
    source: {
      dibao: 'The minimum living allowance (dibao)',
      pension: 'A pension',
      children: 'Money from your children',
      relatives: 'Help from relatives',
      government: 'A government allowance',
    },
    per_unit: '{{count}} {{unit}}, {{perUnit}} per {{unit}}: {{amount}} in all, is that right?',
    summed: 'You mentioned {{amounts}}: {{amount}} in all, right?',
    summed_rough: 'You mentioned about {{amounts}}: shall I count {{amount}} in all?',
    not_yet: 'Nothing received yet, so I will put {{amount}} for now; tell your village cadre when it comes. All right?',
    half: 'Half of {{whole}}: shall I count it as {{amount}}?',
    several: 'You mentioned {{amounts}}: this needs just one figure.',
    bound: 'Less than {{amounts}}: about how much, then? A rough figure will do, for example: 8000',
    loan: 'Borrowed money (a loan) is paid back, so it does not count here. Shall we put {{amount}} for this?\nIf you also received money that need not be paid back, please say how much.',
    waived: 'You mentioned {{amounts}}, and a sum let off without its amount. What was let off counts too: please give the whole, for example: 5000',
    elsewhere: 'The {{amounts}} you mentioned seems to be another sum.',
  },
  count: {
    counted: '{{n}} people in all, is that right?',
  },
  yesno: {
    hedged: '"{{label}}": I will put "{{answer}}". Is that right?',
    shi: 'Sorry, I did not understand. Please reply "yes" or "no".',
    dui: 'Sorry, I did not understand. Please reply "yes" if it is right, "no" if not, or just send the right figure.',
  },
  form: {
    approximate: '"{{label}}": please enter an exact figure (yours is about {{value}}), not an estimate or a range.',
  },
};
