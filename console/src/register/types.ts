/** The register's answers (GET /api/households, GET /api/households/:id: docs/api.md, "The monitoring register"). */
import type { Place } from '../api/types';

export type Person = { id: string; name: string | null } | null;

export type HouseholdRow = {
  id: string;
  headName: string;
  village: Place;
  town: Place;
  size: number;
  povertyAlleviated: boolean;
  state: string;
  category: string | null;
  monitoredSince: string | null;
  eliminatedOn: string | null;
  noLabourCapacity: boolean;
  responsible: Person;
};

export type HouseholdList = { households: HouseholdRow[]; nextCursor: string | null; stateCounts?: { none: number; monitored: number; eliminated: number } };

export type HouseholdDetail = {
  id: string;
  village: Place;
  town: Place;
  head: { name: string; idNumber: string; phone: string };
  size: number;
  monitoring: { state: string; category: string | null; since: string | null; eliminatedOn: string | null; followUpMonths: number };
  noLabourCapacity: boolean;
  responsible: Person;
  members: { id: string; name: string; relation: string; idNumber: string | null }[];
  cases: { caseNo: string; status: string; cause: string; submittedAt: string }[];
  risks: { id: string; cause: string; source: string; startedOn: string | null; solvedOn: string | null; caseNo: string | null; note: string | null }[];
  measures: { id: string; kind: string; amountFen: number | null; givenOn: string | null; department: string | null; caseNo: string | null; note: string | null; recordedBy: Person }[];
  timeline: { at: string; source: 'register' | 'case'; type: string; caseNo: string | null; actor: { type: string; id: string | null; name: string | null } }[];
  followUps: { id: string; day: string | null; perCapitaIncomeFen: number; solvedRiskIds: string[]; note: string | null; by: Person; photos: { id: string; mime: string; createdAt: string; url: string }[] }[];
  eliminations: { id: string; status: string; proposedAt: string; proposedBy: Person; townAt: string | null; countyAt: string | null; note: string | null; reason: string | null }[];
};
