/**
 * Who applied, as every view of a case shows it (the cadre API, the chat's "查看" and "待办", the
 * mini-program): the registered household when the filer was verified to belong to it (what the
 * filer gave differently beside it: filerGaveOf), and the filer's own answers when not (身份待核实, Case.householdId null) — so a claim on someone else's
 * household never shows that household's name, ID number or phone to anyone reading the claim.
 * The one place that reads a case's applicant facts.
 */
import type { ApplicationData } from '../../../flows/engine/types';

export type Applicant = { name: string; idNumber: string; phone: string; size: number; povertyAlleviated: boolean };

type HouseholdFacts = { headName: string; headIdNumber: string; phone: string; size: number; povertyAlleviated: boolean };

export function applicantOf(c: { household: HouseholdFacts | null; answers: unknown; householdSize: number }): Applicant {
  if (c.household) {
    const h = c.household;
    return { name: h.headName, idNumber: h.headIdNumber, phone: h.phone, size: h.size, povertyAlleviated: h.povertyAlleviated };
  }
  const given = ((c.answers ?? {}) as Partial<ApplicationData>).applicant;
  return {
    name: given?.name ?? '',
    idNumber: given?.idNumber ?? '',
    phone: given?.phone ?? '',
    size: given?.householdSize ?? c.householdSize,
    povertyAlleviated: given?.povertyAlleviated ?? false,
  };
}

/** What the filer of a registered household's case gave where it differs from the registry (a filing never rewrites it). */
export type FilerGave = Partial<{ headName: string; phone: string; size: number; povertyAlleviated: boolean; villageId: string }>;

/**
 * The filer's answers that differ from the registered household's facts, or null when none do (or
 * the case has no household: then the answers are the applicant already). `villageId` is where the
 * case was filed when that is not the household's registered village.
 */
export function filerGaveOf(c: { household: (HouseholdFacts & { villageId: string }) | null; answers: unknown; villageId: string }): FilerGave | null {
  const h = c.household;
  const given = ((c.answers ?? {}) as Partial<ApplicationData>).applicant;
  if (!h || !given) return null;
  const out: FilerGave = {};
  if (given.name !== undefined && given.name !== h.headName) out.headName = given.name;
  if (given.phone !== undefined && given.phone !== h.phone) out.phone = given.phone;
  if (given.householdSize !== undefined && given.householdSize !== h.size) out.size = given.householdSize;
  if (given.povertyAlleviated !== undefined && given.povertyAlleviated !== h.povertyAlleviated) out.povertyAlleviated = given.povertyAlleviated;
  if (c.villageId !== h.villageId) out.villageId = c.villageId;
  return Object.keys(out).length > 0 ? out : null;
}

/** The identity flag as cadres read it: null when the filer was verified at filing. */
export type IdentityFlag = { check: 'pending' | 'confirmed'; reason: string | null } | null;

export function identityFlagOf(c: { identityCheck: string | null; identityNote: string | null }): IdentityFlag {
  if (c.identityCheck !== 'pending' && c.identityCheck !== 'confirmed') return null;
  return { check: c.identityCheck, reason: c.identityNote };
}

/** The applicant's name alone, for lists (which load no ID number or phone). */
export function applicantNameOf(c: { household: { headName: string } | null; answers: unknown }): string {
  return c.household?.headName ?? ((c.answers ?? {}) as Partial<ApplicationData>).applicant?.name ?? '';
}
