/**
 * What a villager's reply to the summary says, read the way a cadre on the phone would:
 *   "确认" / "对的，提交吧" / "嗯" / "没问题"            → submit
 *   "电话错了 改成13912345678" / "名字写错了，是李桂兰"  → edit that item, with the new value
 *   "改一下人口，5口" / "修改 电话" / "电话错了"          → edit that item (its value, if one follows)
 *   "不对" / "有错" / "修改"                            → which item?
 *   "等一下" / "先不提交"                               → wait
 *   "修改 银行卡"                                       → no such item
 *   anything else, or a question                        → not understood (the FAQ may take a question)
 * Pure and text-only: which step reads the value is the caller's business (summary.ts).
 */
import { hasFigureWords, looksLikeQuestion, normalizeInput, parseYesNo } from '../../parse';
import { stripTrailingPunctuation } from '../../parse/normalize';
import * as W from './summary-words';

/** An item of the summary and the words naming it (labels in both languages, editWords). */
export interface EditItem {
  id: string;
  words: string[];
  /** A yes/no item: "不是脱贫户" is its new answer, read whole by its question. */
  yesNo?: boolean;
}

export type SummaryReply =
  | { kind: 'submit' }
  /** `targets`: the items named by the same word, in flow order ("村" names the town and the village). */
  | { kind: 'edit'; targets: string[]; value?: string; then?: string }
  | { kind: 'which' }
  | { kind: 'wait' }
  | { kind: 'unknown'; wanted: string }
  | { kind: 'unclear' };

interface Match {
  start: number;
  end: number;
  ids: string[];
}

const SEPARATORS = /^[\s,，、.。:：;；!！~\-]+/u;
const CUES = [...W.WRONG_CUES, ...W.CHANGE_CUES];
const ASCII = /^[a-z0-9]/;

/** Does `word` stand at `at` in `s` (whole words for Latin letters)? */
function standsAt(s: string, word: string, at: number): boolean {
  if (!s.startsWith(word, at)) return false;
  if (!ASCII.test(word)) return true;
  const before = at > 0 ? s[at - 1] : ' ';
  const after = s[at + word.length] ?? ' ';
  return !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after);
}

/** The longest of `words` standing at `at`, or ''. */
function wordAt(s: string, words: readonly string[], at: number): string {
  return words.filter((w) => standsAt(s, w, at)).reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** Every place an item is named; a name inside a longer one ("电话" in "电话号码") is the longer one's. */
function itemMatches(s: string, items: EditItem[]): Match[] {
  const found = new Map<string, Match>();
  for (const item of items) {
    for (const word of new Set(item.words.map((w) => w.toLowerCase()).filter((w) => w !== ''))) {
      for (let at = s.indexOf(word); at >= 0; at = s.indexOf(word, at + 1)) {
        if (!standsAt(s, word, at)) continue;
        const key = `${at}:${at + word.length}`;
        const m = found.get(key) ?? { start: at, end: at + word.length, ids: [] };
        if (!m.ids.includes(item.id)) m.ids.push(item.id);
        found.set(key, m);
      }
    }
  }
  const all = [...found.values()];
  const inside = (m: Match) => all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start);
  return all.filter((m) => !inside(m)).sort((a, b) => a.start - b.start);
}

/** The first wrong or change cue ("错了", "不对", "改成") at or after `from`, skipping "没错". */
function cueAt(s: string, from = 0): { at: number; end: number } | null {
  for (let i = from; i < s.length; i++) {
    const fine = wordAt(s, W.NOT_WRONG, i);
    if (fine) {
      i += fine.length - 1;
      continue;
    }
    const cue = wordAt(s, CUES, i);
    if (cue) return { at: i, end: i + cue.length };
  }
  return null;
}

/**
 * Leading edit verbs and fillers ("我要改一下那个…", "不对，…"): where the rest starts, whether a verb
 * was among them, and whether something was said to be wrong ("错了，电话是139…").
 */
function lead(s: string): { at: number; verb: boolean; wrong: boolean } {
  let at = 0;
  let verb = false;
  let wrong = false;
  for (;;) {
    const sep = SEPARATORS.exec(s.slice(at));
    if (sep) {
      at += sep[0].length;
      continue;
    }
    const v = wordAt(s, W.EDIT_VERBS, at);
    // "改成…" leads a value: it is not the verb 改
    if (v && !wordAt(s, W.CHANGE_CUES, at)) {
      at += v.length;
      verb = true;
      continue;
    }
    const f = wordAt(s, W.PREFIX_FILLERS, at);
    if (f) {
      at += f.length;
      wrong ||= W.WRONG_LEADS.includes(f);
      continue;
    }
    return { at, verb, wrong };
  }
}

/** Takes the longest of `words` off the start of `v`, with the separators after it. */
function stripLeading(v: string, words: readonly string[]): string {
  const w = wordAt(v.toLowerCase(), words, 0);
  return w ? v.slice(w.length).replace(SEPARATORS, '') : v;
}

/**
 * The new value following the item: cues and particles off ("错了，是李桂兰吧" → 李桂兰), cut
 * before a further clause that names another change ("…，电话也错了").
 */
function valueOf(rest: string): { value?: string; then?: string } {
  let v = rest.replace(SEPARATORS, '').replace(/^[的了]/u, '').replace(SEPARATORS, '');
  for (let before = ''; before !== v; ) {
    before = v;
    v = stripLeading(stripLeading(v, W.WRONG_CUES), W.CHANGE_CUES);
  }
  // one short cue at most: "是成龙" is 成龙
  v = stripLeading(v, W.VALUE_CUES);
  // "不是县医院，是市医院": what it is, not what it is not
  const instead = W.INSTEAD.exec(v);
  if (instead) v = instead[1];
  // "脑出血不是脑梗": what it is, then what it is not
  const notOld = W.NOT_OLD.exec(v);
  if (notOld) v = notOld[1];
  const clauses = v.split(/(?<=[,，;；。])/u);
  const kept: string[] = [];
  for (const c of clauses) {
    const lower = c.toLowerCase();
    if (kept.length > 0 && (cueAt(lower) || W.REST_WORDS.some((r) => lower.includes(r)))) break;
    kept.push(c);
  }
  // a further change in the same message ("人口改成5，收入改成3万"): read once this one is made
  const next = stripTrailingPunctuation(clauses.slice(kept.length).join('')).trim();
  const then = next !== '' && cueAt(next.toLowerCase()) ? next : undefined;
  v = stripTrailingPunctuation(kept.join('')).replace(/[,，;；。]+$/u, '');
  for (let before = ''; before !== v; ) {
    before = v;
    const p = W.VALUE_PARTICLES.find((x) => v.endsWith(x) && v.length > x.length);
    if (p) v = stripTrailingPunctuation(v.slice(0, -p.length));
  }
  v = v.trim();
  return { value: v === '' ? undefined : v, then };
}

function readEdit(norm: string, s: string, items: EditItem[]): SummaryReply | null {
  const { at, verb, wrong } = lead(s);
  const matches = itemMatches(s, items).filter((m) => m.start >= at);
  // only fillers before the item ("那个电话错了"): the value is the item's own; else ("我老伴的名字…") its question is asked
  const edit = (m: Match, from: number): SummaryReply => {
    const own = s.slice(at, m.start).trim() === '';
    const { value, then } = own ? valueOf(norm.slice(from)) : { value: undefined, then: undefined };
    return { kind: 'edit', targets: m.ids, value, ...(then !== undefined ? { then } : {}) };
  };
  // "电话错了 改成139…", "电话号码应该是…": the item named last before the cue
  const cue = cueAt(s, at);
  const before = cue ? matches.filter((m) => m.end <= cue.at) : [];
  if (cue && before.length > 0) {
    const m = before[before.length - 1];
    return edit(m, Math.max(m.end, cue.at));
  }
  // "电话改一下，139…": the item, then the verb
  for (const m of matches) {
    const after = m.end + (SEPARATORS.exec(s.slice(m.end))?.[0].length ?? 0);
    const v = wordAt(s, W.EDIT_VERBS, after);
    if (v && !wordAt(s, W.CHANGE_CUES, after)) return edit(m, after + v.length);
  }
  const first = matches[0];
  // "不是脱贫户", "是脱贫户": a yes/no item said with its answer, read whole by its question
  if (first && first.start === at && W.YES_NO_LEAD.test(s.slice(0, at)) && stripTrailingPunctuation(s.slice(first.end)).trim() === '') {
    const all = first.ids.every((id) => items.find((i) => i.id === id)?.yesNo);
    if (all) return { kind: 'edit', targets: first.ids, value: stripTrailingPunctuation(norm).trim() };
  }
  // "人口是3口", "收入是一万五", "医院是市人民医院", "报了两万五": the item, then its new value
  if (first && first.start === at && !cue) {
    const after = s.slice(first.end).replace(SEPARATORS, '');
    const said = wordAt(after, W.VALUE_CUES.filter((c) => !ASCII.test(c)), 0);
    if (said || hasFigureWords(after)) {
      const { value, then } = valueOf(norm.slice(first.end));
      if (value !== undefined && !isConfirmation(value) && !W.ASKING.test(value) && !looksLikeQuestion(value)) return { kind: 'edit', targets: first.ids, value, ...(then !== undefined ? { then } : {}) };
    }
  }
  // "修改 电话139…", "错了，电话是139…": the verb or the wrong first, then the item
  if (verb || wrong) {
    if (first && first.start === at) return edit(first, first.end);
    const wanted = stripTrailingPunctuation(norm.slice(at)).trim();
    if (!verb || wanted === '' || hasFigureWords(wanted) || wordAt(s, W.VALUE_CUES, at)) return { kind: 'which' };
    return { kind: 'unknown', wanted };
  }
  // "有一项错了", "改成139…": something changes, but what?
  return cue ? { kind: 'which' } : null;
}

/** "是对的", "对", "没错": the item confirmed, not a new value. */
function isConfirmation(value: string): boolean {
  const v = value.toLowerCase().replace(/\s+/gu, '');
  if (W.NOT_WRONG.some((w) => v === w || v === w.replace(/^是/u, '')) || W.REST_WORDS.some((w) => v.includes(w))) return true;
  const yn = parseYesNo(v);
  return yn.ok;
}

/** A yes that means "submit it": no figure, no "but", nothing said to be wrong. */
function isSubmit(norm: string, s: string): boolean {
  const bare = s.replace(/[\s,，.。!！~]+/gu, '');
  if (W.NOT_SUBMIT.includes(bare) || hasFigureWords(s)) return false;
  // "👍", "[强]": the last guard before filing is passed in words, not with a sticker
  if (!/[\p{Script=Han}a-z0-9]/u.test(bare.replace(/\[[^\]]*\]/gu, ''))) return false;
  if (W.BUT_WORDS.some((b) => s.includes(b)) || cueAt(s)) return false;
  const yn = parseYesNo(norm, { yes: W.SUBMIT_WORDS, no: W.NO_WORDS });
  if (yn.ok) return yn.value;
  // a yes run into "提交" ("好了提交", "行提交吧")
  const before = /^(.+?)提交[吧了啊]*$/u.exec(bare)?.[1];
  const yes = before === undefined ? null : parseYesNo(before);
  return yes !== null && yes.ok && yes.value;
}

export function readSummaryReply(text: string, items: EditItem[]): SummaryReply {
  const norm = stripTrailingPunctuation(normalizeInput(text));
  const lower = norm.toLowerCase();
  // places are found in lower case and the value cut from `norm` ("Li Guilan"); a text whose case changes its length is read as typed
  const s = lower.length === norm.length ? lower : norm;
  if (s === '') return { kind: 'unclear' };
  // "嗯？", "电话错了吗": asked back, not answered (a question about the policy is the FAQ's)
  // an item's own name is no question ("家里几口人是5口"): read with the names blanked out
  const named = itemMatches(s, items).reduce((t, m) => t.slice(0, m.start) + '项'.repeat(m.end - m.start) + t.slice(m.end), norm);
  if (/[?？]/u.test(text) || (looksLikeQuestion(named) && !lead(s).verb)) return { kind: 'unclear' };
  const edit = readEdit(norm, s, items);
  if (edit) return edit;
  const bare = stripTrailingPunctuation(s.replace(/\s+/g, ''));
  if (W.WAIT_WORDS.includes(bare) || W.WAIT_WORDS.includes(bare.replace(/[吧啊呀了]+$/u, ''))) return { kind: 'wait' };
  if (isSubmit(norm, s)) return { kind: 'submit' };
  const yn = parseYesNo(norm, { yes: W.SUBMIT_WORDS, no: W.NO_WORDS });
  if ((yn.ok && !yn.value) || W.NO_WORDS.includes(bare)) return { kind: 'which' };
  return { kind: 'unclear' };
}
