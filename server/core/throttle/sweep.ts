/**
 * Every ten minutes: expired throttle counters, login-code texts past their time (and their
 * unsaid messages), and one-time codes expired a day ago are deleted. Nothing depends on it for
 * correctness — expired rows are ignored where they are read — it keeps the tables small.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { startScheduledJob } from '../jobs/scheduled';
import type { Logger } from '../../log';
import { sweepSealedTexts } from '../outbox/sealed-text';
import { DbCounters } from './counter';
import { nowOf } from '../clock';

export async function sweepAuthRows(prisma: PrismaClient, now: Date): Promise<{ counters: number; secrets: number; codes: number }> {
  const counters = await DbCounters.sweep(prisma, now);
  const secrets = await sweepSealedTexts(prisma, now);
  const { count: codes } = await prisma.otpCode.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return { counters, secrets, codes };
}

export function startAuthSweep(prisma: PrismaClient, log: Logger) {
  return startScheduledJob({ name: 'auth sweep', pattern: '*/10 * * * *', log, db: prisma, task: () => sweepAuthRows(prisma, nowOf()) });
}
