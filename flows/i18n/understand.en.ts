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
    per_unit: '{{count}} {{unit}}, {{perUnit}} per {{unit}}: {{amount}} in all, is that right?',
    summed: 'You mentioned {{amounts}}: {{amount}} in all, right?',
    not_yet: 'Nothing received yet, so I will put {{amount}} for now; tell your village cadre when it comes. All right?',
    half: 'Half of {{whole}}: shall I count it as {{amount}}?',
    several: 'You mentioned {{amounts}}: this needs just one figure.',
    loan: 'Borrowed money (a loan) is paid back, so it does not count here. Shall we put {{amount}} for this?\nIf you also received money that need not be paid back, please say how much.',
    waived: 'You mentioned {{amounts}}, and a sum let off without its amount. What was let off counts too: please give the whole, for example: 5000',
    elsewhere: 'The {{amounts}} you mentioned seems to be another sum.',
  },
  count: {
    counted: '{{n}} people in all, is that right?',
  },
  yesno: {
    shi: 'Sorry, I did not understand. Please reply "yes" or "no".',
    dui: 'Sorry, I did not understand. Please reply "yes" if it is right, "no" if not, or just send the right figure.',
  },
  form: {
    approximate: '"{{label}}": please enter an exact figure (yours is about {{value}}), not an estimate or a range.',
  },
};
