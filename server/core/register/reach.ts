/**
 * Who reaches a household of the register: a cadre of a role that reads it (MAY.readRegister), in
 * whose region the household's village lies. Outside the region a household answers as one that
 * does not exist (404, as a case does); a role that does not read the register is refused (403).
 */
import { inJurisdiction, type CadreActor } from '../../../flows/workflow';
import { MAY } from '../auth/permissions';
import { forbidden } from '../refusal';

export function requireRegisterRole(actor: CadreActor, may: 'readRegister' | 'keepRegister'): void {
  if (!(MAY[may] as readonly string[]).includes(actor.role)) {
    throw forbidden(may === 'readRegister' ? `a ${actor.role} account does not read the register` : `a ${actor.role} account cannot change the register`);
  }
}

export function reachesHousehold(actor: CadreActor, h: { villageId: string }): boolean {
  return inJurisdiction(actor, h.villageId);
}
