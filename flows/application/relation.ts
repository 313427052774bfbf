/**
 * The patient's relation to the applicant, read as a cadre would file it: "我老伴" → 配偶,
 * "我妈" → 母亲, "孩子他爸" → 丈夫 (the words are data: flows/parse/relations.ts). A relation the
 * data does not know ("我的表哥") is kept as typed, without "我的"; "我自己" or two people are
 * not a relation and are asked again.
 */
import { normalizeInput, readWho } from '../parse';
import { notFamily } from '../parse/who';
import { POSSESSIVES, UNSURE_RELATIONS } from '../parse/relations';
import type { Checked } from '../engine/flow';
import { checkText } from './text';
import { stripFillers, TRAILING_PRONOUNS } from '../parse/fillers';

const POSS = [...POSSESSIVES].sort((a, b) => b.length - a.length);

/**
 * The relation without the thinking words and what is said about the person after it: "是我妈妈她" →
 * 是我妈妈, "我孙女 在上学的那个" → 我孙女 (the first part, when it alone names someone in the family).
 */
function relationSaid(said: string): string {
  let s = stripFillers(said);
  const pronoun = TRAILING_PRONOUNS.find((p) => s.endsWith(p) && Array.from(s).length > 2);
  if (pronoun) s = s.slice(0, -pronoun.length);
  const first = s.split(/[\s,;:!~、]+/u)[0];
  if (first !== s && first !== undefined) {
    const who = readWho(first);
    if (who.kind === 'family' && who.relation !== undefined) return first;
  }
  return s;
}

export function checkRelation(said: string): Checked<string> {
  const text = relationSaid(said);
  const who = readWho(text);
  if (who.kind === 'self') return { ok: false, hint: 'heard.relation.self', understood: true };
  if (who.kind === 'two') return { ok: false, hint: 'heard.relation.two', understood: true };
  if (who.kind === 'family') {
    if (who.relation === undefined) return { ok: false, hint: 'heard.relation.which' };
    // "娃" is a son or a daughter; "媳妇" most likely the wife, said back
    const unsure = UNSURE_RELATIONS[who.relation];
    if (unsure && 'ask' in unsure) return { ok: false, hint: `heard.relation.${unsure.ask}`, understood: true };
    if (unsure) {
      const value = /^[a-z]/.test(who.relation) ? unsure.likely.en : unsure.likely.zh;
      return { ok: false, confirm: { key: 'heard.relation.likely', params: { relation: value, said: who.relation } }, value };
    }
    return { ok: true, value: who.relation };
  }
  const s = normalizeInput(text);
  // "邻居", "我朋友": not someone in the family
  if (notFamily(s)) return { ok: false, hint: 'heard.relation.which', understood: true };
  const poss = POSS.find((p) => s.startsWith(p) && s.length > p.length);
  const rest = poss ? s.slice(poss.length) : s;
  // what is left must be a word for a person, not a particle ("我屋里的" → "的")
  if (Array.from(rest.replace(/[的了呢啊呀吧哦嘛\s.,!?~。，！？]/gu, '')).length < 2) return { ok: false, hint: 'heard.relation.which' };
  return checkText(rest, 2);
}
