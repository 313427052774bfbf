/**
 * Checks for the few free-text answers (names, illness, hospital, school). Not parsers of
 * numbers: they only refuse what is clearly not an answer (digits in a name, a bare "1"). A name
 * is taken out of what is said around it (flows/parse/name.ts).
 */
import { findHospital, findSchool, hasFigureWords, isBareYesNo, isVagueHospital, mentionsDontKnow, normalizeInput, readName, saysDontKnow, type NameReading } from '../parse';
import { joinSpacedName } from '../parse/name';
import { sameRelation, TWO_WORDS } from '../parse/relations';
import { afterAskedBack, stripFillers } from '../parse/fillers';
import { BODY_COMPLAINT, BODY_UNWELL, namesNoIllness } from '../parse/illness-names';
import { readIllness } from '../parse/illness';
import { illnessBySound } from '../parse/illness-sound';
import { describedHospital, namesNoHospital, saysNoHospital, twoHospitals } from '../parse/hospital';
import { describedSchool, stripSchoolLeadin } from '../parse/school';
import { SCHOOL_STAGES, stageLabels } from '../parse/grades';
import { stripTrailingPunctuation } from '../parse/normalize';
import { looksLikeQuestion } from '../faq/question';
import type { Checked } from '../engine/flow';

const NAME_HINTS = {
  empty: 'parse.empty',
  digits: 'apply.name.no_digits',
  too_short: 'apply.name.too_short',
  too_long: 'apply.name.too_long',
  chars: 'apply.name.invalid',
  not_a_name: 'heard.name.not_a_name',
  two_names: 'heard.name.two_names',
} as const;

/**
 * A person's name as on the ID card: Chinese (with · for minority names) or Latin letters,
 * taken out of "我叫李桂兰", "户主是…", "我孙女王小芳". A way of calling someone (老李, 小芳) is
 * asked again; a name without a known surname, or put together from "姓王，叫小芳", is said back
 * for a yes — or, where nothing can be said back (`sayBack` false: a form's name field), a name
 * without a known surname is taken as written and one put together is refused with the name to
 * write. `relation`: the relation already given for this person — one said with the name must
 * agree with it.
 */
export function checkName(text: string, relation?: string, sayBack = true, lang: 'zh-CN' | 'en' = 'zh-CN'): Checked<string> {
  // "刘翠花嘛": a particle after a name, not a question
  // "恁问的是谁的名字？俺叫赵金花": the name after a clause that only asks back what is asked
  const s = normalizeInput(afterAskedBack(text)).replace(/(?<=\p{Script=Han}{2})嘛[\s.!~]*$/u, '');
  // "标准是多少" is a question asked in passing, not a name (the engine answers it)
  if (s !== '' && looksLikeQuestion(s)) return { ok: false, hint: 'faq.not_an_answer' };
  const r = nameFirst(s);
  if (r.kind === 'invalid' && r.names !== undefined) {
    return { ok: false, hint: 'heard.name.which_of', params: { first: r.names[0], second: r.names[1] }, understood: true };
  }
  if (r.kind === 'invalid' && (r.why === 'two_names' || saysTwo(s))) return { ok: false, hint: 'heard.name.two_names', understood: true };
  if (r.kind === 'invalid') return { ok: false, hint: NAME_HINTS[r.why] };
  // "读高三", "上初二": a school grade is no name (a summary edit "孩子读高三不是高二" is the stage's)
  if ('name' in r && namesGrade(r.name)) return { ok: false, hint: 'heard.name.not_a_name' };
  // "wo jiao li xiu lan", "Wang Guiying": pinyin typed by a helper — the papers need the characters, and pinyin has no one spelling back
  if (lang === 'zh-CN' && 'name' in r && isLatinName(r.name)) return { ok: false, hint: 'heard.name.in_characters', understood: true };
  if (r.kind === 'nickname') return { ok: false, hint: 'heard.name.nickname', params: { said: r.said }, understood: true };
  if (r.kind === 'surname_only') return { ok: false, hint: 'heard.name.surname_only', params: { surname: r.surname }, understood: true };
  if (r.kind === 'relation_only') return { ok: false, hint: 'heard.name.relation_only', params: { relation: r.relation }, understood: true };
  if (relation !== undefined && r.relation !== undefined && !sameRelation(r.relation, relation)) {
    return { ok: false, hint: 'heard.name.relation_mismatch', params: { stored: relation, said: r.relation }, understood: true };
  }
  if (r.kind === 'check' && !sayBack) {
    return r.why === 'surname' ? { ok: true, value: r.name } : { ok: false, hint: 'heard.name.write_full', params: { name: r.name }, understood: true };
  }
  if (r.kind === 'check') {
    const key = r.why === 'surname' ? 'heard.name.confirm_surname' : 'heard.name.confirm';
    return { ok: false, confirm: { key, params: { name: r.name } }, value: r.name };
  }
  // "俩孙子都上学，大的叫王小明": two people, one named — this one first, said back
  if (saysTwo(s)) {
    if (!sayBack) return { ok: false, hint: 'heard.name.two_names', understood: true };
    return { ok: false, confirm: { key: 'heard.name.first_of_two', params: { name: r.name } }, value: r.name };
  }
  return { ok: true, value: r.name };
}

const GRADE_WORDS = [...new Set(SCHOOL_STAGES.flatMap(stageLabels))].filter((w) => /\p{Script=Han}/u.test(w) && Array.from(w).length >= 2);
/** The words name a school grade or stage ("高三", "初中", "大一"). */
function namesGrade(name: string): boolean {
  return GRADE_WORDS.some((w) => name.includes(w));
}

/** A name written in Latin letters only (pinyin), no Chinese character. */
export function isLatinName(name: string): boolean {
  return /[A-Za-z]/u.test(name) && !/\p{Script=Han}/u.test(name);
}

/**
 * The name, said with something about the person ("王小明，上高二", "李秀英，今年78了", "申请人是我，叫孙建华"):
 * the one clause that plainly is a name, when the whole is not one.
 */
function nameFirst(s: string): NameReading {
  const whole = readName(s);
  if (whole.kind !== 'invalid' || whole.why === 'empty' || whole.why === 'two_names') return whole;
  const clauses = joinSpacedName(s).split(/[\s,;:!~、.]+/u).filter((c) => c !== '');
  if (clauses.length < 2) return whole;
  const names = clauses.map((c) => clauseName(c)).filter((r) => r.kind === 'name');
  if (names.length === 1) return names[0];
  // "我叫李桂兰，老伴叫王大山", "李桂兰 王大山": two people named — which one is asked
  const distinct = [...new Set(names.map((r) => r.name))];
  if (distinct.length > 1) return { kind: 'invalid', why: 'two_names', names: distinct };
  return distinct.length === 1 ? names[0] : whole;
}

/** A clause's name, or the name after its last "叫" ("大的叫王小明", "上高中那个叫王小明"). */
function clauseName(c: string): NameReading {
  const r = readName(c);
  const at = c.lastIndexOf('叫');
  if (r.kind === 'name' || at < 1) return r;
  return readName(c.slice(at + 1));
}

/** The answer speaks of two people ("两个孩子都在上学", "俩孙子"): one name in it is not silently the one. */
function saysTwo(s: string): boolean {
  return TWO_WORDS.some((w) => s.includes(w));
}

/** A short description (illness, hospital, school, relation): some words, not just a number, a sign or "不知道". */
export function checkText(text: string, minLength = 1, maxLength = 50): Checked<string> {
  // "是那个啥，帕金森": the answer after a clause that only searches for the word or asks back
  const s = stripTrailingPunctuation(normalizeInput(afterAskedBack(text)));
  if (s === '') return { ok: false, hint: 'parse.empty' };
  if (!/[\p{Script=Han}A-Za-z]/u.test(s)) return { ok: false, hint: 'apply.text.no_words' };
  if (saysDontKnow(s)) return { ok: false, hint: 'heard.text.dont_know', understood: true };
  // "是的" / "没有" / "yes": a reply to a yes/no question, not a name or a description
  if (isBareYesNo(s)) return { ok: false, hint: 'heard.text.yes_no' };
  // "有补助嘛": whether there is something, asked with 嘛 — no description (a statement "有低保的嘛" answers a yes/no, not here)
  if (looksLikeQuestion(s) || /^有(?![点些])\p{Script=Han}{1,6}(?<![的了])嘛$/u.test(s)) return { ok: false, hint: 'faq.not_an_answer' };
  const length = Array.from(s).length;
  if (length < minLength) return { ok: false, hint: 'apply.text.too_short' };
  if (length > maxLength) return { ok: false, hint: 'apply.text.too_long', params: { max: maxLength } };
  return { ok: true, value: s };
}

/** Where the patient was treated: the hospital's name out of what is said around it ("就在县人民医院看的" → 县人民医院). */
export function checkHospital(said: string): Checked<string> {
  const text = stripFillers(said);
  // "在家里吃药没住院": no hospital to file — asked where the illness was seen
  if (saysNoHospital(text)) return { ok: false, hint: 'heard.hospital.none', understood: true };
  // "先在县医院后来转到省人民医院": the last one, said back for a yes
  const two = twoHospitals(text);
  if (two) {
    if (isVagueHospital(two.last)) return { ok: false, hint: 'heard.hospital.vague', understood: true };
    return { ok: false, confirm: { key: 'heard.hospital.last', params: { first: two.first, last: two.last } }, value: two.last };
  }
  const found = findHospital(text);
  // "俺们镇上的卫生院", "县里那个医院": the town's or county's own, said back as a cadre would file it (镇卫生院)
  const described = describedHospital(text) ?? (found ? describedHospital(found.name) : null);
  if (described !== null) return { ok: false, confirm: { key: 'heard.hospital.described', params: { hospital: described } }, value: described };
  // "医院", "镇上的": no name at all — asked which, with an example
  if (namesNoHospital(text)) return { ok: false, hint: 'heard.hospital.vague', understood: true };
  // "市里的医院": which one? its name goes on the papers
  if (found && isVagueHospital(found.name)) return { ok: false, hint: 'heard.hospital.vague', understood: true };
  if (found && !saysDontKnow(text)) return { ok: true, value: found.name };
  // no hospital's ending: a short name ("协和", "湘雅") is taken; a sentence ("花了八万 报了五万") is not a name
  const s = stripTrailingPunctuation(normalizeInput(text)).trim();
  if (hasFigureWords(s) || /[\s,;:!?、]|[了吗呢吧没不花报钱]/u.test(s) || Array.from(s).length > 12) {
    return saysDontKnow(s) ? checkText(s, 2) : { ok: false, hint: 'heard.hospital.vague', understood: true };
  }
  return checkText(text, 2);
}

/** Where the student studies: the school's name out of what is said around it ("在县二中读书" → 县二中). */
export function checkSchool(said: string): Checked<string> {
  const text = stripFillers(said);
  // "在镇上的中学": the town's own school, said back as a cadre would file it (镇中学)
  const described = describedSchool(stripSchoolLeadin(text));
  if (described !== null) return { ok: false, confirm: { key: 'heard.school.described', params: { school: described } }, value: described };
  const found = findSchool(text);
  if (found && !saysDontKnow(text)) return { ok: true, value: found };
  const checked = checkText(stripSchoolLeadin(text), 2);
  // "在市里读书", "镇上": a place, not a school — its name goes on the papers
  if (checked.ok && !/school|college|university|academy|institute|kindergarten/iu.test(checked.value)) {
    return { ok: false, hint: 'heard.school.name', understood: true };
  }
  return checked;
}

/**
 * The illness: a description naming one, not only the treatment, the state or the time ("住院了", "还没查出来"),
 * without the words leading up to it ("俺老伴是乳腺癌" → 乳腺癌, flows/parse/illness.ts). Only a category
 * ("癌", "大病") is asked which; what is left of a lead-in that is not recognisably an illness is said back.
 */
export function checkIllness(text: string): Checked<string> {
  const checked = checkText(stripFillers(text));
  if (!checked.ok) return checked;
  const r = readIllness(checked.value);
  if (r.vague) return { ok: false, hint: 'heard.illness.vague', understood: true };
  // "腿摔断了" → 腿骨折, "癌症，肺上的" → 肺癌: put together, so said back
  if (r.guessed) return { ok: false, confirm: { key: 'heard.illness.confirm', params: { illness: r.illness } }, value: r.illness };
  // "心脏不好，做了支架": clauses about the illness, none naming it — what the hospital called it is asked
  if (r.described) return { ok: false, hint: 'heard.illness.no_illness', understood: true };
  if (namesNoIllness(r.illness)) return { ok: false, hint: 'heard.illness.no_illness', understood: true };
  // "晓不得，反正天天咳": the villager does not know the illness — what they feel is not filed as its name
  if (!r.known && mentionsDontKnow(text)) return { ok: false, hint: 'heard.illness.no_illness', understood: true };
  // "心脏不好", "身体不好": a part of the body or the body, no illness's name — the hospital's diagnosis is asked, nothing filed
  if (!r.known && !r.leadIn && BODY_UNWELL.test(r.illness)) return { ok: false, hint: 'heard.illness.no_illness', understood: true };
  if (!r.known && !r.leadIn && BODY_COMPLAINT.test(r.illness)) return { ok: false, hint: 'heard.illness.complaint', params: { said: r.illness }, understood: true };
  // "费癌", "糖尿并": typed by its sound — the known name said back for a yes, never the typo filed
  const bySound = illnessBySound(r.illness);
  if (bySound !== null) return { ok: false, confirm: { key: 'heard.illness.confirm', params: { illness: bySound } }, value: bySound };
  if (r.leadIn && !r.known) return { ok: false, confirm: { key: 'heard.illness.confirm', params: { illness: r.illness } }, value: r.illness };
  return { ok: true, value: r.illness };
}
