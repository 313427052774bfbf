/**
 * Words that mean the same thing at every step ("取消", "上一步", "人工"…). They are matched
 * against the whole message only — "我想取消" is not a command, so an answer that merely
 * contains a command word is never hijacked.
 */
import { normalizeInput } from '../parse';

export type Command =
  | 'cancel'
  | 'back'
  | 'help'
  | 'handover'
  | 'lang_en'
  | 'lang_zh'
  | 'greeting'
  | 'menu'
  | 'status'
  | 'unsubscribe'
  | 'subscribe'
  | 'explain';

/** "What does it mean": explains a case that just changed; otherwise the step reads it as it would. */
export const EXPLAIN_WHAT = ['什么意思', '啥意思', '是什么意思', '这是什么意思', '这是啥意思', '这个是什么意思', '这什么意思', '什么意思啊', '看不懂', '没看懂', 'what does this mean', 'what does it mean', 'meaning'];
/** "What do I do": explains a case that just changed; otherwise it is "帮助" for the step. */
export const EXPLAIN_HOW = ['怎么办', '咋办', '那怎么办', '现在怎么办', '接下来怎么办', '下一步怎么办', '我该怎么办', '下一步', '接下来呢', 'what now', 'what next', 'what should i do', 'what do i do'];

const WORDS: Record<Command, string[]> = {
  cancel: ['取消', '取消申请', '不申请了', '不办了', '退出', 'cancel', 'quit', 'exit', 'stop'],
  back: ['上一步', '返回', '上一个', '上一题', '退回', '回到上一步', 'back', 'previous', 'go back'],
  help: ['帮助', '说明', '怎么填', '不会填', 'help', '?'],
  handover: ['人工', '转人工', '人工服务', '找人工', '找村干部', '联系村干部', '村干部', 'human', 'agent', 'cadre', 'talk to a cadre'],
  lang_en: ['english', '英文', '英语'],
  lang_zh: ['中文', '汉语', '普通话', 'chinese', '简体中文'],
  greeting: ['你好', '您好', '在吗', '在不在', '你好啊', '您好啊', '嗨', '哈喽', 'hi', 'hello', 'hey'],
  menu: ['申请', '我要申请', '帮扶', '菜单', '主菜单', '开始', 'menu', 'start'],
  status: ['查询', '进度', '查进度', '查询进度', '查看进度', '查申请', 'status', 'progress'],
  // publicity only (broadcasts); case updates always come. "TD" is how SMS spam is refused here.
  unsubscribe: ['退订', '取消订阅', '退订消息', '不再接收', 'td', 'unsubscribe'],
  subscribe: ['订阅', '重新订阅', '恢复订阅', '恢复接收', 'subscribe'],
  // after a notice: what the case's status means (flows/faq/explain.ts); else as EXPLAIN_HOW says
  explain: [...EXPLAIN_WHAT, ...EXPLAIN_HOW],
};

const LOOKUP = new Map<string, Command>();
for (const [cmd, words] of Object.entries(WORDS) as [Command, string[]][]) {
  for (const w of words) LOOKUP.set(w, cmd);
}

/** The message reduced to what command matching compares: half-width, lower case, no trailing punctuation. */
export function commandText(text: string): string {
  const s = normalizeInput(text).toLowerCase();
  if (s === '?' || s === '？') return '?';
  return s.replace(/[\s.,!?~;:…、。！？～]+$/u, '');
}

/**
 * A whole message that asks how an application stands ("我要查一下我的申请", "查查我的申请到哪了",
 * "我的申请怎么样了"): the status command, never a new application. It names the application as
 * the villager's own (我的/俺的/我家的) or asks to look it up (查), and asks nothing else.
 */
const ASKS_STATUS = new RegExp(
  '^(?:你好|您好|喂)?(?:我|俺)?(?:想|要|来)?(?:查查|查一查|查一下|查下|查|看看|看一下|问问|问一下|问下)?' +
    '(?:我|俺|咱|我家|俺家|我们|俺们)(?:的|家的)?(?:申请|帮扶申请|救助申请|材料|案子|事)' +
    '(?:到哪了|到哪里了|到哪儿了|到哪一步了|到什么地步了|怎么样了|咋样了|怎样了|批了没|批了没有|批下来没|批下来了吗|有结果了吗|有消息了吗|有信儿没|办得怎么样了|办好了没|办到哪了|进度|的进度|结果)?' +
    '(?:啊|呀|呢|吗|了)*$',
  'u',
);
/** Looking it up without naming it as one's own needs a lookup verb: "查一下申请进度". */
const LOOKS_UP = /^(?:我|俺)?(?:想|要)?(?:查查|查一查|查一下|查下|查|看看|看一下)(?:一下)?(?:申请|帮扶申请)(?:到哪了|怎么样了|进度|的进度|结果)(?:啊|呀|呢|吗|了)*$/u;

export function detectCommand(text: string): Command | null {
  const s = commandText(text);
  const found = LOOKUP.get(s);
  if (found) return found;
  const bare = s.replace(/[\s,，。.!！?？~～、]+/gu, '');
  if (!ASKS_STATUS.test(bare) && !LOOKS_UP.test(bare)) return null;
  // "我的申请" alone, with no verb and no status word, says nothing about status
  return /[查看问]|到哪|怎么样|咋样|怎样|批|结果|消息|信儿|进度|办/u.test(bare) ? 'status' : null;
}
