/**
 * Loads a case as a cadre sees it (server/cases/present.ts), or null when it does not exist or
 * lies outside the cadre's scope (region; a verifier's assignment) — the two read alike, so a
 * number's existence is not disclosed.
 */
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { RegionTree } from '../regions/tree';
import { inScope, type CadreActor } from '../workflow/actor';
import { allowedMoves } from '../workflow/allowed';
import { caseFactsOf } from '../workflow/transitions';
import { presentCaseDetail } from './present';

type Db = PrismaClient | Prisma.TransactionClient;

export type CaseDetail = ReturnType<typeof presentCaseDetail>;

export async function loadCaseDetail(db: Db, caseNo: string, actor: CadreActor, now: Date, tree?: RegionTree): Promise<CaseDetail | null> {
  const row = await db.case.findUnique({
    where: { caseNo },
    include: {
      household: true,
      documents: { orderBy: { createdAt: 'asc' } },
      events: { orderBy: { seq: 'asc' } },
      objections: { orderBy: { receivedAt: 'asc' } },
    },
  });
  if (!row || !inScope(actor, row)) return null;
  const ids = new Set<string>([...(row.verifierId ? [row.verifierId] : []), ...row.events.flatMap((e) => (e.actorType === 'cadre' && e.actorId ? [e.actorId] : [])), ...row.objections.flatMap((o) => (o.recordedById ? [o.recordedById] : []))]);
  const cadres = ids.size ? await db.cadre.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } }) : [];
  const cadreNames = new Map(cadres.map((c) => [c.id, c.name]));
  cadreNames.set('admin', 'admin');
  const facts = caseFactsOf(row);
  const moves = facts ? allowedMoves(actor, facts) : [];
  return presentCaseDetail(row, tree ?? (await RegionTree.load(db)), { now, objections: row.objections, cadreNames, allowedMoves: moves });
}
