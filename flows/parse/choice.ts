import type { ParseResult } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';
import { parseChineseNumber } from './chinese-number';

export interface ChoiceOption<T extends string> {
  id: T;
  labels: readonly string[];
  /** The option's own words (its line in the list), read as one more label. */
  text?: string;
}

// Ways to say "option N": "选2", "第一个", "(1)", "2号".
const NUM_PREFIXES = ['我选', '我要选', '就选', '选择', '选', '第', '要'];
const NUM_SUFFIXES = ['个', '项', '号', '条', '种', '吧'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

const clean = (s: string): string => stripTrailingPunctuation(normalizeInput(s)).toLowerCase();

// Cleaned labels, by option: the lists are mostly the same arrays parse after parse — "who is ill"
// has ~8,700 labels, and cleaning them all again cost ~10 ms per answer. By the labels array, then
// the option's own text (one per language); a list built anew for each parse is simply not found again.
const cleanedByList = new WeakMap<readonly string[], Map<string, readonly string[]>>();
const TEXTS_MAX = 8;
function cleanedLabels(o: ChoiceOption<string>): readonly string[] {
  let byText = cleanedByList.get(o.labels);
  if (byText === undefined) cleanedByList.set(o.labels, (byText = new Map()));
  const text = o.text ?? '';
  let cleaned = byText.get(text);
  if (cleaned === undefined) {
    if (byText.size >= TEXTS_MAX) byText.clear();
    byText.set(text, (cleaned = [text, ...o.labels].map(clean).filter((l) => l !== '')));
  }
  return cleaned;
}

/** The 1-based option number the text states, or null when it is not just a number. */
function optionNumber(s: string): number | null {
  if (s.length === 1 && CIRCLED.includes(s)) return CIRCLED.indexOf(s) + 1;
  const core = stripAffixes(s.replace(/\s+/g, ''), NUM_PREFIXES, NUM_SUFFIXES).replace(/^\((.+)\)$/, '$1');
  return parseChineseNumber(core);
}

type Labelled<T> = { id: T; labels: readonly string[] }[];

/** Ids of options with a label inside the text, else (text ≥ 2 chars) with a label containing it. */
function fuzzy<T extends string>(s: string, labelled: Labelled<T>): T[] {
  // A hit inside a longer hit of another option does not count:
  // "因病致残" names the 残 option even though it also contains 因病.
  const hits = labelled.flatMap((o) => o.labels.filter((l) => s.includes(l)).map((l) => ({ id: o.id, l })));
  const kept = hits.filter((h) => !hits.some((g) => g.id !== h.id && g.l.length > h.l.length && g.l.includes(h.l)));
  if (kept.length > 0) return [...new Set(kept.map((h) => h.id))];
  if (Array.from(s).length < 2) return [];
  return labelled.filter((o) => o.labels.some((l) => l.includes(s))).map((o) => o.id);
}

const one = <T>(ids: T[]): ParseResult<T> =>
  ids.length === 1 ? { ok: true, value: ids[0] } : { ok: false, reason: 'choice_unknown' };

/**
 * One of `options`, by 1-based number ("2", "第二个", "选2", "①") or by label (case-insensitive).
 * Several options matching → 'choice_unknown' (never a guess); a number outside the list →
 * 'choice_out_of_range'. "2. 因病" is accepted when its text names no other option.
 */
export function parseChoice<T extends string>(text: string, options: readonly ChoiceOption<T>[]): ParseResult<T> {
  const s = clean(text);
  if (s === '') return { ok: false, reason: 'empty' };
  const labelled: Labelled<T> = options.map((o) => ({ id: o.id, labels: cleanedLabels(o) }));
  const byNumber = (n: number): ParseResult<T> =>
    n >= 1 && n <= options.length ? { ok: true, value: options[n - 1].id } : { ok: false, reason: 'choice_out_of_range' };

  // An exact label wins over reading the text as a number (a label may itself be "一").
  const exact = labelled.filter((o) => o.labels.includes(s)).map((o) => o.id);
  if (exact.length > 0) return one(exact);

  const n = optionNumber(s);
  if (n !== null) return byNumber(n);

  // "2. 因病", "1、住院": the number decides, unless the text names a different option.
  const numbered = /^(\d+)\s*[.,、:)]\s*(\D.*)$/u.exec(s);
  if (numbered) {
    const fromNumber = byNumber(Number(numbered[1]));
    const fromText = fuzzy(numbered[2], labelled);
    if (!fromNumber.ok || fromText.length === 0) return fromNumber;
    return fromText.length === 1 && fromText[0] === fromNumber.value ? fromNumber : { ok: false, reason: 'choice_unknown' };
  }
  return one(fuzzy(s, labelled));
}
