/** The 'heard' namespace, en: the same keys as heard.zh-CN.ts. */
import type { heardZhCN } from './heard.zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const heardEn: Shape<typeof heardZhCN> = {
  name: {
    nickname: '"{{said}}" sounds like what people call them. Please give the full name as on the ID card.',
    surname_only: 'That is only the family name "{{surname}}". Please give the full name.',
    relation_only: 'Got it: your {{relation}}. Now please give the name.',
    not_a_name: 'Please reply with the name only.',
    two_names: 'Please give one person\'s name here.',
    confirm: 'Shall I write the name as "{{name}}"?\nIf not, please reply with the full name as on the ID card.',
    confirm_surname: 'Shall I write the name as "{{name}}", exactly as on the ID card?\nIf not, please reply with the full name as on the ID card.',
    write_full: 'Please write the full name as on the ID card, for example: {{name}}',
    relation_mismatch: 'Earlier the patient was your {{stored}}; here you said {{said}}. Please reply with the patient\'s name only; if the relation was wrong, reply "back".',
  },
  relation: {
    self: 'This asks about another family member. If you are the one who is ill, reply "back" and choose 1.',
    two: 'Please name one person here.',
    which: 'Which family member is it?',
  },
  patient: {
    two: 'One application is for one patient. Please choose one first; the other can apply once this one is done.',
  },
  date: {
    confirm: 'Shall I put it down as {{month}}, day not known?\nIf you remember the day, reply with it, for example: {{example}}',
    vague_days: 'Which day was it? For example: yesterday, last Friday, {{example}}\nIf you cannot remember the day, the month will do, for example: {{month}}, day not known',
    vague_month: 'About which month was it? For example: {{month}}, day not known\nThe day is better if you remember it, for example: {{example}}',
    no_day: 'That is all right. About which month was it? For example: {{month}}, day not known',
    write_day: 'Please give the day, for example: {{example}}. If the day is not known, write: {{month}}, day not known',
    month_only: '{{month}} (day not known)',
  },
};
