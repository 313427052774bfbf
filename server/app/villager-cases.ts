/**
 * A villager's own cases as the mini-program shows them: the list, and one case with its
 * answers (read back as the chat's summary reads them), documents, what is missing while it is
 * returned, and a timeline in plain words. "Own" is what the chat calls own (core/cases/own.ts):
 * the list shows what the contact may see, one case only what it acts on. Anything else reads
 * as not found.
 */
import { isAppChannel } from '../core/notify/channels';
import { applies } from '../../flows/engine/conditions';
import type { Answers } from '../../flows/engine/flow';
import { displayAnswer } from '../../flows/engine/steps';
import type { ApplicationData, Cause, Lang } from '../../flows/engine/types';
import { CHECKLIST } from '../../flows';
import { t } from '../../flows/i18n';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { isOverdue } from '../core/cases/present';
import { applicantOf, type Applicant } from '../core/cases/applicant';
import { findOwnCase, ownCasesWhere, type CaseHolder } from '../core/cases/own';
import { causeLabel, statusLabel } from '../core/notify/texts';
import { stepLabel, villagerSentence, type NoticeFacts } from '../../flows/villager/notices';
import type { RegionTree } from '../core/regions/tree';
import { WITHDRAWABLE } from '../../flows/workflow';
import { waitsForPapers } from '../../flows/supplement';
import { applyEnv, formContext, formModel, isCause } from '../core/form/form';
import { DOCUMENT_KIND } from '../core/documents/kinds';

type Db = PrismaClient | Prisma.TransactionClient;

export async function listCases(db: Db, v: CaseHolder, lang: Lang, now: Date) {
  const rows = await db.case.findMany({ where: ownCasesWhere(v, 'see'), orderBy: { submittedAt: 'desc' }, take: 100 });
  return rows.map((c) => ({
    caseNo: c.caseNo,
    cause: c.cause,
    causeLabel: causeLabel(lang, c.cause),
    status: c.status,
    statusLabel: statusLabel(lang, c.status),
    submittedAt: c.submittedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    overdue: isOverdue(c, now),
    needsAction: waitsForPapers(c.status),
  }));
}

export type VillagerCaseDetail = NonNullable<Awaited<ReturnType<typeof caseDetail>>>;

export async function caseDetail(db: Db, v: CaseHolder, caseNo: string, lang: Lang, now: Date, tree: RegionTree) {
  const found = await findOwnCase(db, v, caseNo);
  if (!found) return null;
  // One query after another: inside a transaction (the submission) they share one connection.
  const household = found.householdId ? await db.household.findUnique({ where: { id: found.householdId } }) : null;
  const documents = await db.document.findMany({ where: { caseId: found.id }, orderBy: { createdAt: 'asc' } });
  const events = await db.caseEvent.findMany({ where: { caseId: found.id }, orderBy: { seq: 'asc' } });
  const row = { ...found, household, documents, events };
  const village = tree.byId.get(row.villageId);
  const town = village?.parentId ? tree.byId.get(village.parentId) : undefined;
  const name = (r: { name: string; nameEn: string | null } | undefined) => (r ? (lang === 'en' && r.nameEn ? r.nameEn : r.name) : null);
  const app = row.answers as unknown as ApplicationData;
  const items = CHECKLIST[row.cause as Cause] ?? [];
  const itemLabel = (kind: string) => {
    const item = items.find((i) => i.id === kind);
    return item ? t(lang, item.label) : kind === DOCUMENT_KIND.supplement ? t(lang, 'miniprogram.timeline.supplement') : kind;
  };
  const returned = waitsForPapers(row.status);
  const lastReturn = [...row.events].reverse().find((e) => e.type === 'return');
  const facts = { publicityStart: row.publicityStart, publicityEnd: row.publicityEnd, approvedAmountFen: row.approvedAmountFen, measures: row.measures, householdCategory: row.householdCategory, paidAt: row.paidAt };

  return {
    caseNo: row.caseNo,
    cause: row.cause,
    causeLabel: causeLabel(lang, row.cause),
    status: row.status,
    statusLabel: statusLabel(lang, row.status),
    submittedAt: row.submittedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    overdue: isOverdue(row, now),
    village: name(village),
    town: name(town),
    // Shown on a phone that may be lent to a relative: the numbers only by their ends.
    applicant: applicantTails(applicantOf(row)),
    summary: isCause(row.cause) ? summaryOf(app, row.cause, lang, now, tree) : [],
    figures: {
      householdSize: row.householdSize,
      annualIncomeFen: row.annualIncomeFen,
      perCapitaIncomeFen: row.perCapitaIncomeFen,
      rigidExpenseFen: row.rigidExpenseFen,
      incomeLineFen: row.incomeLineFen,
      incomeYear: row.incomeYear,
    },
    documents: row.documents.map((d) => ({ id: d.id, item: d.kind, label: itemLabel(d.kind), mime: d.mime, size: d.size, createdAt: d.createdAt.toISOString() })),
    missing: returned
      ? { items: Array.isArray(row.missingItems) ? row.missingItems.map(String) : [], step: row.returnedFrom ? stepLabel(lang, row.returnedFrom) : null, note: lastReturn?.note ?? null, returnedAt: lastReturn?.at.toISOString() ?? null }
      : null,
    canSupplement: returned,
    canWithdraw: (WITHDRAWABLE as readonly string[]).includes(row.status),
    // its news also goes by text message to the phone on its form, which the filer proved by logging in with it (server/core/sms/enqueue.ts)
    textsToPhone: isAppChannel(row.channel) && row.textsToPhone,
    approvedAmountFen: row.approvedAmountFen,
    paidAt: row.paidAt?.toISOString() ?? null,
    timeline: row.events.flatMap((e) => {
      const text = timelineText(lang, e, facts);
      return text === null ? [] : [{ at: e.at.toISOString(), type: e.type, status: e.toStatus, statusLabel: e.toStatus ? statusLabel(lang, e.toStatus) : null, text }];
    }),
  };
}

/** Who applied, by the ends of the numbers (a case filed unverified: as the filer gave it, like any other). */
function applicantTails(a: Applicant) {
  return { name: a.name, idNumberTail: a.idNumber.slice(-4), phoneTail: a.phone.slice(-4) };
}

/** The answers as the chat's summary reads them back; ID number and phone by their last digits. */
function summaryOf(app: ApplicationData, cause: Cause, lang: Lang, now: Date, tree: RegionTree) {
  const ctx = formContext(tree, now, lang);
  const model = formModel(cause);
  const d = app.details as Record<string, unknown>;
  const answers: Answers = { cause, ...app.applicant, ...d, ...(cause === 'illness' ? { selfPaidConfirmed: true } : {}) };
  const env = applyEnv(answers, lang, ctx);
  return model.fields.flatMap((f) => {
    if (f.kind === 'consent' || !f.step.label || !applies(f.step, answers)) return [];
    if (f.kind === 'id_number' || f.kind === 'phone') return [{ label: t(lang, f.step.label), value: `…${String(answers[f.name] ?? '').slice(-4)}` }];
    const value = displayAnswer(f.step, env);
    return value === null ? [] : [{ label: t(lang, f.step.label), value }];
  });
}

type EventRow = { type: string; fromStatus: string | null; toStatus: string | null; note: string | null; data: unknown };

/** What happened, in the villager's words: the sentence the chat's notice says (flows/villager/notices.ts). */
export function timelineText(lang: Lang, e: EventRow, c: NoticeFacts): string | null {
  return villagerSentence(lang, { type: e.type, from: e.fromStatus, to: e.toStatus, note: e.note, data: e.data }, c);
}
