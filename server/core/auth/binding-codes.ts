/**
 * One-time codes that bind a WeChat contact to a cadre account ("绑定 1234567890", purpose
 * 'cadre') or a work group to a village or town ("绑定群 1234567890", purpose 'room'). Ten random
 * digits, unique among live codes, valid 24 hours, used once. Guessing is bounded by attempt
 * budgets per contact and for everyone together (server/chat/cadre/binding-limits.ts; the arithmetic is
 * in the README). Only a slow hash of a code is stored (scrypt, on the thread pool): someone who
 * reads the table would need years of computing per code, which lives a day.
 */
import { randomInt, scrypt } from 'node:crypto';
import type { BindingCode, Prisma, PrismaClient } from '../../generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

export const BINDING_CODE_HOURS = 24;
export const BINDING_CODE_DIGITS = 10;
export type BindingPurpose = 'cadre' | 'room';
export type BindingTarget = { purpose: 'cadre'; cadreId: string } | { purpose: 'room'; regionId: string };

// One salt for all codes (a code is found by its hash); the cost is what protects them.
const SALT = 'fangpin binding code v1';
const SCRYPT = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export function hashBindingCode(code: string): Promise<string> {
  return new Promise((resolve, reject) =>
    scrypt(code.trim(), SALT, 32, SCRYPT, (err, key) => (err ? reject(err) : resolve(key.toString('hex')))),
  );
}

function drawCode(): string {
  return String(randomInt(0, 10 ** BINDING_CODE_DIGITS)).padStart(BINDING_CODE_DIGITS, '0');
}

/**
 * Issues a code. A cadre's or region's earlier unused codes are withdrawn (the newest one is the
 * one that was handed out). `codeHash` is unique in the table, so a stale row holding the drawn
 * code is removed first; a live one makes us draw again.
 */
export async function issueBindingCode(db: Db, target: BindingTarget, now: Date): Promise<{ code: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + BINDING_CODE_HOURS * 3_600_000);
  await db.bindingCode.deleteMany({
    where: { usedAt: null, purpose: target.purpose, ...(target.purpose === 'cadre' ? { cadreId: target.cadreId } : { regionId: target.regionId }) },
  });
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = drawCode();
    const codeHash = await hashBindingCode(code);
    const existing = await db.bindingCode.findUnique({ where: { codeHash } });
    if (existing && !existing.usedAt && existing.expiresAt > now) continue;
    if (existing) await db.bindingCode.delete({ where: { id: existing.id } });
    await db.bindingCode.create({
      data: { codeHash, purpose: target.purpose, expiresAt, createdAt: now, ...(target.purpose === 'cadre' ? { cadreId: target.cadreId } : { regionId: target.regionId }) },
    });
    return { code, expiresAt };
  }
  throw new Error('could not draw a free binding code');
}

/** The row of a code as typed (live or not), or null. */
export async function findBindingCode(db: Db, code: string): Promise<BindingCode | null> {
  return db.bindingCode.findUnique({ where: { codeHash: await hashBindingCode(code) } });
}

export type Redeemed =
  | { ok: true; purpose: 'cadre'; cadreId: string }
  | { ok: true; purpose: 'room'; regionId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'wrong_purpose' };

/**
 * Marks a code used and says what it binds. Atomic (a conditional update), so a code typed twice
 * at once binds once. The caller writes the binding (Cadre.contactId / RoomBinding) in the same
 * transaction. `code`: as typed, or the row findBindingCode found.
 */
export async function redeemBindingCode(db: Db, code: string | BindingCode | null, purpose: BindingPurpose, now: Date): Promise<Redeemed> {
  const row = typeof code === 'string' ? await findBindingCode(db, code) : code;
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.purpose !== purpose) return { ok: false, reason: 'wrong_purpose' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  const taken = await db.bindingCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (taken.count !== 1) return { ok: false, reason: 'used' };
  if (row.purpose === 'cadre' && row.cadreId) return { ok: true, purpose: 'cadre', cadreId: row.cadreId };
  if (row.purpose === 'room' && row.regionId) return { ok: true, purpose: 'room', regionId: row.regionId };
  return { ok: false, reason: 'unknown' };
}
