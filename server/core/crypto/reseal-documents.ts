/**
 * Document files, like the sealed columns (reseal.ts): at start, files from before documents were
 * sealed are stored again sealed under a keyed name and their rows pointed there (`clear`);
 * `npm run keys:rotate` seals every file that is not under the active key again, in place
 * (`rotate`: names depend on the index key only, so no row changes).
 */
import type { FileSystemDocumentStore } from '../documents/store';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Keyring } from './keyring';
import type { ResealMode } from './reseal';
import { sealValue } from './sealed-client';
import { SEALED_FIELDS } from './sealed-fields';

export type DocumentProgress = { files: number; resealed: number; failed: number };

export async function resealDocuments(
  raw: PrismaClient,
  keyring: Keyring,
  store: FileSystemDocumentStore,
  opts: { mode: ResealMode; batchSize?: number; onProgress?: (p: DocumentProgress & { done: boolean }) => void },
): Promise<DocumentProgress> {
  const p: DocumentProgress = { files: 0, resealed: 0, failed: 0 };
  let after = '';
  for (;;) {
    const keys = await raw.document.findMany({
      where: { storageKey: { gt: after, not: '' } },
      distinct: ['storageKey'],
      orderBy: { storageKey: 'asc' },
      select: { storageKey: true },
      take: opts.batchSize ?? 100,
    });
    if (keys.length === 0) break;
    after = keys[keys.length - 1]!.storageKey;
    for (const { storageKey } of keys) {
      p.files += 1;
      try {
        if (opts.mode === 'rotate') {
          if (await store.reseal(storageKey)) p.resealed += 1;
          continue;
        }
        const blob = await store.migrateLegacy(storageKey);
        if (!blob) continue;
        const sha256 = sealValue(keyring, 'Document', 'sha256', SEALED_FIELDS.Document!.sha256!, blob.sha256) as string;
        await raw.document.updateMany({ where: { storageKey }, data: { storageKey: blob.storageKey, sha256, size: blob.size } });
        p.resealed += 1;
      } catch {
        p.failed += 1;
      }
    }
    opts.onProgress?.({ ...p, done: false });
  }
  opts.onProgress?.({ ...p, done: true });
  return p;
}
