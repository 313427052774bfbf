/**
 * Carries out the effects a flow step asked for, inside the caller's transaction, and reports
 * the outcomes the villager must hear (case number, identity found or not).
 */
import type { Effect, EffectOutcome, UploadRef, ApplicationData } from '../../flows/engine/types';
import { ApplicationDataSchema } from '../../flows';
import type { Prisma } from '../generated/prisma/client';
import type { RegionTree } from '../regions/tree';
import { allocateCaseNumber, shanghaiYear } from '../cases/case-number';
import { casesOfContact } from './context';
import { SYSTEM } from '../workflow/actor';
import { performTransition, type WorkflowSettings } from '../workflow/perform';
import { notifyHandover } from '../workflow/notify';
import { saveOffer } from '../policy/offer';

type Tx = Prisma.TransactionClient;

export type EffectScope = {
  tx: Tx;
  tree: RegionTree;
  contact: { id: string; householdId: string | null; channel: string };
  now: Date;
  workflow: WorkflowSettings;
};

/** Statuses after which a case is closed: a new application for the same cause may be filed. */
export const CLOSED_STATUSES = ['paid', 'rejected', 'withdrawn'];

export class EffectRejected extends Error {}

export async function runEffects(scope: EffectScope, effects: Effect[]): Promise<EffectOutcome[]> {
  const outcomes: EffectOutcome[] = [];
  for (const effect of effects) {
    const outcome = await runEffect(scope, effect);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

async function runEffect(scope: EffectScope, effect: Effect): Promise<EffectOutcome | undefined> {
  switch (effect.type) {
    case 'file_case':
      return fileCase(scope, effect.application);
    case 'attach_document':
      await attachDocument(scope, effect.upload, effect.kind);
      return undefined;
    case 'discard_documents':
      await scope.tx.document.deleteMany({ where: { contactId: scope.contact.id, caseId: null } });
      return undefined;
    case 'handover':
      await handover(scope, effect.reason, effect.villageCode, effect.note);
      return undefined;
    case 'set_language':
      await scope.tx.contact.update({ where: { id: scope.contact.id }, data: { lang: effect.lang } });
      return undefined;
    case 'set_subscription':
      // honoured when a broadcast is expanded and again when its message is leased (outbox/delivery.ts)
      await scope.tx.contact.update({
        where: { id: scope.contact.id },
        data: effect.subscribed ? { publicityOptOut: false, publicityOptOutAt: null } : { publicityOptOut: true, publicityOptOutAt: scope.now },
      });
      return undefined;
    case 'faq_offer':
      await saveOffer(scope.tx, scope.contact.id, effect.offer);
      return undefined;
    case 'link_identity':
      return linkIdentity(scope, effect.idNumber, effect.phone);
    case 'attach_supplement':
      await attachSupplement(scope, effect.caseNo, effect.upload);
      return undefined;
    case 'resubmit_case':
      return villagerMove(scope, effect.caseNo, 'resubmit');
    case 'withdraw_case':
      return villagerMove(scope, effect.caseNo, 'withdraw');
  }
}

async function attachDocument({ tx, contact }: EffectScope, upload: UploadRef, kind: string) {
  if (!upload.storageKey) return; // nothing was stored (e.g. a voice message): nothing to keep
  await tx.document.create({
    data: {
      sha256: upload.sha256,
      mime: upload.mime,
      size: upload.size,
      storageKey: upload.storageKey,
      kind,
      fileName: upload.fileName?.slice(0, 200),
      contactId: contact.id,
    },
  });
}

/**
 * Files an application as a case: the chat's `file_case` effect, and the mini-program's submission
 * (server/miniprogram/submit.ts). `documentIds` limits the contact's unfiled documents that go with
 * it (the mini-program names its uploads); without it, all of them (the chat's session).
 */
export async function fileCase(scope: EffectScope, raw: ApplicationData, opts: { documentIds?: string[] } = {}): Promise<EffectOutcome> {
  const { tx, tree, contact, now } = scope;
  const unfiled = { contactId: contact.id, caseId: null, ...(opts.documentIds ? { id: { in: opts.documentIds } } : {}) };
  const parsed = ApplicationDataSchema.safeParse(raw);
  if (!parsed.success) throw new EffectRejected(`application failed validation at ${parsed.error.issues[0]?.path.join('.')}`);
  const app = parsed.data as ApplicationData;
  const village = tree.byCode.get(app.applicant.villageCode);
  if (!village || village.level !== 'village') throw new EffectRejected('application names an unknown village');

  // Knowing someone's ID number must not let a person take over that household: an existing
  // household keeps its recorded name and phone, and the filer is linked to it only when already
  // linked or when the phone they gave is the one on record. Otherwise the case is still filed
  // (under that household, for the village to check) but reveals nothing of the household's cases.
  const existing = await tx.household.findUnique({ where: { headIdNumber: app.applicant.idNumber } });
  const trusted = !existing || existing.id === contact.householdId || existing.phone === app.applicant.phone;
  const facts = { villageId: village.id, headName: app.applicant.name, phone: app.applicant.phone, size: app.applicant.householdSize, povertyAlleviated: app.applicant.povertyAlleviated };
  const household = !existing
    ? await tx.household.create({ data: { ...facts, headIdNumber: app.applicant.idNumber } })
    : trusted
      ? await tx.household.update({ where: { id: existing.id }, data: facts })
      : existing;
  if (trusted) await tx.contact.update({ where: { id: contact.id }, data: { householdId: household.id } });

  // One open application per household and cause: more papers go to the open case instead.
  // (Only for someone who is the household's: a stranger must not learn the open case's number.)
  const open = trusted
    ? await tx.case.findFirst({ where: { householdId: household.id, cause: app.cause, status: { notIn: CLOSED_STATUSES } }, orderBy: { submittedAt: 'desc' } })
    : null;
  if (open) {
    const moved = await tx.document.updateMany({ where: unfiled, data: { caseId: open.id } });
    await tx.caseEvent.create({
      data: { caseId: open.id, type: 'duplicate_application', actorType: 'villager', actorId: contact.id, note: null, data: { documentsAdded: moved.count } },
    });
    return { type: 'case_duplicate', existingCaseNo: open.caseNo };
  }

  const year = shanghaiYear(now);
  const caseNo = await allocateCaseNumber(tx, year);
  const created = await tx.case.create({
    data: {
      caseNo,
      householdId: household.id,
      villageId: village.id,
      contactId: contact.id,
      channel: contact.channel,
      cause: app.cause,
      status: 'submitted',
      answers: app as unknown as Prisma.InputJsonValue,
      lang: app.lang,
      householdSize: app.applicant.householdSize,
      annualIncomeFen: app.applicant.annualIncomeFen,
      perCapitaIncomeFen: app.applicant.perCapitaIncomeFen,
      rigidExpenseFen: app.rigidExpenseFen,
      incomeLineFen: app.precheck.incomeLineFen,
      incomeYear: year - 1,
      submittedAt: now,
    },
  });
  await tx.document.updateMany({ where: unfiled, data: { caseId: created.id } });
  await tx.caseEvent.create({
    data: { caseId: created.id, at: now, type: 'submitted', actorType: 'villager', actorId: contact.id, toStatus: 'submitted' },
  });
  // Filed cases go straight to the village's review; that move notifies the village's cadres
  // and the villager, in this same transaction.
  const accepted = await performTransition(tx, scope.workflow, SYSTEM, caseNo, { action: 'accept' }, now);
  if (!accepted.ok) throw new Error(`filing could not start the review: ${accepted.message}`);
  return { type: 'case_filed', caseNo };
}

async function handover({ tx, tree, contact, now }: EffectScope, reason: string, villageCode?: string, note?: string) {
  const village = villageCode ? tree.byCode.get(villageCode) : undefined;
  const row = await tx.handover.create({
    data: { contactId: contact.id, villageId: village?.id ?? null, reason, note: note?.slice(0, 500) ?? null, createdAt: now },
  });
  await notifyHandover(tx, { handoverId: row.id, contactId: contact.id, villageId: village?.id ?? null, reason }, now);
}

async function linkIdentity({ tx, contact }: EffectScope, idNumber: string, phone: string): Promise<EffectOutcome> {
  const household = await tx.household.findUnique({ where: { headIdNumber: idNumber } });
  // Both must match: an ID number alone is too easy to know about someone else.
  if (!household || household.phone !== phone) return { type: 'identity_not_found' };
  await tx.contact.update({ where: { id: contact.id }, data: { householdId: household.id } });
  const cases = await casesOfContact(tx, { id: contact.id, householdId: household.id });
  return { type: 'identity_linked', cases };
}

/** The villager's own open case by number (by contact or household), or null. */
async function ownCase({ tx, contact }: EffectScope, caseNo: string) {
  const row = await tx.case.findUnique({ where: { caseNo } });
  if (!row) return null;
  const own = row.contactId === contact.id || (contact.householdId !== null && row.householdId === contact.householdId);
  return own ? row : null;
}

/** A photo for a case returned for documents: kept with that case, whatever its status now. */
async function attachSupplement(scope: EffectScope, caseNo: string, upload: UploadRef) {
  if (!upload.storageKey) return;
  const row = await ownCase(scope, caseNo);
  if (!row) throw new EffectRejected('a supplement for a case that is not the contact\'s');
  await scope.tx.document.create({
    data: { sha256: upload.sha256, mime: upload.mime, size: upload.size, storageKey: upload.storageKey, kind: 'supplement', fileName: upload.fileName?.slice(0, 200), caseId: row.id, contactId: scope.contact.id },
  });
}

/**
 * "好了" after supplying documents, or a confirmed "撤回": the move is made by the workflow with
 * the villager as the actor (it checks the case is theirs and in a status that allows it). When
 * a cadre moved the case first, nothing changes and the villager is told where it stands.
 */
async function villagerMove(scope: EffectScope, caseNo: string, action: 'resubmit' | 'withdraw'): Promise<EffectOutcome> {
  const actor = { kind: 'villager' as const, contactId: scope.contact.id, householdId: scope.contact.householdId };
  const result = await performTransition(scope.tx, scope.workflow, actor, caseNo, { action }, scope.now);
  if (result.ok) return action === 'resubmit' ? { type: 'case_resubmitted', caseNo, status: result.to } : { type: 'case_withdrawn', caseNo };
  const row = await scope.tx.case.findUnique({ where: { caseNo }, select: { status: true } });
  return { type: 'case_action_refused', caseNo, action, status: row?.status ?? null };
}
