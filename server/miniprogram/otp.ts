/**
 * Phone + one-time code, for the h5 app and for development (no WeChat AppID). The code goes
 * through the chat bot to the WeChat contacts of the household that has that phone — someone
 * who can read that chat is that household. With no such contact it is written to the server log
 * only in development (AppConfig.devOtpLog). The answer to a request is the same whether or not
 * the phone is known. Phone and code are stored as hashes; a code lasts 5 minutes and allows 5
 * wrong tries; a phone gets a code at most once a minute and 5 times an hour.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { t } from '../../flows/i18n';
import type { Lang } from '../../flows/engine/types';
import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../log';
import { enqueue } from '../outbox/enqueue';
import { APP_CHANNELS, phoneHash } from './channels';

export const OTP_TTL_SECONDS = 300;
export const OTP_RESEND_SECONDS = 60;
export const OTP_MAX_PER_HOUR = 5;
export const OTP_MAX_ATTEMPTS = 5;

export type OtpRequestResult = { ok: true } | { ok: false; reason: 'too_soon'; retryAfterSeconds: number } | { ok: false; reason: 'too_many'; retryAfterSeconds: number };

const codeHash = (phoneKey: string, code: string) => createHash('sha256').update(`${phoneKey}:${code}`).digest();

export async function requestOtp(prisma: PrismaClient, phone: string, now: Date, opts: { log: Logger; devOtpLog: boolean }): Promise<OtpRequestResult> {
  const key = phoneHash(phone, 'otp');
  const hourAgo = new Date(now.getTime() - 3_600_000);
  const recent = await prisma.otpCode.findMany({ where: { phoneHash: key, createdAt: { gt: hourAgo } }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
  const last = recent[0];
  if (last && now.getTime() - last.createdAt.getTime() < OTP_RESEND_SECONDS * 1000) {
    return { ok: false, reason: 'too_soon', retryAfterSeconds: Math.ceil(OTP_RESEND_SECONDS - (now.getTime() - last.createdAt.getTime()) / 1000) };
  }
  if (recent.length >= OTP_MAX_PER_HOUR) {
    const oldest = recent[recent.length - 1];
    return { ok: false, reason: 'too_many', retryAfterSeconds: Math.max(1, Math.ceil((oldest.createdAt.getTime() + 3_600_000 - now.getTime()) / 1000)) };
  }

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const delivered = await prisma.$transaction(async (tx) => {
    const row = await tx.otpCode.create({
      data: { phoneHash: key, codeHash: codeHash(key, code).toString('hex'), expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000), createdAt: now },
    });
    // The household's chat contacts (not the mini-program's own, and not cadre accounts).
    const contacts = await tx.contact.findMany({
      where: { household: { phone }, channel: { notIn: APP_CHANNELS }, cadre: { is: null } },
      select: { id: true, channel: true, externalId: true, lang: true },
    });
    for (const c of contacts) {
      const lang: Lang = c.lang === 'en' ? 'en' : 'zh-CN';
      const text = t(lang, 'miniprogram.otp.message', { code, minutes: OTP_TTL_SECONDS / 60 });
      await enqueue(tx, { channel: c.channel, targetType: 'contact', targetId: c.externalId, text, kind: 'login_code', dedupeKey: `otp:${row.id}:${c.id}` }, now);
    }
    return contacts.length;
  });
  if (delivered === 0 && opts.devOtpLog) {
    // Development only: no chat can carry it. The phone's last digits say whose it is.
    opts.log.warn('login code (development: no WeChat contact of a household has this phone)', { phoneTail: phone.slice(-4), code });
  }
  return { ok: true };
}

export type OtpVerifyResult = { ok: true } | { ok: false; reason: 'invalid' | 'too_many_attempts' };

export async function verifyOtp(prisma: PrismaClient, phone: string, code: string, now: Date): Promise<OtpVerifyResult> {
  const key = phoneHash(phone, 'otp');
  const row = await prisma.otpCode.findFirst({ where: { phoneHash: key, usedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: 'desc' } });
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.attempts >= OTP_MAX_ATTEMPTS) return { ok: false, reason: 'too_many_attempts' };
  const expected = Buffer.from(row.codeHash, 'hex');
  const given = codeHash(key, code.trim());
  if (!timingSafeEqual(expected, given)) {
    // Counted in the database, so parallel guesses are all counted.
    const counted = await prisma.otpCode.update({ where: { id: row.id }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
    return { ok: false, reason: counted.attempts >= OTP_MAX_ATTEMPTS ? 'too_many_attempts' : 'invalid' };
  }
  // One use: of two requests with the right code, one wins.
  const used = await prisma.otpCode.updateMany({ where: { id: row.id, usedAt: null, attempts: { lt: OTP_MAX_ATTEMPTS } }, data: { usedAt: now } });
  return used.count === 1 ? { ok: true } : { ok: false, reason: 'invalid' };
}
