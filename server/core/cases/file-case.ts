/**
 * Files an application as a case: the chat's `file_case` effect and the mini-program's submission
 * both call this, in their own transaction. It decides which household the case belongs to (or
 * none: 身份待核实), files it, and starts the village's review through the workflow.
 */
import type { ApplicationData, EffectOutcome } from '../../../flows/engine/types';
import { ApplicationDataSchema } from '../../../flows';
import { CASE_STATUS, FILING_EVENT, FINAL_STATUSES, type Limit, SYSTEM } from '../../../flows/workflow';
import type { Prisma } from '../../generated/prisma/client';
import type { RegionTree } from '../regions/tree';
import { shanghaiYear } from '../../../flows/china-time';
import { allocateCaseNumber } from './case-number';
import { performTransition, type WorkflowSettings } from '../workflow/perform';
import { notifyIdentityClaim } from '../workflow/notify';
import { admitIdentityCheck, type IdentityCheckSettings } from '../identity/checks';
import { actsForHousehold, setLink } from '../identity/household-link';
import { announceClaim } from '../identity/claim-notice';
import { Rejected } from '../rejected';

type Tx = Prisma.TransactionClient;

/** Who files, where and when, inside the caller's transaction. */
export type FilingScope = Omit<AnyFilingScope, 'contact' | 'enteredBy'> & { contact: AnyFilingScope['contact'] & { id: string } };

/** A filing by a contact (the chat, the mini-program: FilingScope), or by a cadre for a villager without one. */
export type AnyFilingScope = {
  tx: Tx;
  tree: RegionTree;
  /**
   * householdLink: how strongly it belongs to householdId (core/identity/household-link.ts). `id`
   * null: no contact files it — a cadre enters it for a villager without WeChat (`enteredBy`).
   */
  contact: { id: string | null; householdId: string | null; householdLink: string | null; channel: string };
  /** The cadre who entered the application on the villager's behalf (server/core/cases/enter.ts): the filing is theirs in the timeline. */
  enteredBy?: { cadreId: string };
  now: Date;
  workflow: WorkflowSettings;
  /** The budget for checking typed phones against the record (core/identity/checks.ts). */
  identityChecks: IdentityCheckSettings;
};

/** Statuses after which a case is closed: a new application for the same cause may be filed. */
const CLOSED_STATUSES = [...FINAL_STATUSES];

/**
 * How a filer shows they belong to the registered household of the ID number they gave, besides
 * a contact already linked to it. The chat: the phone typed matches the one on record (counted,
 * core/identity/checks.ts). The mini-program: `provesPhone` — the session proved that phone (a phone
 * login); a typed phone proves nothing there, and a WeChat login proves no phone at all.
 */
export type FilingOptions = { documentIds?: string[]; provesPhone?: (phoneOnRecord: string) => boolean };

/**
 * Files an application as a case: the chat's `file_case` effect, and the mini-program's submission
 * (server/app/submit.ts). `documentIds` limits the contact's unfiled documents that go with
 * it (the mini-program names its uploads); without it, all of them (the chat's session).
 */
export async function fileCase(scope: AnyFilingScope, raw: ApplicationData, opts: FilingOptions = {}): Promise<EffectOutcome> {
  const { tx, tree, contact, now } = scope;
  // no contact: only the documents named (none would otherwise be every contact-less unfiled row)
  const unfiled = { contactId: contact.id, caseId: null, ...(opts.documentIds || contact.id === null ? { id: { in: opts.documentIds ?? [] } } : {}) };
  const parsed = ApplicationDataSchema.safeParse(raw);
  if (!parsed.success) throw new Rejected(`application failed validation at ${parsed.error.issues[0]?.path.join('.')}`);
  const app = parsed.data as ApplicationData;
  const village = tree.byCode.get(app.applicant.villageCode);
  if (!village || village.level !== 'village') throw new Rejected('application names an unknown village');

  // Knowing someone's ID number — or their ID number and phone — must not let a person take over
  // that household. The filer is of the registered household only when this contact acts for it
  // (a created or confirmed link) or the session proved its phone (FilingOptions); a phone typed in
  // the chat that matches makes only a claimed link. Anyone else files apart from it (fileApart)
  // and hears exactly what a first-time filer hears.
  const existing = await findHouseholdByIdNumber(tx, app.applicant.idNumber);
  const textsToPhone = opts.provesPhone?.(app.applicant.phone) === true;
  const proof = await proofOfBelonging(scope, existing, app, opts);
  if (existing && proof === 'phone_typed' && !contact.householdId && contact.id) await setLink(tx, contact.id, existing.id, 'claimed', 'filing_phone_typed', now);
  if (existing && proof !== 'acts') return fileApart(scope, app, village.id, { householdId: existing.id, note: proof === 'none' ? 'id_number_registered' : 'id_phone_typed' }, unfiled, textsToPhone);
  // A filing never rewrites a registered household: its answers stay on the case (Case.answers),
  // where cadres read them beside the registry's (server/core/cases/applicant.ts). Only a new ID number
  // makes a household, from the filer's answers.
  const household =
    existing ??
    (await tx.household.create({
      data: { villageId: village.id, headName: app.applicant.name, headIdNumber: app.applicant.idNumber, phone: app.applicant.phone, size: app.applicant.householdSize, povertyAlleviated: app.applicant.povertyAlleviated },
    }));
  // a contact belongs to one household: the first it filed for (or was confirmed for); its own new
  // household outranks a mere claim on another one
  if (contact.id && !existing && (!contact.householdId || !actsForHousehold(contact))) await setLink(tx, contact.id, household.id, 'created', 'filed', now);
  else if (contact.id && existing && !contact.householdId) await setLink(tx, contact.id, household.id, 'confirmed', 'phone_login', now);

  // One open application per household and cause: more papers go to the open case instead
  // (a household made just now, in this transaction, has none).
  const open = existing ? await tx.case.findFirst({ where: { householdId: household.id, cause: app.cause, status: { notIn: CLOSED_STATUSES } }, orderBy: { submittedAt: 'desc' } }) : null;
  if (open) return addToOpenCase(scope, open, unfiled);
  return createCase(scope, app, village.id, { householdId: household.id }, unfiled, textsToPhone);
}

type Unfiled = { contactId: string | null; caseId: null; id?: { in: string[] } };

/** Who the timeline says filed it: the villager's contact, or the cadre who entered it for them. */
function filerOf(scope: AnyFilingScope): { actorType: 'villager' | 'cadre'; actorId: string | null } {
  return scope.enteredBy ? { actorType: 'cadre', actorId: scope.enteredBy.cadreId } : { actorType: 'villager', actorId: scope.contact.id };
}

/**
 * 身份待核实: the ID number given is a registered household's, and nothing but typed words shows
 * the filer belongs to it (`note`: id_number_registered — the phone differed or was not checked;
 * id_phone_typed — the typed phone matched, a claimed link). The case is filed with the filer's
 * answers only, in the village they named, under no household — so that household's records, its
 * case list and its one open case per cause stay as they were, and the case's cadres read the
 * filer's answers, never the registry's. The filer's own open case of the cause (filed the same
 * way) takes more papers, as a household's would. The registered household's village cadres hear
 * of the claim; when the phone matched, its own WeChat contacts too (claim-notice.ts).
 */
async function fileApart(scope: AnyFilingScope, app: ApplicationData, villageId: string, claim: { householdId: string; note: 'id_number_registered' | 'id_phone_typed' }, unfiled: Unfiled, textsToPhone: boolean): Promise<EffectOutcome> {
  const { tx, contact, now } = scope;
  // (no contact: nothing ties an earlier unverified case to this filer — a new one)
  const open = contact.id ? await tx.case.findFirst({ where: { contactId: contact.id, householdId: null, cause: app.cause, status: { notIn: CLOSED_STATUSES } }, orderBy: { submittedAt: 'desc' } }) : null;
  if (open) return addToOpenCase(scope, open, unfiled);
  const outcome = await createCase(scope, app, villageId, { householdId: null, identityCheck: 'pending', identityNote: claim.note }, unfiled, textsToPhone);
  const filed = await tx.case.findUniqueOrThrow({ where: { caseNo: outcome.caseNo }, select: { id: true } });
  if (claim.note === 'id_phone_typed' && contact.id) await announceClaim(tx, { contactId: contact.id, householdId: claim.householdId, caseId: filed.id }, now);
  else await notifyIdentityClaim(tx, { caseId: filed.id, householdId: claim.householdId }, now);
  return outcome;
}

/** More papers for an open case of the filer's: the case number is theirs to know. */
async function addToOpenCase(scope: AnyFilingScope, open: { id: string; caseNo: string }, unfiled: Unfiled): Promise<EffectOutcome> {
  const moved = await scope.tx.document.updateMany({ where: unfiled, data: { caseId: open.id } });
  await scope.tx.caseEvent.create({
    data: { caseId: open.id, type: 'duplicate_application', ...filerOf(scope), note: null, data: { documentsAdded: moved.count } },
  });
  return { type: 'case_duplicate', existingCaseNo: open.caseNo };
}

async function createCase(
  scope: AnyFilingScope,
  app: ApplicationData,
  villageId: string,
  identity: { householdId: string | null; identityCheck?: 'pending'; identityNote?: string },
  unfiled: Unfiled,
  textsToPhone: boolean,
): Promise<{ type: 'case_filed'; caseNo: string; total: Limit }> {
  const { tx, contact, now } = scope;
  const year = shanghaiYear(now);
  const caseNo = await allocateCaseNumber(tx, year);
  const created = await tx.case.create({
    data: {
      caseNo,
      ...identity,
      villageId,
      contactId: contact.id,
      channel: contact.channel,
      cause: app.cause,
      status: CASE_STATUS.submitted,
      answers: app as unknown as Prisma.InputJsonValue,
      lang: app.lang,
      householdSize: app.applicant.householdSize,
      annualIncomeFen: app.applicant.annualIncomeFen,
      perCapitaIncomeFen: app.applicant.perCapitaIncomeFen,
      rigidExpenseFen: app.rigidExpenseFen,
      incomeLineFen: app.precheck.incomeLineFen,
      incomeYear: year - 1,
      submittedAt: now,
      textsToPhone,
    },
  });
  await tx.document.updateMany({ where: unfiled, data: { caseId: created.id } });
  const filer = filerOf(scope);
  await tx.caseEvent.create({
    data: { caseId: created.id, at: now, type: FILING_EVENT, ...filer, toStatus: CASE_STATUS.submitted },
  });
  // Filed cases go straight to the village's review; that move notifies the village's cadres
  // and the villager, in this same transaction. The row is this transaction's own (inserted just
  // now); the filer told by the filing's own reply is the case's contact when a villager filed it.
  const filedByItsContact = filer.actorType === 'villager' && filer.actorId !== null && filer.actorId === created.contactId;
  const accepted = await performTransition(tx, scope.workflow, SYSTEM, caseNo, { action: 'accept' }, now, { row: created, filedByItsContact });
  if (!accepted.ok) throw new Error(`filing could not start the review: ${accepted.message}`);
  return { type: 'case_filed', caseNo, total: scope.workflow.limits.total };
}

/** The registered household of an ID number (the one look-up by it). */
export async function findHouseholdByIdNumber(tx: Tx, idNumber: string) {
  return tx.household.findFirst({ where: { headIdNumber: idNumber } });
}

/** Whether a phone given is the one on record for the household (the one comparison of it). */
export function phoneMatches(household: { phone: string }, phone: string): boolean {
  return household.phone === phone;
}

/**
 * What shows the filer belongs to the household of the ID number: `acts` — this contact acts for it
 * (created/confirmed), or the mini-program session proved its phone (provesPhone, uncounted: a
 * proven phone cannot be guessed); `phone_typed` — the contact is claimed for it already, or the
 * chat's typed phone is the one on record, compared after counting the check (counted for a new ID
 * number too, so the budgets say nothing of the registry; past a budget nothing is compared); else
 * `none`. Only `acts` files under the household.
 */
async function proofOfBelonging(scope: AnyFilingScope, existing: { id: string; phone: string } | null, app: ApplicationData, opts: FilingOptions): Promise<'acts' | 'phone_typed' | 'none'> {
  const { contact } = scope;
  if (existing && contact.householdId === existing.id) return actsForHousehold(contact) ? 'acts' : 'phone_typed';
  if (opts.provesPhone) return existing !== null && opts.provesPhone(existing.phone) ? 'acts' : 'none';
  if (!contact.id) return 'none';
  const admitted = await admitIdentityCheck(scope.tx, scope.identityChecks, contact.id, app.applicant.idNumber, scope.now);
  return admitted && existing !== null && phoneMatches(existing, app.applicant.phone) ? 'phone_typed' : 'none';
}
