/**
 * How villagers answer the summary, kept as data beside its reader (summary-reply.ts). Lower case;
 * the reader matches them on the message after normalizeInput. The items' own names (labels and
 * editWords) come from the steps.
 */

/** Verbs that open an edit: "修改 电话", "改一下人口，5口", "change phone to 139…". */
export const EDIT_VERBS = [
  '我要修改', '我想修改', '我要改', '我想改', '要修改', '要改', '想改', '需要改', '帮我改一下', '帮我改', '修改一下', '修改', '更改', '更正', '改正',
  '改一下', '改下', '改改', '改', '换一下', '换', '重填', '重新填',
  'i want to change', 'change', 'edit', 'correct', 'fix', 'update',
];

/** Saying that something is wrong: "电话错了", "名字写错了", "手机号不对", "phone is wrong". */
export const WRONG_CUES = [
  '写错了', '填错了', '打错了', '输错了', '弄错了', '搞错了', '说错了', '选错了', '写错', '填错', '打错', '错了', '错啦', '错误',
  '有错', '有误', '不对', '不正确', '换了', '变了', '错',
  'is wrong', 'was wrong', 'is incorrect', 'wrong', 'incorrect', 'is not right', 'not right',
];

/** Not a wrong cue although it holds one ("电话没错"). */
export const NOT_WRONG = ['没错', '没有错', '不错', '没写错', '没填错', '没问题', '是对的', '正确'];

/** Leading the new value, and saying by themselves that the item is changed: "电话改成139…", "人口应该是5". */
export const CHANGE_CUES = [
  '应该改成', '要改成', '改成', '改为', '换成', '写成', '应该是', '应该为', '应是', '应为', '正确的是', '对的是', '其实是', '实际是',
  '现在是', '现在的是', '新的是', '新号码是', '新号是', 'should be', 'should read', 'change to', 'changed to',
];

/** Leading the new value after a wrong cue or an edit verb only: "名字写错了，是李桂兰", "change phone to 139…". */
export const VALUE_CUES = [...CHANGE_CUES, '是', '为', '成', 'it should be', "it's", 'it is', 'is', 'to', '='];

/**
 * What may stand before the item without changing whose it is ("那个电话错了", "我的名字", "申请人的电话").
 * Anything else ("我老伴的名字") makes the new value unsafe to take at once: the question is asked instead.
 */
export const PREFIX_FILLERS = [
  '不对', '不是', '有错', '错了', '哦', '噢', '啊', '嗯', '唉', '那个', '这个', '还有', '另外', '然后', '就是', '其中', '刚才', '上面',
  '申请人的', '户主的', '户主', '我家的', '我家', '家里的', '家里', '我的', '我', '的', '把', '麻烦', '请', '帮我', '帮忙', '给我', '你', '您', '一下',
  '其他都对', '别的都对', '基本都对', '都对', '对的', '对', '但是', '不过', '可是', '只是', '就',
  'my', 'the', 'please', 'and', 'also', 'oh', 'sorry', 'but',
];

/** Fillers that say something is wrong before naming it ("错了，电话是139…"). */
export const WRONG_LEADS = ['不对', '不是', '有错', '错了'];

/** "不是县医院，是市医院", "not X, it's Y": the value is what follows. */
export const INSTEAD = /^(?:不是|不叫|不在|not\s)[^,，;；]*[,，;；]\s*(?:而是|是|叫|在|but\s|it's\s|it\sis\s)?\s*(.+)$/iu;

/** "脑出血不是脑梗", "柳树村，不是东山村": the value, then what it is not. */
export const NOT_OLD = /^(.+?)[\s,，;；]*(?:而)?(?:不是|不叫|not\s).+$/iu;

/** A value that asks rather than tells ("人口是几口", "收入是多少"): not a new value. */
export const ASKING = /几|多少|啥|什么|哪|怎么|咋/u;

/** Said right before a yes/no item, giving its answer: "不是脱贫户", "我们是脱贫户". */
export const YES_NO_LEAD = /(?:不是|不算|是|算)[\s,，]*$/u;

/** A later clause about the rest, not part of the value ("13912345678，其他都对"). */
export const REST_WORDS = ['其他', '其它', '其余', '别的', '都对', '没问题', '没错', 'everything else', 'the rest'];

/** Said at the end of a value, not part of it ("是李桂兰吧"). */
export const VALUE_PARTICLES = ['吧', '啊', '呀', '哦', '噢', '哈', '呢', '嘛', '哟', '喔'];

/** Submit, besides the general yes words ("对的，提交吧", "没问题", "可以"). */
export const SUBMIT_WORDS = [
  '提交', '交', '递交', '上交', '确认提交', '确定提交', '可以提交', '直接提交', '马上提交', '提交申请', '就这样', '就这样提交', '就这些',
  '都对', '都对的', '都对着', '都对着呢', '全都对着', '全都对', '对着呢', '对着', '都对头', '全对头', '交了', '交嘛', '交了嘛', '交上去', '递上去', '全对', '全都对', '都没问题', '没有问题', '都可以', '都行', '无误', '确认无误', '核对无误', '正确', '都正确', '没有错', '没错误', '都没错', '全没错', '都没有错',
  'submit', 'ok submit', 'yes submit', 'submit it', 'ok confirm', 'ok send', 'confirm', 'all correct', 'all right', 'all good', 'looks good', 'go ahead', 'send it', 'fine',
];

/** Something is wrong, without saying what ("有错", "有个地方不对"): asked which. */
export const NO_WORDS = [
  '有错', '有错误', '有误', '有问题', '有点问题', '写错了', '填错了', '弄错了', '搞错了', '打错了', '有地方错了', '有个地方错了', '有一项错了',
  '有个地方不对', '有地方不对', '有一项不对', '不对劲', '有要改的',
  'mistake', 'there is a mistake', 'something is wrong', 'not correct', 'not right',
];

/** Not yet: "等一下", "先不提交". */
export const WAIT_WORDS = ['等一下', '等等', '等会', '等一会', '再看看', '我再看看', '先不提交', '不提交', '先别提交', '别提交', '先不交', '不交', '还没好', 'wait', 'not yet', 'hold on'];

/** A contrast: more is coming that is not a yes ("对，但是电话错了"). */
export const BUT_WORDS = ['但是', '不过', '可是', '就是有', '只是', 'but', 'except'];

/** A yes word that here answers nothing: "有" and "要" are not "submit". */
export const NOT_SUBMIT = ['有', '要', '需要', '改'];
