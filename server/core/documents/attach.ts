/**
 * The one place a Document row is created, for bytes already checked where they arrived (type
 * sniffed, pixels, caps) and stored (DocumentStore.put): the chat's photos and supplements, the
 * mini-program's uploads and supplements, a cadre's photos, a broadcast's image.
 */
import type { Document, Prisma, PrismaClient } from '../../generated/prisma/client';
import { stripControlChars } from '../../http/control-chars';
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
  /** When it was received; the database's clock when not given. */
  at?: Date;
};

export function attachDocument(db: Db, doc: NewDocument): Promise<Document> {
  return db.document.create({
    data: {
      sha256: doc.sha256,
      mime: doc.mime,
      size: doc.size,
      storageKey: doc.storageKey,
      kind: doc.kind,
      fileName: doc.fileName == null ? null : safeFileName(doc.fileName),
      caseId: doc.caseId ?? null,
      contactId: doc.contactId ?? null,
      ...(doc.at ? { createdAt: doc.at } : {}),
    },
  });
}
