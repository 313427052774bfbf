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
import {
  AFTER_ILLNESS, BROKEN_BONE, CANCER_PLACE, CANCER_WORDS, ILLNESS_LEADINS, ILLNESS_MARKS, ILLNESS_NAMES, MONEY_WORDS, namesNoIllness, ORGAN_CANCER,
  SYMPTOM_WORDS, VAGUE_ILLNESS, WEAK_ILLNESS_LEADINS,
} from './illness-names';

export interface IllnessReading {
  /** The illness as it will be filed. */
  illness: string;
  /** Words before it were taken off ("俺老伴是…"): what is left was not typed alone. */
  leadIn: boolean;
  /** It names an illness a cadre recognises (a known name, or ends like one). */
  known: boolean;
  /** Only a category ("癌", "大病"): which one is asked. */
  vague: boolean;
  /** Put together from what was said ("腿摔断了" → 腿骨折, "癌症，肺上的" → 肺癌): said back for a yes. */
  guessed?: boolean;
  /** Several clauses, none naming an illness ("心脏不好，做了支架"): what the hospital called it is asked. */
  described?: boolean;
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
  const said = found ? found.rest : s;
  const leadInFound = found !== null;
  // English words are parted by spaces: only Chinese is read clause by clause
  const clauses = (/\p{Script=Han}/u.test(said) ? said.split(CLAUSES) : [said]).map((c) => tidy(c)).filter((c) => c !== '');
  // "癌症，肺上的": the category and where it is make the illness — said back
  const cancer = cancerAt(clauses);
  if (cancer !== null) return { illness: cancer, leadIn: leadInFound, known: true, vague: false, guessed: true };
  const named = clauses.map(withoutAfter).filter((c) => namesIllness(c) && !isVague(c) && !namesNoIllness(c));
  // "糖尿病，好多年了", "中风了，半边身子不能动": the clauses naming an illness; how long, what it does, what was done are not its name
  if (named.length > 0 && named.length < clauses.length) return { illness: named.join(','), leadIn: leadInFound, known: true, vague: false };
  if (named.length === 0 && clauses.length > 1) {
    const broken = clauses.map(brokenBone).find((b) => b !== null);
    if (broken) return { illness: broken, leadIn: leadInFound, known: true, vague: false, guessed: true };
    return { illness: clauses.join(','), leadIn: leadInFound, known: false, vague: false, described: true };
  }
  const illness = clauses.length === 1 ? withoutAfter(clauses[0]) : tidy(said);
  const broken = brokenBone(illness);
  if (broken) return { illness: broken, leadIn: leadInFound, known: true, vague: false, guessed: true };
  const vague = isVague(illness);
  return { illness, leadIn: leadInFound, known: !vague && namesIllness(illness), vague };
}

const isVague = (s: string) => VAGUE_ILLNESS.includes(s.replace(/\s+/gu, ''));

/** "腿摔断了" → 腿骨折; null when the clause says no broken bone. */
function brokenBone(clause: string): string | null {
  const m = BROKEN_BONE.exec(clause.replace(/\s+/gu, ''));
  return m ? `${m[1] ?? m[2] ?? ''}骨折` : null;
}

/** "癌症" and "肺上的" in two clauses (either order) → 肺癌; null otherwise. */
function cancerAt(clauses: string[]): string | null {
  if (clauses.length !== 2) return null;
  for (const [a, b] of [clauses, [...clauses].reverse()]) {
    const m = CANCER_WORDS.includes(a) ? CANCER_PLACE.exec(b) : null;
    if (m) return ORGAN_CANCER[m[1]] ?? `${m[1]}癌`;
  }
  return null;
}

/** Where each illness's name or mark ends in the text, first to last. */
function illnessEnds(s: string): number[] {
  const ends = new Set<number>();
  for (const w of [...ILLNESS_NAMES, ...ILLNESS_MARKS]) {
    for (let at = s.indexOf(w); at >= 0; at = s.indexOf(w, at + 1)) ends.add(at + w.length);
  }
  return [...ends].sort((a, b) => a - b);
}

/**
 * The clause without what follows the illness's name in the same breath ("乳腺癌做了手术" → 乳腺癌,
 * "脑梗住了半个月院" → 脑梗, "肺癌花了五万多" → 肺癌); unchanged when what follows may be part of the name
 * ("肺癌晚期", "高血压脑出血", "糖尿病并发症").
 */
function withoutAfter(clause: string): string {
  for (const end of illnessEnds(clause)) {
    const after = clause.slice(end).trim();
    // "帕金森病", "哮喘病": the 病 is part of the name
    if (after === '' || /^[病症]/u.test(after) || ILLNESS_NAMES.some((n) => after.includes(n))) continue;
    if (namesNoIllness(after) || SYMPTOM_WORDS.test(after) || MONEY_WORDS.test(after)) return tidy(clause.slice(0, end));
  }
  return clause;
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
