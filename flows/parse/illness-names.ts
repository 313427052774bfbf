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
