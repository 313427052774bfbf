/**
 * Wiring for a process that opens the database: the Prisma client that seals and opens personal
 * data, and the start-up pass that seals what an older database still holds in clear (columns and
 * document files) before anything reads it.
 */
import type { Database } from '../db/connect';
import type { FileSystemDocumentStore } from '../documents/store';
import type { PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../log';
import type { Keyring } from './keyring';
import { resealColumns } from './reseal';
import { resealDocuments } from './reseal-documents';
import { sealedClient } from './sealed-client';

/** The same database, `prisma` now sealing with `keyring`; `raw` sees what is stored (migrations, reseal passes). */
export function protect(db: Database, keyring: Keyring): Database & { raw: PrismaClient } {
  return { ...db, raw: db.prisma, prisma: sealedClient(db.prisma, keyring) };
}

/** Seals clear values and clear document files left by an older version; quick when there are none. */
export async function sealClearData(raw: PrismaClient, keyring: Keyring, store: FileSystemDocumentStore, log: Logger): Promise<void> {
  const columns = await resealColumns(raw, keyring, { mode: 'clear' });
  const documents = await resealDocuments(raw, keyring, store, { mode: 'clear' });
  const sealed = columns.reduce((n, c) => n + c.resealed, 0);
  const failed = columns.reduce((n, c) => n + c.failed, 0) + documents.failed;
  if (sealed > 0 || documents.resealed > 0) log.info('personal data stored in clear by an older version is now sealed', { values: sealed, documents: documents.resealed });
  if (failed > 0) log.error('some stored values could not be sealed or opened', { failed });
}
