/** The 'register' namespace, zh-CN (the source): the monitoring register's words (flows/register). */
export const registerZhCN = {
  state: { none: '未监测', monitored: '监测对象', eliminated: '风险消除' },
  risk_cause: { illness: '因病', disaster: '因灾', education: '因学', other: '其他' },
  risk_source: { application: '农户申请', alert: '部门预警', cadre_round: '干部排查', import: '导入' },
  event: {
    identified: '纳入监测',
    reincluded: '再次纳入监测',
    eliminated: '风险消除',
    category_changed: '监测类别变更',
    responsible_set: '确定帮扶责任人',
    labour_flag_set: '劳动能力标记',
    measure_added: '落实帮扶措施',
    risk_added: '登记风险',
    follow_up: '走访',
    elimination_proposed: '提出风险消除',
    elimination_town_approved: '乡镇同意风险消除',
    elimination_returned: '风险消除退回',
    elimination_rejected: '风险消除不予通过',
  },
  elimination_status: { proposed: '村级提出', town_approved: '乡镇已同意', county_approved: '县级已同意（已消除）', sent_back: '已退回', declined: '不予通过' },
  /** To the household, in plain words, when the county approves 风险消除. */
  told_eliminated: '您家的情况已经稳定，经村、乡镇、县里审核，从{{day}}起不再作为防返贫监测对象（风险消除）。以后如果再遇到因病、因灾、因学等困难，随时在这里告诉我们，或者联系村委会。',
  /** To the 帮扶责任人 when a household's follow-up visit is due. */
  follow_up_due: '提醒：您帮扶的{{village}}监测户（户主{{head}}）应在{{due}}前走访，请走访后在工作台录入走访记录。',
  /** The register exported as a 台账 (GET /api/register/export): the file's name without its extension. */
  export_file: '防返贫监测户台账-{{layout}}-{{date}}',
};
