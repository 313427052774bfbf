/**
 * What a sentence says about the questions of a cause, before they are asked: the patient ("我老伴"),
 * the illness and the hospital, the sums spent and received ("花了三万二，报了一万"), the kind of
 * disaster ("房子被水冲了"), the school stage ("上大学"). Each fact is read by the reader its own
 * question uses and becomes a value to say back at that question (engine/prefill.ts), never an
 * answer: the villager confirms it with one word when the question is reached.
 */
import { isLatinName } from './text';
import { findHospital, hospitalLevel, illnessAround, normalizeInput, parseChoice, parsePhone, readName, splitByTopic, whoIn } from '../parse';
import { HARDSHIP_WORDS } from '../parse/hardship-words';
import { onBehalf } from '../parse/who';
import { UNSURE_RELATIONS } from '../parse/relations';
import { TOPIC_WORDS } from '../parse/amount-words';
import type { AmountTopic } from '../parse';
import type { ChoiceStep, StepEnv } from '../engine/flow';
import type { Cause, PendingConfirm } from '../engine/types';
import { checkAmount } from './understood';
import { ILLNESS_NAMES, VAGUE_ILLNESS } from '../parse/illness-names';
import { withoutIllnessClauses } from '../parse/illness';

const MONEY_MARK = new RegExp(`[元块万千]|${[...TOPIC_WORDS.cost, ...TOPIC_WORDS.received].join('|')}`, 'u');

const fact = (step: string, patch: Record<string, unknown>, key: string, params?: Record<string, string | number>, money?: Record<string, number>): PendingConfirm => ({
  step,
  patch,
  ask: { key, ...(params ? { params } : {}), ...(money ? { money } : {}) },
});

/** The patient said back at `at`: the choice of who is ill ('patient') or, that answered, the relation ('patientRelation'). */
export function patientFacts(text: string, env: StepEnv, at: 'patient' | 'patientRelation'): PendingConfirm[] {
  const name = typeof env.answers.name === 'string' ? env.answers.name : undefined;
  // written for someone else (said at the opening): a relation typed later is the typist's, not the applicant's — asked, not said back
  if (at === 'patientRelation' && env.state.writtenFor) return [];
  // "帮我爸申请，他住院了": written for a relative, who is the applicant — the typist's relations are not the applicant's
  const behalf = onBehalf(text);
  if (behalf) {
    if (behalf.patient !== 'applicant' || at !== 'patient') return [];
    return behalf.relation !== undefined
      ? [fact('patient', { patient: 'self' }, 'heard.prefill.patient_applicant', { relation: behalf.relation })]
      : [fact('patient', { patient: 'self' }, 'heard.prefill.patient_applicant_plain')];
  }
  // "孙子 白血病": the illness's clause is no name (白 is a surname)
  const who = whoIn(withoutIllnessClauses(text), name);
  if (who.kind === 'self' && at === 'patient') return [fact('patient', { patient: 'self' }, 'heard.prefill.patient_self')];
  if (who.kind !== 'family' || who.relation === undefined) return [];
  // "我家老大", "娃": a son or a daughter — the relation is asked at its question, never said back as 孩子
  const unsure = UNSURE_RELATIONS[who.relation];
  if (unsure && 'ask' in unsure) return [];
  // "媳妇子": most likely the wife, said back as such (as the relation question does)
  const relation = unsure ? (/^[a-z]/.test(who.relation) ? unsure.likely.en : unsure.likely.zh) : who.relation;
  const named = who.name !== undefined ? { patientName: who.name } : {};
  const params = { relation, ...(who.name !== undefined ? { name: who.name } : {}) };
  if (at === 'patient') {
    return [fact('patient', { patient: 'family', patientRelation: relation, ...named }, who.name ? 'heard.prefill.patient_family_name' : 'heard.prefill.patient_family', params)];
  }
  return [fact('patientRelation', { patientRelation: relation, ...named }, who.name ? 'heard.prefill.relation_name' : 'heard.prefill.relation', params)];
}

const MOBILE = /(?<![0-9])1[3-9][0-9](?:[\s-]?[0-9]){8}(?![0-9])/u;

/** A mobile number said with the name ("李桂兰 13812345678"), said back at the phone question. */
export function phoneFact(text: string): PendingConfirm[] {
  const digits = MOBILE.exec(normalizeInput(text));
  const r = digits ? parsePhone(digits[0]) : null;
  return r?.ok ? [fact('phone', { phone: r.value }, 'heard.prefill.phone', { phone: r.value })] : [];
}

/**
 * "11010519491231002X 电话13812345678": the ID's answer without the mobile number and its label (kept for
 * the phone question by phoneFact); the text itself when no mobile number stands apart in it.
 */
export function withoutPhone(text: string): string {
  const s = normalizeInput(text);
  const m = MOBILE.exec(s);
  if (!m) return text;
  return (s.slice(0, m.index).replace(/(?:手机号码|手机号|电话号码|电话号|手机|电话|联系电话)[\s:：是]*$/u, '') + s.slice(m.index + m[0].length)).trim();
}

/** A patient's name said with the relation ("我老伴王秀英"), said back at the name question. */
export function patientNameFact(text: string): PendingConfirm[] {
  const r = readName(withoutIllnessClauses(text));
  return r.kind === 'name' && !isLatinName(r.name) ? [fact('patientName', { patientName: r.name }, 'heard.prefill.patient_name', { name: r.name })] : [];
}

/** The level a hospital's name plainly says (县人民医院 → 县级医院), said back at the level question. */
export function levelFact(hospital: unknown, env: StepEnv): PendingConfirm[] {
  if (typeof hospital !== 'string') return [];
  const level = hospitalLevel(hospital);
  return level ? [fact('hospitalLevel', { hospitalLevel: level }, 'heard.prefill.level', { hospital, level: env.t(`apply.hospitalLevel.${level}`) })] : [];
}

/** A common illness named in a sentence ("我妈中风了" → 中风). */
function illnessFacts(text: string): PendingConfirm[] {
  // a category ("得了癌症") is no illness to say back: its question asks which
  const found = ILLNESS_NAMES.find((w) => text.includes(w) && !VAGUE_ILLNESS.includes(w));
  return found ? [fact('illness', { illness: found }, 'heard.prefill.illness', { illness: found })] : [];
}

function hospitalFacts(text: string, env: StepEnv): PendingConfirm[] {
  const h = findHospital(text);
  if (!h) return [];
  return [fact('hospital', { hospital: h.name }, 'heard.prefill.hospital', { hospital: h.name }), ...levelFact(h.name, env)];
}

/** A sum read by its own question's reader from the part of the sentence about it: exact, or an estimate said as such. */
function amountFact(step: string, part: string | undefined, topic: AmountTopic, env: StepEnv, per?: 'year'): PendingConfirm[] {
  // a bare number in a sentence ("我今年65了") is no sum: a unit or a word saying what it paid must come with it
  if (part === undefined || !MONEY_MARK.test(part)) return [];
  const r = checkAmount(part, { allowZero: topic === 'received', topic, per }, env);
  const what = env.t(`heard.prefill.what.${step}`);
  if (r.ok) return [fact(step, { [step]: r.value }, 'heard.prefill.amount', { what }, { amount: r.value })];
  if ('confirm' in r && r.confirm.key === 'understand.amount.estimate') return [fact(step, { [step]: r.value }, 'heard.prefill.amount_rough', { what }, { amount: r.value })];
  return [];
}

/** The sums of a sentence: what was spent (or lost) and what was received back, each at its question. */
function amountFacts(text: string, env: StepEnv, spent: string, received: string, per?: 'year'): PendingConfirm[] {
  const split = splitByTopic(text, 'received');
  const rest = split ? split.rest : text;
  return [...amountFact(spent, rest, 'cost', env, per), ...amountFact(received, split?.about, 'received', env)];
}

/** An option of a choice named in a sentence ("被水冲了" → 洪涝), said back at that choice. */
function choiceFact(stepId: string, text: string, env: StepEnv, key: string, param: string): PendingConfirm[] {
  const step = env.flow.steps.find((s): s is ChoiceStep => s.id === stepId && s.kind === 'choice');
  if (!step) return [];
  const options = step.options(env);
  // words only: a figure in a sentence ("损失三万") is not an option's number
  const labelled = options.map((o) => ({ id: o.id, labels: o.labels }));
  const r = parseChoice(text.replace(/[0-9０-９]/gu, ' '), labelled);
  if (!r.ok || /^\s*[0-9一二三四五六七八九十]\s*$/u.test(text)) return [];
  const option = options.find((o) => o.id === r.value)!;
  return [fact(stepId, { [step.field]: r.value }, key, { [param]: option.display ?? option.text })];
}

/** A student named alone in a clause ("我孙子王小明，上高二"). */
function studentFacts(text: string): PendingConfirm[] {
  const stageWords = HARDSHIP_WORDS.education;
  for (const clause of text.split(/[\s,.;:!?~、，。；：！？]+/u)) {
    const r = readName(clause);
    if (r.kind === 'name' && !isLatinName(r.name) && Array.from(r.name).length <= 4 && !stageWords.some((w) => r.name.includes(w))) {
      return [fact('studentName', { studentName: r.name }, 'heard.prefill.student_name', { name: r.name })];
    }
  }
  return [];
}

/** Everything a sentence says about the questions of `cause`, but those in `except` (answered by the sentence itself). */
export function factsFor(cause: Cause, text: string, env: StepEnv, except: readonly string[] = []): PendingConfirm[] {
  let facts: PendingConfirm[];
  switch (cause) {
    case 'illness':
      facts = [...patientFacts(text, env, 'patient'), ...illnessFacts(text), ...hospitalFacts(text, env), ...amountFacts(text, env, 'totalCostFen', 'reimbursedFen')];
      break;
    case 'disaster':
      facts = [...choiceFact('disasterKind', text, env, 'heard.prefill.disaster_kind', 'kind'), ...amountFacts(text, env, 'lossFen', 'compensationFen')];
      break;
    case 'education':
      facts = [
        ...studentFacts(text),
        ...choiceFact('stage', text, env, 'heard.prefill.stage', 'stage'),
        ...amountFacts(text, env, 'educationCostFen', 'aidFen', 'year'),
      ];
      break;
  }
  return facts.filter((f) => !except.includes(f.step));
}
