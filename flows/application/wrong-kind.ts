/**
 * A refused answer that is plainly of another kind gets a re-ask naming what it looks like and what
 * is asked here: a phone number at the ID question, an ID number at the phone question, the card
 * not at hand, a name the villager is unsure how to write (flows/parse/answer-kind.ts).
 */
import { answerKind, type AnswerKind } from '../parse/answer-kind';
import type { Refusal, StepEnv } from '../engine/flow';

/** What each question says to each kind of answer that is not its own. */
const HINTS: Record<'name' | 'idNumber' | 'phone', Partial<Record<AnswerKind, string>>> = {
  name: { phone: 'heard.kind.phone_at_name', id_number: 'heard.kind.id_at_name', unsure_writing: 'heard.kind.name_unsure' },
  idNumber: { phone: 'heard.kind.phone_at_id', not_at_hand: 'heard.kind.id_later' },
  phone: { id_number: 'heard.kind.id_at_phone' },
};

/** The hint for an answer of another kind at the question `asked`, or null when the question's own hint fits. */
export function otherKindHint(text: string, env: StepEnv, asked: keyof typeof HINTS): Refusal | null {
  const kind = answerKind(text, env.ctx.now);
  const hint = kind === null ? undefined : HINTS[asked][kind];
  return hint === undefined ? null : { ok: false, hint, understood: true };
}

/** "柳树村" at a name question: a town or village of the county, whole, is a place and not a person's name. */
export function placeAsName(name: string, env: StepEnv): Refusal | null {
  const places = env.ctx.towns.flatMap((town) => [town, ...town.villages]);
  return places.some((p) => p.name === name) ? { ok: false, hint: 'heard.kind.place_at_name', understood: true } : null;
}
