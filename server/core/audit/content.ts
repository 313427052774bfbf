/**
 * Changes to what villagers are told — policy articles and FAQ entries: created, changed,
 * retired — written to the audit log in the transaction of the change: who (the cadre), which
 * action, which entry (its id as `subject`; its key, language and the fields changed as `reason`).
 */
import type { Prisma } from '../../generated/prisma/client';
import type { CadreActor } from '../../../flows/workflow';
import { recordAudit } from './record';

export type ContentAction = 'policy:create' | 'policy:update' | 'policy:retire' | 'faq:create' | 'faq:update' | 'faq:retire';

export async function recordContentChange(
  tx: Prisma.TransactionClient,
  entry: { actor: CadreActor; action: ContentAction; entry: { id: string; key: string; lang: string }; changed?: string[]; at: Date },
): Promise<void> {
  const what = `${entry.entry.key} (${entry.entry.lang})${entry.changed?.length ? `: ${entry.changed.join(', ')}` : ''}`;
  await recordAudit(tx, { at: entry.at, actor: entry.actor, action: entry.action, allowed: true, subject: entry.entry.id, reason: what });
}
