/**
 * Pending inbound calls on disk, one small file each (media included), so a bot process that dies
 * during a server outage loses nothing: written on arrival, removed once answered, replayed at the
 * next start in arrival order.
 *
 * A waiting message may carry an ID number or a photo of a hospital bill, so each file is sealed
 * (AES-256-GCM, key derived with HKDF from the spool secret: BOT_TOKEN for `npm run start:bot`, a
 * key of the data keyring for the embedded bot) and owner-only. Clear `.json` files written by a
 * version before this one are still replayed, then removed like any other.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pending } from './inbound';

const MAGIC = Buffer.from('FPS1');
const IV = 12;
const TAG = 16;
const SEALED = '.spool';
const LEGACY_CLEAR = '.json';

export class Spool {
  private readonly key: Buffer;

  /** `secret`: what the spool key is derived from; the same secret must read the spool after a restart. */
  constructor(
    private readonly dir: string,
    secret: string,
  ) {
    if (!secret) throw new Error('the bot spool needs a secret to seal waiting messages with');
    this.key = Buffer.from(hkdfSync('sha256', secret, 'fangpin bot spool', 'fangpin bot spool v1', 32));
  }

  /** Write (or rewrite) atomically: a crash mid-write must not leave half a file to replay. */
  async save(pending: Pending): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.fileOf(pending);
    await writeFile(`${file}.tmp`, this.seal(Buffer.from(JSON.stringify(pending), 'utf8'), path.basename(file)), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  }

  async remove(pending: Pending): Promise<void> {
    await rm(this.fileOf(pending), { force: true });
    await rm(this.fileOf(pending, LEGACY_CLEAR), { force: true });
  }

  /** Everything left by an earlier run, oldest first. */
  async load(): Promise<Pending[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith(SEALED) || n.endsWith(LEGACY_CLEAR)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const pending: Pending[] = [];
    for (const name of names) {
      const file = path.join(this.dir, name);
      try {
        const bytes = await readFile(file);
        const text = name.endsWith(SEALED) ? this.open(bytes, name).toString('utf8') : bytes.toString('utf8');
        pending.push(JSON.parse(text) as Pending);
      } catch {
        // another secret, a damaged file: keep it for a human to look at, but never replay it again
        console.error(`[bot] spool: unreadable ${name} (damaged, or sealed with another secret), renamed to .bad`);
        await rename(file, `${file}.bad`);
      }
    }
    return pending;
  }

  /** Sortable by arrival; the message id is hashed because puppets' ids are not file-name safe. */
  private fileOf(pending: Pending, ext = SEALED): string {
    const id = createHash('sha256').update(pending.inbound.messageId).digest('hex').slice(0, 16);
    return path.join(this.dir, `${String(pending.seq).padStart(15, '0')}-${id}${ext}`);
  }

  /** Bound to its file name: a file copied under another name does not open. */
  private seal(plain: Buffer, name: string): Buffer {
    const iv = randomBytes(IV);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(name));
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), ct]);
  }

  private open(file: Buffer, name: string): Buffer {
    if (file.length < MAGIC.length + IV + TAG || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a sealed spool file');
    const iv = file.subarray(MAGIC.length, MAGIC.length + IV);
    const tag = file.subarray(MAGIC.length + IV, MAGIC.length + IV + TAG);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(name)).setAuthTag(tag);
    return Buffer.concat([decipher.update(file.subarray(MAGIC.length + IV + TAG)), decipher.final()]);
  }
}
