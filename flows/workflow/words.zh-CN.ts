/**
 * Every status's words, zh-CN (the source; see words.ts for what each field is). Plain words for
 * villagers; for cadres the facts and the command words the bot understands (flows/cadre/).
 */
import type { DecisionWords, StatusWordsTable } from './word-types';

export const statusWordsZhCN: StatusWordsTable = {
  submitted: {
    label: '已提交',
    stage: '已提交',
    arrival: '申请已提交。',
    explain: {
      meaning: '申请已经提交，正在交给村委会。',
      next: '您不用做什么，等通知就行。想看进度，回复“查询”。',
    },
  },
  village_review: {
    label: '村委会初审中',
    stage: '村初审',
    step: '村委会初审',
    arrival: '您的申请村委会已经收到，正在初审。',
    explain: {
      meaning: '村委会正在初审：看您家的情况和材料是不是齐全、属实。',
      next: '一般{{limit}}内有结果。村干部可能打电话或上门了解情况，请保持电话畅通。',
    },
    need: '需要：村委会初审，核对申请和材料。',
    within: '村委会初审一般{{limit}}内',
  },
  town_review: {
    label: '镇审核中',
    stage: '镇审核',
    step: '镇里审核',
    arrival: '村委会初审通过了，申请已经交给镇里审核。',
    explain: {
      meaning: '村里初审通过了，现在由镇里审核。',
      next: '一般{{limit}}内有结果。不用再交材料，等通知就行。',
    },
    need: '需要：镇审核。',
    within: '镇审核一般{{limit}}内',
  },
  county_review: {
    label: '县审核中',
    stage: '县审核',
    step: '县里审核',
    arrival: '镇里审核通过了，申请已经交给县里审核。',
    explain: {
      meaning: '镇里审核通过了，现在由县帮扶办审核，审核后会安排人上门核查。',
      next: '一般{{limit}}内有结果，等通知就行。',
    },
    need: '需要：县审核。回复通过后，按提示指派核查员。',
    within: '县审核一般{{limit}}内',
    cadreNext: '下一步：回复「通过 {{caseNo}}」并指派核查员；急需帮扶回复「绿色通道 {{caseNo}} 原因」；缺材料回复「退回 {{caseNo}} 缺 材料名」；不符合条件回复「驳回 {{caseNo}} 原因」。',
  },
  verification: {
    label: '入户核查中',
    stage: '入户核查',
    step: '入户核查',
    arrival: '县里审核通过了。接下来要入户核查：工作人员会联系您上门核查，请保持电话畅通。',
    explain: {
      meaning: '县里已经安排核查人员（可能是保险公司的工作人员）上门，核实您家的收入、开支和困难情况。',
      next: '核查人员会提前联系您，请在家配合，把看病、受灾或上学的票据准备好。一般{{limit}}内核查完。',
    },
    need: '需要：入户核查，核实收入、人口、支出并拍照。先约上门时间；核查完回复通过，按提示填核查结果。',
    within: '入户核查一般{{limit}}内',
    cadreNext: '下一步：回复「核查 {{caseNo}} 预约 日期」约好入户时间；核查后回复「通过 {{caseNo}}」录入核查结果。',
  },
  assessment: {
    label: '村级评议中',
    stage: '村级评议',
    step: '村级评议',
    arrival: '入户核查做完了。接下来村里开会评议您家的情况。',
    explain: {
      meaning: '上门核查做完了，现在村里开会评议，大家一起看您家的情况是否符合。',
      next: '您不用做什么。评议通过后会在村里公示。',
    },
    need: '需要：村级评议。评议完回复通过，按提示填评议结果、到会人数和公示日期。',
    within: '村级评议一般{{limit}}内',
    cadreNext: '下一步：村级评议后回复「通过 {{caseNo}}」录入评议结果和公示日期；评议不同意回复「驳回 {{caseNo}} 原因」。',
  },
  publicity: {
    label: '公示中',
    stage: '公示',
    step: '公示后的审批',
    arrival: '村里评议通过了。按规定要在村里公示，时间是{{start}}到{{end}}。公示不会公开身份证号、电话和病情。公示结束没有异议，就报县里审批。',
    explain: {
      meaning: '评议通过了，现在在村里公示（公开让大家监督），至少{{publicityDays}}。公示不会写身份证号、电话和病情。',
      next: '公示期间没人提出异议，就进入审批；有人提出异议，村里会核实。',
    },
    need: '公示：{{start}}至{{end}}。公示结束、异议处理完后回复通过，按提示填金额、户类别和帮扶措施。',
    within: '公示至少{{publicityDays}}',
    cadreNext: '下一步：公示到{{end}}。收到异议回复「异议 {{caseNo}} 内容」；公示结束后回复「通过 {{caseNo}}」录入救助金额、户类和措施。',
    cadreNextEnded: '下一步：公示已结束，回复「通过 {{caseNo}}」录入救助金额、户类和帮扶措施。',
  },
  approved: {
    label: '已批准',
    stage: '已批准待发放',
    step: '帮扶金发放',
    arrival: '您的申请批准了！\n帮扶金额：{{amount}}\n帮扶措施：{{measures}}\n认定为：{{category}}\n钱发下来时会再告诉您。',
    explain: {
      meaning: '已经批准了！您家被认定为帮扶对象，会按批准的措施和金额帮扶。',
      next: '钱会按规定发放，一般{{limit}}内，发放后会通知您。',
    },
    need: '需要：发放帮扶金{{amount}}。发放后回复通过，按提示填发放凭证号和日期。',
    cadreNext: '下一步：发放后回复「通过 {{caseNo}}」录入发放凭证号和日期。',
  },
  paid: {
    label: '已发放',
    stage: '已发放',
    arrival: '帮扶金{{amount}}已经在{{date}}发放，请留意查收。',
    chat: '有疑问请回复“人工”。',
    explain: {
      meaning: '帮扶资金已经发放了。',
      next: '请留意银行卡或社保卡（一卡通）到账。以后家里再遇到困难，还可以再申请。',
    },
  },
  returned: {
    label: '退回补充材料',
    stage: '退回补材料',
    step: '补充材料',
    arrival: '您的申请还需要补充材料（{{step}}时发现的）：\n{{items}}',
    chat: '请直接在这里发照片，发完回复“好了”。',
    explain: {
      meaning: '申请退回来了，还缺材料：{{items}}。',
      next: '请把缺的材料拍照发过来，发完回复“好了”。一般要在{{limit}}内补上；发不了的话，回复“人工”请村干部帮忙。',
    },
    cadreNext: '下一步：等申请人补材料，补齐后案件自动回到原来的审核环节，会通知您。',
  },
  rejected: {
    label: '未通过',
    stage: '已驳回',
    arrival: '很抱歉，您的申请没有通过（{{step}}）。\n原因：{{reason}}\n如果对结果有不同意见，可以在收到这条消息后{{days}}天内，向{{office}}申请复核。',
    chat: '也可以回复“人工”，请村干部帮您。',
    explain: {
      meaning: '这次审核没有通过（不予认定），原因写在通知里。',
      next: '如果觉得不对，可以申请复核：回复“人工”，或者到村委会说明情况，带上新的证明材料。家里情况有变化，也可以重新申请。',
    },
  },
  withdrawn: {
    label: '已撤回',
    stage: '已撤回',
    arrival: '您的申请已经撤回了。以后需要，随时可以重新申请。',
    explain: {
      meaning: '这个申请已经撤回了，不会再审核。',
      next: '如果还需要帮扶，回复“菜单”再回复 1 重新申请。',
    },
  },
};

/** The decision's words: what the county may name a household and the help it gives. */
export const decisionWordsZhCN: DecisionWords = {
  measure: {
    dibao: '低保',
    temporary_relief: '临时救助',
    medical_aid: '医疗救助',
    education_aid: '教育资助',
    insurance_payout: '防贫保险金',
    public_job: '公益性岗位',
    industry_subsidy: '产业奖补',
    housing_repair: '危房改造',
    employment_aid: '就业帮扶',
    other: '其他',
  },
  category: {
    unstable_lifted: '脱贫不稳定户',
    marginal: '边缘易致贫户',
    sudden_hardship: '突发严重困难户',
  },
};
