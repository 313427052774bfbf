/**
 * A case filed in the mini-program or the h5 app has no chat to hear its news in: each status it
 * moves to is also sent as a text message to the phone given on its form — when the filer proved
 * it by logging in with it (Case.textsToPhone; a typed number may be a stranger's) — through the outbox
 * (in the move's own transaction, so a rolled-back move sends nothing). Cases filed in the chat
 * hear it in the chat. Whether a provider actually sends it is the worker's business (worker.ts:
 * SMS_PROVIDER=off marks it skipped). Login codes go the same way, sealed (enqueueSmsLoginCode).
 */
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { t } from '../../../flows/i18n';
import { enqueue } from '../outbox/enqueue';
import { storeSealedText } from '../outbox/sealed-text';
import { isAppChannel, SMS_CHANNEL } from '../notify/channels';
import { smsText } from './templates';

type Tx = Prisma.TransactionClient;

/** The phone on the application (Case.answers, sealed at rest and opened by the client). */
const WithPhone = z.object({ applicant: z.object({ phone: z.string().regex(/^1\d{10}$/) }) });

export async function enqueueSmsUpdate(
  tx: Tx,
  c: { id: string; caseNo: string; channel: string; answers: unknown; contactId: string | null; textsToPhone: boolean },
  statusLabel: string,
  now: Date,
  dedupeKey: string,
): Promise<boolean> {
  // only to a phone the filer proved (a phone login): a typed number may be anyone's
  if (!c.contactId || !isAppChannel(c.channel) || !c.textsToPhone) return false;
  const parsed = WithPhone.safeParse(c.answers);
  if (!parsed.success) return false;
  const values = { caseNo: c.caseNo, status: statusLabel };
  return enqueue(
    tx,
    {
      channel: SMS_CHANNEL,
      targetType: 'contact',
      targetId: c.contactId,
      kind: 'case_update',
      // provider templates are registered in Chinese
      text: smsText('zh-CN', 'case_update', values),
      caseId: c.id,
      dedupeKey: `${dedupeKey}:sms`.slice(0, 300),
      content: { type: 'sms', phone: parsed.data.applicant.phone, template: 'case_update', values },
    },
    now,
  );
}

/**
 * A login code to the phone itself (server/app/otp.ts), in the caller's transaction. The outbox
 * row says only that a login code goes there (what the county office's lists show); the code is
 * sealed apart (sealed-text.ts), opened by the worker just before the send, gone once sent or
 * past its time. `targetId`: the phone's blind index (appPhoneId), never the phone.
 */
export async function enqueueSmsLoginCode(
  tx: Tx,
  m: { phone: string; targetId: string; code: string; minutes: number; sealKey: Buffer; expiresAt: Date; dedupeKey: string },
  now: Date,
): Promise<void> {
  await enqueue(
    tx,
    {
      channel: SMS_CHANNEL,
      targetType: 'contact',
      targetId: m.targetId,
      kind: 'login_code',
      text: t('zh-CN', 'miniprogram.otp.sms_hidden'),
      dedupeKey: m.dedupeKey,
      content: { type: 'sms', phone: m.phone, template: 'login_code', values: { minutes: String(m.minutes) } },
    },
    now,
  );
  const message = await tx.outbox.findUniqueOrThrow({ where: { dedupeKey: m.dedupeKey }, select: { id: true } });
  await storeSealedText(tx, m.sealKey, message.id, JSON.stringify({ code: m.code }), m.expiresAt);
}
