/**
 * Mini-program uploads never filed with an application (the villager gave up, or uploaded to fill
 * the disk) expire after UPLOAD_TTL_HOURS: their rows go here, and their files then have no row,
 * so the document sweep that runs right after (server/core/documents/gc.ts) removes them once they are
 * past its grace period. Filed uploads have a case and are never touched.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { UNFILED_UPLOADS } from './kinds';

export async function expireUnfiledUploads(prisma: Pick<PrismaClient, 'document'>, ttlHours: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - ttlHours * 3600_000);
  const { count } = await prisma.document.deleteMany({ where: { ...UNFILED_UPLOADS, createdAt: { lt: cutoff } } });
  return count;
}
