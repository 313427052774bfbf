/**
 * The corpus of issue 10: realistic answers, typed the way a 60-year-old farmer types them, each at
 * the question it answers, each labelled with what a patient village cadre would make of it:
 *   is(X)      understood as X — stored as X (a folded question may store its other half too: are({…}));
 *   sure(X)    understood only approximately — nothing stored, X said back and waiting for a yes,
 *              then stored on "对";
 *   AGAIN      not understood — nothing stored, nothing waiting, the question asked again.
 * `drive` sends one answer through the engine at its question and checks the label; beyond the
 * label, no answer of the application changes but the ones the label names (0 wrong).
 */
import type { Answers } from '../../../flows/engine/flow';
import type { Inbound } from '../../../flows';
import { Chat, ID, makeCtx, PHONE, upload } from '../support';

export type Label =
  | { kind: 'is'; patch: Answers }
  | { kind: 'sure'; patch: Answers }
  | { kind: 'again' };

/** A message the chat sends on the way to a question: text, or 'PHOTO' for a picture. */
export type Msg = string | 'PHOTO';

export interface Question {
  /** Names the question in the counts (usually the step id). */
  name: string;
  /** The step asked, where the answer is read (absent for a first message). */
  step?: string;
  /** The answer the question stores. */
  field: string;
  /** Answers it may store besides its own (the other half of a folded question, a derived figure). */
  also?: string[];
  /** The messages that bring the chat to the question. */
  reach: Msg[];
  /** How the outcome is checked besides the answers: a consent's no leaves, the summary files, a first message opens. */
  kind?: 'answer' | 'consent' | 'summary' | 'opening';
  entries: [answer: string, label: Label][];
}

/** Understood as `value` (the question's own field). */
export const is = (value: unknown): Label => ({ kind: 'is', patch: { [FIELD]: value } });
/** Understood: several answers at once ("肺癌，县人民医院"). */
export const are = (patch: Answers): Label => ({ kind: 'is', patch });
/** Said back for a yes (the question's own field). */
export const sure = (value: unknown): Label => ({ kind: 'sure', patch: { [FIELD]: value } });
/** Said back for a yes: several answers at once. */
export const sureAll = (patch: Answers): Label => ({ kind: 'sure', patch });
export const AGAIN: Label = { kind: 'again' };

/** Placeholder for "the question's field" in labels made before the question is known. */
const FIELD = '\u0000field';
const resolve = (patch: Answers, field: string): Answers =>
  Object.fromEntries(Object.entries(patch).map(([k, v]) => [k === FIELD ? field : k, v]));

const toInbound = (m: Msg): string | Inbound => (m === 'PHOTO' ? upload() : m);

/** Answers an answer may change without the label naming them: counters and times the engine keeps. */
const KEPT_BY_ENGINE = ['documents', 'consentAt'];

function stored(answers: Answers, keys: string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([k]) => !keys.includes(k) && !KEPT_BY_ENGINE.includes(k)));
}

/** Sends `answer` at the question and checks the label. */
export function drive(q: Question, answer: string, label: Label): void {
  const chat = new Chat(makeCtx({ knownContact: false }));
  chat.send(...q.reach.map(toInbound));
  if (q.kind !== 'opening') expect(chat.at).toBe(`apply/${q.step}`);
  const before: Answers = chat.state?.answers ?? {};
  chat.send(answer);
  const after = chat.state!.answers;
  const patch = label.kind === 'again' ? {} : resolve(label.patch, q.field);
  const mine = [q.field, ...(q.also ?? [])];

  switch (q.kind ?? 'answer') {
    case 'opening':
      return checkOpening(chat, label, patch);
    case 'summary':
      return checkSummary(chat, before, label, patch);
    case 'consent':
      if (label.kind === 'is' && patch[q.field] === false) {
        expect(chat.at).toBe('menu/main'); // refused: nothing filed, back at the menu
        expect(chat.effectsOf('file_case')).toEqual([]);
        return;
      }
      break;
    default:
      break;
  }

  // nothing else changed: only what the label names may be stored
  expect(stored(after, [...mine, ...Object.keys(patch)])).toEqual(stored(before, [...mine, ...Object.keys(patch)]));
  if (label.kind === 'is') {
    for (const [k, v] of Object.entries(patch)) expect([k, after[k]]).toEqual([k, v]);
    for (const f of mine) if (!(f in patch)) expect([f, after[f]]).toEqual([f, before[f]]);
    expect(chat.state!.pending?.step === q.step ? chat.state!.pending : undefined).toBeUndefined();
    return;
  }
  for (const f of mine) expect([f, after[f]]).toEqual([f, before[f]]);
  if (label.kind === 'again') {
    expect(chat.at).toBe(`apply/${q.step}`);
    expect(chat.state!.pending).toBeUndefined();
    // every re-ask names an example that would be understood (a list's numbers are its examples)
    expect(chat.said).toMatch(/例如|请回复数字|请拍照发送|请回复“|请发照片/u);
    return;
  }
  // said back: waiting at this question, stored on a yes
  expect(chat.at).toBe(`apply/${q.step}`);
  expect(chat.state!.pending?.patch).toMatchObject(patch);
  chat.send('对');
  for (const [k, v] of Object.entries(patch)) expect([k, chat.state!.answers[k]]).toEqual([k, v]);
}

/** A first message: the application opened (with its cause), or the menu. */
function checkOpening(chat: Chat, label: Label, patch: Answers): void {
  if (label.kind === 'again') {
    expect(chat.state!.flow).toBe('menu');
    return;
  }
  expect(chat.state!.flow).toBe('apply');
  const cause = patch.cause ?? null;
  expect(chat.state!.answers.cause ?? null).toEqual(cause);
  // with a cause the first question still to answer is asked, else the cause
  expect(chat.at).toBe(cause === null ? 'apply/cause' : 'apply/name');
}

/** A reply to the summary: filed, one answer changed (or said back), or one line and nothing changed. */
function checkSummary(chat: Chat, before: Answers, label: Label, patch: Answers): void {
  const filed = chat.effectsOf('file_case');
  if (label.kind === 'is' && patch.submit === true) {
    expect(filed).toHaveLength(1);
    return;
  }
  expect(filed).toEqual([]);
  if (label.kind === 'again') {
    expect(chat.at).toBe('apply/summary');
    expect(chat.state!.answers).toEqual(before);
    return;
  }
  const keys = Object.keys(patch);
  if (label.kind === 'is') {
    for (const [k, v] of Object.entries(patch)) expect([k, chat.state!.answers[k]]).toEqual([k, v]);
    return;
  }
  for (const k of keys) expect([k, chat.state!.answers[k]]).toEqual([k, before[k]]);
  expect(chat.state!.pending?.patch).toMatchObject(patch);
  chat.send('对');
  for (const [k, v] of Object.entries(patch)) expect([k, chat.state!.answers[k]]).toEqual([k, v]);
}

/** The counts of a corpus by label. */
export function countLabels(questions: Question[]): { understood: number; confirmed: number; reasked: number; total: number } {
  const all = questions.flatMap((q) => q.entries.map(([, l]) => l.kind));
  const n = (k: Label['kind']) => all.filter((x) => x === k).length;
  return { understood: n('is'), confirmed: n('sure'), reasked: n('again'), total: all.length };
}

/** How a label reads in a test's name: "is 李桂兰", "sure 20000", "again". */
function shown(label: Label): string {
  if (label.kind === 'again') return 'again';
  const values = Object.entries(label.patch).map(([k, v]) => (k === FIELD ? JSON.stringify(v) : `${k}=${JSON.stringify(v)}`));
  return `${label.kind} ${values.join(' ')}`;
}

/** One describe per question, one test per answer. */
export function runCorpus(title: string, questions: Question[]): void {
  describe(title, () => {
    for (const q of questions) {
      describe(q.name, () => {
        test.each(q.entries.map(([answer, label]) => [answer, shown(label), label] as const))('%j → %s', (answer, _shown, label) => drive(q, answer, label));
      });
    }
    afterAll(() => {
      const c = countLabels(questions);
      console.log(`${title}: ${c.total} answers — understood ${c.understood}, confirmed ${c.confirmed}, re-asked ${c.reasked}`);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The way to each question (tests/flows/support.ts: 东山镇 东山村/柳树村, 西河乡 西河村/桃园村; today 2025-06-15).

/** A newcomer greets and picks 申请帮扶: at the cause. */
export const START: Msg[] = ['你好', '1'];
/** The applicant's answers, question by question, after the cause. */
export const APPLICANT_ANSWERS = { name: '张三', idNumber: ID, phone: PHONE, townCode: '1', villageCode: '1', householdSize: '4', annualIncomeFen: '2万', povertyAlleviated: '是' };
const ORDER = Object.keys(APPLICANT_ANSWERS) as (keyof typeof APPLICANT_ANSWERS)[];

/** At an applicant question (the cause 因病). */
export function toApplicant(step: keyof typeof APPLICANT_ANSWERS, cause = '1'): Msg[] {
  return [...START, cause, ...ORDER.slice(0, ORDER.indexOf(step)).map((k) => APPLICANT_ANSWERS[k])];
}

/** At the first question of a cause (1 因病, 2 因灾, 3 因学). */
export const afterApplicant = (cause: '1' | '2' | '3'): Msg[] => [...START, cause, ...ORDER.map((k) => APPLICANT_ANSWERS[k])];
