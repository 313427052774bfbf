/**
 * Every channel a contact or an outbox message is on, and who carries what is written to it. Only
 * the core knows this table; the channels (chat, mini-program, API) and the notices read it.
 *  - 'bot': a WeChat account the bot gateway speaks from, named `<puppet>:<accountId>`; its bot
 *    drains the account's outbox (server/chat/routes/bot-outbox.ts). Any channel not in the table
 *    is a bot's.
 *  - 'household': a mini-program login. No bot drains it: its villager is told through the chat
 *    contacts of their household (villager-targets.ts), and a WeChat login also through subscribe
 *    messages.
 *  - 'server': written only to the outbox, and delivered by the server itself.
 */
import type { Keyring } from '../crypto/keyring';

export type Carrier = 'bot' | 'household' | 'server';

/** 'miniprogram': externalId is the WeChat openid. 'app-phone': externalId is `phone:<blind index>` (appPhoneId). */
export const APP_CHANNEL = { wechat: 'miniprogram', phone: 'app-phone' } as const;

/** WeChat subscribe messages: targetId is the openid; delivered by server/app/subscribe-worker.ts. */
export const SUBSCRIBE_CHANNEL = 'wechat-subscribe';

/**
 * The channel of a case a cadre entered for a villager without WeChat (代录, server/core/cases/enter.ts):
 * Case.channel only — no contact is on it, nothing is written to it. Beside a chat case's bot channel
 * and the mini-program's APP_CHANNEL values, what the statistics count as cadre-entered.
 */
export const CADRE_ENTRY_CHANNEL = 'cadre';

/** Text messages to a phone (server/core/sms): targetId is the case's filing contact (a login code: the phone's appPhoneId), the phone is in the sealed payload. */
export const SMS_CHANNEL = 'sms';

type Entry = { carrier: Exclude<Carrier, 'bot'>; /** its contacts also take subscribe messages */ subscribe?: true };

/** The channels with fixed names. */
const TABLE = new Map<string, Entry>([
  [APP_CHANNEL.wechat, { carrier: 'household', subscribe: true }],
  [APP_CHANNEL.phone, { carrier: 'household' }],
  [SUBSCRIBE_CHANNEL, { carrier: 'server' }],
  [SMS_CHANNEL, { carrier: 'server' }],
]);

const named = (test: (e: Entry) => boolean): string[] => [...TABLE].filter(([, e]) => test(e)).map(([name]) => name);

/** Who carries what is written to `channel`. */
export const carrierOf = (channel: string): Carrier => TABLE.get(channel)?.carrier ?? 'bot';

/** A mini-program login: reached through the household's chat contacts. */
export const isAppChannel = (channel: string): boolean => carrierOf(channel) === 'household';

/** A bot's channel: the WeChat account it speaks from. */
export const botChannel = (bot: { puppet: string; accountId: string }): string => `${bot.puppet}:${bot.accountId}`;

/**
 * Where an inbound call that names no bot is heard (an older gateway, a test). Its contacts are
 * chat contacts like any bot's, but no bot drains it: no outbox lease names it.
 */
export const UNNAMED_BOT_CHANNEL = 'default';

/** Contacts who talk to a bot (a household's chat contacts): every channel but the table's. */
export const CHAT_CONTACT_CHANNEL = { notIn: [...TABLE.keys()] };

/** Channels a bot drains: named `<puppet>:<accountId>` (what a broadcast reaches). */
export const DRAINED_BOT_CHANNEL = { contains: ':' } as const;

/** Whether a contact of `channel` can take WeChat subscribe messages (on SUBSCRIBE_CHANNEL, to its externalId). */
export const takesSubscribeMessages = (channel: string): boolean => TABLE.get(channel)?.subscribe === true;

/** Contacts that take WeChat subscribe messages. */
export const SUBSCRIBE_CONTACT_CHANNEL = { in: named((e) => e.subscribe === true) };

/**
 * A phone number as stored outside the household record: its keyed blind index for the purpose
 * (an unkeyed hash of a mobile number is reversed by trying all of them).
 */
export function phoneHash(keyring: Keyring, phone: string, purpose: 'contact' | 'otp'): string {
  return keyring.blindIndex(purpose === 'contact' ? 'contact-phone' : 'otp-phone', phone);
}

/** The externalId of a mini-program login by phone (APP_CHANNEL.phone). */
export const appPhoneId = (keyring: Keyring, phone: string): string => `phone:${phoneHash(keyring, phone, 'contact')}`;
