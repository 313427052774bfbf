/**
 * The 'notice' namespace, zh-CN (the source): the 公示 list a village posts (server/core/notices),
 * its public web page and print view, and the message that takes it to the village work group.
 * Never a word of a household's ID number, phone, bank account or illness: only the cause's word.
 */
export const noticeZhCN = {
  title: '{{village}}防止返贫监测帮扶对象公示',
  intro:
    '根据防止返贫动态监测和帮扶工作的有关要求，以下农户经本人申请、村委会初审、乡镇审核、县级审核、入户核查和村级民主评议，拟纳入防止返贫监测帮扶对象，现予以公示，接受群众监督。',
  period: '公示时间：{{start}}至{{end}}（不少于{{days}}天）',
  columns: {
    no: '序号',
    name: '户主姓名',
    place: '村组',
    size: '家庭人口',
    cause: '困难类型',
    measures: '拟帮扶措施',
    dates: '公示期',
    ref: '编号',
  },
  persons: '{{n}}人',
  /** 拟帮扶措施 of a case still in 公示: the county decides the measures after the notice. */
  measures_pending: '公示结束后由县里审批确定',
  amount: '帮扶金额{{amount}}',
  dates: '{{start}}—{{end}}',
  objection: '公示期间，对以上农户有异议的，可以实名或匿名向村委会或乡镇反映，反映时请说明编号。',
  phone_village: '村委会电话：{{phone}}',
  phone_town: '{{town}}电话：{{phone}}',
  phone_unknown: '电话未登记，请到办公室当面反映',
  privacy: '本公示不包含身份证号、联系电话、银行账户和病情等个人信息。',
  issuer: '{{village}}村民委员会',
  issued: '{{date}}',
  qr: '扫码查看网上公示',
  print: '打印',
  empty: '本期没有需要公示的农户。',
  not_found: '没有找到这份公示，可能地址不对。',
  not_found_title: '公示不存在',
  lang_other: 'English',
  /** The message to the village work group (发到村工作群). */
  message: '【公示】{{title}}\n公示时间：{{start}}至{{end}}，共{{n}}户：\n{{lines}}\n有异议请联系：{{contacts}}\n网上查看和下载打印：{{url}}',
  message_line: '{{no}}. {{name}}（{{cause}}，{{size}}人）',
  message_more: '……等{{n}}户，详见网上公示',
  message_contacts_sep: '；',
};
