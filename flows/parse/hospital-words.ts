/**
 * How villagers name where they were treated, as data (read by hospital.ts): what a hospital's
 * name ends with, the words around it in a sentence ("在县医院看的肺癌"), and the administrative
 * marks that tell its level (县人民医院 → county, 镇卫生院 → township) — said back for a yes,
 * never filed unasked.
 */

/** A place of treatment ends with one of these (longest first where one contains another). */
export const HOSPITAL_ENDINGS: readonly string[] = [
  '中心卫生院', '卫生服务中心', '卫生院', '卫生室', '卫生所', '医院', '医疗中心', '医学中心', '附院', '保健院', '诊所', '门诊部', '医务室',
  // how hospitals are called for short: 市一院, 县二院, 县人医
  '一院', '二院', '三院', '四院', '五院', '六院', '人医',
];

/** Words that may stand right before a hospital's name in a sentence and are not part of it. */
export const BEFORE_HOSPITAL: readonly string[] = [
  '住进了', '住进', '送到了', '送到', '送去了', '送去', '转到了', '转到', '转去了', '转去', '去了', '去', '到了', '到', '在', '是在', '就在', '住在', '住',
  '进了', '进', '是', '就是', '一直在', '都在', '我们在', '俺们在', '我在', '俺在', '他在', '她在', '看的是', '看的', '看', '于',
  '我们的', '俺们的', '咱们的', '我们', '俺们', '咱们', '咱', '俺', '就在', '那个', '这个', '去的', '住的', '上的', '的',
  // a lead-in naming what is asked ("医院是市人民医院", "住的医院叫…")
  '医院是', '医院叫', '医院就是', '医院名字是', '医院名字叫', '医院的名字是', '医院的名字叫', '医院在', '住的医院是', '看的医院是', '住院的医院是',
  '住院是在', '看病是在', '名字是', '名字叫', '叫做', '叫', '后来', '最后', '然后', '先',
  '住院的', '看病的', '治病的', '就诊的', '住院在', '看病在',
];

/**
 * An answer at the hospital question that says there was no hospital ("在家里吃药没住院"): no
 * name to file, the question is asked again.
 */
export const NO_HOSPITAL_MARKS: readonly string[] = [
  '没住院', '没住过院', '没有住院', '没去医院', '没去过医院', '没上医院', '没进医院', '没看医生', '没有去医院', '在家吃药', '在家里吃药', '在家里', '在家', '自己买药', '没去看',
];

/** Words that join two hospitals in one answer ("先在县医院后来转到省人民医院"): the last is where the patient ended up. */
export const HOSPITAL_SEQUENCE = ['后来转到', '后来转去', '后来去了', '后来到', '后来又去', '又转到', '转到了', '转到', '转去', '后来', '然后', '最后'];

/** Around the illness in a sentence that also names the hospital: taken off, the illness remains. */
export const AROUND_ILLNESS: readonly string[] = [
  '住进了', '住进', '送到了', '送到', '转到了', '转到', '去了', '进了', '到了', '住院部', '门诊部',
  '查出来是', '查出来的', '查出来', '查出是', '查出', '检查出', '诊断是', '诊断为', '确诊为', '确诊是', '确诊', '说是', '说得的是', '得的是', '得了', '得的',
  '患了', '患的是', '患上了', '生的是', '是', '的病', '看的病', '看的', '看病', '治的', '治病', '治疗', '住的院', '住的', '住院', '住了院', '住了', '做的手术', '做手术',
  '做了手术', '开的刀', '开刀', '动手术', '拿的药', '拿药', '化疗', '放疗', '透析', '吃药', '打针', '输液', '一开始', '开始', '先', '后来', '复查', '检查', '开药', '在', '去', '到', '那里', '那儿', '里', '的', '了', '啊', '呢', '吧',
  // no lone 病: it ends an illness's name (心脏病, 糖尿病) and stays with it
  // a lead-in naming the hospital ("医院是…") left in front of its name's clause
  '医院是', '医院在', '医院叫', '医院名字叫', '医院名字是', '名字叫', '叫做', '叫', '医院',
];


/** The level a mark in the name says, nearest the end first ("XX市XX县人民医院" is the county's). */
export const LEVEL_MARKS: readonly { mark: string; level: 'township' | 'county' | 'city' | 'province' }[] = [
  { mark: '卫生院', level: 'township' },
  { mark: '卫生室', level: 'township' },
  { mark: '卫生所', level: 'township' },
  { mark: '乡', level: 'township' },
  { mark: '镇', level: 'township' },
  { mark: '县', level: 'county' },
  { mark: '区', level: 'county' },
  { mark: '旗', level: 'county' },
  { mark: '市', level: 'city' },
  { mark: '州', level: 'city' },
  { mark: '地区', level: 'city' },
  { mark: '省', level: 'province' },
  // English names ("County People's Hospital", "the township health centre")
  { mark: 'township', level: 'township' },
  { mark: 'health centre', level: 'township' },
  { mark: 'health center', level: 'township' },
  { mark: 'county', level: 'county' },
  { mark: 'city', level: 'city' },
  { mark: 'municipal', level: 'city' },
  { mark: 'provincial', level: 'province' },
  { mark: 'province', level: 'province' },
  { mark: '自治区', level: 'province' },
];

/** An English hospital's name ends with one of these ("County People's Hospital", "Dongshan Health Centre"). */
export const EN_HOSPITAL_ENDINGS = ['hospital', 'health centre', 'health center', 'clinic'];
/** Words leading up to an English hospital's name, not part of it ("treated at the", "in"). */
export const EN_BEFORE_HOSPITAL = /^(?:(?:i|he|she|we|they|was|were|got|been|treated|stayed|went|admitted|operated|seen|diagnosed)\s+)*(?:at|in|to|by|from)\s+(?:the\s+)?|^the\s+/iu;
/** Words around an English illness, not part of it ("he has", "treated"). */
export const EN_AROUND_ILLNESS =
  /^(?:(?:i|he|she|we|they|my\s+\w+|it)\s+)?(?:(?:has|have|had|got|is|was|suffers from|suffered from|with)\s+(?:a\s+|an\s+)?|(?:went|go|was|were|got|been|stayed|admitted|treated)(?:\s+(?:to|at|in))?(?:\s+the)?$)|(?:^|\s+)(?:treated|diagnosed|operated|stayed|seen|admitted)?\s*(?:at|in|to|by)?\s*(?:the)?$/giu;

/**
 * Before a hospital's ending, words that only say where or how big ("市里的医院", "省城的大医院",
 * "镇上的卫生院"): no name to match the hospital papers against — its name is asked. A plain
 * level with the ending (县医院, 市医院, 镇卫生院) is how a county's own hospital is called: a name.
 */
export const VAGUE_BEFORE_HOSPITAL: readonly string[] = [
  '市里的', '市里', '县里的', '县里', '省里的', '省里', '省城的', '省城', '城里的', '城里', '镇上的', '镇上', '镇里的', '镇里', '乡里的', '乡里', '乡上的', '乡上',
  // not 县城 alone: "县城医院" is how the county's own hospital is called, like 县医院
  '县城里的', '县城里', '县城的', '县城那个', '县城那家', '县城大', '市区的', '市区', '城区的', '城区', '镇子上的', '镇子上', '大城市的', '大城市', '外地的', '外地', '外面的', '外头的', '附近的', '当地的', '本地的', '私人的', '私人', '一个', '一家', '那个', '这个', '那家', '这家', '个',
  '大', '小', '好', '的',
  // "好几个医院": several, not the one to file
  '好几个', '好几家', '几个', '几家', '好多', '两个', '两家',
];

/**
 * An answer that only says where, with no institution ("就在咱县里", "在省城看的", "本地"): no hospital to
 * file, whatever its length — asked which. "县医院" and "村卫生室" name one and are not matched.
 */
export const PLACE_ONLY =
  /^(?:就是|就|是|在|都|一直|也|去|到)*(?:咱们|我们|俺们|咱|俺|我|这|那)?(?:县城|县里|县|市区|市里|市|省城|省会|省里|省|城里|城|镇子|镇|乡镇|乡|本地|当地|附近|这边|那边|外地|大城市)(?:里|上|头|这边|那边|那里|这里|那儿)?(?:的)?(?:看的病|住的院|住了院|住过院|看的|住的|治的|看病|看过|看了|看|治|住院|住|了|的|嘛|呀|啊)*$/u;
/** A level or grade with no name ("县级医院", "市级的", "三甲医院"): which hospital is asked — the level is its own question. */
export const LEVEL_ONLY =
  /^(?:就是|就|是|在)*(?:乡镇级|乡级|镇级|县级|市级|地市级|地级|省级|国家级|三级甲等|二级甲等|三甲|二甲|三级|二级|一级)(?:的)?(?:大医院|公立医院|医院)?(?:看的病|住的院|看的|住的|的)*$/u;
