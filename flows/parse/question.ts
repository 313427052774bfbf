/**
 * Is a text a question? Used by the engine to tell a question from an answer to the current
 * step, by the sentence readers (a figure inside a question is not an answer) and by the
 * free-text checks (a name or a hospital is never a question). Shape only: it ends like a
 * question (？, 吗, 呢, 多少…) or carries a question word (怎么, 什么, 能不能…). 嘛, 噻, 咯, 嘞,
 * 哒, 撒 close a statement ("对头，交了嘛", "有低保的嘛"); 嘛 asks only after a can-do or must-do
 * word ("也能申请嘛", "要交钱嘛").
 */
import { normalizeInput } from './normalize';

// Endings after trailing punctuation is removed: particles and question words that close a question.
const ENDINGS = ['吗', '么', '呢', '不', '没', '没有', '多少', '多少钱', '几天', '多久', '多长时间', '怎么办', '怎么弄', '怎么样', '咋办', '咋弄', '啥', '什么', '哪些', '哪里', '哪儿', '为啥', '行不行', '能不能', '可不可以', '可以不', '对不对', '是不是', '要不要', '有没有', '会不会'];
// "也能申请嘛", "要交钱嘛", "还要写学校嘛": 嘛 after a can-do or must-do word and its verb asks whether one may or must
// (not "要得嘛", "没得建档嘛": yes and no in Sichuan words).
const MAY_I = /(?:能|可以|要|需要|必须|该|(?<![没莫要])得)(?![得的了啊呀吧哒噻撒嘛行])\p{Script=Han}+嘛$/u;
// Question words anywhere in the text.
const WORDS = ['谁', '怎么', '怎样', '咋', '啥', '什么', '多少', '多久', '多长时间', '哪些', '哪个', '哪里', '为什么', '为啥', '如何', '能不能', '可不可以', '可以吗', '是不是', '要不要', '有没有', '会不会', '行不行', '几天', '几个', '几次', '几时', '请问', '想问', '问一下', '啷个', '么子', '几多'];
// "没啥收入", "啥也没有", "什么都没给": 啥/什么 saying "nothing", not asking.
const NOTHING = /没有?(?:啥|什么)|(?:啥|什么)(?:也|都)(?:没|不)/gu;
// "过几天", "前几天", "好几年": a time, not "how many days?"
const SOME_TIME = /(?:过|这|前|那|后|好|头|再过)几(?:天|个月|年|次|回)/gu;
const EN_START = /^(what|what's|whats|how|when|where|who|whom|whose|why|which|can|could|do|does|did|is|are|am|will|would|should|shall|may|must|have|has)\b/;

export function looksLikeQuestion(text: string): boolean {
  const s = normalizeInput(text).toLowerCase();
  if (s === '') return false;
  if (/[?？]\s*$/u.test(s) || /[?？]/u.test(s)) return true;
  const bare = s.replace(/[\s.,!~;:…、。！～]+$/u, '').replace(NOTHING, '没').replace(SOME_TIME, '过些时');
  // "对着呢", "好着呢": 着呢 says how things are, it does not ask
  const statement = /着呢$/u.test(bare);
  if (!statement && ENDINGS.some((e) => bare.endsWith(e) && bare.length > e.length)) return true;
  if (MAY_I.test(bare)) return true;
  if (WORDS.some((w) => bare.includes(w))) return true;
  return EN_START.test(bare) && bare.split(/\s+/).length >= 3;
}
