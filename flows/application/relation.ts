/**
 * The patient's relation to the applicant, read as a cadre would file it: "我老伴" → 配偶,
 * "我妈" → 母亲, "孩子他爸" → 丈夫 (the words are data: flows/parse/relations.ts). A relation the
 * data does not know ("我的表哥") is kept as typed, without "我的"; "我自己" or two people are
 * not a relation and are asked again.
 */
import { normalizeInput, readWho } from '../parse';
import { notFamily, otherHousehold, type OnePerson } from '../parse/who';
import { POSSESSIVES, UNSURE_RELATIONS, withoutDescription } from '../parse/relations';
import type { Checked, StepEnv } from '../engine/flow';
import { checkText } from './text';
import { stripFillers, TRAILING_PRONOUNS } from '../parse/fillers';

const POSS = [...POSSESSIVES].sort((a, b) => b.length - a.length);
/** The last character of a word for a relative the data does not list (表舅, 姐夫, 外甥女, 干儿子). */
const KIN_END = /[子女儿孙婿媳夫妻父母爸妈爹娘哥弟姐妹叔伯姑姨舅婶嫂甥侄爷奶公婆]$/u;

/**
 * The relation without the thinking words and what is said about the person after it: "是我妈妈她" →
 * 是我妈妈, "我孙女 在上学的那个" → 我孙女 (the first part, when it alone names someone in the family).
 */
function relationSaid(said: string): string {
  let s = withoutDescription(stripFillers(withoutDescription(normalizeInput(said))));
  const pronoun = TRAILING_PRONOUNS.find((p) => s.endsWith(p) && Array.from(s).length > 2);
  if (pronoun) s = s.slice(0, -pronoun.length);
  const first = s.split(/[\s,;:!~、]+/u)[0];
  if (first !== s && first !== undefined) {
    const who = readWho(first);
    if (who.kind === 'family' && who.relation !== undefined) return first;
  }
  return s;
}

/** The people of an answer naming two, in words ("您自己和您的老伴"); null when one of them was not said plainly. */
export function peopleSaid(people: OnePerson[] | undefined, env: Pick<StepEnv, 't'>): string | null {
  if (people === undefined) return null;
  const each = people.map((p) => {
    if (p.kind === 'self') return env.t('heard.people.self');
    if (p.relation === undefined) return null;
    return p.name !== undefined ? env.t('heard.people.relation_name', { relation: p.relation, name: p.name }) : env.t('heard.people.relation', { relation: p.relation });
  });
  return each.every((w) => w !== null) ? each.join(env.t('understand.and')) : null;
}

export function checkRelation(said: string, env?: Pick<StepEnv, 't'>): Checked<string> {
  const text = relationSaid(said);
  // "亲家母": family of another household — explained, asked again
  if (otherHousehold(text)) return { ok: false, hint: 'heard.relation.other_household', understood: true };
  const who = readWho(text);
  if (who.kind === 'self') return { ok: false, hint: 'heard.relation.self', understood: true };
  if (who.kind === 'two') {
    const people = env ? peopleSaid(who.people, env) : null;
    return people !== null ? { ok: false, hint: 'heard.relation.two_named', params: { people }, understood: true } : { ok: false, hint: 'heard.relation.two', understood: true };
  }
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
  // "隔壁王家的儿子", "腿不好的那个": a description of someone, not a relation to file as typed;
  // "小宝", "亲戚": a name or a word for no one in particular — a relation ends in a word for kin (干儿子, 姐夫, 外甥女)
  if (rest.includes('的') || !KIN_END.test(rest)) return { ok: false, hint: 'heard.relation.which' };
  return checkText(rest, 2);
}
