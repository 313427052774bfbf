/**
 * A new value said at the summary without an edit word ("家里是5口人", "花了五万五 不是五万"): the item
 * whose question reads it — the one item the message names ("口人" names the household), or, for a
 * figure that names none, the one item whose question takes it (the cost reads "花了…", the
 * reimbursement does not) — changed as by "改成…". Never a guess between two: null then, and the
 * reply is not understood. Only a message with a figure is read so: words alone ("等一下 我问问儿子")
 * are never taken as an illness, a hospital or a relation.
 */
import { t } from '../../i18n';
import { hasFigureWords, normalizeInput } from '../../parse';
import { stripTrailingPunctuation } from '../../parse/normalize';
import type { AnsweredStep, StepEnv, StepOutcome } from '../flow';
import { LANGS } from '../types';
import type { ReadOne } from '../fold';

const wordsOf = (s: AnsweredStep) => [...LANGS.map((l) => t(l, s.label!)), ...(s.editWords ?? [])].map((w) => w.toLowerCase()).filter((w) => w !== '');

/** The one item `text` gives a new value for, read by its question; null when none or several. */
export function itemNamedByValue(text: string, steps: AnsweredStep[], env: StepEnv, read: ReadOne): AnsweredStep | null {
  const said = stripTrailingPunctuation(normalizeInput(text)).trim();
  const lower = said.toLowerCase();
  const typed = steps.filter((s) => s.kind === 'question');
  // a figure only: words naming no new value ("等一下 我问问儿子") are never read as one
  if (!hasFigureWords(said)) return null;
  const named = typed.filter((s) => wordsOf(s).some((w) => lower.includes(w)));
  const candidates = named.length > 0 ? named : typed;
  const reading = candidates.filter((s) => {
    const answers = env.answers;
    const o: StepOutcome = read(s, said, { ...env, state: { ...env.state, answers, step: s.id, pending: undefined } });
    if (o.kind !== 'answer' && o.kind !== 'confirm') return false;
    // a free text (an illness, a hospital) takes any words: without its name said, only a figure's question reads it
    if (o.patch === undefined || (named.length === 0 && typeof o.patch[s.field] !== 'number')) return false;
    // the value it holds now said again is no change
    return JSON.stringify(o.patch[s.field]) !== JSON.stringify(env.answers[s.field]);
  });
  return reading.length === 1 ? reading[0] : null;
}
