/**
 * The 'heard' namespace, zh-CN (the source): what the chat says back when an answer about a
 * person, a relation, a school stage or a date was heard but cannot be filed as it stands —
 * each with an example that would be understood, in the words of the question.
 */
export const heardZhCN = {
  name: {
    nickname: '“{{said}}”像是平常的叫法。这里要填身份证上的全名。',
    surname_only: '只说了姓“{{surname}}”。请说全名，姓和名字都要。',
    relation_only: '知道了，是您的{{relation}}。请再说一下名字。',
    not_a_name: '请只回复名字就行。',
    two_names: '这里一次只填一个人的名字。',
    confirm: '名字按“{{name}}”填，对吗？\n不对的话，请直接回复身份证上的全名。',
    confirm_surname: '名字按“{{name}}”填，和身份证上一字不差，对吗？\n不对的话，请直接回复身份证上的全名。',
    write_full: '请填身份证上的全名，例如：{{name}}',
    relation_mismatch: '前面说病人是您的{{stored}}，这里说的是{{said}}。请只回复病人的名字；关系说错了，请回复“上一步”。',
  },
  relation: {
    self: '这里问的是家里其他人。如果是您自己生病，请回复“上一步”，再选 1。',
    two: '这里一次只填一个人。',
    which: '是家里的哪一位？',
  },
  patient: {
    two: '一次申请只能填一位病人。请先选一位，另一位等这次填完可以再申请。',
  },
  date: {
    confirm: '先按{{month}}记，哪天记不清，对吗？\n记得是哪天的话，直接回复日子，例如：{{example}}',
    vague_days: '是哪一天？例如：昨天、上周五、{{example}}\n记不清哪天的话，说大概几月份也行，例如：{{month}}，记不清哪天',
    vague_month: '大概是几月份？例如：{{month}}，记不清哪天\n记得哪天更好，例如：{{example}}',
    no_day: '没关系。请说大概是几月份，例如：{{month}}，记不清哪天',
    write_day: '请填到哪一天，例如：{{example}}。记不清哪天的话，请填：{{month}}，记不清哪天',
    month_only: '{{month}}（日期不详）',
  },
};
