/**
 * What each guided exchange asks, read from the workflow's move table and its schemas
 * (flows/workflow/moves.ts): the reason when the move needs a note, then the required fields of
 * the move's data in the schema's order, then "确认" — except when the one answer is free text
 * (a reason, a list of papers): said once, it is its own confirmation. A move that asks nothing
 * has no exchange; "通过" makes it at once.
 */
import { requiredFields, TRANSITIONS, type MoveId, type TransitionRule } from '../workflow';
import type { FieldId, Guide, GuideKind, GuideSubmit } from './types';

/** Fields answered in free text, where a short case number may just be part of what is said. */
export const FREE_TEXT: readonly FieldId[] = ['reason', 'items', 'paymentRef'];

function planOf(rule: TransitionRule): FieldId[] {
  const asked = [...(rule.noteRequired ? ['reason'] : []), ...requiredFields(rule)] as FieldId[];
  if (asked.length === 0) return [];
  const selfConfirming = asked.length === 1 && FREE_TEXT.includes(asked[0]!);
  return selfConfirming ? asked : [...asked, 'confirm'];
}

const ASKING = TRANSITIONS.map((rule) => ({ rule, plan: planOf(rule) })).filter((m) => m.plan.length > 0);

/** The moves the chat asks data for, one exchange each, named as the workflow names the move. */
export const GUIDE_KINDS: readonly GuideKind[] = ASKING.map((m) => m.rule.id);

/** The fields each exchange asks, in order. */
export const PLANS: Readonly<Partial<Record<MoveId, FieldId[]>>> = Object.fromEntries(ASKING.map((m) => [m.rule.id, m.plan]));

/** The plan of an exchange (every guide's kind has one). */
export function planFor(kind: GuideKind): FieldId[] {
  const plan = PLANS[kind];
  if (!plan) throw new Error(`the move ${kind} asks nothing: it has no exchange`);
  return plan;
}

/** How many answers an exchange asks, the final "确认" aside (its intro says "共{{n}}项"). */
export function answerCount(kind: GuideKind): number {
  return planFor(kind).filter((f) => f !== 'confirm').length;
}

/** Which exchange "通过" starts from each status: the approving move, when it asks for data (else it approves at once). */
export const APPROVE_GUIDE: Partial<Record<string, GuideKind>> = Object.fromEntries(
  ASKING.filter((m) => m.rule.action === 'approve').flatMap((m) => m.rule.from.map((s) => [s, m.rule.id])),
);

/** The move, as performTransition takes it: the plan's answers are its data, the reason its note. */
export function submission(g: Guide): GuideSubmit {
  const rule = TRANSITIONS.find((r) => r.id === g.kind)!;
  const data = Object.fromEntries(planFor(g.kind).filter((f) => f !== 'reason' && f !== 'confirm').map((f) => [f, g.data[f]]));
  return { action: rule.action, note: rule.noteRequired ? String(g.data.reason ?? g.note) : g.note, data };
}
