/**
 * Who is acting on a case. Cadres carry their role and the region ids they may act in (null:
 * the whole county — the county office and ADMIN_TOKEN); villagers act only on their own cases.
 */
import type { Role } from './statuses';

export type CadreActor = { kind: 'cadre'; id: string; name: string; role: Role; regionIds: Set<string> | null };
export type VillagerActor = { kind: 'villager'; contactId: string; householdId: string | null };
export type SystemActor = { kind: 'system' };
export type Actor = CadreActor | VillagerActor | SystemActor;

export const SYSTEM: SystemActor = { kind: 'system' };

export function actorId(actor: Actor): string | null {
  return actor.kind === 'cadre' ? actor.id : actor.kind === 'villager' ? actor.contactId : null;
}

export function inJurisdiction(actor: CadreActor, villageId: string): boolean {
  return actor.regionIds === null || actor.regionIds.has(villageId);
}

/**
 * Whether a cadre may know a case exists at all: it lies in their region, and for an insurer's
 * verifier it is assigned to them (a third party reads the cases it was given, not the county's).
 * Outside this, every endpoint and chat command answers as for a case that does not exist.
 */
export function inScope(actor: CadreActor, c: { villageId: string; verifierId: string | null }): boolean {
  return inJurisdiction(actor, c.villageId) && (actor.role !== 'verifier' || c.verifierId === actor.id);
}
