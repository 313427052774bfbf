/**
 * The illness taken out of an answer to "得的是什么病？": the words leading up to it ("是", "得了",
 * "他得的是", "医生说是", "查出来是", "俺老伴是", "确诊了", "患", "犯了") and the particles after it
 * ("了", "的病", a full stop) are no part of its name. Whether what is left is recognisably an
 * illness (a known name or one ending like one: 脑血栓, 胆囊炎) or only a category ("癌", "大病")
 * is said too, for the question to store it, say it back, or ask which. The words are data in
 * illness-names.ts.
 */
import { normalizeInput, stripTrailingPunctuation } from './normalize';
import { stripFillers } from './fillers';
import { AFTER_ILLNESS, ILLNESS_LEADINS, ILLNESS_MARKS, ILLNESS_NAMES, VAGUE_ILLNESS, WEAK_ILLNESS_LEADINS } from './illness-names';

export interface IllnessReading {
  /** The illness as it will be filed. */
  illness: string;
  /** Words before it were taken off ("俺老伴是…"): what is left was not typed alone. */
  leadIn: boolean;
  /** It names an illness a cadre recognises (a known name, or ends like one). */
  known: boolean;
  /** Only a category ("癌", "大病"): which one is asked. */
  vague: boolean;
}

const LEADINS = [...ILLNESS_LEADINS, ...WEAK_ILLNESS_LEADINS].sort((a, b) => b.length - a.length);
/** Who may be said before the verb: a few words, naming no illness, not a "no" ("不是癌"). */
const MAX_HEAD = 8;

/** True when the words name an illness: one of the list, or ending in a mark of one. */
export function namesIllness(text: string): boolean {
  return ILLNESS_NAMES.some((n) => text.includes(n)) || ILLNESS_MARKS.some((m) => text.includes(m));
}

/** The lead-in (whoever is said, then the verb) and the illness after it; null when the answer has none. */
function leadIn(s: string): { head: string; rest: string } | null {
  for (let at = 0; at < s.length && at <= MAX_HEAD; at++) {
    const verb = LEADINS.find((v) => s.startsWith(v, at));
    if (!verb) continue;
    const head = s.slice(0, at);
    // "不是癌", "没得啥病": a no, not a lead-in; "肺癌，是老毛病了": the illness came first
    if (/[不没别]$/u.test(head) || namesIllness(head) || /[0-9]/u.test(head)) continue;
    // "患者是…": 患 is part of the word before
    if (verb === '患' && s.startsWith('患者', at)) continue;
    // "是啊，肺癌", "是的 胃癌": the particles and thinking words after a "yes" go with it; "是个瘤子": so does the measure word
    const rest = stripFillers(s.slice(at + verb.length).replace(/^(?:[\s,:：，]|[的啊呀嗯呢吧哦])+/u, ''))
      .replace(/^(?:一)?个(?=\p{Script=Han})/u, '');
    if (rest === '' || (WEAK_ILLNESS_LEADINS.includes(verb) && (head === '' || !namesIllness(rest)))) continue;
    return { head, rest };
  }
  return null;
}

function tidy(s: string): string {
  const bare = stripTrailingPunctuation(s).trim();
  const cut = bare.replace(AFTER_ILLNESS, '');
  // "腿摔断了" keeps its 了: only taken off when an illness is left
  return cut !== bare && cut !== '' && namesIllness(cut) ? cut : bare;
}

export function readIllness(text: string): IllnessReading {
  const s = stripTrailingPunctuation(normalizeInput(text)).trim();
  const found = leadIn(s);
  const illness = tidy(found ? found.rest : s);
  const vague = VAGUE_ILLNESS.includes(illness.replace(/\s+/gu, ''));
  return { illness, leadIn: found !== null, known: !vague && namesIllness(illness), vague };
}

const CLAUSES = /[\s,.;:!?~、，。；：！？]+/u;
/** Words that say a clause is about a person, not only the illness ("我老伴肺癌", "他得了…"). */
const PERSON_MARK = /[我俺他她咱额]/u;

/**
 * The answer without its clauses that only name an illness ("孙子 白血病" → "孙子"): read for who
 * is ill, a clause like "白血病" is no name (白 is a surname). Unchanged when no clause is one.
 */
export function withoutIllnessClauses(text: string): string {
  const clauses = normalizeInput(text).split(CLAUSES).filter((c) => c !== '');
  const kept = clauses.filter((c) => {
    const r = readIllness(c);
    return !((r.known || r.vague) && !r.leadIn && !PERSON_MARK.test(c) && r.illness === c);
  });
  return kept.length === clauses.length || kept.length === 0 ? text : kept.join(' ');
}
