/**
 * Verification (入户核查) is owned by one cadre rather than a role: the verifier assigned to the
 * case (often the insurer's). The county office, which owns the status too (OWNER_ROLES), is only
 * its fallback: it hears of the case when the assigned verifier cannot be reached (no WeChat
 * bound), and lists it among its own (待办) once it is overdue. A verifier can be given the cases
 * of the villages its region holds (the county's insurer: every village).
 */
import { OWNER_ROLES, type CaseStatus, type Role } from './statuses';

/** The statuses owned by the one cadre of a role assigned to the case. */
const ASSIGNED_TO: Partial<Record<CaseStatus, Role>> = { verification: 'verifier' };

/**
 * How a cadre of `role` owns the cases in `status`: every case of its region (`all`), those
 * assigned to it (`assigned`), those whose assigned owner falls short (`fallback`), or none.
 */
export type Ownership = 'all' | 'assigned' | 'fallback' | 'none';

export function ownershipOf(role: Role, status: CaseStatus): Ownership {
  if (!OWNER_ROLES[status].includes(role)) return 'none';
  const assigned = ASSIGNED_TO[status];
  if (!assigned) return 'all';
  return role === assigned ? 'assigned' : 'fallback';
}

/** The roles owning `status`, by how they own it. */
export function ownersByKind(status: CaseStatus): Record<Exclude<Ownership, 'none'>, Role[]> {
  const of = (o: Ownership) => OWNER_ROLES[status].filter((r) => ownershipOf(r, status) === o);
  return { all: of('all'), assigned: of('assigned'), fallback: of('fallback') };
}

/** Whether a verifier whose account sits in `regionId` covers a village: `villageLine` is the village and the regions above it. */
export function verifierCovers(regionId: string, villageLine: readonly string[]): boolean {
  return villageLine.includes(regionId);
}
