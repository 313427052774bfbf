/**
 * The 公示 list a case is on today: a notice posted (stored — a preview is not) for the case's
 * village, not withdrawn, whose own days (startDay … endDay, China dates) cover today, with the
 * case among its rows as posted. Several: the latest posted. An objection recorded from the case
 * page or by chat is tied to it (workflow/objections.ts), as one recorded from its row is.
 */
import { shanghaiDate } from '../../../flows/china-time';
import type { Prisma } from '../../generated/prisma/client';
import type { NoticeRow } from './rows';

type Tx = Prisma.TransactionClient;

export async function noticeOnBoard(tx: Tx, c: { caseNo: string; villageId: string }, now: Date): Promise<string | null> {
  const today = shanghaiDate(now);
  const notices = await tx.publicNotice.findMany({
    where: { villageId: c.villageId, withdrawnAt: null, startDay: { lte: today }, endDay: { gte: today } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: { id: true, rows: true },
  });
  const on = notices.find((n) => Array.isArray(n.rows) && (n.rows as unknown as NoticeRow[]).some((r) => r.caseNo === c.caseNo));
  return on?.id ?? null;
}
