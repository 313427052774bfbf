/**
 * Verification's owner (flows/workflow/verifier.ts): the assigned verifier owns it, the county
 * office only as its fallback, every other owned status belongs to all its owners' cadres; and a
 * verifier covers the villages below its region. The notices (core/notify/recipients.ts) and the
 * chat's 待办 (server/chat/cadre/pending.ts) both read this.
 */
import { CASE_STATUSES, OWNER_ROLES, ownersByKind, ownershipOf, ROLES, verifierCovers } from '../../flows/workflow';

test.each(CASE_STATUSES.flatMap((s) => ROLES.map((r) => [s, r] as const)))('%s × %s: owned only by the roles that own the status', (status, role) => {
  expect(ownershipOf(role, status) === 'none').toBe(!OWNER_ROLES[status].includes(role));
});

test('verification: the assigned verifier owns it, the county office is the fallback', () => {
  expect(ownershipOf('verifier', 'verification')).toBe('assigned');
  expect(ownershipOf('county', 'verification')).toBe('fallback');
  expect(ownersByKind('verification')).toEqual({ all: [], assigned: ['verifier'], fallback: ['county'] });
});

test('no other status is assigned to one cadre or has a fallback', () => {
  for (const s of CASE_STATUSES.filter((x) => x !== 'verification')) {
    expect(ownersByKind(s)).toEqual({ all: [...OWNER_ROLES[s]], assigned: [], fallback: [] });
  }
});

test.each([
  ['the county (the insurer over all)', 'county', true],
  ['the village’s town', 'town', true],
  ['the village itself', 'village', true],
  ['another town', 'other-town', false],
  ['another village of the same town', 'other-village', false],
])('a verifier of %s: covers the village → %s', (_what, regionId, covers) => {
  expect(verifierCovers(regionId, ['village', 'town', 'county'])).toBe(covers);
});
