/**
 * zh-CN — the source language. Written for elderly villagers: short sentences, one question at
 * a time, and every question says how to answer (a number range or an example).
 * Placeholders: {{name}}. Money arrives already formatted ("32,000元").
 */
import { cadreZhCN } from './cadre.zh-CN';
import { caseworkZhCN } from './casework.zh-CN';
import { workflowZhCN } from './workflow.zh-CN';
import { faqZhCN } from './faq.zh-CN';
import { appZhCN } from './app.zh-CN';
import { miniprogramZhCN } from './miniprogram.zh-CN';
import { broadcastZhCN } from './broadcast.zh-CN';
import { noticeZhCN } from './notice.zh-CN';
import { authZhCN } from './auth.zh-CN';
import { heardZhCN } from './heard.zh-CN';
import { understandZhCN } from './understand.zh-CN';
import { summaryZhCN } from './summary.zh-CN';
import { exportZhCN } from './export.zh-CN';
import { statsZhCN } from './stats.zh-CN';
import { registerZhCN } from './register.zh-CN';
import { alertsZhCN } from './alerts.zh-CN';
import { entryZhCN } from './entry.zh-CN';
import { withStatusWords } from './status-words';
import { STATUS_WORDS } from '../workflow/words';

/** Everything but the statuses' words, which are the workflow's (added below). */
const zhCNBase = {
  common: {
    yes: '是',
    no: '不是',
    not_answered: '未填写',
  },
  engine: {
    choose_number: '请回复数字 1 到 {{max}}。',
    choose_one: '只有一项，请回复 1。',
    /** What a message said beyond the item it changed, when it could not be read yet: said again later. */
    carry_left: '您还说了“{{said}}”，这一项好了以后请再说一遍。',
    previous_answer: '（您之前填的是：{{value}}。请重新回答。）',
    offer_handover: '如果打字不方便，请回复“人工”，村干部会联系您。',
    reset: '系统更新了，请重新开始。您之前填的内容没有提交。',
    no_back: '这已经是第一个问题了。',
    language_set: '好的，以后用中文和您说。',
    resume: '欢迎回来！您上次填到“{{label}}”，我们接着填。（不想填了请回复“取消”）',
    resume_generic: '欢迎回来！我们接着上次的地方填。（不想填了请回复“取消”）',
  },
  help: {
    question: '这一步请打字回答下面的问题。',
    choice: '这一步请回复列表前面的数字，例如回复 1。',
    yesno: '这一步请回复“是”或“不是”。',
    documents: '这一步请拍照发送材料，可以发多张。发完回复“好了”；没有这份材料回复“跳过”。',
    summary: '这一步请核对您填的内容。没问题回复“确认”；要改哪一项，回复“修改”加项目名字，例如“修改 电话”。',
    general: '请按下面的提示回答。',
    menu: '请回复数字选择要办的事。例如回复 1 申请帮扶，回复 2 查询进度。',
    commands:
      '任何时候都可以回复：\n上一步 — 回到上一个问题\n取消 — 不填了，放弃这次申请\n人工 — 请村干部联系您\n帮助 — 看这个说明\nEnglish — 换成英文',
    commands_menu:
      '任何时候都可以回复：\n菜单 — 看能办的事\n查询 — 查申请进度\n人工 — 请村干部联系您\n帮助 — 看这个说明\nEnglish — 换成英文',
  },
  handover: {
    done: '好的，已经通知村干部，他们会尽快联系您。',
    continue: '您也可以继续在这里填写：',
  },
  menu: {
    welcome:
      '您好！这里是防贫助手。\n家里因为生病、受灾、孩子上学，花钱多、日子难，可以在这里申请防止返贫帮扶。',
    welcome_back: '您好！欢迎回来。',
    prompt: '请问您要办什么？',
    apply: '申请帮扶',
    status: '查询进度',
    policy: '政策咨询',
    cadre: '联系村干部',
    hint: '没看懂您要办哪一项。',
    nothing_to_cancel: '现在没有正在办的事。',
  },
  media: {
    kind_image: '图片',
    kind_file: '文件',
    kind_video: '视频',
    kind_audio: '语音',
    voice: '暂时听不懂语音，请打字回复。',
    received_outside: '收到您发的{{what}}。如果是申请材料，请先开始申请（回复 1），到发材料那一步再发。',
    please_type: '收到您发的{{what}}，但这一步需要打字回答。',
    too_large: '文件太大了，发不过来。请直接拍照发送，或者发小一点的文件。',
    unsupported_type: '这种文件暂时收不了。请拍照发送，或者发 PDF 文件。',
    photo_format: '这种照片格式（HEIC、TIFF）收不了，它会带上拍摄地点等信息。请直接用微信发照片（JPEG 或 PNG 格式）。',
    too_many_pixels: '这张图片太大了，打不开。请直接用手机拍一张普通照片发过来。',
    unreadable_image: '这张图片打不开，可能已经损坏。请直接用手机拍一张普通照片发过来。',
    uploads_busy: '现在传材料的人多，请过一会儿再传这张。',
    upload_rate: '您传得太快了，请过一会儿再传。',
    too_many_uploads: '还没提交的材料已经有 {{n}} 份了。请先提交申请，或者删掉不要的再传。',
    uploads_too_large: '还没提交的材料加起来超过 {{mb}} MB 了。请先提交申请，或者删掉不要的再传。',
  },
  docs: {
    ask: '请拍照发送：{{item}}（第{{index}}项，共{{total}}项）',
    ask_one: '请拍照发送：{{item}}',
    so_far: '{{item}}已经收到{{n}}张。',
    how: '可以发多张。发完请回复“好了”；没有这份材料请回复“跳过”。',
    none_yet: '还没有收到{{item}}。请拍照发送；没有这份材料请回复“跳过”。',
    item_done: '好的，{{item}}收到了，共{{n}}张。',
    skipped: '好的，{{item}}先跳过。村干部以后可能会向您要这份材料。',
    hint: '请发照片，或者回复“好了”“跳过”。',
    received: '已收到{{item}}第{{n}}张（共收到{{total}}张）。',
    received_video: '已收到{{item}}的视频。',
    more_or_done: '还有请继续发；发完请回复“好了”。',
    received_other: '收到您发的{{what}}，已经放进申请材料里（共收到{{total}}张）。',
    received_other_video: '收到您发的视频，已经放进申请材料里。',
    display_skipped: '没有提供（村干部以后可能会要）',
    display_count: '{{n}}张',
    item: {
      hospital_bill: '住院结算单或发票',
      discharge_summary: '出院小结',
      damage_photos: '受灾照片',
      enrollment_proof: '录取通知书或学籍证明',
      fee_receipt: '缴费凭证或收据',
    },
  },
  summary: summaryZhCN,
  export: exportZhCN,
  stats: statsZhCN,
  register: registerZhCN,
  alerts: alertsZhCN,
  entry: entryZhCN,
  parse: {
    empty: '您好像没有输入内容。',
    not_a_number: '没看懂这个数字。',
    negative: '不能是负数。',
    too_large: '这个数太大了，请再核对一下。',
    zero: '这里要填大于 0 的金额。',
    id_length_15: '您输入的是15位老身份证号，请输入18位新身份证号，例如 11010519491231002X',
    id_length: '身份证号应该是18位，您输入的位数不对，请核对一下。',
    id_format: '身份证号格式不对：前17位是数字，最后一位是数字或字母X。',
    id_checksum: '身份证号好像有一位输错了，请对着身份证再核对一遍。',
    phone_format: '手机号应该是1开头的11位数字，请核对一下。',
    phone_landline: '这个像是座机号。请留一个手机号（1开头的11位数字）。',
    choice_unknown: '没看懂您选的是哪一个。',
    choice_out_of_range: '没有这个选项，请回复 1 到 {{max}} 之间的数字。',
    yes_no_unknown: '没看懂，请回复“是”或“不是”。',
    date_format: '没看懂这个日期。',
    date_future: '这个日期还没到，请填已经发生的日期。',
    date_invalid: '没有这一天，请核对一下。',
  },
  apply: {
    intro: '好的，我们开始申请帮扶。\n一次问一个问题，照着提示回答就行。\n随时可以回复：上一步、帮助、人工、取消。',
    busy: '您正在填写申请。要查询进度，请先填完，或者回复“取消”。',
    cancelled: '好的，这次申请已取消，没有提交。\n您发的材料不会再用，会被删除。\n想重新申请，请回复 1。',
    invalid: '抱歉，申请内容有问题，暂时提交不了。请回复“人工”，村干部会帮您。',
    cause: {
      label: '困难类型',
      ask: '请问是什么原因让家里花钱多、生活困难？',
      option_illness: '因病：家里有人生病，看病花钱多',
      option_disaster: '因灾：受了灾，家里有损失',
      option_education: '因学：孩子上学，花钱多',
    },
    name: {
      ask: '请问申请人叫什么名字？（一般填户主）\n例如：张三',
      label: '姓名',
      no_digits: '名字里不能有数字。',
      too_short: '名字至少要2个字。',
      too_long: '名字太长了，最多20个字。',
      invalid: '名字只能是汉字或英文字母。',
    },
    text: {
      no_words: '请用文字回答。',
      too_short: '请多写几个字。',
      too_long: '写得太长了，请简短一点（{{max}}个字以内）。',
    },
    idNumber: {
      ask: '请输入申请人的身份证号（18位）。\n例如：11010519491231002X',
      label: '身份证号',
    },
    phone: {
      ask: '请输入能联系到您的手机号（11位）。\n例如：13812345678',
      label: '手机号',
    },
    townCode: {
      ask: '您家在哪个乡镇？',
      label: '乡镇',
    },
    villageCode: {
      ask: '您家在哪个村？',
      label: '村',
    },
    householdSize: {
      ask: '您家户口本上一共几口人？\n请回复数字，例如：4',
      label: '家庭人口',
      invalid: '请回复 1 到 20 之间的数字，例如：4',
      display: '{{n}}人',
    },
    annualIncomeFen: {
      ask: '您家去年全家的纯收入大约是多少钱？\n（种地、养殖、打工等收入，减去花掉的成本）\n例如：3万2 或 32000。没有收入请回复 0',
      label: '去年家庭纯收入',
      per_capita: '算下来，您家去年人均纯收入约{{perCapita}}（{{income}} ÷ {{size}}人）。',
    },
    povertyAlleviated: {
      ask: '您家是脱贫户吗？（以前建档立卡的贫困户）\n请回复“是”或“不是”',
      label: '脱贫户',
    },
    patient: {
      ask: '生病的是谁？',
      label: '病人',
      self: '申请人本人',
      family: '家里其他人',
    },
    patientRelation: {
      ask: '生病的人是申请人的什么人？\n例如：母亲、儿子、妻子',
      label: '与申请人关系',
    },
    patientName: {
      ask: '病人叫什么名字？\n例如：李秀英',
      label: '病人姓名',
    },
    illness: {
      ask: '得的是什么病？\n例如：脑梗、肺癌、骨折',
      label: '疾病',
    },
    hospital: {
      ask: '在哪个医院看的病？\n例如：县人民医院',
      label: '医院',
    },
    hospitalLevel: {
      ask: '这家医院是哪一级的？',
      label: '医院级别',
      township: '乡镇卫生院',
      county: '县级医院',
      city: '市级医院',
      province: '省级及以上医院',
    },
    totalCostFen: {
      ask: '这次看病一共花了多少钱（总费用）？\n例如：5万 或 50000',
      label: '医疗总费用',
    },
    reimbursedFen: {
      ask: '医保、大病保险等已经报销了多少钱？\n例如：2万。没有报销请回复 0',
      label: '已报销',
      too_much: '报销的钱不能比总费用（{{limit}}）多，请再核对一下。',
    },
    selfPaidConfirmed: {
      ask: '算下来，自己付了约{{selfPaid}}（总费用{{total}}，减去报销{{reimbursed}}）。\n对吗？请回复“对”或“不对”',
    },
    selfPaidFen: {
      ask: '那自己实际付了多少钱？\n例如：28000',
      label: '自付金额',
      too_much: '自付的钱不能比总费用（{{limit}}）多，请再核对一下。',
    },
    disasterKind: {
      ask: '遭受的是什么灾？',
      label: '灾害类型',
      flood: '洪涝',
      drought: '干旱',
      fire: '火灾',
      geological: '地质灾害（滑坡、泥石流等）',
      wind_hail: '风雹',
      other: '其他',
    },
    disasterDate: {
      ask: '是哪一天受的灾？\n例如：7月15日 或 2024-07-15',
      label: '受灾日期',
    },
    lossFen: {
      ask: '估计损失了多少钱？（房子、庄稼、牲畜等）\n例如：3万',
      label: '估计损失',
    },
    compensationFen: {
      ask: '已经拿到的保险赔款、救灾款等有多少钱？\n例如：5000。没有请回复 0',
      label: '已得赔偿和救助',
      too_much: '拿到的赔偿不能比损失（{{limit}}）多，请再核对一下。',
    },
    studentName: {
      ask: '上学的孩子叫什么名字？\n例如：王小明',
      label: '学生姓名',
    },
    stage: {
      ask: '孩子在读什么学段？（说年级也行，例如：初二、高一）',
      label: '学段',
      preschool: '学前（幼儿园）',
      primary: '小学',
      junior: '初中',
      senior: '高中或中职',
      college: '大专或本科',
      graduate: '研究生',
    },
    school: {
      ask: '在哪个学校读书？\n例如：县第一中学',
      label: '学校',
    },
    educationCostFen: {
      ask: '这个孩子上学一年要花多少钱？\n（学费、住宿费、生活费等）\n例如：1万2',
      label: '一年上学费用',
    },
    aidFen: {
      ask: '已经拿到的助学金、学费减免等资助有多少钱？\n例如：3000。没有请回复 0',
      label: '已得资助',
      too_much: '资助不能比上学费用（{{limit}}）多，请再核对一下。',
    },
  },
  precheck: {
    title: '先帮您初步算一下（只是参考）：',
    line_unknown: '您家去年人均纯收入约{{perCapita}}。本地的监测标准，由村干部帮您核对。',
    under_line: '您家去年人均纯收入约{{perCapita}}，低于本地{{year}}年的监测标准（每人每年{{line}}）。',
    at_line: '您家去年人均纯收入约{{perCapita}}，正好等于本地{{year}}年的监测标准（每人每年{{line}}）。',
    over_line: '您家去年人均纯收入约{{perCapita}}，高于本地{{year}}年的监测标准（每人每年{{line}}）。',
    expense_exceeds: '这次自己承担的支出{{expense}}，超过了家里一年的收入{{income}}。',
    expense_not_exceeds: '这次自己承担的支出{{expense}}，没有超过家里一年的收入{{income}}。',
    still_apply: '收入高于标准的家庭，如果收入不稳定，或者看病、受灾、上学花钱多，也可以申请。',
    cadre_decides: '能不能帮扶，由村干部和镇、县审核后决定。您可以接着申请。',
  },
  consent: {
    agreed: '同意',
    hint: '请回复“同意”或“不同意”。',
    refused: '好的，这次申请没有提交。\n您发的材料不会再用，会被删除。\n如果改变主意，回复 1 重新申请；有疑问请回复“人工”。',
    income: {
      label: '承诺授权',
      ask: '快填完了，请确认两件事。\n第一件：承诺和授权。\n您承诺填的都是真实情况，并同意政府部门和受委托的保险公司查询、核实您家的收入和财产（比如存款、车辆、房产、社保）。\n同意请回复“同意”，不同意请回复“不同意”。',
      help: '这是“承诺授权”：审核时要核实家里的收入和财产，需要您同意才能查。不同意就不能提交申请。',
    },
    personal: {
      label: '个人信息使用',
      ask: '第二件：个人信息。\n办这次申请，要用到您家的身份证号、手机号、{{details}}，还有您发的照片。\n这些只用于这次帮扶申请，只给审核的干部看。公示时不会公开{{hidden}}。\n同意请回复“同意”，不同意请回复“不同意”。',
      // what this application's cause brings in, and what a public notice keeps back (flows/application/consent.ts)
      details: {
        illness: '看病的情况',
        disaster: '受灾的情况',
        education: '孩子上学的情况',
        any: '家里遇到的困难',
      },
      hidden: {
        illness: '身份证号、电话和病情',
        disaster: '身份证号和电话',
        education: '身份证号和电话',
        any: '身份证号、电话和病情',
      },
      help: '这是问您同不同意我们使用您家的个人信息来办这次申请：身份证号和手机号用来核对是您家、联系您，照片和情况给审核的干部看。不同意就不能提交申请。',
    },
  },
  lookup: {
    intro: '没有查到这个微信的申请记录。\n如果以前申请过（换了微信号也没关系），请输入申请时填的身份证号和手机号，我们帮您找回来。\n不想查了请回复“取消”。',
    cancelled: '好的，不查了。',
    idNumber: {
      ask: '请输入申请时填的身份证号（18位）。\n例如：11010519491231002X',
      label: '身份证号',
    },
    phone: {
      ask: '请输入申请时填的手机号（11位）。\n例如：13812345678',
      label: '手机号',
    },
  },
  cases: {
    title: '您有{{n}}个申请：',
    line: '{{i}}. 编号 {{caseNo}}｜{{cause}}｜{{status}}｜{{date}}提交',
    footer: '每到一步都会发消息告诉您。有疑问请回复“人工”。',
  },
  policy: {
    body: '【防止返贫帮扶】\n谁可以申请：家里因为生病、受灾、孩子上学，花钱多、日子难，有返贫或致贫风险的农户，都可以申请。脱贫户和一般农户都可以。\n\n三种情况和要准备的材料：\n1. 因病：住院结算单或发票、出院小结\n2. 因灾：受灾照片\n3. 因学：录取通知书或学籍证明、缴费凭证\n\n办理流程：{{path}} → 审批，一般{{total}}左右办完。\n能不能帮扶，由村干部和镇、县审核后决定。',
    income_line: '本地{{year}}年的监测标准是：家庭人均纯收入每人每年{{amount}}。收入不高于这个标准的家庭可以申请；收入高于标准，但收入不稳定，或者看病、受灾、上学花钱多的家庭，也可以申请。',
    income_line_unknown: '监测标准各地不一样，每年也会调整，具体请问村干部。',
    footer: '想申请请回复 1；查进度请回复 2；有疑问请回复“人工”。',
  },
  outcome: {
    case_filed: '申请已经提交了！\n您的申请编号是：{{caseNo}}\n请记好这个编号。',
    next_steps:
      '接下来：{{path}} → 审批。\n一般{{total}}左右办完。每到一步，都会发消息告诉您。\n想看进度，随时回复“查询”。',
    case_duplicate: '您已经有一个同样的申请在办理中，编号是：{{caseNo}}。不用重复申请。\n想看进度请回复“查询”。',
    identity_linked: '找到了！您的申请已经和这个微信连上了。',
    identity_linked_no_cases: '核对成功，但是还没有您的申请。想申请请回复 1。',
    identity_not_found:
      '没有找到对应的申请。请核对身份证号和手机号，回复“查询”再试一次；也可以回复“人工”，请村干部帮您查。',
    identity_check_limited: '这个查询最近试得太多了，为了保护大家的信息，现在先不核对。请过一段时间（最长一天）再试；着急的话，回复“人工”请村干部帮您查。',
  },
  cause: {
    illness: '因病',
    disaster: '因灾',
    education: '因学',
  },
  server: {
    too_long: '您发的文字太长了，请分几次发，每次说一件事。',
    busy: '收到，系统正忙，稍后会回复您，不用重复发送。',
    unsupported: '暂时只能看懂文字和图片，请打字或拍照发送。',
    error: '抱歉，系统出了点问题，请稍后再发一次。急事请直接联系村干部。',
    control_chars_field: '{{field}}：含有看不见的控制字符（例如 NUL 或文字方向符），请删除后再提交',
    json_too_deep: '{{field}}：嵌套超过 {{max}} 层，请改用层次更少的内容提交',
    body_unreadable: 'body：无法读取请求内容（请检查内容是否确实按 Content-Encoding 所述压缩）',
    /** The page a front end's address shows before it is built (server/http/not-built.ts). */
    not_built: {
      app: { title: '防贫助手', heading: '防贫助手 · 小程序网页版还没有构建', body: '小程序的网页版还没有构建。构建一次，然后刷新这个页面：', meanwhile: '在此之前，聊天可以先用：' },
      console: { title: '防贫助手 · 干部工作台', heading: '防贫助手 · 干部工作台还没有构建', body: '干部工作台还没有构建。npm start 会构建它；也可以构建一次，然后刷新这个页面：', meanwhile: '在此之前，接口可以先用：' },
    },
  },
  workflow: workflowZhCN,
  cadre: cadreZhCN,
  casework: caseworkZhCN,
  faq: faqZhCN,
  app: appZhCN,
  miniprogram: miniprogramZhCN,
  broadcast: broadcastZhCN,
  notice: noticeZhCN,
  auth: authZhCN,
  heard: heardZhCN,
  understand: understandZhCN,
};
export type BaseMessages = typeof zhCNBase;

export const zhCN = withStatusWords(zhCNBase, STATUS_WORDS['zh-CN']);

/** The shape every language must have (same keys, string values). */
export type Messages = typeof zhCN;
