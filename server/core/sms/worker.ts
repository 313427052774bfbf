/**
 * Delivers the outbox's text messages (channel 'sms'), leased like a bot leases its own
 * (server/core/outbox/delivery.ts: order per target, retries with backoff, dead letters for the
 * county office), through the configured SmsSender. With no provider (SMS_PROVIDER=off) they are
 * marked 'skipped': nobody was promised them (the app says so, /api/app/config `smsUpdates`).
 * A login code (kind 'login_code') keeps its secret values out of the payload, sealed like the
 * chat's (server/core/outbox/sealed-text.ts): they are opened here, just before the send, and a
 * code past its time is marked 'expired' instead of being sent late.
 */
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../../log';
import { ackMessage, failMessage, leaseMessages, type DeliverySettings } from '../outbox/delivery';
import { revealSealedTexts, SEALED_KINDS } from '../outbox/sealed-text';
import { SMS_CHANNEL } from '../notify/channels';
import { SmsError, type SmsSender } from './sender';
import { smsParams, type SmsTemplate } from './templates';
import { pollingWorker, type OutboxWorker } from '../outbox/polling-worker';
import { nowOf } from '../clock';

const SealedValues = z.record(z.string(), z.string());
const safeJson = (s: string): unknown => {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
};

/** A sealed message's text is the JSON of its secret values, joined to those its payload may show. */
function valuesOf(kind: string, text: string, shown: Record<string, string>): Record<string, string> | null {
  if (!(SEALED_KINDS as readonly string[]).includes(kind)) return shown;
  const sealed = SealedValues.safeParse(safeJson(text));
  return sealed.success ? { ...shown, ...sealed.data } : null;
}

export type SmsWorker = OutboxWorker;

export function startSmsWorker(opts: {
  prisma: PrismaClient;
  /** null: SMS_PROVIDER=off. */
  sender: SmsSender | null;
  /** The provider's template id per template. */
  templates: Record<SmsTemplate, string> | null;
  delivery: DeliverySettings;
  /** The key sealed values are opened with (botKey(BOT_TOKEN, 'login-code-seal'), as the bots'). */
  sealKey: Buffer;
  log: Logger;
  intervalMs?: number;
  /** Tests drive runOnce themselves. */
  autoStart?: boolean;
}): SmsWorker {
  async function deliver(now: Date): Promise<number> {
    const leased = await leaseMessages(opts.prisma, SMS_CHANNEL, 20, now, opts.delivery);
    if (!opts.sender || !opts.templates) {
      for (const m of leased) await opts.prisma.outbox.updateMany({ where: { id: m.id, status: 'pending' }, data: { status: 'skipped', leaseUntil: null, lastError: 'SMS_PROVIDER=off' } });
      return 0;
    }
    let sent = 0;
    for (const m of await revealSealedTexts(opts.prisma, opts.sealKey, leased, now)) {
      const content = m.content;
      const values = content?.type === 'sms' ? valuesOf(m.kind, m.text, content.values) : null;
      if (!content || content.type !== 'sms' || !values) {
        await failMessage(opts.prisma, m.id, 'not a text message', now, { ...opts.delivery, maxAttempts: 1 });
        continue;
      }
      try {
        await opts.sender.send(content.phone, opts.templates[content.template], smsParams(content.template, values as never));
        await ackMessage(opts.prisma, m.id, now);
        sent++;
      } catch (err) {
        const final = err instanceof SmsError && err.final;
        await failMessage(opts.prisma, m.id, (err as Error).message, now, final ? { ...opts.delivery, maxAttempts: 1 } : opts.delivery);
        opts.log.warn('text message not delivered', { outboxId: m.id, reason: (err as Error).message, final });
      }
    }
    return sent;
  }

  return pollingWorker('sms worker', deliver, { log: opts.log, intervalMs: opts.intervalMs, autoStart: opts.autoStart !== false });
}
