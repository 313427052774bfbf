/**
 * A case filed in the mini-program or the h5 app has no chat to hear its news in: each status it
 * moves to is also sent as a text message to the phone given on its form, through the outbox
 * (in the move's own transaction, so a rolled-back move sends nothing). Cases filed in the chat
 * hear it in the chat. Whether a provider actually sends it is the worker's business (worker.ts:
 * SMS_PROVIDER=off marks it skipped).
 */
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { enqueue } from '../outbox/enqueue';
import { isAppChannel, SMS_CHANNEL } from '../notify/channels';
import { smsText } from './templates';

type Tx = Prisma.TransactionClient;

/** The phone on the application (Case.answers, sealed at rest and opened by the client). */
const WithPhone = z.object({ applicant: z.object({ phone: z.string().regex(/^1\d{10}$/) }) });

export async function enqueueSmsUpdate(
  tx: Tx,
  c: { id: string; caseNo: string; channel: string; answers: unknown; contactId: string | null },
  statusLabel: string,
  now: Date,
  dedupeKey: string,
): Promise<boolean> {
  if (!c.contactId || !isAppChannel(c.channel)) return false;
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
