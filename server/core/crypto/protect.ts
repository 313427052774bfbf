/**
 * Wiring for a process that opens the database: the Prisma client that seals and opens personal
 * data, and the start-up pass that seals what an older database still holds in clear (columns and
 * document files) before anything reads it.
 */
import type { Database } from '../db/connect';
import type { FileSystemDocumentStore } from '../documents/store';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../../log';
import type { Keyring } from './keyring';
import { resealColumns } from './reseal';
import { resealDocuments } from './reseal-documents';
import { sealedClient } from './sealed-client';
import { columnContext, SEALED_FIELDS } from './sealed-fields';

/** The same database, `prisma` now sealing with `keyring`; `raw` sees what is stored (migrations, reseal passes). */
export function protect(db: Database, keyring: Keyring): Database & { raw: PrismaClient } {
  return { ...db, raw: db.prisma, prisma: sealedClient(db.prisma, keyring) };
}

/**
 * Seals clear values and clear document files left by an older version. Each column (and the
 * documents) is swept once: a clean sweep is recorded in DataSetting, so later starts skip it
 * rather than scan every table again — only a column added to SEALED_FIELDS since is swept.
 * (Everything written after the first sweep goes through the sealing client.)
 */
export async function sealClearData(raw: PrismaClient, keyring: Keyring, store: FileSystemDocumentStore, log: Logger): Promise<void> {
  const swept = await readSwept(raw);
  const columns = await resealColumns(raw, keyring, { mode: 'clear', skip: new Set(swept.columns) });
  const documents = swept.documents ? { resealed: 0, failed: 0 } : await resealDocuments(raw, keyring, store, { mode: 'clear' });
  const sealed = columns.reduce((n, c) => n + c.resealed, 0);
  const failed = columns.reduce((n, c) => n + c.failed, 0) + documents.failed;
  if (sealed > 0 || documents.resealed > 0) log.info('personal data stored in clear by an older version is now sealed', { values: sealed, documents: documents.resealed });
  if (failed > 0) {
    log.error('some stored values could not be sealed or opened', { failed });
    return; // not recorded: the next start sweeps again
  }
  const all = Object.entries(SEALED_FIELDS).flatMap(([model, fields]) => Object.keys(fields).map((field) => columnContext(model, field)));
  const value = { columns: all, documents: true } satisfies Swept;
  await raw.dataSetting.upsert({ where: { key: SWEPT }, create: { key: SWEPT, value }, update: { value } });
}

const SWEPT = 'sealed-at-rest';
type Swept = { columns: string[]; documents: boolean };

async function readSwept(raw: PrismaClient): Promise<Swept> {
  const row = await raw.dataSetting.findUnique({ where: { key: SWEPT } });
  const v = row?.value as Partial<Swept> | undefined;
  return { columns: Array.isArray(v?.columns) ? v.columns : [], documents: v?.documents === true };
}
