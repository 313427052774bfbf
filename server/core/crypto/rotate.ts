/**
 * `npm run keys:rotate`: every sealed value and document file not under the active key (the first
 * of FANGPIN_DATA_KEY / the key file) or not under DATA_CIPHER is sealed again, in batches, each
 * its own short transaction — safe while the server runs on PostgreSQL. Idempotent: a second run
 * finds nothing to do. The index key is not rotated (every blind index and document name would change).
 */
import type { FileSystemDocumentStore } from '../documents/store';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Keyring } from './keyring';
import { resealColumns, type ColumnProgress } from './reseal';
import { resealDocuments, type DocumentProgress } from './reseal-documents';

export type RotationResult = { columns: ColumnProgress[]; documents: DocumentProgress; failed: number };

export async function rotateKeys(raw: PrismaClient, keyring: Keyring, store: FileSystemDocumentStore, opts: { batchSize?: number; print?: (line: string) => void } = {}): Promise<RotationResult> {
  const print = opts.print ?? (() => {});
  print(`sealing everything under key "${keyring.activeKeyId}" (${keyring.cipher})`);
  const columns = await resealColumns(raw, keyring, {
    mode: 'rotate',
    batchSize: opts.batchSize,
    onProgress: (p) => {
      if (p.done) print(`  ${p.column}: ${p.resealed} sealed again${p.failed ? `, ${p.failed} could not be opened` : ''}`);
      else print(`  ${p.column}: ${p.resealed} so far…`);
    },
  });
  const documents = await resealDocuments(raw, keyring, store, {
    mode: 'rotate',
    batchSize: opts.batchSize,
    onProgress: (p) => print(`  documents: ${p.resealed} of ${p.files} files sealed again${p.failed ? `, ${p.failed} failed` : ''}${p.done ? '' : '…'}`),
  });
  const failed = columns.reduce((n, c) => n + c.failed, 0) + documents.failed;
  return { columns, documents, failed };
}
