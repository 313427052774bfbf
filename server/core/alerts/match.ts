/**
 * Which registered household a department's row is about: the household whose head has the ID
 * number, else the household of a member with it — through the keyed blind indexes
 * (Household.headIdIndex, Member.idIndex: the same HMAC for the same number), never the number
 * itself. Only households of the department's county (`villages`): a county's office acts on its own;
 * null: any village (a cadre's round, cadre-found.ts, where a household registered twice must not be).
 */
import type { Prisma } from '../../generated/prisma/client';

export type Matched = {
  id: string;
  villageId: string;
  /** 监测对象 or 脱贫户: the lower line of a threshold rule */ special: boolean;
  /** Whose number it is: the head's, or a member's. */ by: 'head' | 'member';
};

/** Blind indexes per statement: a long `IN` list stays a few pages of the index. */
const CHUNK = 5000;

type Tx = Prisma.TransactionClient;

const special = (h: { povertyAlleviated: boolean; monitoringState: string }) => h.povertyAlleviated || h.monitoringState === 'monitored';

export async function matchHouseholds(tx: Tx, indexes: string[], villages: ReadonlySet<string> | null): Promise<Map<string, Matched>> {
  const out = new Map<string, Matched>();
  const inVillages = villages ? { villageId: { in: [...villages] } } : {};
  const select = { id: true, villageId: true, povertyAlleviated: true, monitoringState: true } as const;
  for (let i = 0; i < indexes.length; i += CHUNK) {
    const chunk = indexes.slice(i, i + CHUNK);
    const heads = await tx.household.findMany({ where: { headIdIndex: { in: chunk }, ...inVillages }, select: { ...select, headIdIndex: true } });
    for (const h of heads) out.set(h.headIdIndex!, { id: h.id, villageId: h.villageId, special: special(h), by: 'head' });
    const left = chunk.filter((ix) => !out.has(ix));
    if (left.length === 0) continue;
    const members = await tx.member.findMany({
      where: { idIndex: { in: left }, household: inVillages },
      select: { idIndex: true, household: { select } },
      orderBy: { createdAt: 'asc' },
    });
    for (const m of members) if (m.idIndex && !out.has(m.idIndex)) out.set(m.idIndex, { id: m.household.id, villageId: m.household.villageId, special: special(m.household), by: 'member' });
  }
  return out;
}
