/**
 * Pending inbound calls on disk, one small JSON file each (media included, base64), so a bot
 * process that dies during a server outage loses nothing: written on arrival, removed once
 * answered, replayed at the next start in arrival order.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pending } from './inbound';

export class Spool {
  constructor(private readonly dir: string) {}

  /** Write (or rewrite) atomically: a crash mid-write must not leave half a file to replay. */
  async save(pending: Pending): Promise<void> {
    // Owner-only: a waiting message may carry an ID number or a photo of a hospital bill.
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.fileOf(pending);
    await writeFile(`${file}.tmp`, JSON.stringify(pending), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  }

  async remove(pending: Pending): Promise<void> {
    await rm(this.fileOf(pending), { force: true });
  }

  /** Everything left by an earlier run, oldest first. */
  async load(): Promise<Pending[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.json')).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const pending: Pending[] = [];
    for (const name of names) {
      const file = path.join(this.dir, name);
      try {
        pending.push(JSON.parse(await readFile(file, 'utf8')) as Pending);
      } catch {
        // keep it for a human to look at, but never replay it again
        console.error(`[bot] spool: unreadable ${name}, renamed to .bad`);
        await rename(file, `${file}.bad`);
      }
    }
    return pending;
  }

  /** Sortable by arrival; the message id is hashed because puppets' ids are not file-name safe. */
  private fileOf(pending: Pending): string {
    const id = createHash('sha256').update(pending.inbound.messageId).digest('hex').slice(0, 16);
    return path.join(this.dir, `${String(pending.seq).padStart(15, '0')}-${id}.json`);
  }
}
