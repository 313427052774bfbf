/** The 'faq' namespace, zh-CN (the source). Kept apart so each part of the system owns its words. */
export const faqZhCN = {
  placeholder: '（待定）',
  full_hint: '想看完整说明，请回复“全文”。',
  unsure_title: '您是想问下面哪一个？',
  pick_rest: '请回复数字 1 到 {{max}}。',
  pick_flow: '请回复“问1”到“问{{max}}”看答案。',
  none: '这个问题我还答不上来。回复“人工”，村干部会联系您解答。',
  back_to_step: '我们接着刚才的问题：',
  rest_hint: '还有问题可以直接问我；回复“菜单”看能办的事。',
  not_an_answer: '这像是在问问题，还没有回答上面这一项。有疑问可以回复“人工”。',
  no_article: '这一条没有更详细的说明了。有疑问请回复“人工”。',
  article_title: '【{{title}}】',
  menu_title: '常见问题，回复数字看答案：',
  menu_footer: '也可以直接打字问，比如“标准是多少”“要什么材料”“报销了还能申请吗”。',
  list_separator: '、',
  part_separator: '；',
  documents_line: '{{cause}}：{{items}}',
  income_line: {
    village: '{{place}}{{year}}年的监测标准是：家庭人均纯收入每人每年{{amount}}。',
    county: '本地{{year}}年的监测标准是：家庭人均纯收入每人每年{{amount}}。',
    varies: '{{year}}年各村的监测标准（家庭人均纯收入每人每年）不一样：{{list}}。',
    part: '{{places}} {{amount}}',
    others: '其他村 {{amount}}',
    not_set: '还没有公布（请问村干部）',
    unknown: '本地{{year}}年的监测标准还没有公布，请问村干部。',
  },
  limit: {
    day: '{{n}}天',
    days: '{{n}}天',
    working_days: '{{n}}个工作日',
    unknown: '规定的时间',
  },
  explain: {
    header: '您的申请 {{caseNo}}（{{cause}}）现在是：{{status}}。',
    meaning: '这是什么意思：{{text}}',
    next: '接下来：{{text}}',
    which: '您有{{n}}个申请，想问哪一个？',
    case_line: '{{i}}. {{caseNo}}（{{cause}}，{{status}}）',
    no_case: '您还没有申请。想申请请回复“菜单”再回复 1；有疑问可以直接问我。',
    items_unknown: '村干部会告诉您具体缺什么',
    unknown: '这个状态我还解释不了，请回复“人工”问村干部。',
    submitted: {
      meaning: '申请已经提交，正在交给村委会。',
      next: '您不用做什么，等通知就行。想看进度，回复“查询”。',
    },
    village_review: {
      meaning: '村委会正在初审：看您家的情况和材料是不是齐全、属实。',
      next: '一般{{limit}}内有结果。村干部可能打电话或上门了解情况，请保持电话畅通。',
    },
    town_review: {
      meaning: '村里初审通过了，现在由镇里审核。',
      next: '一般{{limit}}内有结果。不用再交材料，等通知就行。',
    },
    county_review: {
      meaning: '镇里审核通过了，现在由县帮扶办审核，审核后会安排人上门核查。',
      next: '一般{{limit}}内有结果，等通知就行。',
    },
    verification: {
      meaning: '县里已经安排核查人员（可能是保险公司的工作人员）上门，核实您家的收入、开支和困难情况。',
      next: '核查人员会提前联系您，请在家配合，把看病、受灾或上学的票据准备好。一般{{limit}}内核查完。',
    },
    assessment: {
      meaning: '上门核查做完了，现在村里开会评议，大家一起看您家的情况是否符合。',
      next: '您不用做什么。评议通过后会在村里公示。',
    },
    publicity: {
      meaning: '评议通过了，现在在村里公示（公开让大家监督），至少{{publicityDays}}。公示不会写身份证号、电话和病情。',
      next: '公示期间没人提出异议，就进入审批；有人提出异议，村里会核实。',
    },
    approved: {
      meaning: '已经批准了！您家被认定为帮扶对象，会按批准的措施和金额帮扶。',
      next: '钱会按规定发放，一般{{limit}}内，发放后会通知您。',
    },
    paid: {
      meaning: '帮扶资金已经发放了。',
      next: '请留意银行卡或社保卡（一卡通）到账。以后家里再遇到困难，还可以再申请。',
    },
    returned: {
      meaning: '申请退回来了，还缺材料：{{items}}。',
      next: '请把缺的材料拍照发过来，发完回复“好了”。一般要在{{limit}}内补上；发不了的话，回复“人工”请村干部帮忙。',
    },
    rejected: {
      meaning: '这次审核没有通过（不予认定），原因写在通知里。',
      next: '如果觉得不对，可以申请复核：回复“人工”，或者到村委会说明情况，带上新的证明材料。家里情况有变化，也可以重新申请。',
    },
    withdrawn: {
      meaning: '这个申请已经撤回了，不会再审核。',
      next: '如果还需要帮扶，回复“菜单”再回复 1 重新申请。',
    },
  },
};
