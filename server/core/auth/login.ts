/**
 * Cadre login with a username and password. An attempt is first admitted by the login limits
 * (server/core/auth/login-limits.ts) — per client, per account name, per known device — and only then
 * is the password checked (off the event loop, server/core/auth/passwords.ts). A successful login opens
 * a session: a random token of which only the SHA-256 is stored, expiring after `sessionHours`;
 * and it remembers the client as a known device of the account. An unknown name, an inactive
 * account and a wrong password answer alike ('invalid'), after the same work; a refused attempt
 * answers 'throttled' whatever the name.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { knownDevice, rememberDevice } from './known-devices';
import type { LoginAttempt, LoginLimits } from './login-limits';
import { checkNothing, checkPassword, hashPassword, needsRehash } from './passwords';
import { hashToken, newToken } from './tokens';
import { recordAudit } from '../audit/record';

export type LoginPolicy = { sessionHours: number };
/** Who is asking: the client's address and the device token it sent, if any. */
export type LoginClient = { address: string; deviceToken?: string };

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; deviceToken: string; cadre: { id: string; name: string; role: string; regionId: string } }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function login(prisma: PrismaClient, limits: LoginLimits, username: string, password: string, client: LoginClient, policy: LoginPolicy, now: Date): Promise<LoginResult> {
  const device = await knownDevice(prisma, client.deviceToken, username, now);
  const attempt = { username, client: client.address, device };
  const admitted = await limits.admit(prisma, attempt, now);
  if (!admitted.ok) return { ok: false, reason: 'throttled', retryAfterSeconds: admitted.retryAfterSeconds };
  try {
    return await checkAndOpen(prisma, limits, attempt, password, client, policy, now);
  } finally {
    admitted.done();
  }
}

async function checkAndOpen(prisma: PrismaClient, limits: LoginLimits, attempt: LoginAttempt, password: string, client: LoginClient, policy: LoginPolicy, now: Date): Promise<LoginResult> {
  const { username, device } = attempt;
  const cadre = await prisma.cadre.findUnique({ where: { username } });
  if (!cadre || !cadre.passwordHash || !cadre.active) {
    await checkNothing(password);
    await audit(prisma, cadre?.id ?? null, now, cadre ? 'inactive or no password' : 'unknown username');
    return { ok: false, reason: 'invalid' };
  }
  if (!(await checkPassword(password, cadre.passwordHash))) {
    await audit(prisma, cadre.id, now, 'wrong password');
    return { ok: false, reason: 'invalid' };
  }
  await limits.succeeded(prisma, attempt);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + policy.sessionHours * 3_600_000);
  // a hash from before argon2id is replaced now that the password is known
  const rehashed = needsRehash(cadre.passwordHash) ? await hashPassword(password) : undefined;
  await prisma.$transaction([
    prisma.cadre.update({ where: { id: cadre.id }, data: { ...(device ? {} : { lockedUntil: null }), ...(rehashed ? { passwordHash: rehashed } : {}) } }),
    prisma.cadreSession.create({ data: { cadreId: cadre.id, tokenHash: hashToken(token), expiresAt, createdAt: now, lastUsedAt: now } }),
    // expired sessions of this cadre are of no further use
    prisma.cadreSession.deleteMany({ where: { cadreId: cadre.id, expiresAt: { lte: now } } }),
  ]);
  const deviceToken = await rememberDevice(prisma, cadre.id, device, client.deviceToken, now);
  return { ok: true, token, expiresAt, deviceToken, cadre: { id: cadre.id, name: cadre.name, role: cadre.role, regionId: cadre.regionId } };
}

/** Ends the session of this token (a no-op for API tokens and unknown tokens). */
export async function logout(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.cadreSession.deleteMany({ where: { tokenHash: hashToken(token) } });
}

function audit(prisma: PrismaClient, cadreId: string | null, now: Date, reason: string) {
  return recordAudit(prisma, { at: now, actor: cadreId ? { kind: 'cadre', id: cadreId } : { kind: 'anonymous' }, action: 'login', allowed: false, reason });
}
