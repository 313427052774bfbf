/**
 * Villager sessions of the mini-program and the h5 app: a random bearer token of which only the
 * SHA-256 is stored, expiring after VILLAGER_SESSION_DAYS. A table of its own — a villager token
 * is never a cadre token, and the reverse.
 */
import type { Context, Next } from 'koa';
import { t } from '../../flows/i18n';
import type { Lang } from '../../flows/engine/types';
import type { PrismaClient } from '../generated/prisma/client';
import { bearerToken, hashToken, newToken } from '../core/auth/tokens';
import { HttpError } from '../http/errors';
import { requestLang } from '../http/lang';

export type Via = 'wechat' | 'phone';

/** The caller of /api/app/*: a contact on an app channel. */
export type Villager = { contactId: string; householdId: string | null; householdLink: string | null; channel: string; externalId: string; via: Via; lang: Lang; sessionId: string };

// lastUsedAt is refreshed at most this often.
const TOUCH_MS = 5 * 60_000;

export async function openSession(prisma: PrismaClient, contactId: string, via: Via, days: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await prisma.$transaction([
    prisma.villagerSession.create({ data: { contactId, tokenHash: hashToken(token), via, expiresAt, createdAt: now, lastUsedAt: now } }),
    prisma.villagerSession.deleteMany({ where: { contactId, expiresAt: { lte: now } } }),
  ]);
  return { token, expiresAt };
}

export async function resolveVillager(prisma: PrismaClient, token: string, now: Date): Promise<Villager | null> {
  const session = await prisma.villagerSession.findUnique({ where: { tokenHash: hashToken(token) }, include: { contact: true } });
  if (!session || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_MS) await prisma.villagerSession.update({ where: { id: session.id }, data: { lastUsedAt: now } });
  const c = session.contact;
  return { contactId: c.id, householdId: c.householdId, householdLink: c.householdLink, channel: c.channel, externalId: c.externalId, via: session.via as Via, lang: c.lang === 'en' ? 'en' : 'zh-CN', sessionId: session.id };
}

export function requireVillager(prisma: PrismaClient, defaultLang: Lang, clock: () => Date) {
  return async (ctx: Context, next: Next) => {
    const token = bearerToken(ctx);
    const villager = token ? await resolveVillager(prisma, token, clock()) : null;
    if (!villager) throw new HttpError(401, 'unauthorized', t(requestLang(ctx, defaultLang), 'miniprogram.errors.login_required'));
    ctx.state.villager = villager;
    return next();
  };
}

export function villagerOf(ctx: Context): Villager {
  return ctx.state.villager as Villager;
}

export async function closeSession(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.villagerSession.deleteMany({ where: { id: sessionId } });
}
