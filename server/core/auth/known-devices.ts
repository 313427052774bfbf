/**
 * "Known devices": a client that logged in to an account successfully gets a long-lived random
 * token (a cookie for browsers, the `deviceToken` field for scripts, sent back as the cookie or the
 * X-Device-Token header). Only its SHA-256 is stored. While someone else's failures have used up
 * the account's limit, a login carrying the account's device token is counted against that device
 * alone — so nobody can lock a cadre out by failing on purpose (server/core/auth/login-limits.ts).
 * The token proves nothing by itself: the password is still checked.
 */
import type { Context } from 'koa';
import type { PrismaClient } from '../../generated/prisma/client';
import { hashToken, newToken } from './tokens';

export const DEVICE_COOKIE = 'fp_device';
export const DEVICE_HEADER = 'x-device-token';
export const DEVICE_DAYS = 90;
/** Devices remembered per account (the most recently used); older ones are forgotten. */
const DEVICES_PER_CADRE = 20;
const DAY_MS = 86_400_000;

export function deviceTokenOf(ctx: Context): string | undefined {
  const token = ctx.get(DEVICE_HEADER) || ctx.cookies.get(DEVICE_COOKIE);
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

/** The device behind `token` when it is a recent one of the account `username`. */
export async function knownDevice(prisma: PrismaClient, token: string | undefined, username: string, now: Date): Promise<{ id: string } | null> {
  if (!token) return null;
  const device = await prisma.cadreDevice.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, lastUsedAt: true, cadre: { select: { username: true, active: true } } } });
  if (!device || device.cadre.username !== username || !device.cadre.active) return null;
  if (now.getTime() - device.lastUsedAt.getTime() > DEVICE_DAYS * DAY_MS) return null;
  return { id: device.id };
}

/** After a successful login: the same device token refreshed, or a new one. Returns the token to hand back. */
export async function rememberDevice(prisma: PrismaClient, cadreId: string, known: { id: string } | null, token: string | undefined, now: Date): Promise<string> {
  if (known && token) {
    await prisma.cadreDevice.update({ where: { id: known.id }, data: { lastUsedAt: now } });
    return token;
  }
  const fresh = newToken();
  await prisma.cadreDevice.create({ data: { cadreId, tokenHash: hashToken(fresh), createdAt: now, lastUsedAt: now } });
  const stale = await prisma.cadreDevice.findMany({ where: { cadreId }, orderBy: { lastUsedAt: 'desc' }, skip: DEVICES_PER_CADRE, select: { id: true } });
  await prisma.cadreDevice.deleteMany({ where: { OR: [{ id: { in: stale.map((d) => d.id) } }, { cadreId, lastUsedAt: { lt: new Date(now.getTime() - DEVICE_DAYS * DAY_MS) } }] } });
  return fresh;
}

export function setDeviceCookie(ctx: Context, token: string): void {
  ctx.cookies.set(DEVICE_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: '/api/auth', maxAge: DEVICE_DAYS * DAY_MS, secure: ctx.secure, overwrite: true });
}
