/**
 * A case as a cadre sees it (server/core/cases/present.ts) — the household's ID number and phone
 * masked — or null when it does not exist or lies outside the cadre's scope (region; a verifier's
 * assignment): the two read alike, so a number's existence is not disclosed.
 *
 * Routes answer with caseDetailAudited, the only export that hands out the detail: each answer
 * that shows the case writes its access-audit entry here, so a new route cannot forget it.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { RegionTree } from '../regions/tree';
import { allowedMoves, type CadreActor, caseFactsOf, inScope } from '../../../flows/workflow';
import { presentCaseDetail } from './present';
import { recordAccess } from '../audit/access';
import { MASKS, type RevealField } from './reveal';
import type { WorkCalendar } from '../workflow/deadlines';

type Db = PrismaClient | Prisma.TransactionClient;

export type CaseDetail = ReturnType<typeof presentCaseDetail>;

/** What the answer was for, in the audit log: `case:view`, `case:transition`, `case:objection`, `case:objection-resolve`, `case:visit`. */
export type CaseDetailAction = 'case:view' | 'case:transition' | 'case:objection' | 'case:objection-resolve' | 'case:visit';

/**
 * The case detail for `actor` with the ID number and phone masked — wherever they appear: the
 * applicant, the filer's differing answers, the application's answers — its look at the case
 * written to the access audit; null (nothing written) when out of scope. The whole values are
 * handed out one at a time, audited each time, by reveal.ts ("显示完整").
 */
export async function caseDetailAudited(db: Db, caseNo: string, actor: CadreActor, now: Date, action: CaseDetailAction, calendar: WorkCalendar): Promise<CaseDetail | null> {
  const detail = await loadCaseDetail(db, caseNo, actor, now, calendar);
  if (detail) await recordAccess(db, { actor, action, caseNo, fields: ['case'], at: now });
  return detail && masked(detail);
}

function masked(d: CaseDetail): CaseDetail {
  const mask = (field: RevealField, v: unknown) => (typeof v === 'string' && v ? MASKS[field](v) : v);
  const h = d.household;
  const gave = h.filerGave as { phone?: string } | null;
  const answers = d.answers as { applicant?: Record<string, unknown> } | null;
  return {
    ...d,
    household: { ...h, idNumber: mask('idNumber', h.idNumber) as string, phone: mask('phone', h.phone) as string, filerGave: gave?.phone ? { ...gave, phone: mask('phone', gave.phone) } : h.filerGave },
    answers: answers?.applicant ? { ...answers, applicant: { ...answers.applicant, idNumber: mask('idNumber', answers.applicant.idNumber), phone: mask('phone', answers.applicant.phone) } } : d.answers,
  } as CaseDetail;
}

async function loadCaseDetail(db: Db, caseNo: string, actor: CadreActor, now: Date, calendar: WorkCalendar): Promise<CaseDetail | null> {
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
  return presentCaseDetail(row, await RegionTree.load(db), { now, calendar, objections: row.objections, cadreNames, allowedMoves: moves });
}
