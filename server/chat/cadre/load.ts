/**
 * Loads what the cadre step asked for (flows/cadre/step.ts needsOf): the work list, the case the
 * message is about — a short number resolved against the cases the cadre can see — with its
 * facts and objections, its detail for "查看" (only a case the cadre may see is read), and the
 * verifiers who could be assigned to it; for 统计 and 导出 the region's figures and the export
 * layouts (report.ts).
 */
import type { CadreNeeds, CadreView, CaseTarget } from '../../../flows/cadre/types';
import type { Who } from '../../../flows/cadre/text';
import type { Lang } from '../../../flows/engine/types';
import { caseFactsOf, outsideScope, type CadreActor } from '../../../flows/workflow';
import type { Prisma } from '../../generated/prisma/client';
import type { RegionTree } from '../../core/regions/tree';
import { pendingFor } from './pending';
import { resolveCaseRef } from './resolve';
import { loadCaseView } from './view';
import { assignableVerifiers } from '../../core/workflow/verifiers';
import { MAY } from '../../core/auth/permissions';
import { REVEAL_LIMIT, revealBudgetKey } from '../../core/cases/reveal';
import { DbCounters } from '../../core/throttle/counter';
import type { WorkflowSettings } from '../../core/workflow/perform';
import { cadreLedger, cadreStats } from './report';
import { cadreAlerts } from './alerts';

type Tx = Prisma.TransactionClient;

/** `workflow`: the county's time limits and calendar (统计's steps); `publicBaseUrl`: PUBLIC_BASE_URL, for links to the console. */
export type ViewScope = { tx: Tx; actor: CadreActor; who: Who; lang: Lang; inRoom: boolean; roomInRegion?: boolean; tree: RegionTree; workflow: WorkflowSettings; publicBaseUrl: string | null; now: Date };

export async function loadCadreView(scope: ViewScope, needs: CadreNeeds): Promise<CadreView> {
  const { tx, actor, tree, now } = scope;
  const view: CadreView = { lang: scope.lang, now, publicityMinDays: scope.workflow.publicityMinDays, actor, who: scope.who, inRoom: scope.inRoom, roomInRegion: scope.roomInRegion === true };
  if (needs.pending) view.pending = await pendingFor(tx, actor, tree, now);
  const report = { tx, actor, tree, region: scope.who.region, lang: scope.lang, workflow: scope.workflow, publicBaseUrl: scope.publicBaseUrl, now };
  if (needs.stats) view.stats = await cadreStats(report, needs.stats.period);
  if (needs.ledger) view.ledger = await cadreLedger(report);
  if (needs.alerts) view.alerts = await cadreAlerts(tx, actor, scope.who.region, scope.lang, now);
  if (!needs.case) return view;
  if ('ref' in needs.case) {
    const resolved = await resolveCaseRef(tx, actor, needs.case.ref, now);
    if (resolved.kind === 'ambiguous') return { ...view, target: resolved };
    return { ...view, target: await loadTarget(scope, resolved.caseNo, needs) };
  }
  return { ...view, target: await loadTarget(scope, needs.case.caseNo, needs) };
}

async function loadTarget(scope: ViewScope, caseNo: string, needs: CadreNeeds): Promise<CaseTarget> {
  const { tx, tree } = scope;
  const row = await tx.case.findUnique({ where: { caseNo } });
  const facts = row ? caseFactsOf(row) : null;
  if (!row || !facts) return { kind: 'missing', caseNo };
  // numbered as "查看" lists them: all of the case's objections, the first received first
  const objections = await tx.objection.findMany({ where: { caseId: row.id }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], select: { id: true, resolvedAt: true } });
  const target: CaseTarget = {
    kind: 'case',
    caseNo,
    facts,
    village: tree.byId.get(row.villageId)?.name ?? '',
    objectionIds: objections.map((o) => o.id),
    openObjections: objections.filter((o) => o.resolvedAt === null).length,
  };
  if (needs.detail && outsideScope(scope.actor, facts) === null) {
    const personal = !scope.inRoom;
    target.detail = await loadCaseView(tx, caseNo, tree, { personal, wholePhone: personal && (await mayRevealPhone(tx, scope.actor, scope.now)), now: scope.now });
  }
  if (needs.verifiers) target.verifiers = (await assignableVerifiers(tx, tree, row.villageId)).map((v) => ({ id: v.id, label: `${v.name}（${v.regionName}）` }));
  return target;
}

/**
 * The phone in full in a private 查看: the roles that may reveal it in the console (显示完整), on
 * the same hourly budget — a chat is no way round the console's rule. Past it, or for the auditor,
 * masked (the cadre can still open the case in the console).
 */
async function mayRevealPhone(tx: Tx, actor: CadreActor, now: Date): Promise<boolean> {
  if (!(MAY.revealIdentity as readonly string[]).includes(actor.role)) return false;
  const hit = await DbCounters.hit(tx, revealBudgetKey(actor), REVEAL_LIMIT.windowMs, now);
  return hit.count <= REVEAL_LIMIT.max;
}
