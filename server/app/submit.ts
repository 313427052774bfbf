/**
 * An application submitted from the mini-program. Checked as the chat checks (answers.ts),
 * filed by the chat's own filing code (fileCase: the household, the case number, the
 * documents, the event, the move to village review and its notices), with the villager's
 * uploads as its documents — all in one transaction with the record of its Idempotency-Key, so a
 * retried submit gets the first answer and never files twice, and two submits racing with one
 * key wait for each other (the key's unique index) instead of both filing.
 */
import { createHash } from 'node:crypto';
import { CHECKLIST } from '../../flows';
import type { Cause, Lang } from '../../flows/engine/types';
import { t } from '../../flows/i18n';
import { OTHER_KIND } from '../../flows/engine/steps/documents';
import { fileCase } from '../core/cases/file-case';
import { Rejected } from '../core/rejected';
import type { IdentityCheckSettings } from '../core/identity/checks';
import type { Keyring } from '../core/crypto/keyring';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { HttpError } from '../http/errors';
import { RegionTree } from '../core/regions/tree';
import type { WorkflowSettings } from '../core/workflow/perform';
import { buildFromAnswers, checkAnswers, withDocuments } from '../core/form/answers';
import { formContext, formModel } from '../core/form/form';
import { caseDetail } from './villager-cases';
import type { Villager } from './villager-auth';
import { APP_CHANNEL, appPhoneId } from '../core/notify/channels';

export type SubmitInput = { cause: Cause; lang: Lang; answers: Record<string, unknown>; documents: { uploadId: string; item: string }[] };
export type SubmitResult = { status: number; body: unknown; replayed: boolean };

/** 400 with every wrong field's message: `{ error: {code, message, field}, fields }`. */
export function invalid(lang: Lang, fields: Record<string, string>): HttpError {
  const names = Object.keys(fields);
  return new HttpError(400, 'invalid', t(lang, 'miniprogram.form.error.invalid', { n: names.length }), names[0], { fields });
}

/** A stable hash of the request: the same key with other contents is refused. */
function requestHash(input: SubmitInput): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canonical) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])])) : v;
  return createHash('sha256').update(JSON.stringify(canonical(input))).digest('hex');
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'P2002';

async function replay(prisma: PrismaClient, v: Villager, key: string, hash: string, lang: Lang): Promise<SubmitResult | null> {
  const done = await prisma.appSubmission.findUnique({ where: { contactId_key: { contactId: v.contactId, key } } });
  if (!done) return null;
  if (done.requestHash !== hash) throw new HttpError(422, 'idempotency_key_reused', t(lang, 'miniprogram.errors.idempotency_reused'), 'Idempotency-Key');
  return { status: done.status, body: done.response, replayed: true };
}

export async function submitApplication(
  prisma: PrismaClient,
  deps: { workflow: WorkflowSettings; identityChecks: IdentityCheckSettings },
  v: Villager,
  key: string,
  input: SubmitInput,
  now: Date,
): Promise<SubmitResult> {
  const { lang } = input;
  const hash = requestHash(input);
  const earlier = await replay(prisma, v, key, hash, lang);
  if (earlier) return earlier;

  const tree = await RegionTree.load(prisma);
  const ctx = formContext(tree, now, lang);
  const model = formModel(input.cause);
  const checked = checkAnswers(model, input.answers, lang, ctx);
  const fields: Record<string, string> = {};
  for (const f of model.fields) {
    if (checked.errors[f.name]) fields[f.name] = checked.errors[f.name];
    else if (checked.missing.includes(f.name)) fields[f.name] = f.kind === 'consent' ? t(lang, 'miniprogram.form.error.consent_required') : t(lang, 'miniprogram.form.error.required');
  }
  const items = new Set([...(CHECKLIST[input.cause] ?? []).map((i) => i.id), OTHER_KIND]);
  const ids = input.documents.map((d) => d.uploadId);
  if (input.documents.some((d) => !items.has(d.item))) fields.documents = t(lang, 'miniprogram.form.error.document_item');
  else if (new Set(ids).size !== ids.length) fields.documents = t(lang, 'miniprogram.form.error.document_unknown');
  if (Object.keys(fields).length > 0) throw invalid(lang, fields);

  const built = buildFromAnswers(withDocuments(model, checked.answers, input.documents.map((d) => d.item)), lang, ctx);
  if (!built.ok) throw invalid(lang, { form: t(lang, 'apply.invalid') });

  try {
    return await prisma.$transaction(
      async (tx) => {
        // First, so a second submit with this key waits here until this one commits or rolls back.
        const record = await tx.appSubmission.create({ data: { contactId: v.contactId, key, requestHash: hash, status: 0, response: {}, createdAt: now } });
        await attachUploads(tx, v, input.documents, lang);
        // No typed phone is compared here (nothing limits how often a form is sent): only what the
        // session proved counts — a link, or the phone of a phone login.
        const outcome = await fileCase(
          { tx, tree, contact: { id: v.contactId, householdId: v.householdId, householdLink: v.householdLink, channel: v.channel }, now, workflow: deps.workflow, identityChecks: deps.identityChecks },
          built.value,
          { documentIds: ids, provesPhone: (phone) => provenPhone(deps.identityChecks.keyring, v, phone) },
        );
        const caseNo = outcome.type === 'case_filed' ? outcome.caseNo : outcome.type === 'case_duplicate' ? outcome.existingCaseNo : null;
        if (!caseNo) throw new Error(`filing answered ${outcome.type}`);
        const contact = await tx.contact.update({ where: { id: v.contactId }, data: { lang }, select: { householdId: true, householdLink: true, name: true } });
        // The name cadres see when this villager asks for a person.
        if (!contact.name) await tx.contact.update({ where: { id: v.contactId }, data: { name: built.value.applicant.name } });
        const detail = await caseDetail(tx, { id: v.contactId, householdId: contact.householdId, householdLink: contact.householdLink }, caseNo, lang, now, tree);
        const duplicate = outcome.type === 'case_duplicate';
        const status = duplicate ? 200 : 201;
        const body = { case: detail, duplicate };
        const caseId = (await tx.case.findUniqueOrThrow({ where: { caseNo }, select: { id: true } })).id;
        await tx.appSubmission.update({ where: { id: record.id }, data: { status, response: body as unknown as Prisma.InputJsonValue, caseId } });
        return { status, body, replayed: false };
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  } catch (err) {
    if (isUniqueViolation(err)) {
      const again = await replay(prisma, v, key, hash, lang);
      if (again) return again;
    }
    if (err instanceof Rejected) throw invalid(lang, { villageCode: t(lang, 'parse.choice_unknown') });
    throw err;
  }
}

/**
 * Whether the session proved `phone`: a phone login's contact is keyed by the blind index of the
 * phone its code was sent for (app-auth.ts). A WeChat login proves no phone.
 */
function provenPhone(keyring: Keyring, v: Villager, phone: string): boolean {
  return v.via === 'phone' && v.channel === APP_CHANNEL.phone && v.externalId === appPhoneId(keyring, phone);
}

/** The uploads named in the submission: the villager's own, not yet filed; each gets its checklist item. */
async function attachUploads(tx: Prisma.TransactionClient, v: Villager, documents: SubmitInput['documents'], lang: Lang) {
  if (documents.length === 0) return;
  const found = await tx.document.findMany({ where: { id: { in: documents.map((d) => d.uploadId) }, contactId: v.contactId, caseId: null }, select: { id: true } });
  if (found.length !== documents.length) throw invalid(lang, { documents: t(lang, 'miniprogram.form.error.document_unknown') });
  for (const d of documents) await tx.document.update({ where: { id: d.uploadId }, data: { kind: d.item } });
}
