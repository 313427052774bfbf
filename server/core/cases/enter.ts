/**
 * 代录: a cadre enters an application for a villager who cannot use WeChat — the village cadre at
 * the household or the village office, a town or the county office for a village of theirs. The
 * form is the chat's and the mini-program's (server/core/form/form.ts: the 'apply' flow's steps and the
 * filed application's zod schema), checked by the same checks (server/core/form/answers.ts), filed by the
 * same filing code (file-case.ts) with the same identity rules — the cadre proves no household, so
 * an ID number already registered is filed 身份待核实 for the village to check in person.
 *
 * What differs: no contact files it (Case.contactId null, Case.channel CADRE_ENTRY_CHANNEL); the
 * filing event is the cadre's (the case's 录入人); the villager's two consents are recorded as given
 * in person to that cadre that day (ApplicationData.consent.inPerson); no text message ever goes to
 * the typed phone (textsToPhone stays false); the villager's notices go to the cadre who entered
 * it (server/core/workflow/notify.ts). The case then takes the normal chain from the village
 * review up: entering it approves nothing. The photos of the villager's papers follow, one request
 * each, to the filed case (addEntryPhoto), by the cadre who entered it while it is open.
 */
import { CHECKLIST } from '../../../flows';
import { shanghaiDate } from '../../../flows/china-time';
import type { ApplicationData, Cause, Lang } from '../../../flows/engine/types';
import { OTHER_KIND } from '../../../flows/engine/steps/documents';
import { t } from '../../../flows/i18n';
import { FINAL_STATUSES, inJurisdiction, outsideScope, type CadreActor, type Refusal } from '../../../flows/workflow';
import type { Document, Prisma, PrismaClient } from '../../generated/prisma/client';
import { buildFromAnswers, checkAnswers, withDocuments } from '../form/answers';
import { formContext, formModel, type FormModel } from '../form/form';
import type { CheckedAnswers } from '../form/answers';
import { recordAudit, recordRefusal } from '../audit/record';
import { MAY } from '../auth/permissions';
import { attachDocument } from '../documents/attach';
import type { StoredBlob } from '../documents/store';
import type { IdentityCheckSettings } from '../identity/checks';
import { CADRE_ENTRY_CHANNEL } from '../notify/channels';
import { RegionTree } from '../regions/tree';
import type { WorkflowSettings } from '../workflow/perform';
import { enteredByOf } from './entered-by';
import { fileCase } from './file-case';

type Tx = Prisma.TransactionClient;

export type EntryInput = {
  cause: Cause;
  lang: Lang;
  /** The form's answers, as the mini-program sends them (field → value). */
  answers: Record<string, unknown>;
  /** The checklist items the cadre will photograph (addEntryPhoto); the others are filed as skipped, for a cadre to ask for later. */
  documents: string[];
};

/** Field → message, in the cadre's language: what is wrong or missing; empty when the form is complete. */
export function formErrors(model: FormModel, checked: CheckedAnswers, lang: Lang): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const f of model.fields) {
    if (checked.errors[f.name]) fields[f.name] = checked.errors[f.name];
    else if (checked.missing.includes(f.name)) fields[f.name] = f.kind === 'consent' ? t(lang, 'miniprogram.form.error.consent_required') : t(lang, 'miniprogram.form.error.required');
  }
  return fields;
}

/** The checklist items a cause's photos may be filed as. */
export const entryItems = (cause: Cause): Set<string> => new Set([...(CHECKLIST[cause] ?? []).map((i) => i.id), OTHER_KIND]);

export type EntryOutcome =
  | { ok: true; caseNo: string }
  /** 400: the fields and their messages. */
  | { ok: false; code: 'invalid'; fields: Record<string, string> }
  /** 403: a role that enters no applications, or a village outside the cadre's region (field villageCode). */
  | { ok: false; code: 'forbidden' | 'outside_jurisdiction'; field?: string; message: string };

export async function enterApplication(
  prisma: PrismaClient,
  settings: { workflow: WorkflowSettings; identityChecks: IdentityCheckSettings },
  actor: CadreActor,
  input: EntryInput,
  now: Date,
): Promise<EntryOutcome> {
  const { lang } = input;
  if (!(MAY.enterApplications as readonly string[]).includes(actor.role)) {
    await recordRefusal(prisma, { at: now, actor, action: 'enter_application', refusal: { code: 'no_role', message: `a ${actor.role} enters no applications` } });
    return { ok: false, code: 'forbidden', message: t(lang, 'entry.error.role') };
  }
  const tree = await RegionTree.load(prisma);
  const ctx = formContext(tree, now, lang);
  const model = formModel(input.cause);
  const checked = checkAnswers(model, input.answers, lang, ctx);
  const fields = formErrors(model, checked, lang);
  const items = entryItems(input.cause);
  if (input.documents.some((d) => !items.has(d))) fields.documents = t(lang, 'miniprogram.form.error.document_item');
  if (Object.keys(fields).length > 0) return { ok: false, code: 'invalid', fields };

  // the village must be one of the cadre's: the form lists every village of the county
  const village = tree.byCode.get(String(checked.answers.villageCode));
  if (!village || !inJurisdiction(actor, village.id)) {
    await recordRefusal(prisma, { at: now, actor, action: 'enter_application', refusal: { code: 'outside_jurisdiction', message: 'the village is outside your region' } });
    return { ok: false, code: 'outside_jurisdiction', field: 'villageCode', message: t(lang, 'entry.error.village_outside') };
  }

  const built = buildFromAnswers(withDocuments(model, checked.answers, input.documents), lang, ctx);
  if (!built.ok) return { ok: false, code: 'invalid', fields: { form: t(lang, 'apply.invalid') } };
  const app: ApplicationData = { ...built.value, consent: { ...built.value.consent, inPerson: { cadreId: actor.id, cadreName: actor.name, date: shanghaiDate(now) } } };

  return prisma.$transaction(
    async (tx) => {
      const outcome = await fileCase(
        {
          tx,
          tree,
          contact: { id: null, householdId: null, householdLink: null, channel: CADRE_ENTRY_CHANNEL },
          enteredBy: { cadreId: actor.id },
          now,
          workflow: settings.workflow,
          identityChecks: settings.identityChecks,
        },
        app,
        // the cadre proves no household's phone; no uploads are pending (photos follow: addEntryPhoto)
        { documentIds: [], provesPhone: () => false },
      );
      const caseNo = outcome.type === 'case_filed' ? outcome.caseNo : outcome.type === 'case_duplicate' ? outcome.existingCaseNo : null;
      if (!caseNo) throw new Error(`filing answered ${outcome.type}`);
      await recordAudit(tx, { at: now, actor, action: 'enter_application', caseNo, allowed: true, subject: input.cause });
      return { ok: true as const, caseNo };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

/** The documents of a case that the cadre who entered it added (what the upload caps count). */
export const entryPhotosOf = (caseId: string, cause: Cause) => ({ caseId, kind: { in: [...entryItems(cause)] }, contactId: null });

/**
 * Whether `actor` may add a photo to `caseNo` now: the cadre who entered it, in their region, while
 * it is open. A refusal is audited, and answered for a case they may not know of as for none.
 */
export async function entryPhotoCase(tx: Tx, actor: CadreActor, caseNo: string, now: Date): Promise<{ ok: true; caseId: string; cause: Cause } | ({ ok: false } & Refusal)> {
  const refuse = async (refusal: Refusal) => {
    await recordRefusal(tx, { at: now, actor, action: 'entry_photo', caseNo, refusal });
    return { ok: false as const, ...refusal };
  };
  const c = await tx.case.findUnique({ where: { caseNo }, select: { id: true, cause: true, status: true, villageId: true, verifierId: true, contactId: true, householdId: true } });
  if (!c) return refuse({ code: 'not_found', message: 'case not found' });
  const outside = outsideScope(actor, c);
  if (outside) return refuse({ code: 'not_found', message: 'case not found' });
  const entered = await enteredByOf(tx, c.id);
  if (!entered || entered.cadreId !== actor.id) return refuse({ code: 'no_role', message: 'only the cadre who entered the application adds its photos' });
  if ((FINAL_STATUSES as readonly string[]).includes(c.status)) return refuse({ code: 'not_allowed_from_status', message: `the case is closed (${c.status})` });
  return { ok: true, caseId: c.id, cause: c.cause as Cause };
}

/** Adds a stored photo of the villager's papers to the case as the checklist item `item`, checking the caller again. */
export async function addEntryPhoto(
  tx: Tx,
  actor: CadreActor,
  caseNo: string,
  item: string,
  photo: StoredBlob & { mime: string; fileName?: string | null },
  now: Date,
): Promise<{ ok: true; document: Document } | ({ ok: false } & Refusal)> {
  const allowed = await entryPhotoCase(tx, actor, caseNo, now);
  if (!allowed.ok) return allowed;
  // no contact sent it: the cadre is in the audit trail
  const document = await attachDocument(tx, { ...photo, kind: item, caseId: allowed.caseId, contactId: null, at: now });
  await recordAudit(tx, { at: now, actor, action: 'entry_photo', caseNo, allowed: true, subject: document.id });
  return { ok: true, document };
}
