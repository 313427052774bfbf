/**
 * Rules for managing cadre accounts (the actions: manage-accounts.ts): which region level each
 * role sits at, and who may manage whom. The county office manages every account; a town cadre the village accounts of its own
 * town only (never another town account: it could take it over by resetting its password or
 * binding it to its own WeChat); anyone may ask a binding code for their own account.
 */
import { type CadreActor, inJurisdiction, type Role } from '../../../flows/workflow';

export type Level = 'county' | 'town' | 'village';

/** Where each role's account sits; a verifier may cover the county, a town or a single village. */
export const ROLE_LEVELS: Record<Role, readonly Level[]> = {
  village: ['village'],
  town: ['town'],
  county: ['county'],
  auditor: ['county'],
  verifier: ['county', 'town', 'village'],
};

const MANAGED_BY: Record<Role, readonly Role[]> = {
  county: ['village', 'town', 'county', 'verifier', 'auditor'],
  town: ['village'],
  village: [],
  verifier: [],
  auditor: [],
};

/** May `actor` create or change an account of `role` in region `regionId`? */
export function mayManage(actor: CadreActor, target: { role: string; regionId: string }): boolean {
  return (MANAGED_BY[actor.role] as readonly string[]).includes(target.role) && inJurisdiction(actor, target.regionId);
}
