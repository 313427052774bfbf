/**
 * Carries out the effects a flow step asked for, inside the caller's transaction, and reports
 * the outcomes the villager must hear (case number, identity found or not).
 */
import type { Effect, EffectOutcome, UploadRef } from '../../../flows/engine/types';
import { casesOfContact } from './context';
import { fileCase, findHouseholdByIdNumber, phoneMatches, type FilingScope } from '../../core/cases/file-case';
import { performTransition } from '../../core/workflow/perform';
import { notifyHandover } from '../../core/workflow/notify';
import { saveOffer } from '../../core/policy/offer';
import { admitIdentityCheck } from '../../core/identity/checks';
import { setLink } from '../../core/identity/household-link';
import { announceClaim } from '../../core/identity/claim-notice';
import { Rejected } from '../../core/rejected';
import { attachDocument } from '../../core/documents/attach';
import { findOwnCase, villagerActor } from '../../core/cases/own';
import { attachSupplement } from '../../core/cases/supplement';
import { linkAlertCase, recordAlertAnswer } from '../../core/alerts/offer';

/** What an effect may touch: the filing's scope (the chat contact, its transaction, the clock). */
type EffectScope = FilingScope;

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
    case 'file_case': {
      const outcome = await fileCase(scope, effect.application);
      // started from a department alert's offer: the case filed (or the open one it joined) is linked to the alert
      const caseNo = outcome.type === 'case_filed' ? outcome.caseNo : outcome.type === 'case_duplicate' ? outcome.existingCaseNo : null;
      if (effect.alertId && caseNo) await linkAlertCase(scope.tx, effect.alertId, caseNo, scope.now);
      return outcome;
    }
    case 'alert_answer':
      await recordAlertAnswer(scope.tx, scope.contact, effect.alertId, effect.answer, scope.now);
      return undefined;
    case 'attach_document':
      await attachToApplication(scope, effect.upload, effect.kind);
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
      await supplement(scope, effect.caseNo, effect.upload);
      return undefined;
    case 'resubmit_case':
      return villagerMove(scope, effect.caseNo, 'resubmit');
    case 'withdraw_case':
      return villagerMove(scope, effect.caseNo, 'withdraw');
  }
}

/** A paper of the application in progress: the contact's until the case is filed (file-case.ts). */
async function attachToApplication({ tx, contact }: EffectScope, upload: UploadRef, kind: string) {
  if (!upload.storageKey) return; // nothing was stored (e.g. a voice message): nothing to keep
  await attachDocument(tx, { ...upload, kind, contactId: contact.id });
}

async function handover({ tx, tree, contact, now }: EffectScope, reason: string, villageCode?: string, note?: string) {
  const village = villageCode ? tree.byCode.get(villageCode) : undefined;
  const row = await tx.handover.create({
    data: { contactId: contact.id, villageId: village?.id ?? null, reason, note: note?.slice(0, 500) ?? null, createdAt: now },
  });
  await notifyHandover(tx, { handoverId: row.id, contactId: contact.id, villageId: village?.id ?? null, reason }, now);
}

/** "查询" → ID number → phone: counted before anything is looked up (core/identity/checks.ts). */
async function linkIdentity({ tx, contact, now, identityChecks }: EffectScope, idNumber: string, phone: string): Promise<EffectOutcome> {
  if (!(await admitIdentityCheck(tx, identityChecks, contact.id, idNumber, now))) return { type: 'identity_check_limited' };
  const household = await findHouseholdByIdNumber(tx, idNumber);
  // Both must match: an ID number alone is too easy to know about someone else. And both may be
  // known to someone else: the link is only claimed (sees the cases' status, acts for none of
  // them), and the household and its village cadres are told (claim-notice.ts).
  if (!household || !phoneMatches(household, phone)) return { type: 'identity_not_found' };
  const linked = contact.householdId === household.id ? contact : { householdId: household.id, householdLink: 'claimed' };
  if (linked !== contact) {
    await setLink(tx, contact.id, household.id, 'claimed', 'reidentified', now);
    await announceClaim(tx, { contactId: contact.id, householdId: household.id }, now);
  }
  const cases = await casesOfContact(tx, { id: contact.id, ...linked });
  return { type: 'identity_linked', cases };
}

/**
 * A photo for a case returned for documents (core/cases/supplement.ts). The supplement flow sends
 * it only while the case is the villager's and returned (flows/supplement), so a refusal here is
 * input the flow should have stopped.
 */
async function supplement({ tx, contact }: EffectScope, caseNo: string, upload: UploadRef) {
  if (!upload.storageKey) return;
  const kept = await attachSupplement(tx, contact, caseNo, upload);
  if (!kept.ok) throw new Rejected(`a supplement refused: ${kept.reason}`);
}

/**
 * "好了" after supplying documents, or a confirmed "撤回": the move is made by the workflow with
 * the villager as the actor (it checks the case is theirs and in a status that allows it). When
 * a cadre moved the case first, nothing changes and the villager is told where it stands.
 */
async function villagerMove(scope: EffectScope, caseNo: string, action: 'resubmit' | 'withdraw'): Promise<EffectOutcome> {
  // a claimed link acts only on the cases this contact filed: the household counts when it acts for it
  const result = await performTransition(scope.tx, scope.workflow, villagerActor(scope.contact), caseNo, { action }, scope.now);
  if (result.ok) return action === 'resubmit' ? { type: 'case_resubmitted', caseNo, status: result.to } : { type: 'case_withdrawn', caseNo };
  // someone else's case reads as one that does not exist: its status is not told
  const row = await findOwnCase(scope.tx, scope.contact, caseNo, 'see');
  return { type: 'case_action_refused', caseNo, action, status: row?.status ?? null };
}
