/**
 * The mini-program's villagers are contacts like the chat's, on channels of their own: no bot
 * drains these channels, so what the workflow tells a villager reaches them through the chat
 * contacts of their household and WeChat subscribe messages instead (core/notify/villager-targets.ts).
 */
import type { Keyring } from '../crypto/keyring';

/** 'miniprogram': externalId is the WeChat openid. 'app-phone': externalId is `phone:<blind index>`. */
export const APP_CHANNEL = { wechat: 'miniprogram', phone: 'app-phone' } as const;
export const APP_CHANNELS: string[] = Object.values(APP_CHANNEL);

/** The outbox channel of WeChat subscribe messages, delivered by the server (subscribe-worker.ts), not by a bot. */
export const SUBSCRIBE_CHANNEL = 'wechat-subscribe';

export const isAppChannel = (channel: string): boolean => APP_CHANNELS.includes(channel);

/**
 * A phone number as stored outside the household record: its keyed blind index for the purpose
 * (an unkeyed hash of a mobile number is reversed by trying all of them).
 */
export function phoneHash(keyring: Keyring, phone: string, purpose: 'contact' | 'otp'): string {
  return keyring.blindIndex(purpose === 'contact' ? 'contact-phone' : 'otp-phone', phone);
}
