/**
 * Where document bytes live. Content-addressed: the key is derived from the SHA-256 of the
 * bytes, so storing the same photo twice keeps one copy and a write interrupted half-way never
 * leaves a corrupt file under a valid key (write to a temp file, then rename).
 * An S3-compatible store can implement the same interface.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, utimes, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export type StoredBlob = { storageKey: string; sha256: string; size: number };

export interface DocumentStore {
  put(bytes: Buffer): Promise<StoredBlob>;
  /** A stream of the bytes, or undefined when the key is unknown. */
  open(storageKey: string): Promise<Readable | undefined>;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class FileSystemDocumentStore implements DocumentStore {
  constructor(private readonly root: string) {}

  private pathFor(storageKey: string): string {
    if (!/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(storageKey)) throw new Error('invalid storage key');
    return path.join(this.root, storageKey);
  }

  async put(bytes: Buffer): Promise<StoredBlob> {
    const sha256 = sha256Hex(bytes);
    const storageKey = `sha256/${sha256.slice(0, 2)}/${sha256}`;
    const target = this.pathFor(storageKey);
    const existing = await stat(target).catch(() => undefined);
    // Reusing a file: refresh its mtime so the orphan sweep (gc.ts) sees a fresh upload and leaves
    // it alone until the row is written; if the sweep moved it away meanwhile, write it again.
    const reused = !!existing && existing.size === bytes.length && (await touch(target));
    if (!reused) {
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, bytes, { mode: 0o600 });
      await rename(tmp, target).catch(async (err) => {
        await unlink(tmp).catch(() => {});
        throw err;
      });
    }
    return { storageKey, sha256, size: bytes.length };
  }

  async open(storageKey: string): Promise<Readable | undefined> {
    const file = this.pathFor(storageKey);
    const exists = await stat(file).catch(() => undefined);
    return exists ? createReadStream(file) : undefined;
  }
}

async function touch(file: string): Promise<boolean> {
  const now = new Date();
  return utimes(file, now, now).then(
    () => true,
    () => false,
  );
}
