/**
 * Cadre passwords: argon2id (@node-rs/argon2: a prebuilt native binding shipped inside its npm
 * packages, no install script), computed on libuv's thread pool so the event loop keeps serving
 * while a password is checked. Parameters: the library's defaults, OWASP's argon2id minimum
 * (19 MiB, 2 passes, 1 lane). Hashes made before (bcrypt, `$2a$`/`$2b$`) still verify, with
 * bcryptjs's asynchronous compare (it yields to the event loop between rounds); the login then
 * stores an argon2id hash instead (`needsRehash`). Every check runs only after the login limits
 * let the attempt through (server/core/auth/login-limits.ts), so a flood never reaches this file.
 */
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

/** Long enough to resist guessing at a few tries per quarter hour; no composition rules (they do not help). */
export const MIN_PASSWORD_LENGTH = 8;

const isBcrypt = (stored: string) => /^\$2[aby]\$/.test(stored);

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  if (isBcrypt(stored)) return bcrypt.compare(password, stored);
  try {
    return await verify(stored, password);
  } catch {
    return false; // not a hash we know: no password matches it
  }
}

/** A hash from before argon2id: replace it after the next successful login. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith('$argon2id$');
}

let dummy: Promise<string> | undefined;
/** Spends the time of a real check and answers false (for unknown or passwordless accounts). */
export async function checkNothing(password: string): Promise<false> {
  dummy ??= hash('no account has this password');
  await verify(await dummy, password);
  return false;
}

// No 0/O, 1/l/I: printed once and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newPassword(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
