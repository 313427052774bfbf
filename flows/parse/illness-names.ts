/**
 * Illnesses villagers name when they say why they apply ("我妈中风了", "老伴得了肺癌"), as data:
 * a sentence naming one has it said back at the question "得的是什么病？" for a yes. Longer names
 * first where one contains another (脑梗塞 before 脑梗). Anything not here is simply asked.
 */
export const ILLNESS_NAMES: readonly string[] = [
  '肺癌', '胃癌', '肝癌', '食道癌', '食管癌', '肠癌', '结肠癌', '直肠癌', '乳腺癌', '宫颈癌', '卵巢癌', '鼻咽癌', '胰腺癌', '膀胱癌', '甲状腺癌', '淋巴癌', '骨癌',
  '白血病', '淋巴瘤', '脑瘤', '癌症', '尿毒症', '肾衰竭', '肾衰', '肝硬化', '脑梗塞', '脑梗死', '脑梗', '脑出血', '脑溢血', '中风', '偏瘫', '瘫痪',
  '心肌梗塞', '心梗', '冠心病', '心脏病', '心衰', '糖尿病', '高血压', '慢阻肺', '肺气肿', '哮喘', '肺结核', '结核', '肺炎', '骨折', '股骨头坏死',
  '腰椎间盘突出', '阑尾炎', '胆结石', '肾结石', '帕金森', '老年痴呆', '癫痫', '精神分裂', '抑郁症', '红斑狼疮', '类风湿', '白内障', '青光眼',
];

/**
 * Words that say something about being ill but name no illness: the treatment (住院, 动手术, 吃药),
 * the state (病了, 还在查), the time (去年, 三个月了) and the particles around them. An answer made
 * only of these ("住院了", "去年动了手术", "一直吃药") names no illness: it is asked again.
 */
export const NOT_ILLNESS_WORDS: readonly string[] = [
  '住院', '住了院', '住过院', '出院', '转院', '看病', '看了病', '看医生', '看过', '看了', '瞧病', '动手术', '动了手术', '做手术', '做了手术', '手术', '开刀', '开了刀',
  '吃药', '吃了药', '打针', '输液', '打吊瓶', '挂水', '吊水', '检查', '化疗', '放疗', '透析', '治疗', '治病', '抢救', '急诊', '复查', '拿药', '开药', '买药',
  '生病', '得病', '犯病', '有病', '病了', '病倒', '病', '不舒服', '难受', '严重', '很重', '厉害', '好多年', '好几年', '好些年', '很多年', '多年', '好长时间', '很久', '好久', '老毛病', '毛病', '那个', '这个',
  '在查', '还在查', '正在查', '查了', '确诊', '医院', '医生', '大夫', '家里', '一直', '经常', '总是', '还', '在', '正在', '已经', '刚', '刚刚', '又', '也', '都', '就',
  '去年', '今年', '前年', '上个月', '这个月', '上个礼拜', '上周', '最近', '前段时间', '前些天', '这几天', '那会', '时候', '以前', '现在', '一次', '两次', '几次',
  '我', '俺', '他', '她', '额', '咱', '我们', '俺们', '家', '人', '了', '的', '过', '着', '呢', '啊', '呀', '吧', '嘛', '哦', '得', '是', '有', '要', '和', '跟', '去', '到', '个',
];
/**
 * What marks a few words as an illness's name even when the list above lacks it: the kind of
 * illness its last character or word says (脑血栓, 胆囊炎, 帕金森病, 老年痴呆, 腰椎骨折).
 */
export const ILLNESS_MARKS: readonly string[] = [
  '癌', '瘤', '病', '症', '炎', '梗', '栓', '塞', '出血', '溢血', '衰竭', '衰', '结石', '骨折', '坏死', '突出', '硬化', '增生', '囊肿', '结节', '痴呆',
  '瘫', '中风', '结核', '溃疡', '麻痹', '综合征', '残疾', '白内障', '青光眼', '哮喘', '癫痫', '精神分裂', '狼疮', '类风湿', '帕金森',
];

/**
 * A category, not an illness a cadre can file ("癌", "大病", "肿瘤"): the villager is asked which,
 * with an example. Compared with the whole answer once the words around it are gone.
 */
export const VAGUE_ILLNESS: readonly string[] = [
  '癌', '癌症', '得癌', '肿瘤', '瘤', '瘤子', '恶性肿瘤', '大病', '重病', '绝症', '急病', '怪病', '慢性病', '老病', '病', '毛病', '老毛病',
];

/**
 * Words leading up to the illness in an answer ("是脑梗", "得了尿毒症", "医生说是脑出血",
 * "查出来是胃癌", "确诊了肝硬化", "犯了心脏病"): the verb; whoever is said before it (俺老伴,
 * 他, 医生) goes with it. Longest first where one contains another.
 */
export const ILLNESS_LEADINS: readonly string[] = [
  '检查出来是', '检查出来的是', '查出来的是', '查出来是', '查出来了', '查出来', '检查出是', '检查出', '查出是', '查出了', '查出',
  '诊断出来是', '诊断出是', '诊断出', '诊断为', '诊断是', '确诊为', '确诊是', '确诊了', '确诊',
  '得的是', '得的', '得了', '得上了', '得上', '患的是', '患上了', '患上', '患了', '患有', '患', '害的是', '害了', '生的是',
  '犯的是', '犯了', '说是', '讲是', '是',
];
/** After the illness, words that are no part of its name ("肺癌了", "脑梗的病"): taken off when an illness remains. */
export const AFTER_ILLNESS = /(?:(?:有)?(?:好几|好多|好些|很多|[0-9零一二两三四五六七八九十几多半]+)(?:个)?(?:年|月|天|礼拜|星期)(?:多)?|的病|的毛病|啦|了|呢|吧|啊|呀|哦|嘛|噻|撒|哒|咯|嘞)+$/u;
/** Lead-ins too common to take off unless an illness follows ("他有高血压", not "腰有点疼"). */
export const WEAK_ILLNESS_LEADINS: readonly string[] = ['有'];

/**
 * A complaint about a part of the body without an illness's name ("心脏不好", "腰不行", "肺有毛病"), or
 * about the body as a whole ("身体不好"): no illness a cadre can file — what the hospital called it is asked.
 */
export const BODY_COMPLAINT = /^(?:.{0,4}?)(心脏|心|肝|肺|胃|肾|腰|腿|脚|膝盖|腰椎|颈椎|脑子|脑袋|头|眼睛|眼|耳朵|肠子|肠胃|肠|血压|血糖|骨头|关节|气管|嗓子|喉咙)(?:一直|老是|总是|有点|有些|也)?(?:不好|不大好|不太好|不行|不中用|有毛病|有问题|出了问题|出问题|坏了)(?:了|的|啊|呀|哦)?$/u;
export const BODY_UNWELL = /^(?:.{0,4}?)(?:身体|身子|人)(?:一直|老是|总是|有点|也)?(?:不好|不大好|不太好|不行|有毛病|不舒服|差)(?:了|的|啊|呀|哦)?$/u;

/** Spans of time and counts ("三个月", "两年了", "10天"): no illness either. */
export const TIME_SPAN = /[0-9零〇一二两三四五六七八九十百半几]+(?:个)?(?:年|月|天|日|周|星期|礼拜|回|次|趟|多)*/gu;

const NOT_ILLNESS = [...NOT_ILLNESS_WORDS].sort((a, b) => b.length - a.length);

/** True when the answer names no illness at all, only treatment, state or time ("住院了", "去年做了手术"). */
export function namesNoIllness(text: string): boolean {
  if (ILLNESS_NAMES.some((n) => text.includes(n))) return false;
  let s = text.replace(/[\s\p{P}]+/gu, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    for (const w of NOT_ILLNESS) s = s.split(w).join('');
    // the time after the words: "一直" is not a number
    s = s.replace(TIME_SPAN, '');
  }
  return !/[\p{Script=Han}A-Za-z]/u.test(s);
}

/**
 * What a villager says after the illness's name, in the same breath, that is no part of it
 * ("胃癌切了半个胃", "中风了半边身子不能动", "肺癌花了五万多"): what was done, what it does to the body,
 * and the money. (Plain treatment, stay and time are NOT_ILLNESS_WORDS above.)
 */
export const SYMPTOM_WORDS = /切了|切除|割了|摘了|支架|搭了?桥|换了|化疗|放疗|做了|做过|吃不下|喝不下|咽不下|睡不着|不能动|动不了|动不得|走不了|走不动|下不了床|起不来|说不了话|说不出话|看不见|看不清|听不见|喘不上气|喘不过气|不能干活|干不了活|干不动|瘫在床|躺在床|卧床|疼|痛|咳|吐|晕|肿|瘦|没力气|没劲/u;
export const MONEY_WORDS = /花了|花费|花掉|用了|欠了|借了|[0-9零一二两三四五六七八九十百千万几]+\s*(?:万|千|百|元|块)|钱/u;

/** An injury said as what happened ("腿摔断了", "干活把胳膊砸断了", "摔断了腿"): filed as a 骨折 of that part (group 1 or 2), said back for a yes. */
export const BROKEN_BONE = /(?:^|[把给被])(腿|大腿|小腿|胳膊|手臂|手|脚|脚踝|手腕|腰|腰椎|颈椎|脊椎|肋骨|胯骨|股骨|髋骨|骨头)?(?:给|被)?(?:摔|跌|砸|撞|压|打|轧|碰)断(?:了)?(腿|大腿|小腿|胳膊|手臂|手|脚|脚踝|手腕|腰|腰椎|颈椎|脊椎|肋骨|胯骨|股骨|髋骨|骨头)?(?:了)?$/u;

/**
 * Where a cancer is, said beside the category ("癌症，肺上的", "是癌，在肝上"): the organ's cancer,
 * said back for a yes. The organ is the first group.
 */
export const CANCER_PLACE = /^(?:是|在|长在)?(肺|肝|胃|肠|食道|食管|乳腺|乳房|胰腺|膀胱|甲状腺|骨头|骨|鼻咽|宫颈|子宫|卵巢|肾|淋巴|脑|血)(?:子)?(?:上|里|部)?(?:的|头)?(?:癌)?$/u;
/** The cancer an organ's name makes (乳房 → 乳腺癌, 血 → 白血病). */
export const ORGAN_CANCER: Readonly<Record<string, string>> = { 乳房: '乳腺癌', 骨头: '骨癌', 血: '白血病', 脑: '脑瘤' };
/** The categories a CANCER_PLACE makes an illness of. */
export const CANCER_WORDS: readonly string[] = ['癌', '癌症', '得癌', '恶性肿瘤', '肿瘤'];
