/**
 * Where document bytes live: metadata stripped (GPS above all, metadata.ts), then sealed with
 * the keyring and written under a key that is a keyed digest of the content
 * (`sha256/<2 hex>/<HMAC(index key, sha256)>`): storing the same photo twice keeps one copy, but
 * whoever holds a photo cannot tell from the folder whether it is stored, and the file says
 * nothing without the data key. A write goes to a temp file, then is renamed, so a crash never
 * leaves a corrupt file under a valid key. An S3-compatible store can implement the same interface.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, utimes, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Keyring } from '../crypto/keyring';
import { stripMetadata } from './metadata';
import { nowOf } from '../clock';

/** `sha256` is the digest of the stored (stripped) bytes; its column is sealed. */
export type StoredBlob = { storageKey: string; sha256: string; size: number };

export interface DocumentStore {
  put(bytes: Buffer): Promise<StoredBlob>;
  /** A stream of the bytes, or undefined when the key is unknown. */
  open(storageKey: string): Promise<Readable | undefined>;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const STORAGE_KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

export class FileSystemDocumentStore implements DocumentStore {
  constructor(
    private readonly root: string,
    private readonly keyring: Keyring,
  ) {}

  private pathFor(storageKey: string): string {
    if (!STORAGE_KEY.test(storageKey)) throw new Error('invalid storage key');
    return path.join(this.root, storageKey);
  }

  /** The storage key the given (already stripped) bytes are kept under. */
  storageKeyOf(sha256: string): string {
    const name = this.keyring.digest('document', sha256);
    return `sha256/${name.slice(0, 2)}/${name}`;
  }

  async put(original: Buffer): Promise<StoredBlob> {
    const bytes = await stripMetadata(original);
    const sha256 = sha256Hex(bytes);
    const storageKey = this.storageKeyOf(sha256);
    const target = this.pathFor(storageKey);
    // Reusing a file: refresh its mtime so the orphan sweep (gc.ts) sees a fresh upload and leaves
    // it alone until the row is written; if the sweep moved it away meanwhile, write it again.
    const reused = !!(await stat(target).catch(() => undefined)) && (await touch(target));
    if (!reused) await this.write(target, this.keyring.sealBytes(bytes, storageKey));
    return { storageKey, sha256, size: bytes.length };
  }

  async open(storageKey: string): Promise<Readable | undefined> {
    const bytes = await this.read(storageKey);
    return bytes ? Readable.from(bytes) : undefined;
  }

  /** The clear bytes, or undefined when the key is unknown; a file not sealed for this key is refused. */
  async read(storageKey: string): Promise<Buffer | undefined> {
    const file = await readFile(this.pathFor(storageKey)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    return file ? this.keyring.openBytes(file, storageKey) : undefined;
  }

  /**
   * keys:rotate: seals the file again under the active key when it is not already. The file's
   * name does not change (it depends on the index key only). Returns whether it was rewritten.
   */
  async reseal(storageKey: string): Promise<boolean> {
    const target = this.pathFor(storageKey);
    const file = await readFile(target).catch(() => undefined);
    if (!file || this.keyring.isCurrent(file)) return false;
    await this.write(target, this.keyring.sealBytes(this.keyring.openBytes(file, storageKey), storageKey));
    return true;
  }

  /**
   * A file written before documents were sealed (clear bytes under their plain SHA-256): stored
   * again the way put() stores, and the old file removed. Undefined when the file is already
   * sealed or missing. The caller points the Document rows at the new key.
   */
  async migrateLegacy(storageKey: string): Promise<StoredBlob | undefined> {
    const file = await readFile(this.pathFor(storageKey)).catch(() => undefined);
    if (!file || this.keyring.keyIdOf(file) !== undefined) return undefined;
    const blob = await this.put(file);
    if (blob.storageKey !== storageKey) await unlink(this.pathFor(storageKey)).catch(() => {});
    return blob;
  }

  private async write(target: string, sealed: Buffer): Promise<void> {
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, sealed, { mode: 0o600 });
    await rename(tmp, target).catch(async (err) => {
      await unlink(tmp).catch(() => {});
      throw err;
    });
  }
}

async function touch(file: string): Promise<boolean> {
  const now = nowOf();
  return utimes(file, now, now).then(
    () => true,
    () => false,
  );
}
