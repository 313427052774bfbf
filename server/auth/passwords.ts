/**
 * Cadre passwords: bcrypt (bcryptjs, pure JavaScript — no native build in an intranet), cost 10.
 * Unknown users are checked against a dummy hash so a wrong name takes as long as a wrong password.
 */
import { randomInt } from 'node:crypto';
import bcrypt from 'bcryptjs';

const COST = 10;
/** Long enough to resist guessing at 5 tries per 15 minutes; no composition rules (they do not help). */
export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function checkPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummy: Promise<string> | undefined;
/** Spends the time of a real check and answers false (for unknown or passwordless accounts). */
export async function checkNothing(password: string): Promise<false> {
  dummy ??= bcrypt.hash('no account has this password', COST);
  await bcrypt.compare(password, await dummy);
  return false;
}

// No 0/O, 1/l/I: printed once and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newPassword(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
