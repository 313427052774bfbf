/**
 * Cadre login with a username and password. A successful login opens a session: a random
 * token of which only the SHA-256 is stored, expiring after `sessionHours`. Repeated wrong
 * passwords lock the account for a while; a locked account answers "locked" without checking
 * the password, and an unknown name answers exactly like a wrong password.
 */
import type { PrismaClient } from '../generated/prisma/client';
import { checkNothing, checkPassword } from './passwords';
import { hashToken, newToken } from './tokens';

export type LoginPolicy = { sessionHours: number; maxFailures: number; lockMinutes: number };

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; cadre: { id: string; name: string; role: string; regionId: string } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date };

export async function login(prisma: PrismaClient, username: string, password: string, policy: LoginPolicy, now: Date): Promise<LoginResult> {
  const cadre = await prisma.cadre.findUnique({ where: { username } });
  if (!cadre || !cadre.passwordHash || !cadre.active) {
    await checkNothing(password);
    await audit(prisma, cadre?.id ?? null, now, cadre ? 'inactive or no password' : 'unknown username');
    return { ok: false, reason: 'invalid' };
  }
  if (cadre.lockedUntil && cadre.lockedUntil > now) {
    await audit(prisma, cadre.id, now, 'locked');
    return { ok: false, reason: 'locked', until: cadre.lockedUntil };
  }
  if (!(await checkPassword(password, cadre.passwordHash))) {
    // Counted in the database (atomic increment), so parallel guesses are all counted.
    const counted = await prisma.cadre.update({ where: { id: cadre.id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
    if (counted.failedLogins >= policy.maxFailures) {
      const until = new Date(now.getTime() + policy.lockMinutes * 60_000);
      await prisma.cadre.update({ where: { id: cadre.id }, data: { failedLogins: 0, lockedUntil: until } });
      await audit(prisma, cadre.id, now, `wrong password; locked after ${policy.maxFailures} failures`);
      return { ok: false, reason: 'locked', until };
    }
    await audit(prisma, cadre.id, now, 'wrong password');
    return { ok: false, reason: 'invalid' };
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + policy.sessionHours * 3_600_000);
  await prisma.$transaction([
    prisma.cadre.update({ where: { id: cadre.id }, data: { failedLogins: 0, lockedUntil: null } }),
    prisma.cadreSession.create({ data: { cadreId: cadre.id, tokenHash: hashToken(token), expiresAt, createdAt: now, lastUsedAt: now } }),
    // expired sessions of this cadre are of no further use
    prisma.cadreSession.deleteMany({ where: { cadreId: cadre.id, expiresAt: { lte: now } } }),
  ]);
  return { ok: true, token, expiresAt, cadre: { id: cadre.id, name: cadre.name, role: cadre.role, regionId: cadre.regionId } };
}

/** Ends the session of this token (a no-op for API tokens and unknown tokens). */
export async function logout(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.cadreSession.deleteMany({ where: { tokenHash: hashToken(token) } });
}

function audit(prisma: PrismaClient, cadreId: string | null, now: Date, reason: string) {
  return prisma.auditEntry.create({ data: { at: now, actorType: cadreId ? 'cadre' : 'anonymous', actorId: cadreId, action: 'login', allowed: false, reason } });
}
