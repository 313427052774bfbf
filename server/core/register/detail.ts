/**
 * A household of the register as a cadre sees it (GET /api/households/:id): the head (ID number
 * and phone masked), its members (ID numbers masked), its cases, risks, measures, monitoring
 * history and one timeline of both — or null when it does not exist or lies outside the caller's
 * region (the two read alike). Every answer writes its access-audit row here (householdDetailAudited
 * is the only export that hands the detail out); the whole values come one at a time from reveal.ts.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { CadreActor } from '../../../flows/workflow';
import { shanghaiDate } from '../../../flows/china-time';
import { recordAccess } from '../audit/access';
import { place } from '../cases/present';
import { maskIdNumber, maskPhone } from '../cases/reveal';
import type { RegionTree } from '../regions/tree';
import { reachesHousehold } from './reach';

type Db = PrismaClient | Prisma.TransactionClient;

const day = (d: Date | null) => (d ? shanghaiDate(d) : null);

/** The subject an audit row names for a household. */
export const householdSubject = (id: string) => `household:${id}`;

export async function householdDetailAudited(db: Db, id: string, actor: CadreActor, tree: RegionTree, extras: { followUpMonths: number }, now: Date) {
  const h = await db.household.findUnique({
    where: { id },
    include: {
      members: { orderBy: { createdAt: 'asc' } },
      cases: { orderBy: { submittedAt: 'asc' }, select: { id: true, caseNo: true, status: true, cause: true, submittedAt: true, householdCategory: true, approvedAmountFen: true, measures: true, events: { orderBy: { seq: 'asc' }, select: { at: true, type: true, fromStatus: true, toStatus: true, actorType: true, actorId: true } } } },
      risks: { orderBy: { startedOn: 'asc' } },
      supportMeasures: { orderBy: [{ givenOn: 'asc' }, { createdAt: 'asc' }] },
      monitoringEvents: { orderBy: { seq: 'asc' } },
      responsibleCadre: { select: { id: true, name: true } },
      followUps: { orderBy: [{ day: 'desc' }, { createdAt: 'desc' }], take: 36, include: { photos: { orderBy: { createdAt: 'asc' }, select: { id: true, mime: true, createdAt: true } } } },
      eliminations: { orderBy: { proposedAt: 'desc' } },
    },
  });
  if (!h || !reachesHousehold(actor, h)) return null;
  const cadreIds = new Set<string>([
    ...h.monitoringEvents.flatMap((e) => (e.actorType === 'cadre' && e.actorId ? [e.actorId] : [])),
    ...h.supportMeasures.flatMap((m) => (m.recordedById ? [m.recordedById] : [])),
    ...h.followUps.map((f) => f.byId),
    ...h.eliminations.flatMap((e) => [e.proposedById, e.townById, e.countyById].filter((x): x is string => x !== null)),
    ...h.cases.flatMap((c) => c.events.flatMap((e) => (e.actorType === 'cadre' && e.actorId ? [e.actorId] : []))),
  ]);
  const cadres = cadreIds.size ? await db.cadre.findMany({ where: { id: { in: [...cadreIds] } }, select: { id: true, name: true } }) : [];
  const names = new Map(cadres.map((c) => [c.id, c.name]));
  names.set('admin', 'admin');
  const who = (type: string, id: string | null) => ({ type, id, name: id ? (names.get(id) ?? null) : null });
  const caseNos = new Map(h.cases.map((c) => [c.id, c.caseNo]));
  const caseNoOf = (caseId: string | null) => (caseId ? (caseNos.get(caseId) ?? null) : null);
  const history = h.monitoringEvents.map((e) => ({
    at: e.at.toISOString(),
    type: e.type,
    fromState: e.fromState,
    toState: e.toState,
    category: e.category,
    day: e.day,
    caseNo: caseNoOf(e.caseId),
    actor: who(e.actorType, e.actorId),
    note: e.note,
    data: e.data,
  }));
  // one timeline: the monitoring history and the cases' steps (their notes and data stay on the case page)
  const timeline = [
    ...history.map((e) => ({ at: e.at, source: 'register' as const, type: e.type, caseNo: e.caseNo, actor: e.actor })),
    ...h.cases.flatMap((c) => c.events.map((e) => ({ at: e.at.toISOString(), source: 'case' as const, type: e.type, caseNo: c.caseNo, fromStatus: e.fromStatus, toStatus: e.toStatus, actor: who(e.actorType, e.actorId) }))),
  ].sort((a, b) => a.at.localeCompare(b.at));
  await recordAccess(db, { actor, action: 'household:view', fields: ['household'], subject: householdSubject(h.id), at: now });
  return {
    id: h.id,
    ...place(tree, h.villageId),
    head: { name: h.headName, idNumber: maskIdNumber(h.headIdNumber), phone: maskPhone(h.phone) },
    size: h.size,
    povertyAlleviated: h.povertyAlleviated,
    monitoring: {
      state: h.monitoringState,
      category: h.monitoringCategory,
      since: day(h.monitoredSince),
      eliminatedOn: day(h.eliminatedOn),
      followUpMonths: extras.followUpMonths,
    },
    noLabourCapacity: h.noLabourCapacity,
    responsible: h.responsibleCadre,
    members: h.members.map((m) => ({ id: m.id, name: m.name, relation: m.relation, idNumber: m.idNumber ? maskIdNumber(m.idNumber) : null })),
    cases: h.cases.map((c) => ({
      caseNo: c.caseNo,
      status: c.status,
      cause: c.cause,
      submittedAt: c.submittedAt.toISOString(),
      decision: c.householdCategory ? { category: c.householdCategory, amountFen: c.approvedAmountFen, measures: (c.measures as string[] | null) ?? [] } : null,
    })),
    risks: h.risks.map((r) => ({ id: r.id, cause: r.cause, source: r.source, startedOn: day(r.startedOn), solvedOn: day(r.solvedOn), caseNo: caseNoOf(r.caseId), note: r.note })),
    measures: h.supportMeasures.map((m) => ({
      id: m.id,
      kind: m.kind,
      amountFen: m.amountFen,
      givenOn: day(m.givenOn),
      department: m.department,
      caseNo: caseNoOf(m.caseId),
      note: m.note,
      recordedBy: m.recordedById ? { id: m.recordedById, name: names.get(m.recordedById) ?? null } : null,
    })),
    // 走访, newest first (the last three years at a monthly interval)
    followUps: h.followUps.map((f) => ({
      id: f.id,
      day: day(f.day),
      perCapitaIncomeFen: f.perCapitaIncomeFen,
      solvedRiskIds: f.solvedRiskIds,
      note: f.note,
      by: { id: f.byId, name: names.get(f.byId) ?? null },
      // the bytes from the entitled endpoint, each look audited there
      photos: f.photos.map((p) => ({ id: p.id, mime: p.mime, createdAt: p.createdAt.toISOString(), url: `/api/documents/${p.id}` })),
    })),
    // 风险消除 proposals, newest first
    eliminations: h.eliminations.map((e) => ({
      id: e.id,
      status: e.status,
      proposedAt: e.proposedAt.toISOString(),
      proposedBy: { id: e.proposedById, name: names.get(e.proposedById) ?? null },
      townAt: e.townAt?.toISOString() ?? null,
      countyAt: e.countyAt?.toISOString() ?? null,
      note: e.note,
      reason: e.reason,
    })),
    history,
    timeline,
  };
}

export type HouseholdDetail = NonNullable<Awaited<ReturnType<typeof householdDetailAudited>>>;
