/**
 * The follow-up reminder (run by the hourly deadline job, server/core/workflow/overdue.ts, under its
 * claimed tick): a monitored household with a 帮扶责任人 whose next visit is due — its last visit
 * (or the day it became monitored) plus its county's interval (follow-up.ts) — reminds that cadre
 * by chat once per due period. Set-based, county by county: one UPDATE marks the households due
 * and not yet reminded for this due day (Household.followUpRemindedFor) and returns only those;
 * a household reminded already costs nothing until its next visit moves the due day on.
 */
import { shanghaiDate } from '../../../flows/china-time';
import { formatDate, t } from '../../../flows/i18n';
import type { PrismaClient } from '../../generated/prisma/client';
import { DEFAULT_NAME_MASK, maskName } from '../notices/mask';
import { boundCadres } from '../notify/recipients';
import { enqueue } from '../outbox/enqueue';
import { currentStatics } from '../settings/workflow';
import { followUpMonthsOf } from './follow-up';

export type FollowUpDueReport = { due: number; messages: number };

const TIMEOUT_MS = 120_000;

export async function checkFollowUpsDue(prisma: PrismaClient, now: Date): Promise<FollowUpDueReport> {
  const report: FollowUpDueReport = { due: 0, messages: 0 };
  const statics = await currentStatics(prisma);
  const { tree } = statics;
  for (const county of tree.counties()) {
    const months = followUpMonthsOf(statics, county.id);
    const villages = tree.villageIdsUnder(county.id);
    if (villages.length === 0) continue;
    await prisma.$transaction(
      async (tx) => {
        const due = await tx.$queryRaw<{ id: string; due: Date }[]>`
          WITH due AS (
            SELECT h.id, GREATEST(MAX(f.day), h."monitoredSince") + make_interval(months => ${months}::int) AS due
            FROM "Household" h LEFT JOIN "FollowUp" f ON f."householdId" = h.id
            WHERE h."monitoringState" = 'monitored' AND h."responsibleCadreId" IS NOT NULL AND h."monitoredSince" IS NOT NULL
              AND h."villageId" = ANY(${villages}::text[])
            GROUP BY h.id)
          UPDATE "Household" h SET "followUpRemindedFor" = due.due
          FROM due
          WHERE h.id = due.id AND due.due <= ${now.toISOString()}::timestamp AND h."followUpRemindedFor" IS DISTINCT FROM due.due
          RETURNING h.id, due.due`;
        if (due.length === 0) return;
        const dueOf = new Map(due.map((d) => [d.id, d.due]));
        const households = await tx.household.findMany({ where: { id: { in: [...dueOf.keys()] } }, select: { id: true, villageId: true, headName: true, responsibleCadreId: true } });
        for (const h of households) {
          report.due += 1;
          const day = shanghaiDate(dueOf.get(h.id)!);
          const village = tree.byId.get(h.villageId);
          for (const r of await boundCadres(tx, [], [], [h.responsibleCadreId!])) {
            const text = t(r.lang, 'register.follow_up_due', { village: (r.lang === 'en' ? village?.nameEn : null) ?? village?.name ?? '', head: maskName(h.headName, DEFAULT_NAME_MASK), due: formatDate(r.lang, day) });
            if (await enqueue(tx, { channel: r.channel, targetType: r.targetType, targetId: r.targetId, text, kind: 'reminder', dedupeKey: `follow-up-due:${h.id}:${day}:${r.key}` }, now)) report.messages += 1;
          }
        }
      },
      { timeout: TIMEOUT_MS },
    );
  }
  return report;
}
