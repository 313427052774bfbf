/**
 * One-time codes that bind a WeChat contact to a cadre account ("绑定 123456", purpose 'cadre')
 * or a work group to a village or town ("绑定群 123456", purpose 'room'). Six random digits,
 * unique among live codes, valid 24 hours, used once.
 */
import { randomInt } from 'node:crypto';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

export const BINDING_CODE_HOURS = 24;
export type BindingPurpose = 'cadre' | 'room';
export type BindingTarget = { purpose: 'cadre'; cadreId: string } | { purpose: 'room'; regionId: string };

/**
 * Issues a code. A cadre's or region's earlier unused codes are withdrawn (the newest one is the
 * one that was handed out). `code` is unique in the table, so a stale row holding the drawn
 * digits is removed first; a live one makes us draw again.
 */
export async function issueBindingCode(db: Db, target: BindingTarget, now: Date): Promise<{ code: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + BINDING_CODE_HOURS * 3_600_000);
  await db.bindingCode.deleteMany({
    where: { usedAt: null, purpose: target.purpose, ...(target.purpose === 'cadre' ? { cadreId: target.cadreId } : { regionId: target.regionId }) },
  });
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const existing = await db.bindingCode.findUnique({ where: { code } });
    if (existing && !existing.usedAt && existing.expiresAt > now) continue;
    if (existing) await db.bindingCode.delete({ where: { id: existing.id } });
    await db.bindingCode.create({
      data: { code, purpose: target.purpose, expiresAt, createdAt: now, ...(target.purpose === 'cadre' ? { cadreId: target.cadreId } : { regionId: target.regionId }) },
    });
    return { code, expiresAt };
  }
  throw new Error('could not draw a free binding code');
}

export type Redeemed =
  | { ok: true; purpose: 'cadre'; cadreId: string }
  | { ok: true; purpose: 'room'; regionId: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'wrong_purpose' };

/**
 * Marks a code used and says what it binds. Atomic (a conditional update), so a code typed twice
 * at once binds once. The caller writes the binding (Cadre.contactId / RoomBinding) in the same
 * transaction.
 */
export async function redeemBindingCode(db: Db, code: string, purpose: BindingPurpose, now: Date): Promise<Redeemed> {
  const row = await db.bindingCode.findUnique({ where: { code: code.trim() } });
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
