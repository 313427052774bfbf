/**
 * Which FAQ entry a villager's text asks about. Pure and deterministic.
 *
 * Texts and FAQ phrases (question, synonyms, keywords) are reduced to sound tokens (tokens.ts),
 * so homophone typos from pinyin input (表准/标准, 报消/报销) and dialect merges (zh/z, n/l)
 * compare equal. Features are the tokens and their neighbouring pairs; each is weighted by how
 * rare it is among the entries (IDF), so 申请, which every entry mentions, counts little and
 * 公示 counts a lot. An entry scores by
 *   - its best phrase: weighted overlap of query and phrase (Dice), and how much of the phrase
 *     the query contains (a long question holding a whole synonym is a strong sign);
 *   - the whole entry: how much of the query its vocabulary explains.
 * English words unknown to the entries are corrected to the nearest known word (edit distance).
 * Library choice: pinyin-pro for the readings; general fuzzy finders (fuse.js and the like)
 * score characters, not sounds, and do not weigh rare words over common ones.
 */
import type { FaqEntryView } from './types';
import { cleanText, tokens } from './tokens';

/**
 * `literal`: the text holds one of the best entry's phrases or keywords as written (not only by
 * sound). Texts that do not look like questions are answered only on such evidence: "不知道"
 * sounds like part of "房子倒了", but nobody asking about disasters types it.
 */
export type FaqMatch =
  | { kind: 'confident'; key: string; score: number; literal: boolean }
  | { kind: 'unsure'; keys: string[]; scores: number[]; literal: boolean }
  | { kind: 'none'; best?: { key: string; score: number } };

/** Above this (and clear of the runner-up) the answer is given outright. */
export const CONFIDENT = 0.42;
/** Below this nothing is offered. */
export const CANDIDATE = 0.36;
/** How far the best must lead the second to be confident. */
const MARGIN = 0.1;
/** A best this high is confident whatever the runner-up. */
const CERTAIN = 0.8;

type Weighted = Map<string, number>;

interface Indexed {
  key: string;
  phrases: string[][];
  /** Each phrase's weighted features (parallel to `phrases`). */
  weighted: { w: Weighted; total: number }[];
  vocabulary: Set<string>;
  /** Phrases and keywords as written (cleaned), for `literal`. */
  literals: string[];
}

interface Index {
  entries: Indexed[];
  idf: Map<string, number>;
  maxIdf: number;
  latinWords: string[];
}

function features(toks: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    out.add(toks[i]);
    if (i + 1 < toks.length) out.add(`${toks[i]}+${toks[i + 1]}`);
  }
  return out;
}

// Pairs carry word order and so more meaning than single syllables.
const weightOf = (feature: string, idf: number) => (feature.includes('+') ? idf : idf * 0.5);

// The server hands over a fresh list with every message; the index depends only on the words.
const built = new Map<string, Index>();
const BUILT_LIMIT = 8;
let last: { list: FaqEntryView[]; index: Index } | null = null;

function signature(list: FaqEntryView[]): string {
  return list.map((e) => [e.key, e.question, ...e.synonyms, '|', ...e.keywords].join('\u0001')).join('\u0002');
}

function buildIndex(list: FaqEntryView[]): Index {
  if (last && last.list === list) return last.index;
  const sig = signature(list);
  let index = built.get(sig);
  if (!index) {
    index = indexOf(list);
    if (built.size >= BUILT_LIMIT) built.delete(built.keys().next().value!);
    built.set(sig, index);
  }
  last = { list, index };
  return index;
}

function indexOf(list: FaqEntryView[]): Index {
  const byKey = new Map<string, Indexed>();
  for (const e of list) {
    const item = byKey.get(e.key) ?? { key: e.key, phrases: [], weighted: [], vocabulary: new Set<string>(), literals: [] };
    for (const p of [e.question, ...e.synonyms, ...e.keywords]) {
      const literal = cleanText(p).replace(/[\s\p{P}]+/gu, '');
      if (Array.from(literal).length >= 2) item.literals.push(literal);
      const toks = tokens(p);
      if (toks.length === 0) continue;
      item.phrases.push(toks);
      for (const f of features(toks)) item.vocabulary.add(f);
    }
    byKey.set(e.key, item);
  }
  const entries = [...byKey.values()];
  const df = new Map<string, number>();
  for (const e of entries) for (const f of e.vocabulary) df.set(f, (df.get(f) ?? 0) + 1);
  const n = entries.length;
  const idf = new Map<string, number>();
  for (const [f, d] of df) idf.set(f, Math.log(1 + n / d));
  const latin = new Set<string>();
  for (const e of entries) for (const p of e.phrases) for (const t of p) if (/^[a-z]+$/.test(t) && t.length >= 3) latin.add(t);
  const index: Index = { entries, idf, maxIdf: Math.log(1 + Math.max(n, 1)), latinWords: [...latin] };
  for (const e of entries) {
    e.weighted = e.phrases.map((toks) => {
      const w = weigh(features(toks), index);
      return { w, total: total(w) };
    });
  }
  return index;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** An English word the entries do not know → the nearest one they do ("incom" → "income"). */
function correct(token: string, index: Index): string {
  if (!/^[a-z]+$/.test(token) || token.length < 4 || index.idf.has(token)) return token;
  const allowed = token.length >= 7 ? 2 : 1;
  let best = token;
  let bestD = allowed + 1;
  for (const w of index.latinWords) {
    if (Math.abs(w.length - token.length) > allowed) continue;
    const d = editDistance(token, w);
    if (d < bestD) [best, bestD] = [w, d];
  }
  return best;
}

function weigh(fs: Set<string>, index: Index): Weighted {
  const out: Weighted = new Map();
  for (const f of fs) out.set(f, weightOf(f, index.idf.get(f) ?? index.maxIdf));
  return out;
}

const total = (w: Weighted) => [...w.values()].reduce((a, b) => a + b, 0);

function overlap(q: Weighted, p: Weighted): number {
  let sum = 0;
  for (const [f, w] of p) if (q.has(f)) sum += w;
  return sum;
}

function scoreEntry(q: Weighted, qTotal: number, entry: Indexed, index: Index): number {
  let bestPhrase = 0;
  for (let i = 0; i < entry.phrases.length; i++) {
    const toks = entry.phrases[i];
    const { w: p, total: pTotal } = entry.weighted[i];
    const common = overlap(q, p);
    if (common === 0) continue;
    // F(β²=2): how much of the phrase the query holds counts more than how much of the query the phrase explains
    const recall = common / pTotal;
    const precision = common / qTotal;
    const dice = (3 * precision * recall) / (2 * precision + recall);
    // The query holds the whole phrase: strong when the phrase is a real part of the query.
    const held = common / pTotal;
    const contained = held >= 0.75 && toks.length >= 2 ? held * held * (0.35 + 0.65 * Math.min(1, pTotal / qTotal)) : 0;
    bestPhrase = Math.max(bestPhrase, dice, contained);
  }
  let explained = 0;
  for (const [f, w] of q) if (entry.vocabulary.has(f)) explained += w;
  return 0.7 * bestPhrase + 0.3 * (explained / qTotal);
}

/** Scores of every entry key for a text, best first. */
export function rankFaqs(text: string, list: FaqEntryView[]): { key: string; score: number }[] {
  if (list.length === 0) return [];
  const index = buildIndex(list);
  const toks = tokens(text).map((t) => correct(t, index));
  if (toks.length === 0) return [];
  const q = weigh(features(toks), index);
  const qTotal = total(q);
  return index.entries
    .map((e) => ({ key: e.key, score: Math.round(scoreEntry(q, qTotal, e, index) * 1000) / 1000 }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
}

/** True when the text holds one of the entry's phrases or keywords as written. */
function literalHit(text: string, key: string, list: FaqEntryView[]): boolean {
  const s = cleanText(text).replace(/[\s\p{P}]+/gu, '');
  return buildIndex(list).entries.some((e) => e.key === key && e.literals.some((l) => s.includes(l)));
}

/** Confident (one answer), unsure (up to three candidates) or none. */
export function matchFaq(text: string, list: FaqEntryView[]): FaqMatch {
  const ranked = rankFaqs(text, list);
  const [first, second] = ranked;
  if (!first || first.score < CANDIDATE) return { kind: 'none', ...(first ? { best: first } : {}) };
  const lead = first.score - (second?.score ?? 0);
  const literal = literalHit(text, first.key, list);
  if (first.score >= CERTAIN || (first.score >= CONFIDENT && lead >= MARGIN)) return { kind: 'confident', key: first.key, score: first.score, literal };
  const floor = Math.max(CANDIDATE, first.score * 0.6);
  const top = ranked.filter((r) => r.score >= floor).slice(0, 3);
  return { kind: 'unsure', keys: top.map((r) => r.key), scores: top.map((r) => r.score), literal };
}
