/**
 * Phone + one-time code, for the h5 app and for development (no WeChat AppID). Where the code goes:
 *  - with an SMS provider (SMS_PROVIDER set): by text message to the phone itself, and only there.
 *    That proves the phone — the one thing a code can prove — for every villager, with or without
 *    a WeChat contact. No chat copy is sent: a copy would let a WeChat contact of the household who
 *    does not hold the phone log in as it, and the verify could no longer tell which of the two the
 *    code proved (the link rules below differ). A phone on record for two households gets its text
 *    message too: it goes to the phone, not to either household's chat, and links to neither.
 *  - with none: through the chat bot to the WeChat contacts of the one household that has that
 *    phone — someone who can read that chat is that household; with two households claiming the
 *    phone it goes to nobody.
 * When nothing real carries it (no chat contact and one household at most, or the fake provider)
 * it is written to the server log only in development (AppConfig.devOtpLog). The answer to a
 * request is the same whether or not the phone is known. Phone and code are stored as hashes (the
 * code's keyed with a key derived from BOT_TOKEN, so six digits cannot be tried against a dump); a
 * code lasts 5 minutes and allows
 * 5 tries; a phone gets a code at most once a minute and 5 times an hour. Both are counted
 * atomically before anything is checked (server/core/throttle/counter.ts): parallel requests or
 * guesses never get past the limit. The message keeps the code sealed for the bot or the SMS worker
 * alone (server/core/outbox/sealed-text.ts) and expires with the code.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { t } from '../../flows/i18n';
import type { Lang } from '../../flows/engine/types';
import type { Keyring } from '../core/crypto/keyring';
import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../log';
import { botKey } from '../core/auth/bot-keys';
import { enqueue } from '../core/outbox/enqueue';
import { expireSealed, storeSealedText } from '../core/outbox/sealed-text';
import { DbCounters, retryAfterSeconds } from '../core/throttle/counter';
import { appPhoneId, CHAT_CONTACT_CHANNEL, phoneHash, SMS_CHANNEL } from '../core/notify/channels';
import { enqueueSmsLoginCode } from '../core/sms/enqueue';
import type { SmsSettings } from '../core/sms/config';
import { ACTING_LINKS } from '../core/identity/household-link';

export const OTP_TTL_SECONDS = 300;
export const OTP_RESEND_SECONDS = 60;
export const OTP_MAX_PER_HOUR = 5;
export const OTP_MAX_ATTEMPTS = 5;

/** Where login codes go under this configuration (the same for every phone: it says nothing about one). */
export type OtpRoute = 'sms' | 'wechat';
export const otpRoute = (sms: SmsSettings['provider']): OtpRoute => (sms === 'off' ? 'wechat' : 'sms');

export type OtpRequestResult = { ok: true } | { ok: false; reason: 'too_soon'; retryAfterSeconds: number } | { ok: false; reason: 'too_many'; retryAfterSeconds: number };

const codeHash = (botToken: string, phoneKey: string, code: string) => createHmac('sha256', botKey(botToken, 'login-code-hash')).update(`${phoneKey}:${code}`).digest();

export async function requestOtp(prisma: PrismaClient, phone: string, now: Date, opts: { log: Logger; devOtpLog: boolean; keyring: Keyring; botToken: string; sms: SmsSettings['provider'] }): Promise<OtpRequestResult> {
  const key = phoneHash(opts.keyring, phone, 'otp');
  const soon = await DbCounters.hit(prisma, `otp:resend:${key}`, OTP_RESEND_SECONDS * 1000, now);
  if (soon.count > 1) return { ok: false, reason: 'too_soon', retryAfterSeconds: retryAfterSeconds(soon, now) };
  const hour = await DbCounters.hit(prisma, `otp:hour:${key}`, 3_600_000, now);
  if (hour.count > OTP_MAX_PER_HOUR) return { ok: false, reason: 'too_many', retryAfterSeconds: retryAfterSeconds(hour, now) };

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + OTP_TTL_SECONDS * 1000);
  const sealKey = botKey(opts.botToken, 'login-code-seal');
  const delivered = await prisma.$transaction(async (tx) => {
    const row = await tx.otpCode.create({
      data: { phoneHash: key, codeHash: codeHash(opts.botToken, key, code).toString('hex'), expiresAt, createdAt: now },
    });
    if (otpRoute(opts.sms) === 'sms') {
      const targetId = appPhoneId(opts.keyring, phone);
      await enqueueSmsLoginCode(tx, { phone, targetId, code, minutes: OTP_TTL_SECONDS / 60, sealKey, expiresAt, dedupeKey: `otp:${row.id}:sms` }, now);
      return { contacts: 0, ambiguous: false };
    }
    // The chat contacts (not the mini-program's own, and not cadre accounts) of THE household with
    // that phone, and only those that act for it (created/confirmed): a contact that merely typed
    // the ID number and the phone (claimed) gets no code. A phone on record is what a filer typed;
    // when two households claim it, whoever typed it second could be anyone — the code goes to
    // nobody, and the answer stays the same.
    const households = await tx.household.findMany({ where: { phone }, select: { id: true }, take: 2 });
    const contacts =
      households.length === 1
        ? await tx.contact.findMany({
            where: { householdId: households[0].id, householdLink: { in: ACTING_LINKS }, channel: CHAT_CONTACT_CHANNEL, cadre: { is: null } },
            select: { id: true, channel: true, externalId: true, lang: true },
          })
        : [];
    for (const c of contacts) {
      const lang: Lang = c.lang === 'en' ? 'en' : 'zh-CN';
      const text = t(lang, 'miniprogram.otp.message', { code, minutes: OTP_TTL_SECONDS / 60 });
      // the row says only that a login code goes there; the text is sealed for the bot
      const dedupeKey = `otp:${row.id}:${c.id}`;
      await enqueue(tx, { channel: c.channel, targetType: 'contact', targetId: c.externalId, text: t(lang, 'auth.login_code_hidden'), kind: 'login_code', dedupeKey }, now);
      const message = await tx.outbox.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
      await storeSealedText(tx, sealKey, message.id, text, expiresAt);
    }
    return { contacts: contacts.length, ambiguous: households.length > 1 };
  });
  const carriedByNobody = opts.sms === 'fake' || (opts.sms === 'off' && delivered.contacts === 0 && !delivered.ambiguous);
  if (carriedByNobody && opts.devOtpLog) {
    // Development only: nothing real carries it (no chat contact, or the fake SMS provider). The phone's last digits say whose it is.
    opts.log.warn('login code (development: no chat contact or real text message carries it)', { phoneTail: phone.slice(-4), code });
  }
  return { ok: true };
}

/** `delivered`: the code went to the chat of a contact acting for the household with the phone (not by text message, not the development log). */
export type OtpVerifyResult = { ok: true; delivered: boolean } | { ok: false; reason: 'invalid' | 'too_many_attempts' };

export async function verifyOtp(prisma: PrismaClient, phone: string, code: string, now: Date, keyring: Keyring, botToken: string): Promise<OtpVerifyResult> {
  const key = phoneHash(keyring, phone, 'otp');
  const row = await prisma.otpCode.findFirst({ where: { phoneHash: key, usedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: 'desc' } });
  if (!row) return { ok: false, reason: 'invalid' };
  // Each try is counted before the code is compared, by a conditional increment: of parallel
  // guesses at most OTP_MAX_ATTEMPTS are ever compared.
  const [counted] = await prisma.otpCode.updateManyAndReturn({ where: { id: row.id, attempts: { lt: OTP_MAX_ATTEMPTS } }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
  if (!counted) return { ok: false, reason: 'too_many_attempts' };
  const expected = Buffer.from(row.codeHash, 'hex');
  const given = codeHash(botToken, key, code.trim());
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: counted.attempts >= OTP_MAX_ATTEMPTS ? 'too_many_attempts' : 'invalid' };
  // One use: of two requests with the right code, one wins.
  const used = await prisma.otpCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (used.count !== 1) return { ok: false, reason: 'invalid' };
  // the code is spent: a copy still waiting for the bot is not said any more
  const copies = await prisma.outbox.findMany({ where: { dedupeKey: { startsWith: `otp:${row.id}:` } }, select: { id: true, status: true, channel: true } });
  await expireSealed(prisma, copies.filter((m) => m.status === 'pending').map((m) => m.id));
  return { ok: true, delivered: copies.some((m) => m.channel !== SMS_CHANNEL) };
}
