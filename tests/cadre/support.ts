/**
 * Builders for the cadre step's unit tests: a cadre, a case's facts, the view the server would
 * load, and one message through the pure step with the moves the workflow allows — the state goes
 * through JSON between messages, as the server stores it.
 */
import { cadreStep, needsOf, readInbound } from '../../flows/cadre/step';
import type { CadreState, CadreTurn, CadreView, CaseTarget, GuideOption } from '../../flows/cadre/types';
import type { Inbound, Lang } from '../../flows/engine/types';
import { allowedMoves, type CadreActor, type CaseFacts, type CaseStatus, type Role } from '../../flows/workflow';

/** Monday 20 July 2026, 10:00 in China. */
export const NOW = new Date('2026-07-20T02:00:00Z');
export const CASE = 'FP-2026-000007';
export const VILLAGE = 'village-liushu';
export const VERIFIERS: GuideOption[] = [
  { id: 'v1', label: '人保核查员（清溪县）' },
  { id: 'v2', label: '太保核查员（青山镇）' },
];

/** A cadre of `role`: the village and town ones hold the case's village, the county and the insurer the whole county. */
export function cadre(role: Role, id = `cadre-${role}`): CadreActor {
  return { kind: 'cadre', id, name: `${role}干部`, role, regionIds: role === 'village' || role === 'town' ? new Set([VILLAGE]) : null };
}

export function factsAt(status: CaseStatus, over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id: 'case-1',
    caseNo: CASE,
    status,
    villageId: VILLAGE,
    householdId: 'hh-1',
    contactId: 'contact-1',
    verifierId: status === 'verification' ? 'cadre-verifier' : null,
    returnedFrom: null,
    publicityEnd: null,
    greenChannel: false,
    identityCheck: null,
    ...over,
  };
}

export function caseTarget(facts: CaseFacts, over: Partial<Extract<CaseTarget, { kind: 'case' }>> = {}): CaseTarget {
  return { kind: 'case', caseNo: facts.caseNo, facts, village: '柳树村', objectionIds: [], openObjections: 0, ...over };
}

export function viewOf(actor: CadreActor, target?: CaseTarget, over: Partial<CadreView> = {}): CadreView {
  return {
    lang: 'zh-CN' as Lang,
    now: NOW,
    publicityMinDays: 5,
    actor,
    who: { name: actor.name, role: actor.role, region: '柳树村' },
    inRoom: false,
    ...(target ? { target } : {}),
    ...over,
  };
}

export const text = (t: string): Inbound => ({ kind: 'text', text: t });

/** One message through the step, with the moves the workflow allows on the view's case. */
export function send(state: CadreState | null, message: Inbound, view: CadreView): CadreTurn {
  const stored: CadreState | null = state ? JSON.parse(JSON.stringify(state)) : null;
  const inbound = readInbound(message);
  // the view must hold what the step will read: the case the message is about, when it names one
  const needs = needsOf(stored, inbound, view.now);
  if (needs.case && !view.target) throw new Error('the view has no case but the message is about one');
  const allowed = view.target?.kind === 'case' ? allowedMoves(view.actor, view.target.facts) : [];
  return cadreStep(stored, inbound, view, allowed);
}
