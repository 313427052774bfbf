/**
 * The words of the cadres' notifications (flows/i18n/workflow.*.ts). Pure: a case's facts in, the
 * text out. What the villager reads is flows/villager/notices.ts. Keys per status or act are built
 * from the workflow's lists (flows/workflow); the i18n test lists them in DYNAMIC_KEYS, the rest
 * are written out in full so it finds them.
 */
import { formatDate, formatMoney, shanghaiDate, t, type Lang } from '../../../flows/i18n';
import { statusLabel } from '../../../flows/status/cases';
import { ACTS, type Act, type CaseStatus } from '../../../flows/workflow';
import type { RegionRef } from './recipients';

export type CaseFactsForText = {
  caseNo: string;
  cause: string;
  rigidExpenseFen: number;
  greenChannel: boolean;
  publicityStart: Date | null;
  publicityEnd: Date | null;
  approvedAmountFen: number | null;
  householdCategory: string | null;
  measures: unknown;
  paidAt: Date | null;
  missingItems: unknown;
  /** 'pending': 身份待核实 (see server/core/cases/file-case.ts fileCase). */
  identityCheck?: string | null;
  /** Why it is pending: 'id_phone_typed' when the typed phone matched (a claimed link). */
  identityNote?: string | null;
};

const CAUSE: Record<string, string> = { illness: 'cause.illness', disaster: 'cause.disaster', education: 'cause.education' };

/** The label is the flows' (flows/status/cases.ts), re-exported for the readers of this file. */
export { statusLabel };
export const causeLabel = (lang: Lang, cause: string): string => (CAUSE[cause] ? t(lang, CAUSE[cause]) : cause);
export const day = (lang: Lang, at: Date): string => formatDate(lang, shanghaiDate(at));

export const regionName = (lang: Lang, r: RegionRef | undefined): string => (r ? (lang === 'en' && r.nameEn ? r.nameEn : r.name) : t(lang, 'workflow.cadre.unknown_village'));

/** A command as the notices show it; keys workflow.cadre.cmd.<act>, and the one to view a case. */
const cmdKey = (act: Act | 'view') => `workflow.cadre.cmd.${act}`;

const EXAMPLE_ITEM: Record<string, string> = {
  illness: 'workflow.cadre.example_item.illness',
  disaster: 'workflow.cadre.example_item.disaster',
  education: 'workflow.cadre.example_item.education',
};

/** The lines a cadre needs to act: facts, what is needed, the exact commands. */
export function cadreTaskBody(lang: Lang, status: CaseStatus, c: CaseFactsForText, village: RegionRef | undefined, inRoom: boolean): string {
  const lines = [t(lang, 'workflow.cadre.facts', { village: regionName(lang, village), cause: causeLabel(lang, c.cause), expense: formatMoney(lang, c.rigidExpenseFen) })];
  if (c.identityCheck === 'pending') lines.push(t(lang, c.identityNote === 'id_phone_typed' ? 'workflow.cadre.identity_pending_typed' : 'workflow.cadre.identity_pending', { caseNo: c.caseNo }));
  // what the step needs: workflow.cadre.need.<status>, one per status someone acts in
  if (ACTS[status]) {
    lines.push(
      t(lang, `workflow.cadre.need.${status}`, {
        start: c.publicityStart ? day(lang, c.publicityStart) : '',
        end: c.publicityEnd ? day(lang, c.publicityEnd) : '',
        amount: formatMoney(lang, c.approvedAmountFen ?? 0),
      }),
    );
  }
  const mention = inRoom ? t(lang, 'workflow.cadre.mention') : '';
  const item = EXAMPLE_ITEM[c.cause] ? t(lang, EXAMPLE_ITEM[c.cause]) : '';
  const commands = [...(ACTS[status] ?? []), 'view' as const].map((cmd) => mention + t(lang, cmdKey(cmd), { caseNo: c.caseNo, item, date: t(lang, 'workflow.cadre.example_date') }));
  commands.forEach((cmd, i) => lines.push((i === 0 ? t(lang, inRoom ? 'workflow.cadre.reply_in_room' : 'workflow.cadre.reply') : t(lang, 'workflow.cadre.or')) + cmd));
  return lines.join('\n');
}

/** A case reached the cadre's level (or came back to it with the missing documents). */
export function cadreTask(lang: Lang, status: CaseStatus, c: CaseFactsForText, village: RegionRef | undefined, inRoom: boolean, resubmitted: boolean): string {
  const title = t(lang, resubmitted ? 'workflow.cadre.title_resubmitted' : 'workflow.cadre.title_new', { caseNo: c.caseNo });
  return `${title}\n${cadreTaskBody(lang, status, c, village, inRoom)}`;
}

/** A case is past its status's time limit: the reminder to the cadres who act on it. */
export function cadreOverdue(lang: Lang, status: CaseStatus, c: CaseFactsForText & { dueAt: Date | null }, village: RegionRef | undefined, inRoom: boolean): string {
  const title = t(lang, 'workflow.cadre.title_overdue', { caseNo: c.caseNo, status: statusLabel(lang, status), due: c.dueAt ? day(lang, c.dueAt) : '' });
  return `${title}\n${cadreTaskBody(lang, status, c, village, inRoom)}`;
}

/** A case is past the whole identification limit: the reminder to the county office. */
export function countyOverdueTotal(lang: Lang, status: CaseStatus, c: CaseFactsForText, village: RegionRef | undefined, inRoom: boolean, days: number): string {
  const mention = inRoom ? t(lang, 'workflow.cadre.mention') : '';
  return [
    t(lang, 'workflow.cadre.title_overdue_total', { caseNo: c.caseNo, days, status: statusLabel(lang, status) }),
    t(lang, 'workflow.cadre.facts', { village: regionName(lang, village), cause: causeLabel(lang, c.cause), expense: formatMoney(lang, c.rigidExpenseFen) }),
    t(lang, inRoom ? 'workflow.cadre.reply_in_room' : 'workflow.cadre.reply') + mention + t(lang, 'workflow.cadre.cmd.view', { caseNo: c.caseNo }),
  ].join('\n');
}
