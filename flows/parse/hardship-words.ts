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
    'flood', 'fire', 'storm', 'drought', 'landslide', 'earthquake', 'disaster', 'hail',
  ],
  education: [
    '上学', '读书', '念书', '学费', '上大学', '读大学', '考上', '考取', '录取', '大学', '高中', '初中', '小学', '中专', '职校', '技校', '学校',
    '住宿费', '书本费', '助学', '开学', '升学', '学杂费', '幼儿园', '读研', '研究生',
    'school', 'college', 'university', 'tuition', 'student',
  ],
};
