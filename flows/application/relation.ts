/**
 * The patient's relation to the applicant, read as a cadre would file it: "我老伴" → 配偶,
 * "我妈" → 母亲, "孩子他爸" → 丈夫 (the words are data: flows/parse/relations.ts). A relation the
 * data does not know ("我的表哥") is kept as typed, without "我的"; "我自己" or two people are
 * not a relation and are asked again.
 */
import { normalizeInput, readWho } from '../parse';
import { POSSESSIVES } from '../parse/relations';
import type { Checked } from '../engine/flow';
import { checkText } from './text';

const POSS = [...POSSESSIVES].sort((a, b) => b.length - a.length);

export function checkRelation(text: string): Checked<string> {
  const who = readWho(text);
  if (who.kind === 'self') return { ok: false, hint: 'heard.relation.self', understood: true };
  if (who.kind === 'two') return { ok: false, hint: 'heard.relation.two', understood: true };
  if (who.kind === 'family') return who.relation !== undefined ? { ok: true, value: who.relation } : { ok: false, hint: 'heard.relation.which' };
  const s = normalizeInput(text);
  const poss = POSS.find((p) => s.startsWith(p) && s.length > p.length);
  return checkText(poss ? s.slice(poss.length) : s);
}
