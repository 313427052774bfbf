/**
 * The moves an actor may make on a case now, by the transition table's "who" (data and guards
 * are checked when the move is made). Shown with a case so a client offers only those buttons.
 */
import type { Actor } from './actor';
import type { CaseStatus } from './states';
import { TRANSITIONS, type Action, type CaseFacts } from './transitions';

export function allowedMoves(actor: Actor, facts: CaseFacts): { action: Action; to: CaseStatus }[] {
  return TRANSITIONS.filter((r) => r.from.includes(facts.status) && r.who(actor, facts) === null).map((r) => ({ action: r.action, to: r.to(facts) }));
}
