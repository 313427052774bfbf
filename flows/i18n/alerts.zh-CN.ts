/**
 * The 'alerts' namespace, zh-CN (the source): department alerts (server/core/alerts) — the
 * departments' names, the alerts' causes and wordings (what the household will be told, gently,
 * never naming the department's figures), how an alert is closed, and the cadres' notifications.
 */
export const alertsZhCN = {
  department: {
    yibao: '医保局',
    minzheng: '民政局',
    yingji: '应急管理局',
    jiaoyu: '教育局',
    canlian: '残联',
    zhujian: '住建局',
  },
  // where a check task came from besides a department's data: a cadre's round (干部排查)
  source: {
    cadre_round: '干部排查',
  },
  cause: {
    illness: '因病',
    disaster: '因灾',
    education: '因学',
    income: '收入下降（退出低保）',
    disability: '因残',
    housing: '住房安全',
  },
  wording: {
    medical_costs: '最近家里看病花费比较大，如果生活有困难，可以申请帮扶。',
    disaster: '听说最近家里受了灾，如果生活有困难，可以申请帮扶。',
    education_aid: '家里孩子上学的资助最近有变化，如果上学有困难，可以申请帮扶。',
    dibao_left: '家里的低保最近有变化，如果生活有困难，可以申请帮扶。',
    disability: '家里有人需要照顾，如果生活有困难，可以申请帮扶。',
    housing: '家里的住房可能不太安全，如果有困难，可以申请帮扶。',
  },
  closure: {
    case: '纳入监测',
    not_needed: '不需要',
    already_helped: '已有帮扶',
  },
  offer: {
    choices: '回复 1 开始申请，回复 2 请村干部联系您，回复 3 不需要。',
    restate: '关于村里刚才发给您的消息：回复 1 开始申请，回复 2 请村干部联系您，回复 3 不需要。',
    apply_start: '好的，我们来申请帮扶。村里已经登记的信息会先念给您核对，对的话回复“对”就行。',
    call_me_done: '好的，已经请村干部联系您，请留意电话。',
    not_needed_done: '好的，知道了。以后如果有困难，随时发“申请”。',
    prefill: {
      name: '申请人是{{name}}，对吗？',
      id_number: '身份证号是 {{id}}（村里登记的），对吗？',
      phone: '联系电话是 {{phone}}（村里登记的），对吗？',
      village: '您家在{{town}}{{village}}，对吗？',
      household_size: '家里一共 {{n}} 口人，对吗？',
      self_paid: '医保记录里，今年住院报销以后您家自己付了约 {{amount}}。看病自己花的钱就按这个算，对吗？不对的话，请说一共花了多少。',
    },
  },
  figure: {
    selfPaidInpatientYtd: '住院自付累计',
    totalCostYtd: '医疗总费用',
    lossAmount: '损失金额',
    separator: '，',
  },
  chat: {
    title: '{{region}}未关闭的部门预警 {{total}} 条（最急的在前）：',
    title_more: '{{region}}未关闭的部门预警 {{total}} 条，最急的 {{shown}} 条：',
    none: '{{region}}现在没有未关闭的部门预警。',
    line: '{{n}}. {{village}}{{household}}家 · {{cause}}（{{department}}）· {{due}} · 户答复：{{answer}}',
    case: ' · 申请 {{caseNo}}（{{stage}}）',
    due: '{{date}}前核实',
    overdue: '已超期',
    how_to_close: '入户核实后关闭：回复「预警 编号 不需要 原因」或「预警 编号 已有帮扶」；申请批准后自动关闭。',
    not_yours: '您的账号看不到部门预警，预警由{{roles}}查看。',
    usage: '请写明怎么关闭：「预警 {{n}} 不需要 原因」或「预警 {{n}} 已有帮扶」。',
    no_list: '请先回复「预警」看列表，再按编号关闭。',
    no_number: '列表里没有第 {{n}} 条，请回复「预警」重新看列表。',
    closed: '第 {{n}} 条预警已关闭（{{closure}}）。',
    refused_closed: '第 {{n}} 条预警已经关闭了，回复「预警」看现在的列表。',
    refused_not_found: '第 {{n}} 条预警不在您的辖区，或已不存在。',
    refused_forbidden: '您的账号不能关闭预警，请找村、镇或县里的干部。',
    refused_invalid: '没有关闭第 {{n}} 条：{{message}}',
  },
  answer: {
    apply: '已开始申请',
    call_me: '请村干部联系',
    not_needed: '不需要',
    none: '未回复',
  },
  notify: {
    call_me: '{{village}}{{name}}家收到{{department}}预警（{{cause}}）后，回复请村干部联系，请尽快电话联系或入户。',
    call_me_figures: '部门数据：{{figures}}',
    new_tasks: '{{village}}新收到 {{count}} 条{{department}}预警，请在 {{days}} 天内入户核实，并在工作台“预警”里关闭。',
    due_soon: '{{village}}有 {{count}} 条部门预警明天前到期，请尽快入户核实。',
    overdue: '{{village}}有 {{count}} 条部门预警已超过核实期限，请尽快入户核实并关闭。',
  },
};
