/**
 * Outbox texts nobody but the bot may read: login codes (kind 'login_code'). The outbox row holds
 * a neutral description (what the county office's list shows); the real text is sealed with
 * AES-256-GCM under a key derived from BOT_TOKEN (server/core/auth/bot-keys.ts), bound to its outbox
 * row, in OutboxSecret. It is opened only when a bot leases the message (GET /api/bot/outbox,
 * which only BOT_TOKEN may call), deleted as soon as the bot acks it (ackMessages, delivery.ts), and it expires with the
 * code: a message whose secret has expired (or can no longer be opened) is never handed out — it
 * becomes 'expired' instead. This is separate from whatever protects Outbox.payload in general.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { LeasedMessage } from './delivery';

type Db = PrismaClient | Prisma.TransactionClient;

export const SEALED_KINDS = ['login_code'] as const;
const isSealed = (kind: string) => (SEALED_KINDS as readonly string[]).includes(kind);

export function sealText(key: Buffer, outboxId: string, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(`Outbox:${outboxId}`));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function openText(key: Buffer, outboxId: string, sealed: string): string | null {
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12)).setAAD(Buffer.from(`Outbox:${outboxId}`));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null; // another BOT_TOKEN (a restart) or tampered: as good as expired
  }
}

/** Stores the real text of outbox message `outboxId`, in the caller's transaction. */
export async function storeSealedText(tx: Prisma.TransactionClient, key: Buffer, outboxId: string, text: string, expiresAt: Date): Promise<void> {
  await tx.outboxSecret.create({ data: { outboxId, sealed: sealText(key, outboxId, text), expiresAt } });
}

/**
 * Leased messages as the bot gets them: a sealed message carries its real text, or — expired,
 * gone, unreadable — is taken out of the lease and marked 'expired' (never said late).
 */
export async function revealSealedTexts(prisma: PrismaClient, key: Buffer, messages: LeasedMessage[], now: Date): Promise<LeasedMessage[]> {
  const ids = messages.filter((m) => isSealed(m.kind)).map((m) => m.id);
  if (ids.length === 0) return messages;
  const secrets = new Map((await prisma.outboxSecret.findMany({ where: { outboxId: { in: ids } } })).map((s) => [s.outboxId, s]));
  const texts = new Map<string, string>();
  for (const id of ids) {
    const secret = secrets.get(id);
    const text = secret && secret.expiresAt > now ? openText(key, id, secret.sealed) : null;
    if (text !== null) texts.set(id, text);
  }
  const expired = ids.filter((id) => !texts.has(id));
  if (expired.length > 0) await expireSealed(prisma, expired);
  return messages.flatMap((m) => (!isSealed(m.kind) ? [m] : texts.has(m.id) ? [{ ...m, text: texts.get(m.id)! }] : []));
}

/** Messages not said yet that must not be said any more (a code used or expired): 'expired', their secrets gone. */
export async function expireSealed(db: Db, outboxIds: string[]): Promise<void> {
  if (outboxIds.length === 0) return;
  await db.outbox.updateMany({ where: { id: { in: outboxIds }, status: { in: ['pending', 'dead'] } }, data: { status: 'expired', leaseUntil: null, lastError: 'expired unsaid' } });
  await db.outboxSecret.deleteMany({ where: { outboxId: { in: outboxIds } } });
}

/** A scheduled sweep: secrets past their time go, and so do their messages. */
export async function sweepSealedTexts(db: Db, now: Date): Promise<number> {
  const stale = await db.outboxSecret.findMany({ where: { expiresAt: { lte: now } }, select: { outboxId: true }, take: 1000 });
  await expireSealed(db, stale.map((s) => s.outboxId));
  return stale.length;
}
