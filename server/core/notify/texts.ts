/**
 * The words of the notifications (flows/i18n/workflow.*.ts). Pure: a case's facts in, the text out.
 * Keys per status or act are built from the workflow's lists (flows/workflow); the i18n test
 * lists them in DYNAMIC_KEYS, the rest are written out in full so it finds them.
 */
import { formatDate, formatMoney, shanghaiDate, t, type Lang } from '../../../flows/i18n';
import { ACTS, isCaseStatus, recheckOffice, REVIEW_STATUSES, TIMED_STATUSES, type Act, type CaseStatus, type HouseholdCategory, type Measure } from '../../../flows/workflow';
import type { RegionRef } from './recipients';

/** Days within which a rejected applicant may ask for a re-check (复核). */
export const RECHECK_DAYS = 15;

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
  /** 'pending': 身份待核实 (see server/chat/conversation/effects.ts fileCase). */
  identityCheck?: string | null;
  /** Why it is pending: 'id_phone_typed' when the typed phone matched (a claimed link). */
  identityNote?: string | null;
};

const MEASURE: Record<Measure, string> = {
  dibao: 'workflow.measure.dibao',
  temporary_relief: 'workflow.measure.temporary_relief',
  medical_aid: 'workflow.measure.medical_aid',
  education_aid: 'workflow.measure.education_aid',
  insurance_payout: 'workflow.measure.insurance_payout',
  public_job: 'workflow.measure.public_job',
  industry_subsidy: 'workflow.measure.industry_subsidy',
  housing_repair: 'workflow.measure.housing_repair',
  other: 'workflow.measure.other',
};

const CATEGORY: Record<HouseholdCategory, string> = {
  unstable_lifted: 'workflow.category.unstable_lifted',
  marginal: 'workflow.category.marginal',
  sudden_hardship: 'workflow.category.sudden_hardship',
};

const CAUSE: Record<string, string> = { illness: 'cause.illness', disaster: 'cause.disaster', education: 'cause.education' };

/** A status as a step the villager waits at ("the town review"); keys workflow.step.<status>, one per timed status. */
export const stepLabel = (lang: Lang, status: string): string => ((TIMED_STATUSES as readonly string[]).includes(status) ? t(lang, `workflow.step.${status}`) : status);
export const statusLabel = (lang: Lang, status: string): string => (isCaseStatus(status) ? t(lang, `status.${status}`) : status);
export const causeLabel = (lang: Lang, cause: string): string => (CAUSE[cause] ? t(lang, CAUSE[cause]) : cause);
export const day = (lang: Lang, at: Date): string => formatDate(lang, shanghaiDate(at));

export function measuresText(lang: Lang, measures: unknown): string {
  const list = Array.isArray(measures) ? measures.map(String) : [];
  return list.map((m) => (m in MEASURE ? t(lang, MEASURE[m as Measure]) : m)).join(t(lang, 'workflow.list_separator'));
}

export function categoryText(lang: Lang, category: string | null): string {
  return category && category in CATEGORY ? t(lang, CATEGORY[category as HouseholdCategory]) : (category ?? '');
}

export function itemsText(lang: Lang, items: unknown): string {
  const list = Array.isArray(items) ? items.map(String) : [];
  return list.map((item, i) => t(lang, 'workflow.item_line', { i: i + 1, item })).join('\n');
}

export const regionName = (lang: Lang, r: RegionRef | undefined): string => (r ? (lang === 'en' && r.nameEn ? r.nameEn : r.name) : t(lang, 'workflow.cadre.unknown_village'));

/** A villager message: the body, then the case number. */
export const withFooter = (lang: Lang, body: string, caseNo: string): string => `${body}\n${t(lang, 'workflow.footer', { caseNo })}`;

/** What the villager is told when their case moves (null: nothing to tell). */
export function villagerUpdate(lang: Lang, move: { action: string; from: CaseStatus; to: CaseStatus; note: string | null }, c: CaseFactsForText): string | null {
  const body = villagerBody(lang, move, c);
  return body === null ? null : withFooter(lang, body, c.caseNo);
}

function villagerBody(lang: Lang, { action, from, to, note }: { action: string; from: CaseStatus; to: CaseStatus; note: string | null }, c: CaseFactsForText): string | null {
  switch (action) {
    case 'accept':
      return t(lang, 'workflow.villager.received');
    case 'return':
      return t(lang, 'workflow.villager.returned', { step: stepLabel(lang, from), items: itemsText(lang, c.missingItems) });
    case 'resubmit':
      return t(lang, 'workflow.villager.resubmitted', { step: stepLabel(lang, to) });
    case 'reject':
      return t(lang, 'workflow.villager.rejected', {
        step: stepLabel(lang, from),
        reason: note ?? '',
        days: RECHECK_DAYS,
        office: officeText(lang, from),
      });
    case 'withdraw':
      return t(lang, 'workflow.villager.withdrawn');
    case 'fast_approve':
      return approvedText(lang, c, 'workflow.villager.approved_green');
  }
  return movedOn(lang, to, c);
}

/**
 * A case moved on to `to` by approval, in the villager's words: keys workflow.villager.to_<status>
 * for the review steps (the table's approvals that ask nothing of the notice), with figures for the rest.
 */
export function movedOn(lang: Lang, to: string, c: Pick<CaseFactsForText, 'publicityStart' | 'publicityEnd' | 'greenChannel' | 'approvedAmountFen' | 'measures' | 'householdCategory' | 'paidAt'>): string | null {
  switch (to) {
    case 'publicity':
      return t(lang, 'workflow.villager.to_publicity', { start: c.publicityStart ? day(lang, c.publicityStart) : '', end: c.publicityEnd ? day(lang, c.publicityEnd) : '' });
    case 'approved':
      return approvedText(lang, c, c.greenChannel ? 'workflow.villager.approved_green' : 'workflow.villager.approved');
    case 'paid':
      return t(lang, 'workflow.villager.paid', { amount: formatMoney(lang, c.approvedAmountFen ?? 0), date: c.paidAt ? day(lang, c.paidAt) : '' });
    default:
      return REVIEW_STATUSES.includes(to as CaseStatus) ? t(lang, `workflow.villager.to_${to}`) : null;
  }
}

/** The office that hears a re-check (复核) of a case rejected in `from`. */
export const officeText = (lang: Lang, from: string): string => t(lang, `workflow.office.${recheckOffice(from)}`);

function approvedText(lang: Lang, c: Pick<CaseFactsForText, 'approvedAmountFen' | 'measures' | 'householdCategory'>, key: 'workflow.villager.approved' | 'workflow.villager.approved_green'): string {
  return t(lang, key, { amount: formatMoney(lang, c.approvedAmountFen ?? 0), measures: measuresText(lang, c.measures), category: categoryText(lang, c.householdCategory) });
}

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

/** The villager's case is late: told once per status it is late in. */
export function villagerDelayed(lang: Lang, status: CaseStatus, c: CaseFactsForText): string {
  const body =
    status === 'returned'
      ? t(lang, 'workflow.villager.returned_reminder', { items: itemsText(lang, c.missingItems) })
      : t(lang, 'workflow.villager.delayed', { step: stepLabel(lang, status) });
  return withFooter(lang, body, c.caseNo);
}
