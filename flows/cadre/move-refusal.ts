/**
 * Why a cadre may not make a move on a case as it stands — asked before a guided exchange so
 * nobody answers five questions to be refused. Read from the workflow in the order
 * performTransition checks it: the case exists, it is within the cadre's reach (outside it, it
 * answers as one that does not exist), the move is among the allowed ones (allowedMoves), and if
 * not, the transition table's own reason (no such move from this status, or its "who").
 */
import { findRule, notAllowedFrom, outsideScope, type Action, type CadreActor, type CaseFacts, type CaseStatus, type Refusal } from '../workflow';

export type AllowedMove = { action: Action; to: CaseStatus };

export function moveRefusal(actor: CadreActor, facts: CaseFacts | null, action: Action, allowed: readonly AllowedMove[]): Refusal | null {
  if (!facts) return { code: 'not_found', message: 'case not found' };
  const outside = outsideScope(actor, facts);
  if (outside) return outside;
  if (allowed.some((m) => m.action === action)) return null;
  const rule = findRule(facts.status, { action }, facts);
  const notFromHere = notAllowedFrom(facts.status, { action });
  return rule ? (rule.who(actor, facts) ?? notFromHere) : notFromHere;
}
