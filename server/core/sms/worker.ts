/**
 * Delivers the outbox's text messages (channel 'sms'), leased like a bot leases its own
 * (server/core/outbox/delivery.ts: order per target, retries with backoff, dead letters for the
 * county office), through the configured SmsSender. With no provider (SMS_PROVIDER=off) they are
 * marked 'skipped': nobody was promised them (the app says so, /api/app/config `smsUpdates`).
 */
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../../log';
import { ackMessage, failMessage, leaseMessages, type DeliverySettings } from '../outbox/delivery';
import { SMS_CHANNEL } from '../notify/channels';
import { SmsError, type SmsSender } from './sender';
import { smsParams, type SmsTemplate } from './templates';

export type SmsWorker = { runOnce(now?: Date): Promise<number>; stop(): Promise<void> };

export function startSmsWorker(opts: {
  prisma: PrismaClient;
  /** null: SMS_PROVIDER=off. */
  sender: SmsSender | null;
  /** The provider's template id per template. */
  templates: Record<SmsTemplate, string> | null;
  delivery: DeliverySettings;
  log: Logger;
  intervalMs?: number;
  /** Tests drive runOnce themselves. */
  autoStart?: boolean;
}): SmsWorker {
  let running: Promise<number> | null = null;
  let stopped = false;

  async function deliver(now: Date): Promise<number> {
    const leased = await leaseMessages(opts.prisma, SMS_CHANNEL, 20, now, opts.delivery);
    let sent = 0;
    for (const m of leased) {
      const content = m.content;
      if (!opts.sender || !opts.templates) {
        await opts.prisma.outbox.updateMany({ where: { id: m.id, status: 'pending' }, data: { status: 'skipped', leaseUntil: null, lastError: 'SMS_PROVIDER=off' } });
        continue;
      }
      if (!content || content.type !== 'sms') {
        await failMessage(opts.prisma, m.id, 'not a text message', now, { ...opts.delivery, maxAttempts: 1 });
        continue;
      }
      try {
        await opts.sender.send(content.phone, opts.templates[content.template], smsParams(content.template, content.values as never));
        await ackMessage(opts.prisma, m.id, new Date());
        sent++;
      } catch (err) {
        const final = err instanceof SmsError && err.final;
        await failMessage(opts.prisma, m.id, (err as Error).message, new Date(), final ? { ...opts.delivery, maxAttempts: 1 } : opts.delivery);
        opts.log.warn('text message not delivered', { outboxId: m.id, reason: (err as Error).message, final });
      }
    }
    return sent;
  }

  const runOnce = (now = new Date()) => {
    running ??= deliver(now).finally(() => (running = null));
    return running;
  };

  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    runOnce()
      .catch((err) => opts.log.error('sms worker failed', { err }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 5000);
      });
  };
  if (opts.autoStart !== false) timer = setTimeout(tick, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}
