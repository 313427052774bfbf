/**
 * The 'summary' namespace, zh-CN (the source): the application read back before it is filed,
 * grouped and short (flows/engine/steps/summary.ts, flows/application/summary.ts), and the one-line
 * answers to what the villager says there. The *_label keys name filed figures for the form and
 * the console (flows/application/schema.ts); other_documents is the mini-program's.
 */
export const summaryZhCN = {
  title: '请核对您填的内容：',
  /** Before a group's first item: "【申请人】姓名：张三；…". */
  heading: '【{{group}}】',
  line: '{{label}}：{{value}}',
  separator: '；',
  list_separator: '、',
  group: {
    applicant: '申请人',
    household: '家庭',
    hardship: '困难',
    papers: '材料',
  },
  figure: {
    per_capita: '人均纯收入',
    per_capita_value: '每年约{{amount}}',
    rigid_expense: '自己承担',
    other_documents: '其他材料',
  },
  precheck: {
    line: '参考：{{income}}，{{expense}}。能不能帮扶，由村干部和镇、县审核后决定。',
    under: '人均低于本地{{year}}年的监测标准（每人每年{{line}}）',
    at: '人均正好等于本地{{year}}年的监测标准（每人每年{{line}}）',
    over: '人均高于本地{{year}}年的监测标准（每人每年{{line}}），花钱多的也可以申请',
    unknown: '本地的监测标准由村干部帮您核对',
    exceeds: '自己承担的支出超过了家里一年的收入',
    not_exceeds: '自己承担的支出没有超过家里一年的收入',
  },
  how: '没问题请回复“确认”，就连同您的承诺和授权提交申请；要改哪项就直接说，例如“电话错了，改成13912345678”。',
  /** "不对", "有错", "修改": one line. */
  which: '好的，哪一项要改？直接说就行，例如“电话错了，改成13912345678”。',
  /** "等一下", "先不提交". */
  wait: '好的，不着急。核对好了回复“确认”；要改哪项就直接说。',
  unknown_field: '没找到“{{wanted}}”这一项。可以改的有：{{labels}}',
  /** A reply not understood: one line, not the summary again. */
  hint: '没看懂。没问题请回复“确认”；要改请说改哪项，例如“电话错了”。',
  other_documents: '其他材料：{{n}}张',
  per_capita_label: '家庭人均纯收入',
  rigid_expense_label: '自己承担的支出',
  missing_documents_label: '没有提供的材料',
};
