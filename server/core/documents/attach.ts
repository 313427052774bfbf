/**
 * How a Document row is made, for bytes already checked where they arrived (type sniffed, pixels,
 * caps) and stored (DocumentStore.put): the chat's photos and supplements, the mini-program's
 * uploads and supplements, a cadre's photos, a broadcast's image. Its columns come from
 * documentColumns alone: written here through Prisma (attachDocument), or as part of the chat's
 * photo step, one statement with the session and the message (documentsInserted, used by
 * chat/conversation/save.ts).
 */
import type { Document, Prisma, PrismaClient } from '../../generated/prisma/client';
import type { Keyring } from '../crypto/keyring';
import { sealValue } from '../crypto/sealed-client';
import { SEALED_FIELDS } from '../crypto/sealed-fields';
import { rowId } from '../db/row-id';
import { stripControlChars } from '../control-chars';
import type { StoredBlob } from './store';

type Db = Pick<PrismaClient, 'document'> | Prisma.TransactionClient;

/** The sender's file name is kept, cut to this many characters. */
export const FILE_NAME_MAX = 200;

/** A sender's file name as kept and shown: no control characters, no path, cut. Applied where a name arrives, and again here (it changes a safe name no more). */
export function safeFileName(name: string): string {
  return stripControlChars(name).replace(/[\\/]/g, '_').slice(0, FILE_NAME_MAX);
}

export type NewDocument = StoredBlob & {
  mime: string;
  /** A checklist item, or one of DOCUMENT_KIND (kinds.ts). */
  kind: string;
  fileName?: string | null;
  /** The case it belongs to; none while its application is in progress, nor for a broadcast image. */
  caseId?: string | null;
  /** Who sent it (a villager's or a cadre's contact); none for a broadcast image. */
  contactId?: string | null;
  /** The follow-up visit of the register it was taken at (a cadre's photo in the console). */
  followUpId?: string | null;
  /** When it was received; the database's clock when not given. */
  at?: Date;
};

/** The columns of a new row (clear: sha256 and fileName are sealed by whoever writes them). */
function documentColumns(doc: NewDocument) {
  return {
    sha256: doc.sha256,
    mime: doc.mime,
    size: doc.size,
    storageKey: doc.storageKey,
    kind: doc.kind,
    fileName: doc.fileName == null ? null : safeFileName(doc.fileName),
    caseId: doc.caseId ?? null,
    contactId: doc.contactId ?? null,
    followUpId: doc.followUpId ?? null,
  };
}

export function attachDocument(db: Db, doc: NewDocument): Promise<Document> {
  return db.document.create({ data: { ...documentColumns(doc), ...(doc.at ? { createdAt: doc.at } : {}) } });
}

/**
 * The same rows as a part of a larger statement (a `WITH` query whose CTE "saved" returns the
 * sender's "contactId"): the chat writes a photo, its session and its message in one statement
 * (chat/conversation/save.ts). The documents come as parallel arrays from parameter `p` on
 * (documentsInsertedParams), written only when "saved" wrote a row; `now` is the SQL of the time.
 */
export function documentsInserted(p: number, now: string): string {
  return `
"documents" AS (
  INSERT INTO "Document" ("id", "sha256", "mime", "size", "storageKey", "kind", "fileName", "caseId", "contactId", "createdAt")
  SELECT d."id", d."sha256", d."mime", d."size", d."storageKey", d."kind", d."fileName", NULL, "saved"."contactId", ${now}
  FROM "saved", unnest($${p}::text[], $${p + 1}::text[], $${p + 2}::text[], $${p + 3}::int[], $${p + 4}::text[], $${p + 5}::text[], $${p + 6}::text[])
    AS d("id", "sha256", "mime", "size", "storageKey", "kind", "fileName")
)`;
}

/** The parameters of documentsInserted, sealed as the sealed client would seal them (raw SQL sees columns as stored). */
export function documentsInsertedParams(keyring: Keyring, docs: NewDocument[]): unknown[] {
  const rows = docs.map(documentColumns);
  const seal = (field: string, value: unknown) => sealValue(keyring, 'Document', field, SEALED_FIELDS.Document![field]!, value);
  return [
    rows.map(() => rowId()),
    rows.map((r) => seal('sha256', r.sha256)),
    rows.map((r) => r.mime),
    rows.map((r) => r.size),
    rows.map((r) => r.storageKey),
    rows.map((r) => r.kind),
    rows.map((r) => seal('fileName', r.fileName)),
  ];
}
