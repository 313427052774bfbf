/**
 * The budget for checking a typed phone against the one on record: chat re-identification
 * ("查询" → ID number → phone) and a chat filing by a contact not linked to the household of the ID
 * number it gives. An ID number is easy to learn and a phone has few likely values, so guessing is
 * bounded BEFORE anything is looked up, with atomic counters (server/core/throttle/counter.ts) in the
 * message's transaction: per contact (IDENTITY_CHECKS_PER_CONTACT an hour), per ID number
 * (IDENTITY_CHECKS_PER_ID a day — many contacts cannot share out the guesses on one household), and
 * for everyone together (IDENTITY_CHECKS_PER_HOUR). Counting does not depend on whether the ID number
 * is registered, so the refusal says nothing about the registry. The counter of an ID number is keyed
 * by a keyed digest of it (a table of counters shows no ID number).
 */
import type { Keyring } from '../crypto/keyring';
import { normalise } from '../crypto/keyring';
import type { Prisma } from '../../generated/prisma/client';
import { DbCounters } from '../throttle/counter';

export const IDENTITY_CHECKS_PER_CONTACT = 5;
export const IDENTITY_CHECKS_PER_ID = 5;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export type IdentityCheckSettings = { keyring: Keyring; perHour: number };

/**
 * Counts one check by `contactId` against `idNumber`; true when it may be made. A refused check
 * stops counting at the limit it hit, so a contact past its own limit spends nothing of the ID
 * number's or everyone's budget.
 */
export async function admitIdentityCheck(tx: Prisma.TransactionClient, settings: IdentityCheckSettings, contactId: string, idNumber: string, now: Date): Promise<boolean> {
  const idKey = settings.keyring.digest('identity-check-id', normalise('household-id', idNumber));
  // in this order, each counted only while the ones before it admit (one statement)
  return DbCounters.hitWithin(
    tx,
    [
      { key: `identity:contact:${contactId}`, windowMs: HOUR_MS, max: IDENTITY_CHECKS_PER_CONTACT },
      { key: `identity:id:${idKey}`, windowMs: DAY_MS, max: IDENTITY_CHECKS_PER_ID },
      { key: 'identity:all', windowMs: HOUR_MS, max: settings.perHour },
    ],
    now,
  );
}
