/**
 * Two questions asked as one in the chat (flow.ts `Fold`): "得的是什么病？在哪个医院看的？".
 * The answer is cut by the step's `split` and each part read by its own step, so each is
 * understood, said back or refused exactly as when it is asked alone:
 *   - both parts read        → both stored ("在县医院看的肺癌"); the other step is not asked;
 *   - the other part approximate or refused → this one stored, the other said back or asked next (with its hint);
 *   - only the other part    → it is stored and this question asked again, alone ("县人民医院" → "得的是什么病？");
 *   - no split                → the whole text is this step's answer, and the other question comes next.
 * The form (server/core/form/form.ts) never sees a fold: it asks and checks each field apart.
 */
import { envWith } from './env';
import { hasField, type AnsweredStep, type StepDef, type StepEnv, type StepOutcome } from './flow';
import { hasPrefill } from './prefill';
import type { PendingConfirm } from './types';

/** Reads a text as the answer to one step, without folding (steps/index.ts). */
export type ReadOne = (step: StepDef, text: string, env: StepEnv) => StepOutcome;

/** The step answering the other half of `step`'s fold, while that half is still to be asked. */
function otherOf(step: StepDef, env: StepEnv): AnsweredStep | null {
  const fold = step.fold;
  if (!fold || env.answers[fold.with] !== undefined || hasPrefill(env.state, env.flow, fold.with)) return null;
  return env.flow.steps.find((s): s is AnsweredStep => s !== step && hasField(s) && s.field === fold.with) ?? null;
}

/** The chat's question for a step: both halves while the other is still to be asked, else its own. */
export function foldedAsk(step: StepDef, env: StepEnv): string | null {
  return otherOf(step, env) ? step.fold!.ask(env) : null;
}

/** The env of a step read while standing at it (what a step may say back depends on where the chat stands). */
const standingAt = (step: StepDef, env: StepEnv): StepEnv => ({ ...env, state: { ...env.state, step: step.id, pending: undefined } });

const saidBack = (step: StepDef, o: Extract<StepOutcome, { kind: 'confirm' }>): PendingConfirm[] => [
  { step: step.id, patch: o.patch, ask: o.ask },
  ...(o.prefill ?? []),
];

/** The outcome of a folded answer, or null when the text is read as this step's answer alone. */
export function readFolded(step: StepDef, text: string, env: StepEnv, read: ReadOne): StepOutcome | null {
  const other = otherOf(step, env);
  if (!other) return null;
  const parts = step.fold!.split(text, env);
  if (!parts || parts.other === undefined) return null;
  const readOther = (withPatch = {}) => read(other, parts.other!, standingAt(other, envWith(env, withPatch)));

  if (parts.own === undefined) {
    const o = readOther();
    if (o.kind === 'answer') return { kind: 'stay', replies: o.notes ?? [], patch: o.patch, prefill: o.prefill, reprompt: true };
    if (o.kind === 'confirm') return { kind: 'stay', replies: [], prefill: saidBack(other, o), reprompt: true };
    return null;
  }

  const own = read(step, parts.own, env);
  if (own.kind === 'answer') {
    const o = readOther(own.patch);
    const prefill = [...(own.prefill ?? [])];
    if (o.kind === 'answer') {
      return { ...own, patch: { ...own.patch, ...o.patch }, notes: [...(own.notes ?? []), ...(o.notes ?? [])], prefill: [...prefill, ...(o.prefill ?? [])] };
    }
    if (o.kind === 'confirm') return { ...own, prefill: [...prefill, ...saidBack(other, o)] };
    // the other half refused ("身份证号好像有一位输错了"): said before its question comes next
    if (o.kind === 'retry') return { ...own, notes: [...(own.notes ?? []), o.hint] };
    return own;
  }
  if (own.kind === 'confirm') {
    const o = readOther(own.patch);
    // a yes stores both; a correction of this half leaves the other to be asked
    if (o.kind === 'answer') return { ...own, patch: { ...own.patch, ...o.patch }, prefill: [...(own.prefill ?? []), ...(o.prefill ?? [])] };
    if (o.kind === 'confirm') return { ...own, prefill: [...(own.prefill ?? []), ...saidBack(other, o)] };
    return own;
  }
  if (own.kind === 'retry') {
    // this half unreadable, the other understood: keep the other, ask this one again with its hint
    const o = readOther();
    if (o.kind === 'answer') return { kind: 'stay', replies: [own.hint], patch: o.patch, prefill: o.prefill, reprompt: true };
  }
  return own;
}
