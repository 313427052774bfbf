/**
 * Yes and no as villagers say them, kept as data beside the parser (yes-no.ts). Whole answers
 * match exactly (after particles and politeness are taken off); a few words may also lead a
 * longer answer ("不是脱贫户", "同意查", "不愿意让查"). A step adds its own words and marks.
 */

export const YES_WORDS = [
  '是', '是的', '是滴', '是啊', '是呀', '是这样', '是这样的', '就是', '就是的', '就是这样', '正是', '对', '对的', '对滴', '对啊',
  '对呀', '对头', '对着呢', '没错', '没错儿', '没有错', '没毛病', '没问题', '没啥问题', '没什么问题', '好', '好的', '好嘞',
  '好啊', '好滴', '行滴', '同意', '愿意', '可以', '可以的', '行', '行的', '中', '得行', '要得', '妥', '嗯', '嗯嗯', '嗯呐', '嗯哪', '嗯对', '嗯是',
  '昂', '当然', '当然是', '肯定', '肯定是', '那是', '确认', '确定', '要', '需要', '有', '1',
  'y', 'yes', 'yeah', 'yep', 'sure', 'right', 'correct', "that's right", 'ok', 'okay', 'yes please', 'agree', 'i agree',
  '👍', '[强]', '[ok]',
  // English and pinyin from a young helper typing for a grandparent
  'yes she is', 'yes he is', 'yes it is', 'yes we are', 'yes correct', 'yes right', 'yes ok', 'ok yes', 'ok ok', 'okay yes', 'all correct', 'all right',
  'shi', 'shi de', 'shide', 'shi a', 'dui', 'dui de', 'duide', 'dui a', 'hao', 'hao de', 'haode', 'en', 'en en', 'keyi', 'ke yi', 'tongyi', 'tong yi', 'meiwenti', 'mei wen ti', 'mei wenti',
  // dialect and spoken forms (西南 撒/噻, 粤 系/冇, 北方 中/得行, 是嘞)
  '是撒', '是噻', '是咯', '是哩', '是嘞', '是勒', '就是嘞', '算是', '算', '系', '系啊', '係', '对哩', '对嘞', '对头撒', '冇错', '没得错', '莫得错', '冇问题',
  '没得问题', '莫得问题', '没得事', '莫问题', '差不离', '要得撒', '得行撒', '中中', '中啊', '可得', '好咧', '好哩', 'ok了', 'okk', 'okok',
  // 粤: 系/係 (is), 啱 (right), 冇错/冇问题 (no mistake), 得 (can), 好嘅
  '系呀', '係啊', '係呀', '系嘅', '係嘅', '啱', '啱啱', '啱啱好', '啱晒', '好啱', '冇错啦', '冇問題', '冇错晒', '得', '得啦', '可以嘅', '同意嘅',
];

export const NO_WORDS = [
  '不', '不是', '不是的', '不是啊', '不是这样', '不是这样的', '否', '不对', '不对的', '不对啊', '不太对', '错了', '不同意', '不愿意',
  '不行', '不中', '不得行', '要不得', '不可以', '不能', '不要', '不用', '不需要', '不必', '不想', '不好', '没有', '没', '无',
  '算了', '莫得', '没得', '冇', '冇得', '冇有', '木有', '莫有', '不算', '不是撒', '不得', '唔系', '唔是', '没建档', '没建过档', '没有建档', '没建档立卡',
  '没有建档立卡', '不是建档立卡户', '不是贫困户', '冇建档', '莫建档',
  // 粤: 唔 (not) before a yes word
  '唔系', '唔係', '唔同意', '唔得', '唔啱', '唔要', '唔使', '唔好', '唔愿意', '唔肯', '唔对',
  'bu shi', 'bu shi de', 'bushi', 'bushide', 'bu dui', 'budui', 'bu', 'mei you', 'meiyou', 'bu tongyi', 'bu tong yi', 'no she is not', 'no he is not', "no it isn't", 'no we are not', "no she isn't", "no he isn't",
  '2', 'n', 'no', 'nope', 'not really', 'wrong', 'incorrect', 'no thanks', 'disagree',
];

/**
 * To a figure or a fact the bot said back ("按20,000元算，对吗？"), a hedged yes agrees: the villager
 * only estimated it in the first place. Not a yes to a question of their own (脱贫户, consent).
 */
export const HEDGED_YES = [
  '差不离', '差不离儿', '大差不离', '差不多少', '差不多', '差不多是', '差不多对', '大差不差', '八九不离十', '好像是', '好像对', '应该是', '应该对', '应该没错', '应该没问题', '大概是',
  '大概对', '大概', '估计是', '估计对', '就这么算', '就按这个', '按这个算', '就这样算', '就这个数', '是这个数', '这个数',
  'about right', 'roughly', 'i think so', 'probably', 'more or less', 'close enough',
];
/**
 * Words that hedge a yes or a no ("应该是吧", "好像不是", "大概是吧", "可能是"): to a question of the
 * villager's own (脱贫户) the answer after them is said back for a yes, never stored as said.
 */
export const HEDGES = ['应该', '好像', '大概', '可能', '估计', '也许', '恐怕', '似乎', '差不多'];

/**
 * "That is all" ("没有别的了", "就这些", "没其他的"): to a question whether the costs or figures said are
 * all of it (自己付了约X元，对吗？ / 加起来一共…，对吗？) a yes — although they start with 没有, they deny
 * only that anything is left out. Elsewhere plain 没有 stays a no.
 */
const NOTHING_ELSE_SAID = [
  '没有别的', '没别的', '没啥别的', '没什么别的', '没有别的钱', '没有别的花销', '没有别的费用', '别的没有', '别的没了', '别的都没有',
  '没有其他的', '没有其他', '没其他的', '没其他', '没有其它的', '没其它的', '其他没有', '其他的没有', '其他都没有', '其他的都没有',
  '没有别的了吧', '就这些', '就这么些', '就这么多', '就这些钱', '就这', '就这个', '就这么点', '全在这了', '都在这了', '都算上了', '都算进去了',
  '再没有了', '再没别的', '再没有别的', '没有漏的', '没漏', '没落下',
];
// particles are taken off before words are compared ("没有别的了" → "没有别"): the stems are words too
export const NOTHING_ELSE = [...NOTHING_ELSE_SAID, ...NOTHING_ELSE_SAID.filter((w) => w.endsWith('的')).map((w) => w.slice(0, -1))];

/** To a figure said back, words that say it is off ("少了", "不是这个数"): a no — the question is asked again. */
export const FIGURE_NO = [
  '少了', '多了', '少了点', '多了点', '少了些', '多了些', '少一点', '多一点', '不止', '不止这些', '不止这个数', '不是这个数', '不是这个',
  '多算了', '多算了点', '多算了一点', '算多了', '少算了', '少算了点', '少算了一点', '算少了', '少了吧', '多了吧', '不太对', '不大对', '有点不对', '不太准', '不准',
  '莫得那么多', '没得那么多', '冇那么多', '没有那么多', '数不对', '数字不对', '钱数不对', '差得远', '差远了', '太多了', '太少了', '没那么多', '没这么多', '哪有那么多', '不到', '不够',
  'too much', 'too little', 'too low', 'too high', 'more than that', 'less than that', 'not that much',
];

/** A no that stands apart from what follows it even without a comma ("不对是我儿子", "错了三万五"). */
export const NO_APART = ['不对', '不对的', '错了', '不是的', '说错了'];

/** Words that may lead a longer no ("不是脱贫户", "不愿意让查", "没有建过档"). */
export const NO_LEADS = ['唔系', '唔係', '唔同意', '唔得', '唔愿意', '莫得', '没得', '冇', '不算', '不是', '不对', '不行', '不同意', '不愿意', '不要', '不用', '不需要', '不可以', '不能', '不想', '没有', '从来不是', '并不是'];
/** Words that may lead a longer yes ("同意查", "可以的，查吧"). */
export const YES_LEADS = ['冇错', '冇问题', '没得问题', '系啊', '是啊', '是呀', '是的', '对的', '没错', '可以', '同意', '愿意', '没问题', '是这样', '对头', '就是', '好的', '行', '嗯', '对'];

/** After a no, these make it "I don't know" rather than a no ("不是很清楚", "不太记得"). */
export const UNSURE_WORDS = ['知道', '清楚', '晓得', '确定', '记得', '一定', '好说', '懂', '明白', '了解'];

/** Before a yes word, a negation that turns it into a no ("不太对", "不怎么同意", "不可以"). */
export const NEGATION = /^(?:不|没|唔)(?:太|大|怎么|是很|是太|很)?/u;

/** Right before a step's mark, these turn it round ("不是脱贫户", "没建过档"). */
export const MARK_NEGATIONS = ['唔系', '唔係', '唔', '从来不是', '从来没', '并不是', '不算', '不是', '没有', '莫得', '没得', '冇得', '冇', '没', '不', '未', '不愿意', '不想', '不同意', '不准', '不许', '别'];

// Politeness and particles that do not change the answer ("好的呀", "我同意", "是的谢谢", "那就这样").
export const YES_NO_PREFIXES = ['我们家', '俺们家', '我家', '俺家', '咱家', '额家', '我们', '俺们', '咱们', '额们', '我', '额', '咱', '偶', '俺', '那就', '那', '还', '嗯'];
export const YES_NO_SUFFIXES = ['谢谢你', '谢谢您', '谢谢', '撒', '噻', '咯', '啊', '呀', '吧', '哦', '噢', '喔', '啦', '呢', '哈', '了', '嘛', '的', '嘞', '咧', '哩', '哟', '嘅', '喇', '啰', '咩', '哒'];

/** In a clause after a yes, words that add something left out ("差不多 还有门诊花的没算"): not a plain yes. */
export const YES_BUT = ['还有', '没算', '没有算', '不算', '但是', '不过', '可是', '只是', '漏了', '少算', '另外', '除了'];

/**
 * Someone else's answer passed on ("我奶奶说同意", "我奶奶看了说没问题", "老伴说行"): whose word it
 * is does not change it. The words before 说 that may name who said it.
 */
export const REPORTED_SPEAKERS = [
  '奶奶', '爷爷', '姥姥', '姥爷', '外婆', '外公', '老伴', '老伴儿', '老头', '老头子', '老太', '老太太', '老婆', '老公', '媳妇', '妈', '爸', '妈妈', '爸爸', '爹', '娘', '老爹', '老娘', '婆婆', '公公',
  '老人', '老人家', '孩子', '儿子', '闺女', '女儿', '他', '她', '户主', '家里人', '大家', '一家人',
];
