/**
 * What uploads may cost. A review found 40 × 2 MB mini-program uploads of one villager all
 * accepted and never removed when not filed, and 30 concurrent 20 MB uploads holding 2.2 GB (multer
 * keeps a body in memory until the route is done with it). So:
 *  - at most `concurrency` upload bodies are read at once in this process, across every upload path
 *    (mini-program uploads and supplements, the bot's media, broadcast images); the next one waits
 *    up to `waitMs` for a place, unread (its bytes stay in the socket), behind a bounded queue, then
 *    is refused with 503 and Retry-After — memory stays within about concurrency × MAX_UPLOAD_BYTES.
 *    A place is held while a body is read, checked and stored, not through the work after (the
 *    bot's conversation turn): under load the event loop reads bodies slowly, and refusing at once
 *    made photos fail while the disk had room (bench/README.md);
 *  - a villager's unfiled uploads (and the supplements of one returned case) hold at most
 *    `maxFiles` files and `maxTotalBytes` bytes: checked before the body is read, again before its
 *    bytes are stored, and once more after the row is written (two uploads racing past the first
 *    checks cannot both stay: the one that finds the total over removes its own row);
 *  - `perMinute` / `perHour` uploads per villager (the mini-program's callers share carrier NAT
 *    addresses, so the villager rather than the address is the client here);
 *  - unfiled uploads expire after `ttlHours` (server/core/documents/upload-expiry.ts).
 */
import { t } from '../../../flows/i18n';
import type { Lang } from '../../../flows/engine/types';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { CoreRefusal } from '../refusal';
import { ClientLimiter } from '../throttle/clients';
import { Gate } from '../throttle/gate';

export type UploadSettings = { maxFiles: number; maxTotalBytes: number; perMinute: number; perHour: number; concurrency: number; waitMs: number; ttlHours: number };

/** Which documents one cap covers: a villager's unfiled uploads, or the supplements of a case. */
export type UploadPile = Prisma.DocumentWhereInput;

/** Seconds a caller refused for a full gate is asked to wait: uploads are short. */
const BUSY_RETRY_SECONDS = 5;
/** Callers waiting for a place, per place: enough for a burst of a village meeting's photos, not a flood. */
const WAITING_PER_PLACE = 8;

export class UploadGuard {
  private readonly gate: Gate;
  private readonly rate: ClientLimiter;

  constructor(readonly settings: UploadSettings) {
    this.gate = new Gate(settings.concurrency);
    this.rate = new ClientLimiter({ perMinute: settings.perMinute, perHour: settings.perHour });
  }

  /** Runs `work` (which reads and stores the body, nothing more) holding a place; refuses (503) when none came within `waitMs`. */
  async withBody<T>(lang: Lang, work: () => Promise<T>): Promise<T> {
    const release = await this.gate.enter(this.settings.waitMs, this.settings.concurrency * WAITING_PER_PLACE);
    if (!release) throw new CoreRefusal('busy', 'busy', t(lang, 'media.uploads_busy'), 'file', BUSY_RETRY_SECONDS);
    try {
      return await work();
    } finally {
      release();
    }
  }

  /** Counts an upload of `villager`; 429 with Retry-After past the rate. */
  takeRate(lang: Lang, villager: string, now: Date): void {
    const refused = this.rate.take('upload', villager, now);
    if (refused) throw new CoreRefusal('too_many', 'too_many_requests', t(lang, 'media.upload_rate'), 'file', refused.retryAfterSeconds);
  }

  /** Refuses when `pile` plus `adding` more bytes (and one more file) would pass the caps: 429 for the count, 413 for the bytes. */
  async admit(prisma: Pick<PrismaClient, 'document'>, lang: Lang, pile: UploadPile, adding: number): Promise<void> {
    const { files, bytes } = await this.measure(prisma, pile);
    this.refuseOver(lang, files + 1, bytes + adding);
  }

  /** After the row is written: the pile (with it) must be within the caps, or the row is removed and the upload refused. */
  async settle(prisma: Pick<PrismaClient, 'document'>, lang: Lang, pile: UploadPile, documentId: string): Promise<void> {
    const { files, bytes } = await this.measure(prisma, pile);
    try {
      this.refuseOver(lang, files, bytes);
    } catch (err) {
      await prisma.document.deleteMany({ where: { id: documentId } });
      throw err;
    }
  }

  private async measure(prisma: Pick<PrismaClient, 'document'>, pile: UploadPile) {
    const agg = await prisma.document.aggregate({ where: pile, _count: { _all: true }, _sum: { size: true } });
    return { files: agg._count._all, bytes: agg._sum.size ?? 0 };
  }

  private refuseOver(lang: Lang, files: number, bytes: number): void {
    const { maxFiles, maxTotalBytes } = this.settings;
    if (files > maxFiles) throw new CoreRefusal('too_many', 'too_many_uploads', t(lang, 'media.too_many_uploads', { n: maxFiles }), 'file');
    if (bytes > maxTotalBytes) throw new CoreRefusal('too_large', 'uploads_too_large', t(lang, 'media.uploads_too_large', { mb: Math.floor(maxTotalBytes / 1024 / 1024) }), 'file');
  }
}
