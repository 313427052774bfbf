/**
 * The words around a sum of money as villagers say it, kept as data beside the reader
 * (amount-read.ts): what leads a figure in ("报了", "民政给了"), what makes it a count or a date
 * instead ("两个月", "2024年"), what makes it approximate ("两万多", "小两万"), how a monthly
 * figure is announced ("一个月", "每月工资"), and the sentences that say "nothing" ("还没报").
 */

/** What a sum is about: an amount question says which it asks, a figure's lead-in which it is. */
export type AmountTopic = 'cost' | 'received' | 'income' | 'loan';

/** Hedges around a bare figure: the villager's own estimate is what is recorded ("约3万", "3万左右"). */
// Lead-ins that say what the money is about ("花了", "报了") are not hedges: the sentence reader weighs them.
export const HEDGE_PREFIXES = ['约', '大约', '大概', '大概是', '大致', '差不多', '估计', '一共', '总共', '共', '合计', '¥', '人民币', '+'];
export const HEDGE_SUFFIXES = ['左右', '上下', '的样子', '吧', '啊', '呀', '了', '钱', '整', 'rmb', '人民币'];

/** Whole answers that mean nothing at all (no reimbursement, no income). */
export const ZERO_WORDS = ['没有', '无', '没', '零', '0'];

/**
 * Lead-ins naming what a figure is, nearest one wins ("总共花了三万，报了一万": 三万 cost, 一万 received).
 * Longer words first where one contains another is handled by the reader.
 */
export const TOPIC_WORDS: Record<AmountTopic, string[]> = {
  cost: [
    '花了', '花掉', '花', '用了', '用掉', '总费用', '费用', '医药费', '医疗费', '治疗费', '住院费', '手术费', '药费',
    '学费', '生活费', '住宿费', '书费',
    // the items of a school year ("学费五千 住宿一千 书本费五百"): each a part of the cost
    '住宿', '住校', '书本费', '书本', '课本费', '资料费', '学杂费', '杂费', '伙食费', '伙食', '饭钱', '饭费', '餐费', '补课费', '校服费', '路费', '车费',
    '交了', '交', '掏了', '掏', '自付', '自费', '自己付', '付了', '出了',
    '损失了', '损失', '亏了', '亏', '毁了', '冲走', '冲坏', '烧了', '塌了', '倒了', '值', '花销', '开销', '开支',
    '住院', '买药', '吃药', '拿药', '看病', '检查', '治疗', '做手术', '手术', '买了', '买', '门诊', '复查', '化疗', '透析',
    // what goes out, not income ("收入一万八 支出倒有三万")
    '支出', '支出了', '花费', '成本', '投入', '投了', '开支了',
    // the papers that name the cost ("发票上写的是37256元"): the total, not what was reimbursed
    '发票', '单子', '清单', '结算单', '收据', '账单', '票据', '总账',
  ],
  received: [
    '报了', '报销了', '报销', '报回', '报', '医保', '新农合', '农合', '合作医疗', '大病保险', '大病险', '大病医保', '医疗救助', '二次报销', '保险', '给了', '给', '补了', '补助',
    '补贴', '赔了', '赔偿', '赔款', '赔', '救助', '救济', '救灾款', '发了', '领了', '领到', '拿了', '拿到', '到账',
    '助学金', '奖学金', '减免', '资助', '民政', '退了', '返了', '返还', '免了', '免掉', '减了',
  ],
  /** Borrowed money must be paid back: not aid, not income ("助学贷款8000", "借了两万"). */
  loan: ['助学贷款', '贷款', '贷了', '贷', '借款', '借了', '借的', '借', '欠了', '欠款', '欠'],
  income: ['收入', '纯收入', '挣了', '挣', '赚了', '赚', '打工', '工资', '卖了', '卖', '收成', '种地', '养殖', '进账', 'income', 'earned', 'earn', 'wages'],
};
// English lead-ins (compared with spaces taken out, as the reader does)
TOPIC_WORDS.cost.push('spent', 'spend', 'cost', 'costs', 'bill', 'bills', 'inalltotal', 'total', 'lost', 'loss', 'fees', 'fee');
TOPIC_WORDS.received.push('paidback', 'gotback', 'reimbursed', 'reimbursement', 'insurancepaid', 'insurance', 'compensation', 'compensated', 'aid', 'grant', 'subsidy', 'scholarship', 'received');

/**
 * English forms turned into the ones the reader knows before it reads: "about 50 thousand" → 约50000,
 * "20k" → 20000, "50,000 yuan" → 50,000元, "none" / "nothing yet" → 0.
 */
export const EN_FORMS: [RegExp, string | ((...m: string[]) => string)][] = [
  // "2w", "2.3w", "大概2w": w for 万, as young helpers type it
  [/([0-9]+(?:\.[0-9]+)?)\s*w(?![a-z])/giu, '$1万'],
  [/^(?:none|nothing|nothing yet|nothing at all|not yet|no income|no money|zero|nil|not a cent|no reimbursement)$/iu, '0'],
  [/\b(?:about|around|roughly|approximately|approx\.?|some)\s+(?=[0-9])/giu, '约'],
  [/([0-9]+(?:\.[0-9]+)?)\s*(?:thousand|k)\b/giu, (_m, n) => String(Math.round(Number(n) * 1000))],
  [/([0-9])\s*(?:yuan|rmb|kuai)\b/giu, '$1元'],
  [/\s*(?:a|per)\s+year\b|\s*yearly\b|\s*last\s+year\b/giu, ''],
  // "2000 a month" → 一个月2000; "I paid 32000 myself" → 自己付了32000
  [/([0-9][0-9,.]*(?:元)?)\s*(?:a|per|each)\s+month\b|([0-9][0-9,.]*(?:元)?)\s*monthly\b/giu, (_m, a, b) => `一个月${a ?? b}`],
  [/\b(?:i|we)\s+paid\s+(?:about\s+)?([0-9][0-9,.]*(?:元)?)\s+(?:myself|ourselves|out of pocket)\b/giu, (_m, a) => `自己付了${a}`],
  [/\b(?:i|we)\s+(?:paid|spent)\s+(?:myself|ourselves)\s+([0-9][0-9,.]*(?:元)?)/giu, (_m, a) => `自己付了${a}`],
];

/**
 * What a disaster destroyed, naming its share of a loss ("房子两万，庄稼一万"): a cost only where no
 * word above says otherwise ("卖粮食得了八千" is income).
 */
export const LOSS_NOUNS = ['房子', '房屋', '庄稼', '粮食', '牲畜', '家具', '家电', '农机', '大棚', '果树', '猪', '牛', '羊'];

/**
 * What may follow a number that is not money: a count, a duration, a date, an order ("两个月",
 * "住院15天", "2024年", "三类户", "五保户"). Checked against the text right after the number.
 */
export const NOT_MONEY_AFTER = [
  '个', '口', '人', '年', '月', '天', '日', '号', '次', '岁', '家', '户', '间', '亩', '头', '只', '斤', '吨', '层', '级',
  '趟', '遍', '回', '周', '星期', '礼拜', '小时', '点', '分钟', '分之', '倍', '成', '%', '位', '名', '项', '份', '张',
  '本', '套', '辆', '台', '床', '样', '些', '下', '般', '直', '起', '定', '切', '向', '道', '部', '种', '类', '批', '期',
  '届', '针', '盒', '瓶', '颗', '片', '保', '胎', '代', '辈', '线', '档', '寸', '米', '公里', '里', '分',
];

/** Right after a figure: it is an estimate of that rounded figure ("两万多", "三万来块", "一万出头", "万把块"). */
export const ESTIMATE_AFTER = ['多', '来', '出头', '挂零', '把', '几', '大几'];
/** After a figure, how often it comes when that is every year ("12000一年", "两万每年"): nothing to read, taken off. */
export const PER_YEAR_AFTER = /(?<=[0-9十百千万元块钱多])(?:一年|每年|全年|一整年|一年到头)(?:下来|的|吧|了)*(?=$|[,;.])/gu;
/** Between a word of money received and the cost it covers ("免了学费", "减免了住院的费用"). */
export const OBJECT_PARTICLES = /(?:的|了|我们|俺们|孩子|娃)+$/u;

/** Right before a figure: an estimate too ("小两万", "将近三万", "快一万了", "不到五千", "不止两万"). */
export const ESTIMATE_BEFORE = ['将近', '接近', '快', '小', '不止', '近'];
/**
 * Around a figure: a bound, not the sum ("不到一万", "剩不下一万", "不够一万", "一万不到", "没有一万"):
 * the figure is not what was meant and is never taken; with no other figure the question is asked again.
 */
export const BOUND_BEFORE = [
  '还不到', '都不到', '不到', '不足', '不够', '不下', '不上', '没到', '没有', '不满', '不超过', '超不过',
  // "一年到头挣不了一万", "花不了一千", "超不了两万": what it does not reach
  '不了', '没超过', '超不了', '不出',
];
export const BOUND_AFTER = [
  '都不到', '还不到', '不到', '不够', '不足', '没到', '也没有', '都没有',
  // "一万都挣不到", "两千也赚不到"
  '都挣不到', '也挣不到', '挣不到', '都赚不到', '也赚不到', '赚不到', '都没挣到', '都没赚到', '都没挣着',
];
/** Before a figure in its clause: it is said as a total ("总共五万", "加起来三万"), not one part of several. */
export const TOTAL_BEFORE = /(?:总共|一共|合计|总计|总费用|加起来|加一起|全部|总的)/u;
/** Right before a figure: the villager takes it back ("不是三万，是两万"). */
export const RETRACT_BEFORE = ['不是', '并不是', '不是说'];
/** A clause that by itself takes back what came before it ("三万，不对，两万八"). */
export const RETRACT_CLAUSES = ['不对', '不是', '错了', '说错了', '不不', '不'];
/** Between two figures: a range ("两万到三万", "2-3万"). */
export const RANGE_BETWEEN = ['到', '至', '-', '~', '或', '或者'];

// How often a figure comes: announced right before it, possibly with a few words in between.
// Not 花了: "住院一个月花了两万" is a total, not a monthly figure.
const FILLERS = '(?:吃药|买药|拿药|开药|打针|透析|看病|药钱|药|吃|用|花(?!了)|光|的|里|能|大概|大约|差不多|平均|收入|工资|生活费|开销|花销|要|得|挣|赚|能挣|能赚|有|就|也就|才|都|给|发|\\p{Script=Han}{0,2}费)*';
/** "一个月两千", "每月工资三千", "月均两千": a monthly figure. */
export const MONTHLY_BEFORE = new RegExp(`(?:(?:每个?月|一个?月|月均|月平均|月收入|月工资)${FILLERS}|每个?月[^,;0-9]{0,6})$`, 'u');
/** "一学期三千": a term's figure — where a year's is asked, two terms of it, said back for a yes. */
export const TERM_BEFORE = new RegExp(`(?:每个?学期|一个?学期|上学期|下学期|这学期)${FILLERS}$`, 'u');
/** "半年五千": half a year's figure — where a year's is asked, twice it, said back for a yes. */
export const HALF_YEAR_BEFORE = new RegExp(`(?:半年|每半年|半年里)${FILLERS}$`, 'u');
/** Terms in a school year. */
export const TERMS_A_YEAR = 2;
/** "报了百分之六十": a share, not a sum ("一半" is read as a share of the total elsewhere). */
export const SHARE_BEFORE = /分之$/u;
/** "高二", "初三", "大一": a school grade, not money ("上高二，一年一万"). */
export const GRADE_BEFORE = /(?:高中|初中|小学|大学|高|初|大|研)$/u;
/** Right before a figure: what the household paid itself ("自己掏了三万") — not the total, however it is worded. */
export const SELF_PAID_BEFORE = /(?:自己|个人)(?:掏了|掏|付了|付|出了|出|花了|花|承担了|承担|负担)?$|(?:自付|自费|自掏|自负)了?$/u;
/**
 * Right before a figure, at the start of what is said: a difference from a figure said earlier, not
 * the figure itself ("再加五千", "少说了五千", "还差两千"). Never read as the sum; where a figure was
 * said back, the clear ones (`plus`, `minus`) are worked out and said back again.
 */
export const DIFFERENCE_BEFORE = {
  plus: ['再加上', '再加', '还要加', '还得加', '加上', '另加', '另外加', '少说了', '少算了', '少写了', '少填了', '漏了'],
  minus: ['多说了', '多算了', '多写了', '多填了', '减去', '减掉', '去掉', '扣掉', '扣除', '再减', '要减'],
  /** Which way is not clear ("少了五千": short by, or less by?): asked again. */
  unclear: ['多了', '少了', '还差', '差了', '多出', '多出来', '少出'],
} as const;

/**
 * Before a figure said after another: it adds to that one ("花了三万，还有五千是借钱买的药", "住院两万八，
 * 另外门诊又花了三千多", "手术一万五，加上住院八千"). A figure so led that names nothing else is a part
 * of the same sum as the figure before it (never of another: "报了一万" keeps its own lead-in).
 */
export const ADDED_BEFORE = /(?:还有|另外|另|又|加上|再加上|外加|还要加上|还得加上|再加|加)/u;
/**
 * Borrowed money spent on what is asked ("借钱买的药", "借了两万看病"): a cost, not a loan. Read on the
 * words around the figure, the figure taken out.
 */
export const LOAN_SPENT = /借(?:了|的|来的|来)?(?:块钱|块|元|钱|款|的钱)*(?:去|来|是|给)?(?:买|看|治|交|付|住|做|开|拿|吃|动)/u;
/** Right after a figure: it was not received ("五千没报", "三千还没给") — never the figure received. */
export const NOT_RECEIVED_AFTER = /^(?:块钱|块|元|钱)?(?:还|都|也)?(?:没有|没|未|不)(?:给|能)?(?:报|赔|补|给|发|拿|领|到账|批)/u;
/** Lead-ins of money taken that, before "的药", are medicine fetched and paid for ("药店又拿了三千的药"): a cost. */
export const FETCHED = ['拿了', '拿', '拿到', '开了', '领了'];
const GOODS = '的(?:药|中药|西药|针|营养品|补品|东西)(?!费)';
export const GOODS_AFTER = new RegExp(`^(?:块钱|块|元|钱)?${GOODS}`, 'u');
/** The same in a part of an answer, the figure inside ("又拿了三千的药"). */
export const FETCHED_GOODS = new RegExp(`(?:${FETCHED.join('|')})[^,]{1,12}?${GOODS}`, 'u');
/** Right before a bare small figure: an age told in the story ("老伴今年七十了", "我今年六十五"), not money. */
export const AGE_BEFORE = /(?:今年|今年都|今年已经|都|已经|快|年纪|岁数|年龄|满)$/u;
/** After an age: nothing, or words that close it ("七十了", "七十多了", "六十出头"). */
export const AGE_AFTER = /^(?:多|来|出头)?(?:了|岁|啦|咯|喽)?(?:$|[,，])/u;

/** "一天一百", "日薪一百五": a day's pay — worked out to the year only with the days said ("一年干两百天"), else the days are asked. */
export const DAILY_BEFORE = new RegExp(`(?:每天|一天|天天|日薪|一工|一个工)${FILLERS}$`, 'u');
/** "每周五百": a weekly figure — not what any question asks; asked again. */
export const OTHER_PERIOD_BEFORE = new RegExp(`(?:每周|一周|每星期|一星期|一个星期|每礼拜|一礼拜)${FILLERS}$`, 'u');
const COUNT = '([0-9]+|[零一二两三四五六七八九十百]+)(多|来)?';
const WORKED = '(?:干|做|打工|上工|出工|干活|打零工|能干|能做|能有|有|就|大概|差不多|也就|了|个)*';
/** The days a day's pay was earned: in a year ("一年干两百天"), in a month ("一个月干二十天": ×12), or said alone ("干了一百来天"). */
export const DAYS_SAID = {
  year: new RegExp(`(?:一年|全年|每年|一年到头|今年|去年)${WORKED}${COUNT}天`, 'u'),
  month: new RegExp(`(?:一个?月|每个?月)${WORKED}${COUNT}天`, 'u'),
  alone: new RegExp(`(?:干|做|打工|上工|出工|干活|打零工)了?(?:有|大概|差不多|也就)?${COUNT}天`, 'u'),
};

/**
 * How long a month's pay was earned, said beside it ("干了半年", "干了三个月", "一年干八个月", "就农忙两个月"):
 * the months (capture 1, 多/来 in 2) or half a year (3). Never the period of the figure itself
 * ("打工一个月三千": a figure follows it).
 */
const MONTHS_WORKED = '(?:干了|做了|打了|干|做|打工|出工|上工|干活|出去|在外|就|只|只有|才|农忙|忙了|忙|能干|能做|有|了|那|大概|差不多|也就|一共|总共)';
const FIGURE_FOLLOWS = '(?!(?:挣|赚|能挣|能赚|工资|收入|拿|的|就|是|才|有|大概|差不多)*(?!一个?月|每个?月)[0-9零一二两俩三仨四五六七八九十])';
export const MONTHS_SAID = new RegExp(
  `(?:一年|全年|去年|今年)?${MONTHS_WORKED}+(?:([0-9]+|[零一二两三四五六七八九十]+)(多|来)?个多?月|(半)年)${FIGURE_FOLLOWS}`,
  'u',
);

/**
 * "Nothing" said in words: each clause made only of these, with at least one negation
 * ("还没报", "一分没报", "啥也没有", "没给", "没有收入", "收入没有", "一分钱都没拿到").
 * A verb before the negation makes a question ("报了没有"), so verbs may only follow it.
 */
export const ZERO_LEXICON = {
  // southwestern 没得/莫得/冒得/么得, Cantonese 冇, northern 木有/没的
  // (冇 reaches the parsers as 没有, so 冇得 as 没有得); "哪有什么报销": there is none
  negation: ['没有得', '没有', '没得', '莫得', '冒得', '么得', '么有', '木得', '莫有', '没的', '木有', '冇得', '冇', '从没', '哪有', '哪来的', '没', '无', '未', '零', '0'],
  /** Nouns and adverbs anywhere in the clause. */
  around: [
    '收入', '纯收入', '报销', '赔偿', '赔款', '补偿', '补助', '补贴', '资助', '助学金', '奖学金', '救助', '救灾款', '减免',
    '保险', '医保', '钱', '家里', '我们', '俺们', '我家', '俺家', '我', '俺', '今年', '去年', '目前', '现在', '暂时',
    '到现在', '至今', '啥', '什么', '任何', '人', '谁', '一分钱', '一分', '一毛钱', '一毛', '一块钱', '一点', '一点儿', '都', '也',
    '还', '就', '根本', '从来', '压根', '压根儿', '完全', '基本', '基本上', '全', '是', '为', '还是',
    // "what" and "a penny" in dialect: 啥子 (southwest), 乜嘢 (Cantonese), 一个子儿 / 一个铜板 / 一蚊 ("not a cent")
    '啥子', '啥东西', '乜嘢', '乜', '嘢', '一个子儿', '一个大子儿', '一个子', '子儿', '一个铜板', '铜板', '一个钢镚', '钢镚儿', '钢镚', '一文钱', '一文', '分文', '一蚊', '一元', '一块', '一毛',
    // "连个毛都没见着", "屁都没赔", "一直没给"
    '连个', '连', '毛', '个屁', '屁', '一直', '始终', '一直都',
    // who would have given it, named as the one who gave nothing ("学校一分没给", "政府没给一分钱")
    '学校', '政府', '国家', '民政', '村里', '乡里', '镇上', '镇里', '县里', '上面', '公家', '保险公司', '医院', '人家',
  ],
  /** Verbs, only after the negation. */
  after: [
    '去报销', '去报', '去申请', '申请', '去办', '办', '报销', '报', '给', '收到', '领到', '领', '拿到', '拿', '赔', '补', '发', '到账', '挣到', '挣', '赚到', '赚', '进账', '得到', '批', '下来', '过', '到', '着', '花', '用',
    // "一分钱没见着", "啥也没捞着", "冇攞到" (Cantonese: not got)
    '见着', '见到', '捞着', '捞到', '落着', '得着', '收着', '收过', '收', '攞到', '攞',
  ],
  /** Particles closing the clause. */
  particles: ['啊', '呀', '吧', '的', '哦', '嘛', '啦', '喔', '了', '呐', '哈', '呢', '咧', '嘞', '撒'],
} as const;

/** Money on its way but not received yet ("还在报", "还在等"): so far nothing, said back as 0 for a yes. */
export const NOT_YET = [
  '还在报', '正在报', '在报销', '还在办', '正在办', '还在审', '还在批', '还没批下来', '还没下来', '还在等', '等着呢', '在走流程', '还在走流程',
];
/** A share of another sum ("报了一半"): what it is of, said back for a yes. */
export const HALF = ['一半', '百分之五十', '五成', '一半左右', '差不多一半', '报了一半', '一半吧'];

/** Which topic a word of a "nothing" clause makes it about ("没报销": received). */
export const ZERO_TOPIC: Record<string, AmountTopic> = {
  报销: 'received', 报: 'received', 给: 'received', 赔: 'received', 赔偿: 'received', 赔款: 'received', 补: 'received',
  补偿: 'received', 补助: 'received', 补贴: 'received', 资助: 'received', 助学金: 'received', 奖学金: 'received',
  救助: 'received', 救灾款: 'received', 减免: 'received', 保险: 'received', 医保: 'received', 领: 'received',
  领到: 'received', 见着: 'received', 捞着: 'received', 攞到: 'received', 去报销: 'received', 去报: 'received', 去申请: 'received', 申请: 'received', 拿: 'received', 拿到: 'received', 发: 'received', 到账: 'received',
  花: 'cost', 用: 'cost',
  收入: 'income', 纯收入: 'income', 挣: 'income', 挣到: 'income', 赚: 'income', 赚到: 'income', 进账: 'income',
};

/**
 * What is counted by the head, the mu, the room ("2头牛", "三亩地") or the time ("住了三次院 一次一万多"):
 * a figure after 一/每 and one of these is a price per unit, never the sum.
 */
export const UNITS = ['头', '只', '亩', '间', '棵', '株', '箱', '袋', '匹', '座', '辆', '台', '窝', '栋', '户', '棚', '分地', '次', '回', '趟'];

/**
 * A sum let off, said without its amount ("学费免了", "住院费全免"): money received as surely as a
 * grant, so a figure said beside it is not the whole answer.
 */
export const WAIVER_WORDS = ['免了', '免掉了', '免掉', '全免', '减免了', '减免', '免费', '不收了', '不收', '不要钱', '不用交', '没收钱'];
/** Before a waiver word, what undoes it ("没免", "不免"). */
export const WAIVER_NEGATED = /(?:没|没有|不)(?:给)?$/u;

/**
 * A figure taken back in the same breath ("三万 不对 两万八", "两万 不是 是两万五", "两万 哦不 两万三"):
 * the words between two figures that make the first one void (the reader turns them into a clause of their own).
 */
// "不是" alone is not one: "一万 不是两万" says 一万, not 两万 — only "不是 是两万五" takes the first back
export const SELF_CORRECTION = ['说错了', '不对不对', '不对', '不是不是', '不是[\\s,]*是', '哦不', '噢不', '啊不', '呃不', '不不', '错了'];

/** After a figure, a period that makes it a monthly one ("两千五一个月", "四千一学期"): read as if said before it. */
export const MONTHLY_AFTER = ['一个月', '每个月', '每月', '一月', '一学期', '一个学期', '每学期', '每个学期'];

/**
 * Money the household lives on without earning it ("就靠低保", "靠儿女给点", "老伴有养老金"): income all
 * the same for the year's total. Said at the income question without its amount (or with "没有收入"),
 * it is asked for — never stored as 0. Each word names its source for the hint (understand.amount.source.*).
 */
export const TRANSFER_SOURCES: Record<string, 'dibao' | 'pension' | 'children' | 'relatives' | 'government'> = {
  低保: 'dibao', 低保金: 'dibao', 吃低保: 'dibao', 五保: 'dibao', 特困: 'dibao', 特困供养: 'dibao',
  养老金: 'pension', 养老钱: 'pension', 退休金: 'pension', 退休工资: 'pension', 老年补贴: 'pension', 高龄补贴: 'pension',
  儿女: 'children', 子女: 'children', 儿子: 'children', 闺女: 'children', 女儿: 'children', 孩子们: 'children', 娃们: 'children', 儿媳: 'children',
  接济: 'relatives', 亲戚: 'relatives',
  政府给: 'government', 国家给: 'government', 政府补: 'government', 救济: 'government', 补贴: 'government', 补助: 'government',
};
