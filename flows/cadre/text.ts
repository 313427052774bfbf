/**
 * Everything the bot says to a cadre, built from plain facts the server looked up. Pure: words
 * live in flows/i18n/cadre.*.ts; the server passes data, never text.
 */
import type { Lang } from '../engine/types';
import { t } from '../i18n';
import { formatDate, formatMoney } from '../i18n/format';
import { daysBetween, shanghaiDate } from '../china-time';
import { CHECKLIST } from '../application';
import type { CaseVerb } from './commands';
import { ACTS, CASE_STATUS, isCaseStatus, isFinalStatus, OWNER_ROLES, requiredFields, returnsTo, TRANSITIONS, type CaseStatus, type GuardReason, type Role as CadreRole } from '../workflow';

export type Who = { name: string; role: CadreRole; region: string };

const tr = (lang: Lang, key: string, params?: Record<string, unknown>) => t(lang, key, params);

export const stage = (lang: Lang, status: string) => tr(lang, `cadre.stage.${status}`);
export const roleName = (lang: Lang, role: string) => tr(lang, `cadre.role.${role}`);
const day = (lang: Lang, at: string | Date) => formatDate(lang, typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : shanghaiDate(at));
const joinList = (lang: Lang, items: string[]) => items.join(tr(lang, 'cadre.list_separator'));

/**
 * Commands each role may use, in the order they are listed by "帮助" (统计 for the roles of
 * MAY.readStats, 导出 for those of MAY.exportLedger: tests/server/cadre-report.test.ts holds them to it).
 */
const HELP_LINES: Record<CadreRole, string[]> = {
  village: ['pending', 'view', 'approve', 'return', 'reject', 'objection', 'resolve_objection', 'alerts', 'stats', 'export'],
  town: ['pending', 'view', 'approve', 'return', 'reject', 'alerts', 'stats', 'export'],
  county: ['pending', 'view', 'approve', 'return', 'reject', 'fast_approve', 'visit', 'objection', 'resolve_objection', 'alerts', 'stats', 'export'],
  verifier: ['pending', 'view', 'visit', 'approve', 'return', 'reject', 'export'],
  auditor: ['view', 'stats', 'export'],
};

export function helpText(lang: Lang, who: Who, inRoom: boolean): string {
  return [
    tr(lang, 'cadre.help.title', { name: who.name, role: roleName(lang, who.role), region: who.region }),
    ...HELP_LINES[who.role].map((c) => tr(lang, `cadre.help.${c}`)),
    tr(lang, 'cadre.help.cancel'),
    tr(lang, 'cadre.help.unbind'),
    tr(lang, 'cadre.help.case_numbers'),
    ...(inRoom ? [tr(lang, 'cadre.help.in_room')] : []),
  ].join('\n');
}

export function greetingText(lang: Lang, who: Who): string {
  return tr(lang, 'cadre.greeting', { name: who.name, role: roleName(lang, who.role) });
}

export function unknownText(lang: Lang): string {
  return tr(lang, 'cadre.unknown');
}

export function usageText(lang: Lang, verb: CaseVerb): string {
  return tr(lang, `cadre.usage.${verb}`);
}

// ---------------------------------------------------------------------------------------------
// 待办

export type PendingItem = {
  caseNo: string;
  village: string;
  applicantName: string;
  cause: string;
  status: string;
  /** When the case entered its status (ISO). */
  since: string;
  overdue: boolean;
  greenChannel: boolean;
  publicityEnd: string | null;
  /** When its step is due (ISO; the workflow's time limit), none where the step has no limit. */
  dueAt: string | null;
  /** 身份待核实: the village must confirm who filed it before passing it on. */
  identityPending: boolean;
};

/** Whole days between two instants in China time ("today" is 0). */
function daysWaiting(since: string, now: Date): number {
  return Math.max(0, daysBetween(shanghaiDate(since), shanghaiDate(now)));
}

export function pendingText(lang: Lang, who: Who, items: PendingItem[], total: number, now: Date): string {
  if (who.role === 'auditor') return tr(lang, 'cadre.pending.auditor');
  if (items.length === 0) return tr(lang, 'cadre.pending.none', { region: who.region });
  const lines = items.map((c, i) => {
    const waited = daysWaiting(c.since, now);
    const parts = [
      `${i + 1}. ${c.caseNo}`,
      `${c.village} ${c.applicantName}`,
      tr(lang, `cause.${c.cause}`),
      stage(lang, c.status) + (c.status === CASE_STATUS.publicity && c.publicityEnd ? tr(lang, 'cadre.pending.publicity_until', { date: day(lang, c.publicityEnd) }) : ''),
      // when it arrived, and by when it is to be done: "今天到" read as a deadline
      waited === 0 ? tr(lang, 'cadre.pending.today') : tr(lang, 'cadre.pending.waiting', { days: waited }),
      ...(c.dueAt ? [tr(lang, 'cadre.pending.due', { date: day(lang, c.dueAt) })] : []),
    ];
    return parts.join('｜') + (c.overdue ? tr(lang, 'cadre.pending.overdue') : '') + (c.greenChannel ? tr(lang, 'cadre.pending.green') : '') + (c.identityPending ? tr(lang, 'cadre.pending.identity') : '');
  });
  const overdue = items.filter((c) => c.overdue).length;
  return [
    tr(lang, 'cadre.pending.title', { n: total }) + (overdue > 0 ? tr(lang, 'cadre.pending.title_overdue', { n: overdue }) : ''),
    ...lines,
    ...(total > items.length ? [tr(lang, 'cadre.pending.more', { n: total - items.length })] : []),
    tr(lang, 'cadre.pending.footer', { caseNo: items[0]!.caseNo }),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// 查看

/** What the home visit found (the case's verification, as the move wrote it). */
export type VerifiedFigures = { verifiedIncomeFen: number; verifiedMembers: number; verifiedExpenseFen: number; outcome: string };

export type CaseView = {
  caseNo: string;
  status: string;
  cause: string;
  applicantName: string;
  village: string;
  town: string;
  submittedAt: string;
  statusSince: string;
  /** When its step is due (ISO), none where the step has no limit. */
  dueAt: string | null;
  overdue: boolean;
  greenChannel: boolean;
  householdSize: number;
  annualIncomeFen: number;
  perCapitaIncomeFen: number;
  incomeLineFen: number | null;
  rigidExpenseFen: number;
  documents: number;
  /** Of those, supplied after a return. */
  supplements: number;
  /** Checklist items the villager did not provide when applying. */
  missingDocuments: string[];
  /** While returned: what was asked for, and from which step. */
  missingItems: string[];
  returnedFrom: string | null;
  verifierName: string | null;
  visitOn: string | null;
  verification: VerifiedFigures | null;
  publicityStart: string | null;
  publicityEnd: string | null;
  openObjections: { number: number; note: string }[];
  approvedAmountFen: number | null;
  category: string | null;
  measures: string[];
  paymentRef: string | null;
  paidOn: string | null;
  rejectionReason: string | null;
  /** Only for a private chat: the last 4 characters of the ID number, the phone, the illness. */
  /** `phone` is whole only when `wholePhone` (the roles that may reveal it), else masked. */
  personal?: { idLast4: string; phone: string; wholePhone: boolean; details: string | null };
  /** 身份待核实 / 身份已核实 (null: verified when filed), with the reason code. */
  identity: { check: 'pending' | 'confirmed'; reason: string | null } | null;
};

export function caseText(lang: Lang, v: CaseView, role: CadreRole, now: Date): string {
  const lines: string[] = [];
  const waited = daysWaiting(v.statusSince, now);
  const due = v.dueAt ? tr(lang, 'cadre.view.due', { date: day(lang, v.dueAt) }) : '';
  lines.push(
    tr(lang, 'cadre.view.head', { caseNo: v.caseNo, cause: tr(lang, `cause.${v.cause}`), stage: stage(lang, v.status) }) +
      (isFinalStatus(v.status) ? '' : waited === 0 ? tr(lang, 'cadre.view.today', { due }) : tr(lang, 'cadre.view.waiting', { days: waited, due })) +
      (v.overdue ? tr(lang, 'cadre.pending.overdue') : '') +
      (v.greenChannel ? tr(lang, 'cadre.pending.green') : ''),
  );
  lines.push(tr(lang, 'cadre.view.applicant', { name: v.applicantName, village: v.village, town: v.town, date: day(lang, v.submittedAt) }));
  if (v.identity) lines.push(identityText(lang, v.identity, v.caseNo, v.status));
  if (v.personal) {
    lines.push(tr(lang, 'cadre.view.personal', { idLast4: v.personal.idLast4, phone: v.personal.phone }));
    if (v.personal.details) lines.push(tr(lang, 'cadre.view.details', { details: v.personal.details }));
  }
  const line =
    v.incomeLineFen === null
      ? tr(lang, 'cadre.view.no_line')
      : tr(lang, v.perCapitaIncomeFen <= v.incomeLineFen ? 'cadre.view.below_line' : 'cadre.view.above_line', { line: formatMoney(lang, v.incomeLineFen) });
  lines.push(tr(lang, 'cadre.view.income', { n: v.householdSize, income: formatMoney(lang, v.annualIncomeFen), perCapita: formatMoney(lang, v.perCapitaIncomeFen) }) + line);
  lines.push(tr(lang, 'cadre.view.expense', { expense: formatMoney(lang, v.rigidExpenseFen) }) + (v.rigidExpenseFen > v.annualIncomeFen ? tr(lang, 'cadre.view.expense_exceeds') : ''));
  const missingDocs = v.missingDocuments.map((id) => documentLabel(lang, v.cause, id));
  lines.push(tr(lang, 'cadre.view.documents', { n: v.documents }) + (v.supplements > 0 ? tr(lang, 'cadre.view.supplements', { n: v.supplements }) : '') + (missingDocs.length ? tr(lang, 'cadre.view.documents_missing', { items: joinList(lang, missingDocs) }) : ''));
  if (v.status === CASE_STATUS.returned && v.missingItems.length) {
    lines.push(tr(lang, 'cadre.view.returned', { items: joinList(lang, v.missingItems), stage: stage(lang, returnsTo(v)) }));
  }
  if (v.verifierName) lines.push(tr(lang, 'cadre.view.verifier', { name: v.verifierName }) + (v.visitOn ? tr(lang, 'cadre.view.visit', { date: day(lang, v.visitOn) }) : ''));
  if (v.verification) {
    lines.push(
      tr(lang, 'cadre.view.verification', {
        income: formatMoney(lang, v.verification.verifiedIncomeFen),
        n: v.verification.verifiedMembers,
        expense: formatMoney(lang, v.verification.verifiedExpenseFen),
        outcome: tr(lang, `cadre.outcome.${v.verification.outcome}`),
      }),
    );
  }
  if (v.publicityStart && v.publicityEnd) lines.push(tr(lang, 'cadre.view.publicity', { start: day(lang, v.publicityStart), end: day(lang, v.publicityEnd) }));
  for (const o of v.openObjections) lines.push(tr(lang, 'cadre.view.objection', { number: o.number, note: o.note }));
  if (v.approvedAmountFen !== null) {
    lines.push(
      tr(lang, 'cadre.view.decision', {
        amount: formatMoney(lang, v.approvedAmountFen),
        category: v.category ? tr(lang, `workflow.category.${v.category}`) : '—',
        measures: joinList(lang, v.measures.map((m) => tr(lang, `workflow.measure.${m}`))),
      }),
    );
  }
  if (v.paymentRef && v.paidOn) lines.push(tr(lang, 'cadre.view.paid', { ref: v.paymentRef, date: day(lang, v.paidOn) }));
  if (v.rejectionReason) lines.push(tr(lang, 'cadre.view.rejected', { reason: v.rejectionReason }));
  lines.push(nextText(lang, v, role, now));
  return lines.join('\n');
}

/**
 * The identity flag and what to do about it: the village review confirms who filed it (in
 * person, with the household's papers) before passing it on.
 */
export function identityText(lang: Lang, identity: NonNullable<CaseView['identity']>, caseNo: string, status: string): string {
  if (identity.check === 'confirmed') return tr(lang, 'cadre.identity.confirmed');
  const reason = tr(lang, identity.reason === 'id_number_registered' || identity.reason === 'id_phone_typed' ? `cadre.identity.reason.${identity.reason}` : 'cadre.identity.reason.other');
  const next = status === CASE_STATUS.village_review ? tr(lang, 'cadre.identity.next', { caseNo }) : '';
  return [tr(lang, 'cadre.identity.pending', { reason }), next].filter(Boolean).join('\n');
}

function documentLabel(lang: Lang, cause: string, id: string): string {
  const item = (CHECKLIST as Record<string, { id: string; label: string }[]>)[cause]?.find((i) => i.id === id);
  return item ? tr(lang, item.label) : id;
}

/** Who acts on a case in a status someone acts in (the first owner: the county steps in on several), else null. */
function ownerOf(status: string): CadreRole | null {
  return isCaseStatus(status) && ACTS[status] ? (OWNER_ROLES[status][0] ?? null) : null;
}

/**
 * "下一步": exactly what this cadre can send now, or who acts instead. A review step that asks
 * nothing says where "通过" sends the case; the others have their own line, the status's
 * cadreNext (flows/workflow/words.*.ts, keys cadre.next.<status> and cadre.next_ended.<status>).
 */
export function nextText(lang: Lang, v: Pick<CaseView, 'caseNo' | 'status' | 'publicityEnd' | 'missingItems'>, role: CadreRole, now: Date): string {
  const p = { caseNo: v.caseNo };
  if (!isCaseStatus(v.status) || isFinalStatus(v.status)) return tr(lang, 'cadre.next.closed');
  // returned: the villager owes the next step
  if (v.status === CASE_STATUS.returned) return tr(lang, `cadre.next.${v.status}`, p);
  const owner = ownerOf(v.status);
  if (!owner || !OWNER_ROLES[v.status].includes(role)) return tr(lang, 'cadre.next.not_yours', { owner: roleName(lang, owner ?? 'county') });
  if (v.status === CASE_STATUS.publicity) {
    const end = v.publicityEnd;
    const ended = end !== null && shanghaiDate(now) > end;
    return tr(lang, ended ? `cadre.next_ended.${v.status}` : `cadre.next.${v.status}`, { ...p, end: end ? day(lang, end) : '—' });
  }
  const approve = TRANSITIONS.find((r) => r.action === 'approve' && r.from.includes(v.status as CaseStatus));
  if (approve && approve.target && requiredFields(approve).length === 0) return tr(lang, 'cadre.next.review', { ...p, nextStage: stage(lang, approve.target) });
  return tr(lang, `cadre.next.${v.status}`, p);
}

// ---------------------------------------------------------------------------------------------
// Results and refusals

export type Done =
  | { kind: 'transition'; action: string; caseNo: string; to: string; items?: string[]; amountFen?: number }
  | { kind: 'visit'; caseNo: string; date: string }
  | { kind: 'objection'; caseNo: string; number: number }
  | { kind: 'objection_resolved'; caseNo: string; number: number; open: number };

export function doneText(lang: Lang, d: Done): string {
  switch (d.kind) {
    case 'transition': {
      const p = { caseNo: d.caseNo, stage: stage(lang, d.to) };
      switch (d.action) {
        case 'approve':
          return tr(lang, d.to === CASE_STATUS.paid ? 'cadre.done.paid' : 'cadre.done.approve', p);
        case 'fast_approve':
          return tr(lang, 'cadre.done.fast_approve', { ...p, amount: formatMoney(lang, d.amountFen ?? 0) });
        case 'return':
          return tr(lang, 'cadre.done.return', { caseNo: d.caseNo, items: joinList(lang, d.items ?? []) });
        case 'reject':
          return tr(lang, 'cadre.done.reject', p);
        default:
          return tr(lang, 'cadre.done.other', p);
      }
    }
    case 'visit':
      return tr(lang, 'cadre.done.visit', { caseNo: d.caseNo, date: day(lang, d.date) });
    case 'objection':
      return tr(lang, 'cadre.done.objection', { caseNo: d.caseNo, number: d.number });
    case 'objection_resolved':
      return tr(lang, d.open > 0 ? 'cadre.done.objection_resolved_more' : 'cadre.done.objection_resolved', { caseNo: d.caseNo, number: d.number, open: d.open });
  }
}

export type RefusalFacts = {
  caseNo: string;
  code: string;
  field?: string;
  /** Which guard refused (code 'guard'). */
  reason?: GuardReason;
  action: string;
  role: CadreRole | null;
  status?: string;
  region?: string;
  publicityEnd?: string | null;
  openObjections?: number;
  publicityMinDays?: number;
};

/** A refusal in plain words, with what to do instead. */
export function refusalText(lang: Lang, r: RefusalFacts): string {
  const p = {
    caseNo: r.caseNo,
    action: tr(lang, `cadre.action.${r.action}`),
    stage: r.status ? stage(lang, r.status) : '',
    role: r.role ? roleName(lang, r.role) : '',
    region: r.region ?? '',
  };
  switch (r.code) {
    // Outside one's region (a verifier: not assigned to it) reads exactly as a case that does not exist.
    case 'not_found':
    case 'outside_jurisdiction':
      return tr(lang, 'cadre.refused.not_found', p);
    case 'not_own_case':
    case 'no_role': {
      if (r.role === null) return tr(lang, 'cadre.refused.not_cadre');
      if (r.role === 'auditor') return tr(lang, 'cadre.refused.auditor');
      if (r.action === 'fast_approve') return tr(lang, 'cadre.refused.county_only', p);
      const owner = r.status ? ownerOf(r.status) : null;
      if (!owner) return tr(lang, 'cadre.refused.not_allowed_from_status', p);
      return tr(lang, 'cadre.refused.no_role', { ...p, owner: roleName(lang, owner) });
    }
    case 'not_allowed_from_status':
      return tr(lang, 'cadre.refused.not_allowed_from_status', p);
    case 'guard':
      if (r.reason === 'open_objections') return tr(lang, 'cadre.refused.open_objections', { ...p, n: r.openObjections ?? '' });
      if (r.reason === 'publicity_running') return tr(lang, 'cadre.refused.publicity_running', { ...p, end: r.publicityEnd ? day(lang, r.publicityEnd) : '—' });
      return tr(lang, 'cadre.refused.guard', p);
    case 'invalid_data':
      return invalidDataText(lang, r, p);
    default:
      return tr(lang, 'cadre.refused.guard', p);
  }
}

function invalidDataText(lang: Lang, r: RefusalFacts, p: Record<string, unknown>): string {
  switch (r.field) {
    case 'note':
      return tr(lang, r.action === 'fast_approve' ? 'cadre.usage.fast_approve' : 'cadre.usage.reject');
    case 'data.items':
      return tr(lang, 'cadre.usage.return');
    case 'data.publicityEnd':
      return tr(lang, 'cadre.refused.publicity_short', { ...p, days: r.publicityMinDays ?? 5 });
    case 'data.publicityStart':
      return tr(lang, 'cadre.refused.publicity_past', p);
    case 'data.verifierId':
      return tr(lang, 'cadre.refused.verifier', p);
    case 'data.identityConfirmed':
      return tr(lang, 'cadre.identity.refused', p);
    default:
      return tr(lang, 'cadre.refused.invalid_data', p);
  }
}
