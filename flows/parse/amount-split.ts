/**
 * One answer about two sums, cut in two: what was spent (or lost) and what was received back
 * ("总共花了五万，报了两万" → "总共花了五万" | "报了两万"; "5万，还没报" → "5万" | "还没报";
 * "花了5万报了2万" → "花了5万" | "报了2万"). Each part is then read by its own question's reader
 * (amount-read.ts), which decides what is exact, approximate or out of place. A part is what the
 * first word naming a sum's topic in it says (amount-words.ts); a part naming none goes with the rest.
 */
import { normalizeInput, stripTrailingPunctuation } from './normalize';
import { hasFigureWords } from './amount-read';
import { ADDED_BEFORE, FETCHED_GOODS, TOPIC_WORDS, ZERO_TOPIC, type AmountTopic } from './amount-words';

const TOPICS = [
  ...(Object.entries(TOPIC_WORDS) as [AmountTopic, string[]][]).flatMap(([topic, words]) => words.map((w) => ({ w, topic }))),
  ...Object.entries(ZERO_TOPIC).map(([w, topic]) => ({ w, topic })),
].sort((a, b) => b.w.length - a.w.length);

const ADDED_START = new RegExp(`^(?:${ADDED_BEFORE.source})`, 'u');

/** The topic named first in a part ("医保报了2万": received), or undefined. */
function firstTopic(part: string): AmountTopic | undefined {
  if (FETCHED_GOODS.test(part)) return 'cost'; // "药店又拿了三千的药": bought, not received
  let best: { at: number; topic: AmountTopic } | undefined;
  for (const { w, topic } of TOPICS) {
    const at = part.indexOf(w);
    if (at >= 0 && (!best || at < best.at)) best = { at, topic };
  }
  return best?.topic;
}

/** A clause cut before each word of `topic` that follows a figure ("花了5万报了2万" → "花了5万", "报了2万"). */
function cutBefore(clause: string, topic: AmountTopic): string[] {
  for (let i = 1; i < clause.length; i++) {
    const hit = TOPICS.find((t) => t.topic === topic && clause.startsWith(t.w, i));
    // "五千是报销的": a word after the last figure names that figure, it starts no part of its own
    if (hit && hasFigureWords(clause.slice(0, i)) && hasFigureWords(clause.slice(i)) && firstTopic(clause.slice(0, i)) !== topic) {
      return [clause.slice(0, i), ...cutBefore(clause.slice(i), topic)];
    }
  }
  return [clause];
}

/**
 * The parts of `text` about `topic` ("received") and the rest, each joined back with a comma;
 * undefined for a side with nothing. Null when nothing is about `topic`.
 */
export function splitByTopic(text: string, topic: AmountTopic): { rest?: string; about: string } | null {
  const s = stripTrailingPunctuation(normalizeInput(text));
  // English words are parted by spaces: there clauses end at punctuation only, and are compared without spaces
  const english = /[a-z]{2}/iu.test(s);
  const cut = english ? /(?<!\d)[,;:!?~、]+|[,;:!?~、]+(?!\d)/u : /(?<!\d)[\s,;:!?~、]+|[\s,;:!?~、]+(?!\d)|(?<!\d)\.|\.(?!\d)/u;
  const clauses = s.split(cut).map((c) => (english ? c.toLowerCase().replace(/(?<![0-9])\s+|\s+(?![0-9])/gu, '') : c)).filter((c) => c !== '');
  const parts = clauses.flatMap((c) => cutBefore(c, topic));
  // "报了两万，还有三千": a part adding to the one before it, naming nothing itself, goes with that one
  const topics: (AmountTopic | undefined)[] = [];
  for (const [i, p] of parts.entries()) topics.push(firstTopic(p) ?? (i > 0 && ADDED_START.test(p) ? topics[i - 1] : undefined));
  const about = parts.filter((_p, i) => topics[i] === topic);
  if (about.length === 0) return null;
  const rest = parts.filter((p) => !about.includes(p));
  return { about: about.join(','), ...(rest.length > 0 ? { rest: rest.join(',') } : {}) };
}
