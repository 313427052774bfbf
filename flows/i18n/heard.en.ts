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
    in_characters: 'Please write the name in Chinese characters, as on the ID card (not pinyin), for example: 王桂英',
    confirm: 'Shall I write the name as "{{name}}"?\nIf not, please reply with the full name as on the ID card.',
    confirm_surname: 'Shall I write the name as "{{name}}", exactly as on the ID card?\nIf not, please reply with the full name as on the ID card.',
    write_full: 'Please write the full name as on the ID card, for example: {{name}}',
    relation_mismatch: 'Earlier the patient was your {{stored}}; here you said {{said}}. Please reply with the patient\'s name only; if the relation was wrong, reply "back".',
  },
  relation: {
    self: 'This asks about another family member. If you are the one who is ill, reply "back" and choose 1.',
    two: 'Please name one person here.',
    which: 'Which family member is it?',
    son_or_daughter: 'Is it your son or your daughter? Please reply "son" or "daughter".',
    likely: 'Your {{relation}}, is that right?\nIf not, please say who, for example: daughter-in-law',
  },
  cause: {
    several: 'Your family faces more than one hardship. One application is for one of them: choose the most pressing first; you can apply for the other afterwards.',
  },
  text: {
    dont_know: 'That is all right: roughly is fine.',
    /** "yes" / "no" to a question asking a name or a description: asked again, with its example. */
    yes_no: 'Please say the name here, not "yes" or "no".',
  },
  illness: {
    no_illness: 'Please say what the illness is, for example: stroke, lung cancer. If the doctor has not named it yet, say what is wrong, for example: a broken leg',
  },
  hospital: {
    none: 'That is fine if there was no hospital stay. Where was the illness seen or the medicine prescribed? For example: the township health centre, County Hospital',
    last: 'You went to {{first}} and then to {{last}}. Shall we file {{last}}, where the patient was treated last?\nIf not, please reply with the hospital\'s name.',
    vague: 'Which hospital was it? Please say its name, for example: City People\'s Hospital',
  },
  stage: {
    which_now: 'Which stage is the child in now? Not the school finished or the one still to pass the exam for: for example, grade 12 or first year of college',
  },
  place: {
    sounds_like: 'Did you mean {{name}}?\nIf not, please reply with a number from the list.',
  },
  school: {
    name: 'Which school is it? Please say its name, for example: County No. 1 Middle School',
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
    confirm_day: 'Shall I put it down as {{date}}?',
    lunar: '{{said}} is a day of the lunar calendar. Which day was it in the ordinary (solar) calendar? Please reply with that day, for example: {{example}}',
  },
  fold: {
    household_income: 'How many people are in your household register, and about how much was the whole family\'s net income last year?\n(Net income: farming, livestock, wages and so on, minus costs.)\nFor example: 4 people, 32000. If there was no income, say "no income"',
    name_id: 'What is the applicant\'s name, and the ID number? (Usually the head of household.)\nCopy them from the ID card, for example: Zhang San 11010519491231002X',
    town_village: 'Which town is your home in? (You can also reply with the village name, for example: {{village}})',
    illness_hospital: 'What is the illness, and at which hospital was it treated?\nFor example: lung cancer, County People\'s Hospital',
    loss_compensation: 'About how much was lost (house, crops, livestock…), and how much insurance or relief has been received?\nFor example: 30000; with what was received: lost 30000, paid 5000',
    stage_school: 'Which stage is the child in, and at which school?\nFor example: grade 11, County No. 1 Middle School (the grade alone will do, or reply with a number below)',
    cost_aid: 'How much does this child\'s schooling cost a year (fees, board, living costs), and how much aid has been received?\nFor example: 12000; with aid: 12000 a year, grant 2000',
    cost_reimbursed: 'How much did the treatment cost in total, and how much has medical insurance paid back?\nFor example: 50000; with what was paid back: cost 50000, paid back 20000',
  },
  prefill: {
    patient_applicant: 'The one who is ill is the applicant, your {{relation}}, is that right?',
    patient_applicant_plain: 'The one who is ill is the applicant, is that right?',
    patient_self: 'You are the one who is ill, right?',
    patient_family: 'The one who is ill is your {{relation}}, right?',
    patient_family_name: 'The one who is ill is your {{relation}} {{name}}, right?',
    relation: 'The patient is your {{relation}}, right?',
    relation_name: 'The patient is your {{relation}} {{name}}, right?',
    patient_name: 'The patient\'s name is {{name}}, right?',
    illness: 'The illness is {{illness}}, right?',
    hospital: 'It was treated at {{hospital}}, right?',
    level: '{{hospital}} is a {{level}}, right?',
    amount: '{{what}} {{amount}}, right?',
    amount_rough: '{{what}} about {{amount}}; shall I count it as {{amount}}?',
    disaster_kind: 'The disaster was: {{kind}}, right?',
    student_name: 'The student\'s name is {{name}}, right?',
    stage: 'The child is in {{stage}}, right?',
    what: {
      totalCostFen: 'The treatment cost in total',
      reimbursedFen: 'Insurance has paid back',
      lossFen: 'The loss is estimated at',
      compensationFen: 'Compensation and relief received so far:',
      educationCostFen: 'School costs a year',
      aidFen: 'Aid received so far:',
    },
  },
  opening: {
    cause: 'From what you said, we will apply for "{{cause}}". If that is wrong, reply "back" to choose again.',
  },
};
