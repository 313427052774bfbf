/**
 * The 'export' namespace, zh-CN (the source): what each field of the 台账 export's catalogue is
 * called (server/core/export/fields.ts), the column header of a layout column that names none, and
 * the words of the exported file (its name, a yes/no cell).
 */
export const exportZhCN = {
  field: {
    seq: '序号',
    caseNo: '申请编号',
    headName: '户主姓名',
    idNumber: '身份证号码',
    phone: '联系电话',
    county: '县（市、区）',
    town: '乡镇',
    village: '行政村',
    householdSize: '家庭人口',
    members: '家庭成员',
    povertyAlleviated: '是否脱贫户',
    householdCategory: '监测对象类别',
    cause: '致贫返贫风险',
    annualIncome: '家庭年纯收入（元）',
    perCapitaIncome: '家庭年人均纯收入（元）',
    rigidExpense: '刚性支出（元）',
    incomeLine: '收入标准（元）',
    incomeYear: '标准年度',
    submittedAt: '申请时间',
    identifiedAt: '识别时间',
    status: '办理状态',
    statusSince: '进入当前状态时间',
    dueAt: '本环节办理时限',
    overdue: '是否超时',
    greenChannel: '是否绿色通道',
    publicityStart: '公示开始日期',
    publicityEnd: '公示结束日期',
    measures: '帮扶措施',
    approvedAmount: '帮扶金额（元）',
    paidAt: '发放日期',
    channel: '申请渠道',
    responsible: '帮扶责任人',
    eliminatedOn: '风险消除时间',
  },
  kind: { text: '文字', int: '整数', money: '金额', date: '日期', sensitive: '敏感信息' },
  format: { yuan: '元（两位小数）', wan: '万元（四位小数）', date: '日期 YYYY-MM-DD', datetime: '日期时间 YYYY-MM-DD HH:mm' },
  mask: { full: '完整显示', masked: '部分隐藏（前6后4）', hidden: '不导出内容' },
  yes: '是',
  no: '否',
  /** The channel a case came in by (Case.channel). */
  channel: { chat: '微信聊天', miniprogram: '小程序', cadre: '干部代录', other: '其他' },
  /** The exported file: its name (without the extension) and its one sheet. */
  file: '防返贫监测台账-{{layout}}-{{date}}',
  sheet: '台账',
  layout: { national: '国家防止返贫监测信息系统', provincial: '省级监测台账', all: '全部字段' },
};
