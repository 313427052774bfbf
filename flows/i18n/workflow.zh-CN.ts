/**
 * The 'workflow' namespace, zh-CN (the source): what the outbox tells villagers and cadres when a
 * case moves (flows/villager/notices.ts, server/core/notify/texts.ts) and when it is late
 * (server/core/workflow/overdue.ts). Plain words for villagers; for cadres the facts and the exact
 * command to reply with. The command words are the ones the bot understands (flows/cadre/).
 * Each status's own words (step, villager.to_<status>, villager.chat.<status>, cadre.need.<status>,
 * within.<status>) are the workflow's: flows/workflow/words.zh-CN.ts, as are the decision's
 * categories and measures (category.<id>, measure.<id>).
 */
import { DECISION_WORDS } from '../workflow/words';

export const workflowZhCN = {
  /** Every villager message ends with the case number. */
  footer: '申请编号：{{caseNo}}',
  item_line: '{{i}}. {{item}}',
  list_separator: '、',
  /** Where to ask for a re-check (复核) after a rejection at that level. */
  office: {
    town: '镇政府（乡镇帮扶工作站）',
    county: '县乡村振兴局（防返贫帮扶办）',
  },
  /** Besides each status's arrival (flows/workflow/words.zh-CN.ts): the moves and events that arrive nowhere new. */
  villager: {
    visit_scheduled: '入户核查定在{{date}}。工作人员会上门核实家里的收入、人口和支出，请那天尽量在家，把材料原件准备好。',
    approved_green:
      '您的申请走了绿色通道，先批准了！\n帮扶金额：{{amount}}\n帮扶措施：{{measures}}\n认定为：{{category}}\n还没办完的手续以后补上，工作人员会联系您。钱发下来时会再告诉您。',
    resubmitted: '您补的材料已经收到，申请回到{{step}}继续办理。',
    delayed: '您的申请在“{{step}}”这一步比规定时间慢了，我们已经提醒了经办人员，申请还在继续办理，请您再耐心等几天。',
    returned_reminder: '您的申请还缺这些材料：\n{{items}}\n补齐了才能继续办理。请直接在这里发照片，发完回复“好了”。',
    household_claimed: '您家的申请刚刚在另一个微信上被查询。如果不是您本人或家人，请联系村委会。',
  },
  cadre: {
    title_new: '【待办】{{caseNo}}',
    title_resubmitted: '【补充材料已交】{{caseNo}}',
    title_withdrawn: '【已撤回】{{caseNo}}：申请人撤回了申请，不用再办。',
    title_overdue: '【超时提醒】{{caseNo}}：“{{status}}”已超过时限（应在{{due}}前办完）。',
    title_overdue_total: '【超时提醒】{{caseNo}}：从提交到现在已超过{{days}}天（认定应在{{days}}天内办完），现在是“{{status}}”。',
    facts: '{{village}}｜{{cause}}｜家庭刚性支出{{expense}}',
    identity_pending: '【身份待核实】填的身份证号已登记在一户名下，但电话与登记的不同，这个微信也没有关联该户。请先当面核实申请人身份，核实无误后通过时注明「身份已核实」，例如「通过 {{caseNo}} 身份已核实」。',
    household_claimed_lookup:
      '【身份核实提醒】本村农户{{name}}（身份证尾号{{idLast4}}）的身份证号和登记电话刚刚在一个没有核实过的微信上输入（用“查询”找申请）。这个微信现在只能看该户案件的办理状态，不能撤回、补材料，也收不到登录验证码。请联系该户，确认是不是本户的人；如果不是，请告知镇里或县帮扶办。该户已在微信上收到提醒。',
    household_claimed_filing:
      '【身份核实提醒】本村农户{{name}}（身份证尾号{{idLast4}}）的身份证号和登记电话刚刚在一个没有核实过的微信上输入，用在{{town}}{{village}}的一件新申请 {{caseNo}} 上。这件申请单独办理（身份待核实），看不到本户的信息；这个微信不能撤回或改动本户的案件，也收不到登录验证码。请联系该户，确认是不是本户的人；如果不是，请告知镇里或县帮扶办。',
    identity_pending_typed: '【身份待核实】填的身份证号和电话与登记的一户相符，但这个微信没有核实过是该户的（身份证号和电话别人也可能知道）。请先当面核实申请人身份，核实无误后通过时注明「身份已核实」，例如「通过 {{caseNo}} 身份已核实」。',
    identity_claim:
      '【身份核实提醒】本村农户{{name}}（身份证尾号{{idLast4}}）的身份证号被用在{{town}}{{village}}的一件新申请 {{caseNo}} 上：所留电话与登记的不同，所用微信也没有关联该户。请联系该户，确认是不是本户的人办的；如果不是，请告知{{town}}或县帮扶办。那件申请看不到本户的信息，本户的案件不受影响。',
    reply: '回复：',
    reply_in_room: '在群里回复：',
    or: '或：',
    mention: '@防贫助手 ',
    cmd: {
      approve: '通过 {{caseNo}}',
      return: '退回 {{caseNo}} 缺 {{item}}',
      reject: '驳回 {{caseNo}} 原因',
      visit: '核查 {{caseNo}} 预约 {{date}}',
      objection: '异议 {{caseNo}} 内容',
      green: '绿色通道 {{caseNo}} 原因',
      view: '查看 {{caseNo}}',
    },
    /** The day in the example 核查 command. */
    example_date: '3月5日',
    /** An example missing item per cause, for the 退回 command. */
    example_item: {
      illness: '出院小结',
      disaster: '受灾照片',
      education: '缴费凭证',
    },
    handover: '【请联系村民】{{name}}（{{village}}）想找人帮忙：{{reason}}',
    handover_reason: {
      requested: '主动要求人工帮助。',
      misunderstood: '机器人几次没听懂村民的话。',
    },
    handover_phone: '电话：{{phone}}',
    handover_cases: '这户的申请：{{caseNos}}',
    unknown_village: '村未知',
  },
  // the decision's words are the workflow's (flows/workflow/words.*.ts)
  category: DECISION_WORDS['zh-CN'].category,
  measure: DECISION_WORDS['zh-CN'].measure,
};
