/**
 * Confirm instead of guessing. A step that understood a value only approximately ("两万多" →
 * 20,000) returns a 'confirm' outcome: the engine stores nothing, keeps the value pending in the
 * state and says it back ("按20,000元算，对吗？"). The next message settles it:
 *   - a yes, in any phrasing ("对的", "嗯", "没问题")       → the pending value is stored;
 *   - the same figure repeated ("两万", "20000")            → stored too;
 *   - another figure, with or without "不对" ("不对，两万二") → read as a new answer (stored, or
 *     confirmed again when it is itself approximate);
 *   - a no alone                                            → the question again, with its example;
 *   - anything else                                         → the confirmation again, in one line.
 * A yes or no standing as a clause of its own ("不对，是外孙女") is not part of a value: what follows
 * it is read first. Otherwise the step reads the whole reply ("不记得哪天" keeps a month said back,
 * "不是两万，是两万五") before a 不 run into it is split off ("不对两万二"). A value said back with
 * others (the relation with the name) is agreed to by repeating any of them.
 */
import { findHospital, hasFigureWords, illnessAround, leadingYesNo, normalizeInput, parseYesNo, readDifference, readName } from '../parse';
import { FIGURE_NO, HEDGED_YES, NOTHING_ELSE } from '../parse/yes-no-words';
import { formatMoney } from '../i18n/format';
import { envWith } from './env';
import type { Answers, StepDef, StepEnv, StepOutcome } from './flow';
import { handleText } from './steps';
import type { ConfirmAsk, PendingConfirm } from './types';

/** The confirmation as the villager reads it, money in their language. */
export function renderAsk(ask: ConfirmAsk, env: StepEnv): string {
  const money = Object.entries(ask.money ?? {}).map(([k, v]) => [
    k,
    Array.isArray(v) ? v.map((fen) => formatMoney(env.lang, fen)).join(env.t('understand.and')) : formatMoney(env.lang, v),
  ]);
  return env.t(ask.key, { ...ask.params, ...Object.fromEntries(money) });
}

/** The pending value of `step`, if one is waiting for a yes. */
export function pendingOf(step: StepDef, env: StepEnv): PendingConfirm | null {
  const p = env.state.pending;
  return p && p.step === step.id ? p : null;
}

/** What a yes stores: the pending patch, with the lines a question says after its answer. */
function confirmedAnswer(step: StepDef, patch: Answers, env: StepEnv): StepOutcome {
  const notes = step.kind === 'question' ? step.notes?.(envWith(env, patch)) : undefined;
  return { kind: 'answer', patch, ...(notes ? { notes } : {}) };
}

/** Words of a reply to a value said back, besides the usual yes and no ("差不多", "少了"). */
// ("您说了…，加起来一共…，对吗？" — "就这些" / "没别的了": nothing left out, a yes)
const SAID_BACK = { yes: [...HEDGED_YES, ...NOTHING_ELSE], no: FIGURE_NO };

/** The reply names the same value as the one said back (or part of it: "孙女" for "孙女王小芳"). */
const samePatch = (read: Answers, pending: Answers) =>
  Object.keys(read).length > 0 && Object.entries(read).every(([k, v]) => JSON.stringify(v) === JSON.stringify(pending[k]));

/**
 * "再加五千" to "按20,000元算，对吗？": the figure said back, moved by the difference, read again by the
 * step (so its checks apply) and said back once more; null when the pending value is not one sum.
 */
export function shiftedFigure(step: StepDef, patch: Answers, diff: number, env: StepEnv): StepOutcome | null {
  const sums = Object.entries(patch).filter(([, v]) => typeof v === 'number');
  if (sums.length !== 1) return null;
  const [field, was] = sums[0] as [string, number];
  const fen = was + diff;
  if (fen <= 0) return null;
  const read = handleText(step, `${fen / 100}元`, envWith(env, {}));
  if (read.kind !== 'answer' && read.kind !== 'confirm') return null;
  if (read.patch[field] !== fen) return null;
  return { kind: 'confirm', patch: read.patch, ask: { key: 'understand.amount.estimate', money: { amount: fen } } };
}

/** A relative said back without a name, answered with a plain full name (and no other relation): agreement, and the name. */
function namesThePerson(patch: Answers, text: string): boolean {
  if (typeof patch.patientRelation !== 'string' || patch.patientName !== undefined) return false;
  const r = readName(text);
  return r.kind === 'name' && (r.relation === undefined || r.relation === patch.patientRelation);
}

/** An illness said back, answered with the hospital alone ("市人民医院" to "得的是尿毒症，对吗？"): agreement, and the hospital. */
function namesTheHospital(patch: Answers, text: string): boolean {
  if (typeof patch.illness !== 'string' || patch.hospital !== undefined) return false;
  const h = findHospital(text);
  return h !== null && illnessAround(h.before, h.after) === '';
}

/** How a reply settles a pending value: the outcome, and whether the value stays pending (unclear replies). */
export function settle(step: StepDef, pending: PendingConfirm, text: string, env: StepEnv): { outcome: StepOutcome; keep: boolean; carry?: string } {
  const yes = { outcome: confirmedAnswer(step, pending.patch, env), keep: false };
  const again = { outcome: { kind: 'stay', replies: [env.t('understand.confirm.again')], reprompt: true } as StepOutcome, keep: false };
  const unclear = {
    outcome: { kind: 'retry', hint: env.t('understand.confirm.unclear', { question: renderAsk(pending.ask, env) }), reprompt: false } as StepOutcome,
    keep: true,
  };
  /** The step's own reading of `said`, weighed against the pending value; null when it reads nothing. */
  const weigh = (said: string, lead: boolean | undefined): { outcome: StepOutcome; keep: boolean } | null => {
    const read = handleText(step, said, env);
    if (read.kind === 'answer' || read.kind === 'confirm') {
      // what the reply says, with the facts it carries for the next questions ("不是老伴，是我儿子")
      const says = Object.assign({}, ...(read.prefill ?? []).map((p) => p.patch), read.patch) as Answers;
      if (!samePatch(says, pending.patch)) return { outcome: read, keep: false }; // a correction
      if (lead === false) return again; // "不是两万"
      if (read.kind === 'answer' || lead === true) return yes; // the figure repeated
      return unclear; // the same estimate again: still not a yes
    }
    if (read.kind === 'retry' && read.understood) return { outcome: read, keep: false }; // a new value, refused
    return null;
  };
  // what follows a yes or no of its own ("不对 | 是外孙女"), then the whole reply ("不是两万，是两万五",
  // "不记得哪天"), then what follows a yes or no run into a figure ("不对两万二")
  // a list number where no list was shown ("1" to "县人民医院是县级医院，对吗？"): agrees only when it names the same option
  if (step.kind === 'choice' && /^\s*[0-9]+\s*$/u.test(normalizeInput(text))) {
    const read = handleText(step, text, env);
    return read.kind === 'answer' && samePatch(read.patch, pending.patch) ? yes : unclear;
  }
  // "再加五千", "多算了两千": the figure said back, moved
  const diff = readDifference(text);
  if (diff !== null) {
    const moved = shiftedFigure(step, pending.patch, diff, env);
    return moved ? { outcome: moved, keep: false } : unclear;
  }
  const lead = leadingYesNo(text, SAID_BACK);
  const after = lead?.clause ? weigh(lead.rest, lead.answer) : null;
  if (after) return after;
  // a reply with a figure is read as one first ("不对三万二"; "1" is not the yes of a numbered list)
  if (!hasFigureWords(text)) {
    const yn = parseYesNo(text, SAID_BACK);
    if (yn.ok) return yn.value ? yes : again;
  }
  const whole = weigh(text, undefined);
  if (whole) return whole;
  const rest = lead && !lead.clause && hasFigureWords(lead.rest) ? weigh(lead.rest, lead.answer) : null;
  if (rest) return rest;
  // "冯保国" to "生病的是您的丈夫，对吗？": the person's name — a yes, and the name for the next question
  if (namesThePerson(pending.patch, text) || namesTheHospital(pending.patch, text)) return { ...yes, carry: text };
  // "对，报了五千": a yes, and the next answer already — read at the next question
  if (lead) return lead.answer ? { ...yes, ...(lead.clause ? { carry: lead.rest } : {}) } : again;
  return unclear;
}
