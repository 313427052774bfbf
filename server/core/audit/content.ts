/**
 * Changes to what villagers are told — policy articles and FAQ entries: created, changed,
 * retired — written to the audit log in the transaction of the change: who (the cadre), which
 * action, which entry (its id as `subject`; its key, language and the fields changed as `reason`).
 */
import type { Prisma } from '../../generated/prisma/client';
import type { CadreActor } from '../../../flows/workflow';

export type ContentAction = 'policy:create' | 'policy:update' | 'policy:retire' | 'faq:create' | 'faq:update' | 'faq:retire';

export async function recordContentChange(
  tx: Prisma.TransactionClient,
  entry: { actor: CadreActor; action: ContentAction; entry: { id: string; key: string; lang: string }; changed?: string[]; at: Date },
): Promise<void> {
  const what = `${entry.entry.key} (${entry.entry.lang})${entry.changed?.length ? `: ${entry.changed.join(', ')}` : ''}`;
  await tx.auditEntry.create({
    data: { at: entry.at, actorType: 'cadre', actorId: entry.actor.id, action: entry.action, allowed: true, subject: entry.entry.id, reason: what },
  });
}
