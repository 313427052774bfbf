/**
 * A sum of money taken out of what a villager says: "报了一万", "民政给了2000", "一年一万二",
 * "助学金2000", "大概3万块钱吧" → that figure; "没报销", "还没报", "一分没报" → 0; "两万多",
 * "一万二三", "一个月两千" (for a yearly figure) → an `Approximate` to confirm; "总共三万，报了一万"
 * → the figure the question asks about, to confirm, or `Unplaced` when it cannot be told.
 * Vague answers ("很多", "不记得", "好几万") and questions ("报了一万还能申请吗") are not read.
 * The words it knows are data in amount-words.ts.
 */
import type { ParseResult, Reading } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';
import { MAX_FEN, moneyFen, toFen, ungroup } from './money';
import { splitRange } from './numeral-range';
import { parseChineseNumber } from './chinese-number';
import { looksLikeQuestion } from './question';
import * as W from './amount-words';

export type { AmountTopic } from './amount-words';

export interface AmountOptions {
  /** Zero (没有/无/0, "没报销") is a valid answer. Default true. */
  allowZero?: boolean;
  /** The question asks for a yearly figure: a monthly one is read as twelve of it, to confirm. */
  per?: 'year';
  /** What the question asks about: a figure whose lead-in says otherwise is not taken for it. */
  topic?: W.AmountTopic;
  /** The question asks what the household paid itself: of several figures, the one said so ("自己掏了三万"). */
  selfPaid?: boolean;
}

export type AmountApprox = 'estimate' | 'range' | 'monthly' | 'picked' | 'summed' | 'perUnit' | 'perPeriod';
/** Money in integer fen, as read from a sentence. */
export type AmountReading = Reading<number, AmountApprox>;

const DIGITS = '0-9零〇一二两俩三仨四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億';
// A figure starts with a digit (or 十, "十二"), never with a bare unit.
const FIRST = '0-9零〇一二两俩三仨四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾';
// A figure with its units: "32,000", "两万五", "5块5", "三千块钱", "一千二百三十四元五角", "5毛".
const FIGURE = new RegExp(
  `[${FIRST}](?:[${DIGITS}.,]*[${DIGITS}])?(?:(?:块钱|块|元|圆)(?:[${DIGITS}](?:角|毛)?(?:[${DIGITS}]分)?)?|(?:角|毛)(?:[${DIGITS}]分)?)?`,
  'gu',
);
// Digits and 十 alone, no larger unit and no 元: a figure only where nothing but money words follow ("报了二十").
const LONE = /^[零〇一二两俩三仨四五六七八九十壹贰叁肆伍陆柒捌玖拾]+$/u;
const LONE_MAY_PRECEDE = /^(?:钱|块|元|多|来|把|出头|左右|上下|吧|啊|呀|了|的样子|整)/u;

interface Figure {
  fen: bigint;
  kind: 'exact' | 'estimate' | 'range';
  low?: bigint;
  high?: bigint;
  monthly: boolean;
  /** Said for a term, half a year or a day ("一学期四千"): `times` of it make the year (a day's: the days said, 0 until known). */
  period?: { per: 'term' | 'half' | 'day' | 'month'; times: bigint };
  topic?: W.AmountTopic;
  /** Said as a total ("总共五万"): never added to another figure. */
  total?: boolean;
  /** Said as what the household paid itself ("自己掏了三万"). */
  self?: boolean;
  /** Led by its order ("第一回一万五"): one of several times, each its own part. */
  ordinal?: boolean;
  /** Said after another figure as more of it ("还有五千", "另外又花了三千"): a part of the same sum. */
  added?: boolean;
  /** Borrowed and spent on the cost ("借了两万看病"): part of it, maybe not all — said back when it is the only one. */
  borrowed?: boolean;
}

const failure = (reason: 'empty' | 'not_a_number' | 'negative' | 'too_large' | 'zero'): ParseResult<number> => ({ ok: false, reason });

/** A settled figure, checked against the bounds every amount has. */
function settled(fen: bigint, allowZero: boolean): ParseResult<number> {
  if (fen > MAX_FEN) return failure('too_large');
  if (fen === 0n && !allowZero) return failure('zero');
  return { ok: true, value: Number(fen) };
}

/** The whole answer is one exact amount, hedges aside ("约3万", "3万左右", "-500"); null when it is not. */
function readWhole(s: string, allowZero: boolean): ParseResult<number> | null {
  let t = stripAffixes(s.replace(/块钱/g, '块'), W.HEDGE_PREFIXES, W.HEDGE_SUFFIXES);
  const negative = /^(-|负)/u.test(t);
  if (negative) t = t.replace(/^(-|负)\s*/u, '');
  const ungrouped = ungroup(t);
  if (ungrouped === null) return null;
  const bare = ungrouped.replace(/[元块圆]$/u, '');
  const fen = W.ZERO_WORDS.includes(bare) || /^0+(\.0+)?$/.test(bare) ? 0n : toFen(ungrouped);
  if (fen === null) return null;
  if (negative && fen > 0n) return failure('negative');
  return settled(fen, allowZero);
}

const HAS_FIGURE = new RegExp(`[${FIRST}]`, 'u');

/**
 * A voice message or a quick typist parts clauses by a space, not a comma ("民政救助给了三千 保险赔了两千"):
 * a space is a clause break where a figure stands on both sides of it; elsewhere ("报了 两万", "3 万") it is not.
 */
/** Words naming what a sum is about ("保险", "民政", "花了"), as a clause may start with them. */
const TOPIC_START: readonly string[] = Object.values(W.TOPIC_WORDS).flat();

function spokenClauses(s: string): string {
  const chunks = s.split(/(?<=[\p{Script=Han}0-9])\s+(?=\p{Script=Han})/u);
  let out = chunks[0] ?? '';
  let current = out;
  for (const c of chunks.slice(1)) {
    // "政府给了500 保险赔了2000": after Arabic digits a space parts clauses only before a word naming a sum ("500 元" is one figure)
    if (/[0-9]$/u.test(current) && !TOPIC_START.some((w) => c.startsWith(w))) {
      out += ' ' + c;
      current += c;
      continue;
    }
    // "没有收入 全靠儿女给点", "一分没报 在外省看的": a "nothing" clause stands apart from the reason said after it
    const brk = (HAS_FIGURE.test(current) && HAS_FIGURE.test(c)) || waiverClause(current) || waiverClause(c) || zeroClause(current) !== null || zeroClause(c) !== null;
    out += (brk ? ',' : ' ') + c;
    current = brk ? c : current + c;
  }
  return out;
}

/** Clauses of a sentence: split at punctuation, except inside a number ("32,000", "1.5万"). */
function clausesOf(s: string): string[] {
  const joined = spokenClauses(s).replace(/(?<!\d)\s+|\s+(?!\d)/gu, '');
  return joined.split(/(?<!\d)[,.;!?~、:]+|[,.;!?~、:]+(?!\d)/u).filter((c) => c !== '');
}

const ZERO_WORDS_BY_LENGTH = [
  ...W.ZERO_LEXICON.negation.map((w) => ({ w, role: 'negation' as const })),
  ...W.ZERO_LEXICON.around.map((w) => ({ w, role: 'around' as const })),
  ...W.ZERO_LEXICON.after.map((w) => ({ w, role: 'after' as const })),
  ...W.ZERO_LEXICON.particles.map((w) => ({ w, role: 'particle' as const })),
].sort((a, b) => b.w.length - a.w.length);

/** A clause saying "nothing" ("还没报", "啥也没有"), with what it is about; null when it is not one. */
function zeroClause(clause: string): { topic?: W.AmountTopic } | null {
  let negated = false;
  let topic: W.AmountTopic | undefined;
  for (let i = 0; i < clause.length; ) {
    const hit = ZERO_WORDS_BY_LENGTH.find((x) => clause.startsWith(x.w, i));
    if (!hit) return null;
    // a verb before the negation asks ("报了没有"); nouns and adverbs may stand anywhere
    if (hit.role === 'after' && !negated && !(W.ZERO_LEXICON.around as readonly string[]).includes(hit.w)) return null;
    if (hit.role === 'negation') negated = true;
    topic ??= W.ZERO_TOPIC[hit.w];
    i += hit.w.length;
  }
  return negated ? { topic } : null;
}

const startsWithAny = (s: string, words: readonly string[]) => words.some((w) => s.startsWith(w));
const endsWithAny = (s: string, words: readonly string[]) => words.some((w) => s.endsWith(w));

const TOPIC_LOOKUP = (Object.entries(W.TOPIC_WORDS) as [W.AmountTopic, string[]][]).flatMap(([topic, words]) => words.map((w) => ({ w, topic })));

/**
 * The lead-in nearest before the figure (else the first after it) says what it is about; `borrowed` when a
 * loan's words say it was borrowed and spent on the cost ("还有五千是借钱买的药").
 */
function topicOf(before: string, after: string): { topic?: W.AmountTopic; borrowed?: true } {
  const topic = leadIn(before, after);
  // "还有五千是借钱买的药": borrowed, and spent on what the cost is
  return topic === 'loan' && W.LOAN_SPENT.test(before.slice(-8) + after) ? { topic: 'cost', borrowed: true } : { topic };
}

function leadIn(before: string, after: string): W.AmountTopic | undefined {
  let best: { end: number; len: number; topic: W.AmountTopic } | undefined;
  for (const { w, topic } of TOPIC_LOOKUP) {
    const at = before.lastIndexOf(w);
    if (at < 0) continue;
    const end = at + w.length;
    if (!best || end > best.end || (end === best.end && w.length > best.len)) best = { end, len: w.length, topic };
  }
  // "免了学费两千五", "减免了住院费三千": a cost named as what was received
  if (best?.topic === 'cost') {
    const rest = before.slice(0, best.end - best.len);
    const bare = rest.replace(W.OBJECT_PARTICLES, '');
    if (TOPIC_LOOKUP.some(({ w, topic }) => topic === 'received' && (rest.endsWith(w) || bare.endsWith(w.replace(/了$/u, ''))))) return 'received';
  }
  // "儿子打工给了一万": given from what was earned — income, not aid
  if (best?.topic === 'received' && /给了?$/u.test(before.slice(0, best.end)) && W.TOPIC_WORDS.income.some((w) => before.slice(0, best!.end - best!.len).includes(w))) return 'income';
  // "药店又拿了三千的药": medicine fetched and paid for, not money received
  if (best?.topic === 'received' && W.FETCHED.some((w) => before.slice(0, best!.end).endsWith(w)) && W.GOODS_AFTER.test(after)) return 'cost';
  return best?.topic ?? (W.LOSS_NOUNS.some((w) => before.includes(w)) ? 'cost' : firstAfter(after));
}

/** The first lead-in after a figure ("五千是借的": a loan), or undefined. */
function firstAfter(after: string): W.AmountTopic | undefined {
  let first: { at: number; topic: W.AmountTopic } | undefined;
  for (const { w, topic } of TOPIC_LOOKUP) {
    const at = after.indexOf(w);
    if (at >= 0 && (!first || at < first.at)) first = { at, topic };
  }
  return first?.topic;
}

/** Ranges written out ("两万到三万", "2到3万"): the second figure's unit applies to a bare first one. */
function mergeRanges(clause: string, found: { text: string; at: number }[]): { text: string; at: number; end: number; high?: string }[] {
  const out: { text: string; at: number; end: number; high?: string }[] = [];
  for (let i = 0; i < found.length; i++) {
    const a = found[i];
    const b = found[i + 1];
    const between = b ? clause.slice(a.at + a.text.length, b.at) : '';
    if (b && W.RANGE_BETWEEN.includes(between)) {
      const unit = /[十百千万亿]$/u.test(a.text) ? '' : (/[十百千万亿](?:块钱|块|元)?$/u.exec(b.text)?.[0] ?? '');
      out.push({ text: a.text + unit, at: a.at, end: b.at + b.text.length, high: b.text });
      i++;
    } else out.push({ text: a.text, at: a.at, end: a.at + a.text.length });
  }
  return out;
}

const DIFFERENCE_WORDS = [...W.DIFFERENCE_BEFORE.plus, ...W.DIFFERENCE_BEFORE.minus, ...W.DIFFERENCE_BEFORE.unclear].sort((a, b) => b.length - a.length);
const DIFFERENCE_FILLERS = /(?:了|个|约|大概|大约|差不多|有)*$/u;

/** The difference word ending `before`, when nothing but a yes or no stands before it ("不对，再加"); else null. */
function differenceBefore(before: string): string | null {
  const s = [before, before.replace(DIFFERENCE_FILLERS, '')].find((b) => DIFFERENCE_WORDS.some((w) => b.endsWith(w)));
  const word = s === undefined ? undefined : DIFFERENCE_WORDS.find((w) => s.endsWith(w));
  if (s === undefined || !word) return leadingDifference(before);
  // a difference stands at the start of what is said: "一万加上五千" adds two figures said together
  return new RegExp(`[${FIRST}]`, 'u').test(s.slice(0, -word.length)) ? null : word;
}

const SURE_DIFFERENCE_WORDS = [...W.DIFFERENCE_BEFORE.plus, ...W.DIFFERENCE_BEFORE.minus].sort((a, b) => b.length - a.length);
/** "还要加上外面买药的五千": a clear difference word opening what is said, what it is for between it and the figure. */
function leadingDifference(before: string): string | null {
  const s = before.replace(/^(?:不对|不是)?[\s,，]*/u, '');
  const word = SURE_DIFFERENCE_WORDS.find((w) => s.startsWith(w));
  return word && !new RegExp(`[${FIRST}]`, 'u').test(s.slice(word.length)) ? word : null;
}

/**
 * A reply that gives a difference from a figure said back ("再加五千" → +5,000 yuan, "多算了两千" →
 * −2,000): the signed sum in fen; null when the reply is not one, or its direction is not clear ("少了五千").
 */
export function readDifference(text: string): number | null {
  const clauses = clausesOf(stripTrailingPunctuation(normalizeInput(text)).toLowerCase());
  const last = clauses[clauses.length - 1];
  if (!last) return null;
  const found = [...last.matchAll(FIGURE)];
  if (found.length !== 1) return null;
  const word = differenceBefore(last.slice(0, found[0].index));
  const fen = moneyFen(found[0][0]);
  if (!word || fen === null || fen === 0n || !/^(?:块钱|块|元|钱|吧|啊|呀|了)*$/u.test(last.slice(found[0].index + found[0][0].length))) return null;
  if ((W.DIFFERENCE_BEFORE.plus as readonly string[]).includes(word)) return Number(fen);
  if ((W.DIFFERENCE_BEFORE.minus as readonly string[]).includes(word)) return -Number(fen);
  return null;
}

/** A bare number a person's age could be ("七十", "65"): no unit, 1 to 120. */
function isAge(text: string): boolean {
  const n = /^[0-9]{1,3}$/u.test(text) ? Number(text) : LONE.test(text) ? parseChineseNumber(text) : null;
  return n !== null && n >= 1 && n <= 120;
}

/** The figures of one clause; 'bad' when a figure is there but cannot be read ("3万2万", "3.5k", "一天一百"). */
function figuresOf(said: string, earlier = false): Figure[] | 'bad' | { bound: bigint | null } {
  const clause = said.replace(/(^|[^0-9零〇一二两俩三仨四五六七八九十])([万千百])把/gu, '$1一$2把'); // "万把块" = about 一万
  const found = [...clause.matchAll(FIGURE)].map((m) => ({ text: m[0], at: m.index }));
  const figures: Figure[] = [];
  let bounded = false;
  let bound: bigint | null = null;
  let skipUntil = 0;
  for (const f of mergeRanges(clause, found)) {
    const before = clause.slice(0, f.at);
    const after = clause.slice(f.end);
    const hasYuan = /[元块圆角毛]/u.test(f.text);
    if (before.endsWith('第')) continue; // an order, "第一"
    if (f.at < skipUntil) continue; // "一万挂零": the 零 of the estimate word
    const afterMarker = after.replace(/^(?:大几|多|来|几)(?![十百千万点一])/u, ''); // "十多个" is a count, "一万多点" money
    // "政府给了500保险赔了2000": a word naming the next sum (保险) is not the unit it starts like (保)
    const nextSum = startsWithAny(after, TOPIC_START);
    if (!hasYuan && !nextSum && (startsWithAny(after, W.NOT_MONEY_AFTER) || (afterMarker !== after && startsWithAny(afterMarker, W.NOT_MONEY_AFTER)))) continue;
    if (LONE.test(f.text) && after !== '' && !LONE_MAY_PRECEDE.test(after)) continue;
    if (LONE.test(f.text) && W.GRADE_BEFORE.test(before)) continue; // "高二"
    // "老伴今年七十了", "我今年65": an age told in the story, not money
    if (W.AGE_BEFORE.test(before) && W.AGE_AFTER.test(after) && isAge(f.text) && leadIn(before, '') === undefined) continue;
    if (W.SHARE_BEFORE.test(before)) return 'bad'; // "百分之六十"
    if (endsWithAny(before, W.RETRACT_BEFORE)) continue; // "不是三万，是两万"
    // "不到一万", "剩不下一万", "一万不到": a bound, not the sum — never taken as said
    if (endsWithAny(before.replace(/(?:块钱|块|元|钱)$/u, ''), W.BOUND_BEFORE) || startsWithAny(after.replace(/^(?:块钱|块|元|钱)/u, ''), W.BOUND_AFTER)) {
      bounded = true;
      bound ??= moneyFen(f.text);
      continue;
    }
    if (/^[a-z]/u.test(after) && !/^(?:rmb|yuan)/u.test(after)) return 'bad'; // "3.5k", "3w": an unknown unit
    if (W.OTHER_PERIOD_BEFORE.test(before)) return 'bad'; // "每周五百"
    // "一学期三千", "半年五千", "一天一百": how many of them make the year is worked out by the sentence reader
    const period: Figure['period'] = W.TERM_BEFORE.test(before)
      ? { per: 'term', times: BigInt(W.TERMS_A_YEAR) }
      : W.HALF_YEAR_BEFORE.test(before) ? { per: 'half', times: 2n } : W.DAILY_BEFORE.test(before) ? { per: 'day', times: 0n } : undefined;
    if (PER_UNIT_BEFORE.test(before) && !ORDINAL_BEFORE.test(before)) return 'bad'; // "一头一万" without the count: a price, not the sum
    // "再加五千": a difference, not the sum — unless a figure was said before it ("手术一万五，加上住院八千": a part)
    const difference = differenceBefore(before);
    const adds = earlier || figures.length > 0;
    if (difference && !(adds && (W.DIFFERENCE_BEFORE.plus as readonly string[]).includes(difference))) return 'bad';

    let text = f.text;
    let kind: Figure['kind'] = 'exact';
    const scaled = /^(?:多|来|几)([十百千万])/u.exec(after); // "十多万" → about 十万
    if (scaled) {
      text += scaled[1];
      kind = 'estimate';
    } else if (startsWithAny(after, W.ESTIMATE_AFTER) || endsWithAny(before, W.ESTIMATE_BEFORE)) {
      kind = 'estimate';
      const word = W.ESTIMATE_AFTER.filter((w) => after.startsWith(w)).sort((a, b) => b.length - a.length)[0];
      if (word) skipUntil = f.end + word.length;
    }

    const { topic, borrowed } = topicOf(before, after);
    // "还有五千没报": what was not received, named by nothing else — not a figure of any sum asked
    if (W.NOT_RECEIVED_AFTER.test(after) && leadIn(before, '') === undefined) return 'bad';
    const figure: Figure = {
      fen: 0n, kind, monthly: !period && W.MONTHLY_BEFORE.test(before), ...(period ? { period } : {}), topic, total: W.TOTAL_BEFORE.test(before), self: W.SELF_PAID_BEFORE.test(before), ordinal: ORDINAL_BEFORE.test(before),
      added: adds && W.ADDED_BEFORE.test(before), borrowed,
    };
    const exact = f.high === undefined ? moneyFen(text) : null;
    const ends = f.high !== undefined ? [text, f.high] : exact === null ? splitRange(text) : null;
    if (exact !== null) figure.fen = exact;
    else if (ends) {
      const [low, high] = ends.map(moneyFen);
      if (low === null || high === null || high <= low) return 'bad';
      Object.assign(figure, { kind: 'range', low, high, fen: (low + high) / 2n });
    } else return 'bad';
    figures.push(figure);
  }
  // a clause that only gives a bound ("剩不下一万") says no figure that can be taken
  return bounded && figures.length === 0 ? { bound } : figures;
}

const UNIT = `(?:${W.UNITS.join('|')})`;
/** "一头一万", "每亩两千": right before the figure, the unit it is the price of ("死了一头值八千", "倒了一间损失三万": a count of one, not a price). */
const PER_UNIT_BEFORE = new RegExp(`(?:(?<!了)一|每)${UNIT}(?:的|是|要|值|卖|能卖|赔|损失|就|得|大概|差不多)*$`, 'u');
/** "2头牛死了，一头一万", "三亩地每亩两千": the count, then the price per unit. */
const PER_UNIT = new RegExp(`([0-9]+|[零一二两俩三仨四五六七八九十百]+)(${UNIT})[^0-9]*?(?:一|每)\\2(?:的|是|要|值|卖|能卖|赔|损失|就|得|大概|差不多)*([0-9零〇一二两三四五六七八九十百千万.]+(?:块钱|块|元)?)`, 'u');

/** "第一回", "第2次", "头一次", "另一回": a part said by its order. */
const ORDER = '(?:第[0-9一二两三四五六七八九十]+|(?:头一?|另一|后一|再一|最后一)(?=[次回趟遍]))';
const ORDINAL = new RegExp(ORDER, 'u');
/** Right before a figure: its order ("第一回", "第二次住院", "头一次"). */
const ORDINAL_BEFORE = new RegExp(`${ORDER}[^0-9零〇一二两三四五六七八九十]{0,4}$`, 'u');
/** "一次一万，一次一万五": "一次" said before each of several figures counts the times, as "第一次" would. */
const EACH_TIME = new RegExp(`(?<![第0-9零一二两三四五六七八九十每])一(${UNIT})(?=[^,;]{0,4}?[${FIRST}])`, 'gu');
function ordinalTimes(s: string): string {
  const times = [...s.matchAll(EACH_TIME)];
  if (times.length < 2) return s;
  let n = 0;
  return s.replace(EACH_TIME, (_m, unit: string) => `第${++n}${unit}`);
}

/** A price per unit and the count it was said with: their product, to say back; null when not so said. */
function perUnit(s: string, opts: AmountOptions): AmountReading | null {
  const m = PER_UNIT.exec(s.replace(/\s+/gu, ''));
  // "住了两回院，第一回一万五，第二回两万", "一次一万，一次一万五": each time its own figure, not a price per time
  if (!m || ORDINAL.test(s) || ordinalTimes(s) !== s) return null;
  const count = /^[0-9]+$/u.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
  const price = moneyFen(m[3]);
  if (count === null || !Number.isSafeInteger(count) || count < 2 || price === null || price === 0n) return null;
  const sum = price * BigInt(count);
  if (sum > MAX_FEN) return failure('too_large');
  void opts;
  return { ok: false, approx: 'perUnit', value: Number(sum), perUnit: Number(price), count, unit: m[2] };
}

/** Every figure said, in order: the "nothing" clauses as 0; figures before a clause taking them back are dropped. */
/** A clause letting a sum off without its amount ("学费免了"). */
function waiverClause(clause: string): boolean {
  if (HAS_FIGURE.test(clause.replace(/一分/gu, ''))) return false;
  return W.WAIVER_WORDS.some((w) => {
    const at = clause.indexOf(w);
    return at >= 0 && !W.WAIVER_NEGATED.test(clause.slice(0, at));
  });
}

function figuresIn(s: string): Figure[] | 'bad' | { waived: Figure[] } | { bound: bigint } {
  const all: Figure[] = [];
  let bounded = false;
  let bound: bigint | null = null;
  let waived = false;
  for (const clause of clausesOf(s)) {
    if (waiverClause(clause)) {
      waived = true;
      continue;
    }
    if (W.RETRACT_CLAUSES.includes(clause)) {
      all.length = 0; // "三万，不对，两万八"
      continue;
    }
    const zero = zeroClause(clause);
    if (zero) {
      all.push({ fen: 0n, kind: 'exact', monthly: false, topic: zero.topic });
      continue;
    }
    const figures = figuresOf(clause, all.length > 0);
    if (figures === 'bad') return 'bad';
    if (!Array.isArray(figures)) {
      bounded = true;
      bound ??= figures.bound;
      continue;
    }
    all.push(...figures);
  }
  // "不到一万" alone: nothing to take ("没有两万，一万八": the figure said after the bound is the answer)
  if (bounded && all.length === 0) return bound !== null && bound > 0n ? { bound } : 'bad';
  // the same figure said twice is one figure
  const seen = new Set<string>();
  const figures = all.filter((f) => {
    if (f.ordinal || f.added) return true; // "第一回一万，第二回一万": two times, each its own
    const key = `${f.fen}|${f.kind}|${f.monthly}|${f.period?.per}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return waived && figures.length > 0 ? { waived: figures } : figures;
}

/** The figure a sentence gives, and how sure it is. */
function readSentence(s: string, opts: AmountOptions, allowZero: boolean): AmountReading {
  const clauses = clausesOf(s);
  if (clauses.length > 0 && clauses.every((c) => zeroClause(c) !== null)) return settled(0n, allowZero);
  if (looksLikeQuestion(s)) return failure('not_a_number');
  const read = figuresIn(s);
  // "挣不了一万", "不到一万": only a bound — what it was is asked, the bound named, never taken as the sum
  if (typeof read === 'object' && 'bound' in read) return { ok: false, unplaced: 'bound', figures: [Number(read.bound)] };
  // "助学金两千 学费免了" where what was received is asked: the waiver's amount is still to be said
  if (typeof read === 'object' && 'waived' in read) {
    if (opts.topic === 'received') return { ok: false, unplaced: 'waived', figures: read.waived.map((f) => Number(f.fen)) };
  }
  const said = typeof read === 'object' && 'waived' in read ? read.waived : read;
  if (said === 'bad' || said.length === 0) return failure('not_a_number');
  // "花了5万报了2万，自己掏3万": the self-paid figure is not part of the total, and is the answer where it is asked
  const self = said.filter((f) => f.self);
  const figures = said.length > 1 && self.length > 0 && self.length < said.length ? (opts.selfPaid ? self : said.filter((f) => !f.self)) : said;
  // "自己掏了四万" where the whole cost is asked: the household's part, not the total
  if (opts.topic === 'cost' && !opts.selfPaid && self.length === said.length) return { ok: false, unplaced: 'elsewhere', figures: said.map((f) => Number(f.fen)) };

  // "一天一百": a year of it needs the days worked, said in the same message ("一年干两百天") or asked
  const daily = figures.filter((f) => f.period?.per === 'day');
  if (daily.length > 0) {
    const days = daysSaid(s);
    if (opts.per !== 'year') return failure('not_a_number');
    if (days === null) return { ok: false, unplaced: 'daily', figures: daily.map((f) => Number(f.fen)) };
    for (const f of daily) f.period = { per: 'day', times: days.n };
    if (days.rough) for (const f of daily) if (f.kind === 'exact') f.kind = 'estimate';
  }
  // "打工一个月三千，干了半年": a month's figure for the months said (6), not twelve of them
  const months = opts.per === 'year' ? monthsSaid(s) : null;
  if (months !== null) {
    for (const f of figures.filter((g) => g.monthly)) {
      f.monthly = false;
      f.period = { per: 'month', times: months.n };
      if (months.rough && f.kind === 'exact') f.kind = 'estimate';
    }
  }
  const periodic = (f: Figure) => f.monthly || f.period !== undefined;
  // "第一回一万五，第二回两万": the times, each its own part of what is asked
  if (opts.topic && figures.length > 1 && figures.every((f) => f.ordinal)) for (const f of figures) f.topic ??= opts.topic;

  // "三万，另外还有五千", "花了三万，还有五千是借钱买的药": more of the figure before it, when it names nothing else
  if (opts.topic) {
    for (let i = 1; i < figures.length; i++) {
      const [prev, f] = [figures[i - 1], figures[i]];
      if (!f.added || f.total || prev.total) continue;
      if (prev.topic === undefined && (f.topic === undefined || f.topic === opts.topic)) prev.topic = opts.topic;
      f.topic ??= prev.topic;
    }
  }

  let chosen = figures[0];
  let picked = figures !== said; // one taken among others said: said back
  // parts of what is asked, each said with its own lead-in ("种地卖了一万，打工挣了两万"): added up, said back
  // (a monthly part counts twelve times where a yearly sum is asked: "学费八千，生活费一个月一千")
  const yearly = (f: Figure) => (f.monthly ? f.fen * 12n : f.period ? f.fen * f.period.times : f.fen);
  // "住院两万，吃药五千，加起来两万五": the parts and their total, which they make — the total as said
  const totals = figures.filter((f) => f.total);
  const parts = figures.filter((f) => !f.total);
  if (opts.topic && totals.length === 1 && parts.length > 1 && figures.every((f) => f.kind === 'exact' && !periodic(f) && (f.topic === undefined || f.topic === opts.topic))) {
    if (parts.reduce((a, f) => a + f.fen, 0n) === totals[0].fen) return settled(totals[0].fen, allowZero);
  }
  if (figures.length > 1 && opts.topic && figures.every((f) => f.topic === opts.topic && (!periodic(f) || opts.per === 'year') && !f.total)) {
    const sum = figures.reduce((a, f) => a + yearly(f), 0n);
    if (sum > MAX_FEN) return failure('too_large');
    if (figures.every((f) => f.kind === 'exact')) return { ok: false, approx: 'summed', value: Number(sum), figures: figures.map((f) => Number(yearly(f))) };
    // "打工寄回来一万，种地卖了三四千": the sum's range (never one part's); "一万多，加两千": the sum, as an estimate
    if (figures.some(periodic)) return { ok: false, unplaced: 'several', figures: figures.map((f) => Number(yearly(f))) };
    const low = figures.reduce((a, f) => a + (f.kind === 'range' ? f.low! : f.fen), 0n);
    const high = figures.reduce((a, f) => a + (f.kind === 'range' ? f.high! : f.fen), 0n);
    if (high > low) return { ok: false, approx: 'range', value: Number((low + high) / 2n), low: Number(low), high: Number(high) };
    return { ok: false, approx: 'summed', value: Number(sum), figures: figures.map((f) => Number(yearly(f))), roughly: true };
  }
  if (figures.length > 1) {
    // only one of them is about what is asked, and every other one plainly about something else
    const mine = opts.topic ? figures.filter((f) => f.topic === opts.topic) : [];
    const rest = figures.filter((f) => !mine.includes(f));
    if (mine.length !== 1 || rest.some((f) => f.topic === undefined)) {
      return { ok: false, unplaced: 'several', figures: figures.map((f) => Number(f.fen)) };
    }
    chosen = mine[0];
    picked = true;
  } else if (opts.topic && chosen.topic && chosen.topic !== opts.topic) {
    return { ok: false, unplaced: 'elsewhere', figures: [Number(chosen.fen)] };
  }
  if (periodic(chosen) && opts.per !== 'year') return failure('not_a_number');

  const value = yearly(chosen);
  if (value > MAX_FEN) return failure('too_large');
  if (value === 0n && !allowZero) return failure('zero');
  const n = Number(value);
  if (picked) return { ok: false, approx: 'picked', value: n, figures: said.map((f) => Number(f === chosen ? value : f.fen)) };
  if (chosen.monthly) return { ok: false, approx: 'monthly', value: n, perMonth: Number(chosen.fen), roughly: chosen.kind !== 'exact' };
  if (chosen.period) return { ok: false, approx: 'perPeriod', value: n, each: Number(chosen.fen), period: chosen.period.per, times: Number(chosen.period.times), roughly: chosen.kind !== 'exact' };
  if (chosen.kind === 'estimate' || chosen.borrowed) return { ok: false, approx: 'estimate', value: n };
  if (chosen.kind === 'range') return { ok: false, approx: 'range', value: n, low: Number(chosen.low), high: Number(chosen.high) };
  return { ok: true, value: n };
}

/** The months a month's pay was earned, as said ("干了半年" 6, "一年干八个月" 8); null when not said or not 1 to 12. */
function monthsSaid(s: string): { n: bigint; rough: boolean } | null {
  const m = W.MONTHS_SAID.exec(s);
  if (!m) return null;
  if (m[3] !== undefined) return { n: 6n, rough: false };
  const n = /^[0-9]+$/u.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
  return n !== null && n >= 1 && n <= 12 ? { n: BigInt(n), rough: m[2] !== undefined || m[0].includes('个多月') } : null;
}

/** The days a day's pay was earned in a year, as said ("一年干两百天"; "一个月干二十天" is twelve months of them); null when not said. */
function daysSaid(s: string): { n: bigint; rough: boolean } | null {
  // the "一天" of "一天一百" is the pay's period, never the days: a month's days are 2 or more, a year's 10 or more
  const read = (re: RegExp, min: number, max: number, times: number) => {
    for (const m of s.matchAll(new RegExp(re.source, 'gu'))) {
      const n = /^[0-9]+$/u.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
      if (n !== null && n >= min && n <= max) return { n: BigInt(n * times), rough: m[2] !== undefined };
    }
    return null;
  };
  return read(W.DAYS_SAID.month, 2, 31, 12) ?? read(W.DAYS_SAID.year, 10, 366, 1) ?? read(W.DAYS_SAID.alone, 10, 366, 1);
}

const FIGURE_END = `[${DIGITS}元块]`;
const SELF_CORRECTION = new RegExp(`(?<=${FIGURE_END})[\\s,]*(?:${W.SELF_CORRECTION.join('|')})[\\s,]*(?:是|应该是)?(?=[^${FIRST}\\s,]{0,3}[${FIRST}])`, 'gu');
const MONTHLY_AFTER = new RegExp(`([${FIRST}][${DIGITS}.]*?(?:块钱|块|元)?)(${W.MONTHLY_AFTER.join('|')})(?![${DIGITS}])`, 'gu');

/** The spoken order put in the reader's: a figure taken back gets a clause of its own, a period after a figure goes before it. */
function spokenForms(s: string): string {
  return s.replace(SELF_CORRECTION, ',不对,').replace(MONTHLY_AFTER, '$2$1');
}

/**
 * Money in yuan, said any way a villager says it → integer fen, exactly, approximately (to be
 * confirmed before it is stored) or not at all. See the file comment for the forms.
 */
export function readAmount(text: string, opts: AmountOptions = {}): AmountReading {
  const allowZero = opts.allowZero ?? true;
  // "这个要算吗？一年两万": a question asked back, then the answer — the answer is read
  const asked = text.split(/[?？]/u);
  const answer = asked[asked.length - 1].trim();
  if (asked.length > 1 && answer !== '' && !looksLikeQuestion(answer) && hasFigureWords(answer)) return readAmount(answer, opts);
  const s = spokenForms(W.EN_FORMS.reduce((t, [form, to]) => t.replace(form, to as string), stripTrailingPunctuation(normalizeInput(text)).toLowerCase().trim()).replace(W.PER_YEAR_AFTER, ''));
  if (s === '') return failure('empty');
  return readWhole(s, allowZero) ?? perUnit(s, opts) ?? readSentence(ordinalTimes(s), opts, allowZero);
}

/** True when the text holds something that may be a figure (a digit or a Chinese numeral). */
export function hasFigureWords(text: string): boolean {
  return new RegExp(`[${FIRST}]`, 'u').test(normalizeInput(text));
}
