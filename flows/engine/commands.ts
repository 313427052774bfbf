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
  | 'status';

const WORDS: Record<Command, string[]> = {
  cancel: ['取消', '取消申请', '不申请了', '不办了', '退出', 'cancel', 'quit', 'exit', 'stop'],
  back: ['上一步', '返回', '上一个', '上一题', '退回', '回到上一步', 'back', 'previous', 'go back'],
  help: ['帮助', '说明', '怎么填', '不会填', '怎么办', 'help', '?'],
  handover: ['人工', '转人工', '人工服务', '找人工', '找村干部', '联系村干部', '村干部', 'human', 'agent', 'cadre', 'talk to a cadre'],
  lang_en: ['english', '英文', '英语'],
  lang_zh: ['中文', '汉语', '普通话', 'chinese', '简体中文'],
  greeting: ['你好', '您好', '在吗', '在不在', '你好啊', '您好啊', '嗨', '哈喽', 'hi', 'hello', 'hey'],
  menu: ['申请', '我要申请', '帮扶', '菜单', '主菜单', '开始', 'menu', 'start'],
  status: ['查询', '进度', '查进度', '查询进度', '查看进度', '查申请', 'status', 'progress'],
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

export function detectCommand(text: string): Command | null {
  return LOOKUP.get(commandText(text)) ?? null;
}
