/**
 * Delivers WeChat subscribe messages: the outbox's 'wechat-subscribe' channel, leased like a
 * bot leases its own (server/core/outbox/delivery.ts: order per target, retries with backoff, dead
 * letters for the county office), sent with subscribeMessage.send and the cached access token.
 * The template's keys come from WECHAT_SUBSCRIBE_FIELDS; values are cut to WeChat's limits.
 */
import type { AppConfig, SubscribeField } from '../config';
import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../log';
import { ackMessage, failMessage, leaseMessages, type DeliverySettings } from '../core/outbox/delivery';
import { SUBSCRIBE_CHANNEL } from '../core/notify/channels';
import { shanghaiDateTime } from '../../flows/china-time';
import { formatDate } from '../../flows/i18n';
import { WeChatApi, WeChatError } from './wechat';
import { pollingWorker, type OutboxWorker } from '../core/outbox/polling-worker';
import { nowOf } from '../core/clock';

type Subscribe = NonNullable<NonNullable<AppConfig['wechat']>['subscribe']>;

/** A value fitted to its template keyword's rules (thing ≤ 20, phrase ≤ 5, character_string ≤ 32 ASCII, time/date in China time). */
export function fitValue(key: string, value: string): string {
  const kind = key.replace(/\d+$/, '');
  const cut = (s: string, n: number) => (Array.from(s).length > n ? Array.from(s).slice(0, n).join('') : s);
  if (kind === 'time' || kind === 'date') {
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return value;
    const [day, time] = shanghaiDateTime(d).split(' ');
    const date = formatDate('zh-CN', day);
    return kind === 'date' ? date : `${date} ${time}`;
  }
  if (kind === 'phrase') return cut(value.replace(/[^\p{Script=Han}]/gu, ''), 5);
  if (kind === 'character_string') return cut(value.replace(/[^\x21-\x7e]/g, ''), 32);
  return cut(value, 20);
}

export function templateData(fields: Subscribe['fields'], data: Record<SubscribeField, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [meaning, key] of Object.entries(fields) as [SubscribeField, string][]) out[key] = fitValue(key, data[meaning] ?? '');
  return out;
}

export type SubscribeWorker = OutboxWorker;

export function startSubscribeWorker(opts: {
  prisma: PrismaClient;
  wechat: NonNullable<AppConfig['wechat']>;
  delivery: DeliverySettings;
  log: Logger;
  intervalMs?: number;
  /** Tests drive runOnce themselves. */
  autoStart?: boolean;
}): SubscribeWorker {
  const subscribe = opts.wechat.subscribe;
  const api = new WeChatApi(opts.wechat);
  async function deliver(now: Date): Promise<number> {
    if (!subscribe) return 0;
    const leased = await leaseMessages(opts.prisma, SUBSCRIBE_CHANNEL, 20, now, opts.delivery);
    let sent = 0;
    for (const m of leased) {
      const content = m.content;
      if (!content || content.type !== 'subscribe_message') {
        await failMessage(opts.prisma, m.id, 'not a subscribe message', now, { ...opts.delivery, maxAttempts: 1 });
        continue;
      }
      try {
        await api.sendSubscribeMessage({
          touser: m.targetId,
          templateId: content.templateId,
          page: `${subscribe.page}?caseNo=${encodeURIComponent(content.caseNo)}`,
          data: templateData(subscribe.fields, content.data),
          state: subscribe.state,
          lang: content.lang === 'en' ? 'en_US' : 'zh_CN',
        });
        await ackMessage(opts.prisma, m.id, now);
        sent++;
      } catch (err) {
        // Refused (the user's subscription is used up, the data does not fit the template): trying again will not help.
        const final = err instanceof WeChatError && err.kind === 'rejected';
        await failMessage(opts.prisma, m.id, (err as Error).message, now, final ? { ...opts.delivery, maxAttempts: 1 } : opts.delivery);
        opts.log.warn('subscribe message not delivered', { outboxId: m.id, reason: (err as Error).message, final });
      }
    }
    return sent;
  }

  return pollingWorker('subscribe worker', deliver, { log: opts.log, intervalMs: opts.intervalMs, autoStart: opts.autoStart !== false && !!subscribe });
}
