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
];

/** Around the illness in a sentence that also names the hospital: taken off, the illness remains. */
export const AROUND_ILLNESS: readonly string[] = [
  '住进了', '住进', '送到了', '送到', '转到了', '转到', '去了', '进了', '到了', '住院部', '门诊部',
  '查出来是', '查出来的', '查出来', '查出是', '查出', '检查出', '诊断是', '诊断为', '确诊为', '确诊是', '确诊', '说是', '说得的是', '得的是', '得了', '得的',
  '患了', '患的是', '患上了', '生的是', '是', '的病', '看的病', '看的', '看病', '治的', '治病', '治疗', '住的院', '住的', '住院', '住了院', '住了', '做的手术', '做手术',
  '做了手术', '开的刀', '开刀', '动手术', '拿的药', '拿药', '化疗', '放疗', '复查', '检查', '开药', '在', '去', '到', '那里', '那儿', '里', '的', '了', '啊', '呢', '吧', '病',
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
