/**
 * A cadre command from a contact that is not a bound cadre ("通过 FP-2026-000123" from a
 * villager, or from a cadre who has not bound their WeChat yet): refused with how to bind, and
 * audited. Only messages naming a full case number (or "待办") are taken for commands, so a
 * villager's answers are never mistaken for one. A villager asking to see their own case
 * ("查看 FP-…") is shown its status instead.
 */
import { parseCadreCommand } from '../../../flows/cadre/commands';
import type { CaseSummary, Lang } from '../../../flows/engine/types';
import { formatCaseList } from '../../../flows/status/cases';
import { t } from '../../../flows/i18n';
import { recordRefusal } from '../../core/audit/record';
import type { Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

/** The cadre command a message is taken for: one naming a full case number, or "待办"; else null. */
export function strangerCommandIn(text: string) {
  const cmd = parseCadreCommand(text);
  if (!cmd) return null;
  const caseNo = 'ref' in cmd && cmd.ref.kind === 'full' ? cmd.ref.caseNo : null;
  return cmd.kind === 'pending' || caseNo !== null ? { cmd, caseNo } : null;
}

/** `myCases` reads the contact's cases: only for a command that names one (most messages are none). */
export async function strangerCommand(tx: Tx, contact: { id: string }, text: string, myCases: () => Promise<CaseSummary[]>, lang: Lang, now: Date): Promise<string[] | null> {
  const taken = strangerCommandIn(text);
  if (!taken) return null;
  const { cmd, caseNo } = taken;
  if (cmd.kind === 'view') {
    const own = (await myCases()).find((c) => c.caseNo === caseNo);
    if (own) return [formatCaseList(lang, [own])];
  }
  await recordRefusal(tx, { at: now, actor: { kind: 'contact', contactId: contact.id }, action: `chat:${cmd.kind}`, caseNo, refusal: { code: 'no_role', message: 'not a bound cadre' } });
  return [t(lang, 'cadre.refused.not_cadre')];
}
