/**
 * What a villager's first message says about why they write, as data (read by hardship.ts):
 * that they want to apply ("我要申请帮扶", "想申请", "申请补助"), and which hardship they live
 * with — 因病, 因灾, 因学 — in their own words ("老伴住院了", "房子被水冲了", "孙子上大学交不起学费").
 */

/** Saying one wants to apply (or to be helped). */
export const APPLY_WORDS: readonly string[] = [
  '申请', '帮扶', '补助', '救助', '救济', '求助', '补贴', '帮帮我', '帮帮忙', '帮一下', '帮个忙', '想要点帮助', '需要帮助', '要帮助',
  'apply', 'application', 'help us', 'need help', 'assistance',
];

/** Not a wish to apply now: done already, or not wanted ("我申请过了", "不想申请"). */
export const NOT_APPLYING: readonly string[] = [
  '申请过', '申请了', '已经申请', '提交了', '提交过', '交过申请', '申请的', '申请到', '不申请', '不想申请', '不用申请', '别申请', '申请人',
  // asking whether one may, not saying one will: the policy knowledge answers these
  '能申请', '能不能申请', '可以申请', '可不可以申请', '能否申请', '还能申请', '申请条件', '怎么申请', '如何申请', '申请要', '申请需要', '申请什么',
  'applied', 'already',
];

/** Saying one wants to apply now, whatever was heard about it ("听说可以申请…俺家想申请"); not after "申请过了". */
export const WANTS_TO_APPLY: readonly string[] = ['想申请', '要申请', '想要申请', '打算申请', '准备申请', '想报名'];
export const APPLIED_ALREADY: readonly string[] = ['申请过', '申请了', '已经申请', '提交了', '提交过', '交过申请', '不想申请', '不申请', '不用申请', '别申请', '不要申请'];

/**
 * Asking whether one may apply ("…泥石流…能申请救助不", "能不能申请", "可以申请吗"): with one
 * hardship named, the villager is taken into the application with it (a cadre would say "能，我们
 *填一下"); with none, the policy knowledge answers.
 */
export const MAY_APPLY: readonly string[] = [
  '能申请', '能不能申请', '可以申请', '可不可以申请', '能否申请', '还能申请', '能不能帮', '能帮', '可以帮', '能给', '能不能给', '可以给',
  'can i apply', 'can we apply', 'may i apply', 'could i apply', 'eligible',
];

/** Asking something else about applying (how, how much, what is needed): the policy knowledge answers. */
export const ASKS_OTHER: readonly string[] = [
  '多少', '怎么', '如何', '什么', '哪', '几', '条件', '要求', '材料', '需要', '流程', '步骤', 'how', 'what', 'which',
];

/**
 * Asking how to apply ("怎么申请帮扶啊", "咋申请", "帮扶咋办？", "学费交不起，咋办？"): about this help,
 * or with a hardship said, a cadre would not explain but start filling in — the application opens,
 * with a line on what it will ask.
 */
export const HOW_TO_APPLY: readonly string[] = [
  '怎么申请', '咋申请', '如何申请', '怎样申请', '怎么去申请', '咋个申请', '怎么申报', '咋申报', '怎么报名', '咋报名', '怎么办理', '咋办理', '怎么弄', '咋弄', '咋整', '怎么整',
  '怎么办', '咋办', '咋个办', '怎么搞', '咋搞', '找谁', 'how do i apply', 'how to apply', 'how can i apply', 'how do we apply',
];
/**
 * What makes such a question about something else than starting (papers, conditions, a case
 * already filed, a lost invoice): the policy knowledge answers it.
 */
export const HOW_ABOUT_OTHER: readonly string[] = [
  '材料', '条件', '多少', '多久', '几天', '要求', '什么时候', '进度', '结果', '审核', '发票', '单据', '证明', '丢', '没通过', '不通过', '拒', '退回', '退了', '申请过',
  '申请了', '提交了', '撤回', '修改', '改', '还能', '没到', '没发', '没给', '好处费', '投诉', '举报', '别人', '替', '帮别人', '网上', '电脑',
];
/** "替我爸问一下", "帮俺娘问问": saying whom one asks for, no question of its own. */
export const ASKING_FOR = /(?:替|帮|代)(?:我|俺|咱|额)?(?:家)?(?:的)?\p{Script=Han}{0,3}?(?:问一下|问一问|问问|问下)/gu;

/** Other schemes' procedures: "报销怎么办理", "低保咋弄" ask about them — unless applying is said ("报了一万 咋申请"). */
export const OTHER_PROCEDURES: readonly string[] = ['报销', '医保', '新农合', '合作医疗', '低保', '残疾证', '保险', '贷款', '理赔'];

/** Words around a how-to-apply question that name nothing more ("我想问问", "帮扶", "啊"): with only these, it is about this help. */
export const ABOUT_THIS_HELP: readonly string[] = [
  '我想问问', '想问问', '问问', '想问一下', '问一下', '想问下', '问下', '请问', '你好', '您好', '我们家', '俺们家', '我们', '俺们', '我家', '俺家', '家里', '我', '俺', '咱', '额', '想', '要', '这个', '那个',
  '防止返贫', '防返贫', '防贫', '帮扶', '救助', '救济', '补助', '补贴', '困难', '有困难', '申请', '一下', '的', '啊', '呢', '呀', '吧', '嘛', '哦', '了', '能', '可以', '到底',
];
/** The same in English, as whole words ("how do I apply for help?"). */
export const EN_ABOUT_THIS_HELP: readonly string[] = ['please', 'help', 'for', 'i', 'we', 'can', 'the', 'to', 'get', 'some', 'support', 'assistance', 'relief', 'aid', 'here', 'hello', 'hi'];

/** Each hardship in a villager's words: a sentence naming words of one hardship only starts that one. */
export const HARDSHIP_WORDS: Record<'illness' | 'disaster' | 'education', readonly string[]> = {
  illness: [
    '生病', '得病', '病了', '病倒', '看病', '治病', '住院', '出院', '手术', '开刀', '化疗', '放疗', '透析', '癌', '肿瘤', '中风', '脑梗', '脑出血',
    '瘫痪', '瘫了', '医药费', '医疗费', '住院费', '药费', '大病', '重病', '慢性病', '医院', '骨折', '摔伤', '摔断', '受伤', '车祸', '撞伤', '看医生', '吃药',
    '白血病', '尿毒症', '心脏病', '糖尿病', '残疾', '病',
    'ill', 'sick', 'hospital', 'illness', 'disease', 'surgery', 'medical',
  ],
  disaster: [
    '受灾', '遭灾', '灾', '洪水', '发大水', '大水', '水冲', '被水', '冲了', '冲走', '冲垮', '冲毁', '淹了', '被淹', '水淹', '内涝', '干旱', '天旱',
    '旱灾', '火灾', '着火', '失火', '起火', '烧了', '烧没了', '烧毁', '冰雹', '雹子', '大风', '台风', '龙卷风', '刮倒', '刮塌', '刮坏', '滑坡',
    '泥石流', '塌方', '地震', '房子塌', '房子倒', '倒塌', '塌了', '雷击', '暴雨',
    // the damage in plain words: drought, snow, frost, hail, water, wind ("地里旱得厉害", "雪把大棚压塌了", "房子让水泡了")
    // not 雪 alone: it is in many names (王雪梅)
    '旱', '颗粒无收', '绝收', '雪压', '雪把', '让雪', '叫雪', '被雪', '雪灾', '大雪', '暴雪', '下雪', '雪大', '霜冻', '冻死', '冻坏', '冰冻', '雹', '泡了', '水泡', '泡坏', '泡塌', '淹', '涝', '山洪', '压塌', '压垮', '压倒',
    '吹倒', '吹塌', '吹跑', '吹翻', '刮跑', '刮没', '落石', '山塌',
    'flood', 'fire', 'storm', 'drought', 'landslide', 'earthquake', 'disaster', 'hail',
  ],
  education: [
    '上学', '读书', '念书', '学费', '上大学', '读大学', '考上', '考取', '录取', '大学', '高中', '初中', '小学', '中专', '职校', '技校', '学校',
    '住宿费', '书本费', '助学', '开学', '升学', '学杂费', '幼儿园', '读研', '研究生',
    'school', 'college', 'university', 'tuition', 'student',
  ],
};
