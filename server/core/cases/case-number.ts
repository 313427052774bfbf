/**
 * Case numbers FP-<year>-<6 digits>, allocated inside the filing transaction: the counter row is
 * locked by the UPDATE, so two filings never get the same number and a rolled-back filing
 * gives its number back.
 */
import type { Prisma } from '../../generated/prisma/client';

export async function allocateCaseNumber(tx: Prisma.TransactionClient, year: number): Promise<string> {
  const counter = await tx.caseCounter.upsert({
    where: { year },
    create: { year, last: 1 },
    update: { last: { increment: 1 } },
  });
  return `FP-${year}-${String(counter.last).padStart(6, '0')}`;
}
