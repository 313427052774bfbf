/**
 * Villager identity for the mini-program and the h5 app (miniprogram/API.md):
 *   POST /api/auth/wechat {code}                  → WeChat code2session → a villager session
 *   POST /api/auth/otp/request {phone}            → 202 always (a code goes by text message, or through the chat bot)
 *   POST /api/auth/otp/verify {phone, code}       → a villager session
 *   GET  /api/auth/villager/me, POST /api/auth/villager/logout
 * Villager sessions are not cadre sessions (server/app/villager-auth.ts).
 */
import Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import { parsePhone } from '../../../flows/parse';
import { t } from '../../../flows/i18n';
import type { Lang } from '../../../flows/engine/types';
import type { PrismaClient } from '../../generated/prisma/client';
import { HttpError, parseOr400 } from '../../http/errors';
import { APP_CHANNEL, appPhoneId } from '../../core/notify/channels';
import { requestLang } from '../../http/lang';
import { otpRoute, requestOtp, verifyOtp, OTP_RESEND_SECONDS, OTP_TTL_SECONDS } from '../otp';
import { closeSession, openSession, requireVillager, villagerOf, type Via } from '../villager-auth';
import { WeChatApi, WeChatError } from '../wechat';
import { ClientLimiter } from '../../core/throttle/clients';
import type { AppDeps } from '../../deps';
import { actsForHousehold, setLink } from '../../core/identity/household-link';
import { clockOf } from '../../core/clock';

const WechatBody = z.object({ code: z.string().trim().min(1).max(200) });
const PhoneBody = z.object({ phone: z.string().max(40) });
const VerifyBody = z.object({ phone: z.string().max(40), code: z.string().trim().regex(/^\d{6}$/, 'six digits') });

export function appAuthRouter(deps: AppDeps): Router {
  const router = new Router();
  const now = clockOf(deps);
  const wechat = deps.config.app.wechat ? new WeChatApi(deps.config.app.wechat) : null;
  const lang = (ctx: Context) => requestLang(ctx, deps.config.defaultLang);
  // per client address, before any phone is looked at (server/core/throttle/clients.ts)
  const clients = new ClientLimiter({ perMinute: deps.config.auth.clientPerMinute, perHour: deps.config.auth.clientPerHour });
  function throttleClient(ctx: Context, action: string, field: string) {
    const refused = clients.take(action, ctx.ip, now());
    if (!refused) return;
    ctx.set('Retry-After', String(refused.retryAfterSeconds));
    throw new HttpError(429, 'too_many_requests', t(lang(ctx), 'auth.throttled', { seconds: refused.retryAfterSeconds }), field, { retryAfterSeconds: refused.retryAfterSeconds });
  }

  /** A phone in any form the chat accepts, or a 400 in the caller's words. */
  function phoneOf(ctx: Context, raw: string): string {
    const r = parsePhone(raw);
    if (!r.ok) throw new HttpError(400, 'bad_request', t(lang(ctx), r.reason === 'phone_landline' ? 'parse.phone_landline' : 'miniprogram.errors.phone'), 'phone');
    return r.value;
  }

  async function session(ctx: Context, contactId: string, via: Via) {
    const at = now();
    const { token, expiresAt } = await openSession(deps.prisma, contactId, via, deps.config.app.villagerSessionDays, at);
    ctx.body = { token, expiresAt: expiresAt.toISOString(), villager: { id: contactId, via, lang: lang(ctx) } };
  }

  router.post('/api/auth/wechat', async (ctx) => {
    const body = parseOr400(WechatBody, ctx.request.body ?? {});
    if (!wechat) throw new HttpError(404, 'wechat_login_disabled', t(lang(ctx), 'miniprogram.errors.wechat_disabled'));
    let openid: string;
    try {
      openid = (await wechat.code2session(body.code)).openid;
    } catch (err) {
      if (err instanceof WeChatError && err.kind === 'invalid_code') throw new HttpError(401, 'wechat_code_invalid', t(lang(ctx), 'miniprogram.errors.wechat_code'));
      deps.log.warn('WeChat login failed', { reason: (err as Error).message });
      throw new HttpError(502, 'wechat_unavailable', t(lang(ctx), 'miniprogram.errors.wechat_unavailable'));
    }
    const contact = await upsertContact(deps.prisma, APP_CHANNEL.wechat, openid, lang(ctx));
    await session(ctx, contact.id, 'wechat');
  });

  router.post('/api/auth/otp/request', async (ctx) => {
    throttleClient(ctx, 'otp-request', 'phone');
    const body = parseOr400(PhoneBody, ctx.request.body ?? {});
    const phone = phoneOf(ctx, body.phone);
    const r = await requestOtp(deps.prisma, phone, now(), { log: deps.log, devOtpLog: deps.config.app.devOtpLog, keyring: deps.keyring, botToken: deps.config.botToken, sms: deps.config.sms.provider });
    if (!r.ok) {
      ctx.set('Retry-After', String(r.retryAfterSeconds));
      const message = r.reason === 'too_soon' ? t(lang(ctx), 'miniprogram.errors.otp_too_soon', { seconds: r.retryAfterSeconds }) : t(lang(ctx), 'miniprogram.errors.otp_too_many');
      throw new HttpError(429, 'too_many_requests', message, 'phone', { retryAfterSeconds: r.retryAfterSeconds });
    }
    ctx.status = 202;
    // `sentBy` is the configuration's, the same for every phone: the page says where to look
    ctx.body = { sent: true, sentBy: otpRoute(deps.config.sms.provider), expiresInSeconds: OTP_TTL_SECONDS, resendAfterSeconds: OTP_RESEND_SECONDS };
  });

  router.post('/api/auth/otp/verify', async (ctx) => {
    throttleClient(ctx, 'otp-verify', 'code');
    const body = VerifyBody.safeParse(ctx.request.body ?? {});
    if (!body.success) {
      const field = body.error.issues[0]?.path[0] === 'phone' ? 'phone' : 'code';
      throw new HttpError(400, 'bad_request', field === 'phone' ? t(lang(ctx), 'miniprogram.errors.phone') : t(lang(ctx), 'miniprogram.errors.otp_invalid'), field);
    }
    const phone = phoneOf(ctx, body.data.phone);
    const r = await verifyOtp(deps.prisma, phone, body.data.code, now(), deps.keyring, deps.config.botToken);
    if (!r.ok && r.reason === 'too_many_attempts') throw new HttpError(429, 'too_many_attempts', t(lang(ctx), 'miniprogram.errors.otp_too_many_attempts'), 'code');
    if (!r.ok) throw new HttpError(401, 'otp_invalid', t(lang(ctx), 'miniprogram.errors.otp_invalid'), 'code');
    const contact = await upsertContact(deps.prisma, APP_CHANNEL.phone, appPhoneId(deps.keyring, phone), lang(ctx));
    await linkHouseholdByPhone(deps.prisma, contact, phone, r.delivered, now());
    await session(ctx, contact.id, 'phone');
  });

  const auth = requireVillager(deps.prisma, deps.config.defaultLang, now);
  router.get('/api/auth/villager/me', auth, async (ctx) => {
    const v = villagerOf(ctx);
    ctx.body = { villager: { id: v.contactId, via: v.via, lang: v.lang } };
  });
  router.post('/api/auth/villager/logout', auth, async (ctx) => {
    await closeSession(deps.prisma, villagerOf(ctx).sessionId);
    ctx.status = 204;
  });
  return router;
}

async function upsertContact(prisma: PrismaClient, channel: string, externalId: string, lang: Lang) {
  return prisma.contact.upsert({
    where: { channel_externalId: { channel, externalId } },
    create: { channel, externalId, name: '', lang },
    update: { lang },
  });
}

/**
 * A phone proven by a code links the villager to the one household with that phone, so its cases —
 * also those filed by chat — show. Confirmed when the code went to the chat of a contact acting for
 * that household (only those get codes). A code sent by text message proves the phone itself, but
 * a phone on record is only what a filer typed (it may be a neighbour's, a cadre's): the holder of
 * the phone claims the household — sees its cases, acts only on its own — as typing ID number and
 * phone would (server/core/identity/household-link.ts); so does a code that reached nobody but the
 * development log. A phone on record for two households links to neither: what it files is filed
 * apart, for the identity checks (server/app/submit.ts).
 */
async function linkHouseholdByPhone(prisma: PrismaClient, contact: { id: string; householdId: string | null; householdLink: string | null }, phone: string, delivered: boolean, now: Date) {
  const households = await prisma.household.findMany({ where: { phone }, select: { id: true }, take: 2 });
  if (households.length !== 1) return;
  const householdId = households[0].id;
  if (contact.householdId && (contact.householdId !== householdId || actsForHousehold(contact))) return;
  if (contact.householdId && !delivered) return;
  await setLink(prisma, contact.id, householdId, delivered ? 'confirmed' : 'claimed', 'phone_login', now);
}
