/**
 * Removes document files no Document row refers to. Bytes are stored before the conversation
 * runs, so a photo sent outside an application, or one whose rows were discarded when the
 * villager cancelled, stays on disk with no row. Files younger than the grace period are never
 * touched: an upload in flight has its bytes on disk and its row not yet committed.
 *
 * Safe against a concurrent upload of the same bytes: FileSystemDocumentStore.put() refreshes the
 * mtime of a file it reuses, and a candidate is first renamed aside (atomic), then looked at again;
 * if it was refreshed or gained a row meanwhile it is put back. A quarantined file left by a crash
 * is restored on the next run. Symbolic links are never followed nor deleted.
 */
import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { lstat, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '../../generated/prisma/client';
import { startScheduledJob, type ScheduledJob } from '../jobs/scheduled';
import type { Logger } from '../../log';
import { expireUnfiledUploads } from './upload-expiry';
import { nowOf } from '../clock';

export const ORPHAN_GRACE_MS = 24 * 3600 * 1000;

export type OrphanSweepResult = {
  /** Files looked at: stored blobs, temp files and leftover quarantined files. */
  scanned: number;
  deleted: number;
  kept: number;
};

export type OrphanSweepOptions = {
  prisma: Pick<PrismaClient, 'document'>;
  /** The FileSystemDocumentStore root (config.documentsDir). */
  documentsDir: string;
  /** Only files last modified longer ago than this are deleted. */
  olderThanMs?: number;
  now?: Date;
  log?: Logger;
};

const SHARD = /^[0-9a-f]{2}$/;
const BLOB = /^[0-9a-f]{64}$/;
/** store.ts writes `<sha>.<random>.tmp`, then renames it to `<sha>`. */
const TEMP = /^[0-9a-f]{64}\.[0-9a-f]+\.tmp$/;
/** This sweep renames a candidate to `<sha>.<random>.gc` before deciding. */
const QUARANTINE = /^([0-9a-f]{64})\.[0-9a-f]+\.gc$/;

export async function collectOrphanDocuments(opts: OrphanSweepOptions): Promise<OrphanSweepResult> {
  const { prisma, documentsDir, olderThanMs = ORPHAN_GRACE_MS, now = nowOf(), log } = opts;
  const result: OrphanSweepResult = { scanned: 0, deleted: 0, kept: 0 };
  const cutoff = now.getTime() - olderThanMs;
  const isOld = (mtimeMs: number) => mtimeMs < cutoff;
  const root = path.join(documentsDir, 'sha256');

  const rootStat = await lstat(root).catch(() => undefined);
  if (!rootStat?.isDirectory()) return result; // nothing stored yet (or a symlink: not followed)

  for (const shard of await entries(root)) {
    if (!shard.isDirectory() || !SHARD.test(shard.name)) continue; // isDirectory() is false for a symlink
    const dir = path.join(root, shard.name);
    const files = (await entries(dir)).filter((f) => f.isFile()); // regular files only: no symlinks

    // Leftovers of an interrupted sweep first, so the blob they stand for is judged below.
    for (const f of files.filter((f) => QUARANTINE.test(f.name))) {
      result.scanned += 1;
      const original = path.join(dir, QUARANTINE.exec(f.name)![1]!);
      const quarantined = path.join(dir, f.name);
      const restored = await restoreIfMissing(quarantined, original);
      if (restored) result.kept += 1;
      else if (await remove(quarantined, log)) result.deleted += 1;
      else result.kept += 1;
    }

    for (const f of files.filter((f) => TEMP.test(f.name))) {
      result.scanned += 1;
      const file = path.join(dir, f.name);
      const st = await lstat(file).catch(() => undefined);
      // A young temp file is a write in progress; an old one is what a crash left behind.
      if (st?.isFile() && isOld(st.mtimeMs) && (await remove(file, log))) result.deleted += 1;
      else result.kept += 1;
    }

    const blobs = files.filter((f) => BLOB.test(f.name) && f.name.startsWith(shard.name));
    if (blobs.length === 0) continue;
    const keyOf = (name: string) => `sha256/${shard.name}/${name}`;
    const referenced = await referencedKeys(prisma, blobs.map((b) => keyOf(b.name)));
    for (const b of blobs) {
      result.scanned += 1;
      const key = keyOf(b.name);
      if (referenced.has(key)) {
        result.kept += 1;
        continue;
      }
      const deleted = await deleteIfStillOrphan(prisma, path.join(dir, b.name), key, isOld, log);
      if (deleted) result.deleted += 1;
      else result.kept += 1;
    }
  }
  log?.info('orphan documents swept', { ...result });
  return result;
}

/**
 * Renames the file aside, so a concurrent put() can no longer reuse it (it writes a fresh copy),
 * then checks again: still old and still without a row → deleted; otherwise put back.
 */
async function deleteIfStillOrphan(
  prisma: OrphanSweepOptions['prisma'],
  file: string,
  key: string,
  isOld: (mtimeMs: number) => boolean,
  log: Logger | undefined,
): Promise<boolean> {
  const before = await lstat(file).catch(() => undefined);
  if (!before?.isFile() || !isOld(before.mtimeMs)) return false;
  const quarantined = `${file}.${randomBytes(6).toString('hex')}.gc`;
  try {
    await rename(file, quarantined);
  } catch {
    return false; // gone or replaced meanwhile: nothing to do
  }
  const after = await lstat(quarantined).catch(() => undefined);
  const stillOrphan = !!after?.isFile() && isOld(after.mtimeMs) && !(await prisma.document.findFirst({ where: { storageKey: key }, select: { id: true } }));
  if (stillOrphan && (await remove(quarantined, log))) return true;
  // Same bytes under the same name: replacing a fresh copy a concurrent put() wrote is harmless.
  await rename(quarantined, file).catch((err: unknown) => log?.error('orphan sweep could not restore a document file', { key, err }));
  return false;
}

/** A quarantined file whose original name is free again is renamed back (true); else false. */
async function restoreIfMissing(quarantined: string, original: string): Promise<boolean> {
  const existing = await lstat(original).catch(() => undefined);
  if (existing) return false;
  return rename(quarantined, original).then(
    () => true,
    () => false,
  );
}

async function referencedKeys(prisma: OrphanSweepOptions['prisma'], keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // In slices: a shard can hold many files, a query only so many parameters.
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await prisma.document.findMany({ where: { storageKey: { in: keys.slice(i, i + 1000) } }, select: { storageKey: true }, distinct: ['storageKey'] });
    for (const r of rows) found.add(r.storageKey);
  }
  return found;
}

async function entries(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true }).catch(() => []);
}

async function remove(file: string, log: Logger | undefined): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') log?.warn('orphan sweep could not delete a file', { file: path.basename(file), err });
    return false;
  }
}

export type SweepJob = ScheduledJob<OrphanSweepResult>;

/**
 * Hourly (and once at start): unfiled mini-program uploads past `uploadTtlHours` lose their rows
 * (server/core/documents/upload-expiry.ts), then document files no row refers to are removed — photos
 * of cancelled applications, pictures sent outside an application, expired uploads.
 */
export function startDocumentSweep(opts: { prisma: Pick<PrismaClient, 'document' | '$executeRaw'>; documentsDir: string; log: Logger; uploadTtlHours: number }): SweepJob {
  return startScheduledJob({
    name: 'document sweep',
    pattern: '30 * * * *',
    log: opts.log,
    db: opts.prisma,
    task: async () => {
      const expired = await expireUnfiledUploads(opts.prisma, opts.uploadTtlHours, nowOf());
      if (expired > 0) opts.log.info('unfiled uploads expired', { expired });
      const result = await collectOrphanDocuments(opts);
      if (result.deleted > 0) opts.log.info('document sweep', result);
      return result;
    },
  });
}
