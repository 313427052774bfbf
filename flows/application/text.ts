/**
 * Checks for the few free-text answers (names, illness, hospital, school). Not parsers of
 * numbers: they only refuse what is clearly not an answer (digits in a name, a bare "1").
 */
import { normalizeInput } from '../parse';
import { looksLikeQuestion } from '../faq/question';
import type { Checked } from '../engine/flow';

const HAN_NAME = /^[\p{Script=Han}·•]+$/u;
const LATIN_NAME = /^[A-Za-z][A-Za-z .'\-]*$/;

/** A person's name: 2–20 characters, Chinese (with · for minority names) or Latin letters. */
export function checkName(text: string): Checked<string> {
  let s = normalizeInput(text);
  if (s === '') return { ok: false, hint: 'parse.empty' };
  if (/\d/.test(s)) return { ok: false, hint: 'apply.name.no_digits' };
  // "标准是多少" is a question asked in passing, not a name (the engine answers it)
  if (looksLikeQuestion(s)) return { ok: false, hint: 'faq.not_an_answer' };
  // "张 三" is a Chinese name typed with a space; Latin names keep theirs.
  if (/^[\p{Script=Han}·•\s]+$/u.test(s)) s = s.replace(/\s+/g, '');
  const length = Array.from(s).length;
  if (length < 2) return { ok: false, hint: 'apply.name.too_short' };
  if (length > 20) return { ok: false, hint: 'apply.name.too_long' };
  if (!HAN_NAME.test(s) && !LATIN_NAME.test(s)) return { ok: false, hint: 'apply.name.invalid' };
  return { ok: true, value: s };
}

/** A short description (illness, hospital, school, relation): some words, not just a number or a sign. */
export function checkText(text: string, minLength = 1, maxLength = 50): Checked<string> {
  const s = normalizeInput(text);
  if (s === '') return { ok: false, hint: 'parse.empty' };
  if (!/[\p{Script=Han}A-Za-z]/u.test(s)) return { ok: false, hint: 'apply.text.no_words' };
  if (looksLikeQuestion(s)) return { ok: false, hint: 'faq.not_an_answer' };
  const length = Array.from(s).length;
  if (length < minLength) return { ok: false, hint: 'apply.text.too_short' };
  if (length > maxLength) return { ok: false, hint: 'apply.text.too_long', params: { max: maxLength } };
  return { ok: true, value: s };
}
