/**
 * What the county and town offices do with a broadcast (who may: auth/permissions.ts
 * MAY.sendBroadcasts; a town only within its own town): compose a draft for regions in its
 * reach, send it now or schedule it, cancel it — each audited. A broadcast outside the caller's
 * region reads as one that does not exist. Its life afterwards: lifecycle.ts.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { conflict, forbidden, invalid, notFound } from '../refusal';
import { type CadreActor, inJurisdiction, type Role } from '../../../flows/workflow';
import { recordAudit } from '../audit/record';
import { requireRole } from '../auth/cadre';
import { MAY } from '../auth/permissions';
import { DOCUMENT_KIND } from '../documents/kinds';
import { RegionTree } from '../regions/tree';
import { type BroadcastContent, type BroadcastTarget, defaultTitle } from './content';
import { cancelBroadcast, startBroadcast } from './lifecycle';
import { countRecipients, sampleRecipients, type AudienceSample } from './recipients';

/** How far ahead a broadcast may be scheduled. */
export const MAX_SCHEDULE_DAYS = 90;

export type BroadcastRow = Prisma.BroadcastGetPayload<{ include: { region: true; author: true } }>;
export type Draft = { title?: string; content: BroadcastContent; target: BroadcastTarget };

const withNames = { region: true, author: true } as const;

/** The broadcast `id` when the caller may see it (outside its region: not found, as for cases). */
export async function visibleBroadcast(db: PrismaClient, actor: CadreActor, id: string): Promise<BroadcastRow> {
  const b = await db.broadcast.findUnique({ where: { id }, include: withNames });
  if (!b || !inJurisdiction(actor, b.regionId)) throw notFound('broadcast');
  return b;
}

/** `may`: who may compose this one (a 公示 list goes to its own village's group: MAY.makeNotices, server/core/notices). */
export async function composeBroadcast(db: PrismaClient, actor: CadreActor, draft: Draft, now: Date, may: readonly Role[] = MAY.sendBroadcasts): Promise<BroadcastRow> {
  requireRole(actor, may, 'send broadcasts');
  const tree = await RegionTree.load(db);
  checkTargetRegions(actor, tree, draft.target);
  const target = { ...draft.target, regions: [...new Set(draft.target.regions)] };
  if (draft.content.type === 'image') {
    const doc = await db.document.findUnique({ where: { id: draft.content.documentId }, select: { kind: true } });
    if (doc?.kind !== DOCUMENT_KIND.broadcastImage) throw invalid('content.documentId: no such image (upload it with POST /api/broadcasts/images)', 'content.documentId');
  }
  return db.broadcast.create({
    data: {
      authorId: actor.id === 'admin' ? null : actor.id,
      regionId: ownRegion(actor, tree),
      title: draft.title ?? defaultTitle(draft.content),
      contentKind: draft.content.type,
      content: draft.content,
      target,
      createdAt: now,
    },
    include: withNames,
  });
}

/** Every region a target names exists and is within the caller's reach (400 naming it / 403). */
function checkTargetRegions(actor: CadreActor, tree: RegionTree, target: BroadcastTarget): void {
  target.regions.forEach((code, i) => {
    const region = tree.byCode.get(code);
    if (!region) throw invalid(`target.regions.${i}: no region has the code ${code}`, `target.regions.${i}`);
    if (!inJurisdiction(actor, region.id)) throw forbidden(`${region.name} (${code}) is outside your region`);
  });
}

/** How many a target would reach now, and the first few of them — names masked (张**), a village or a group's region — before composing. */
export async function previewAudience(db: PrismaClient, actor: CadreActor, target: BroadcastTarget, size = 5): Promise<{ count: number; sample: AudienceSample[] }> {
  requireRole(actor, MAY.sendBroadcasts, 'send broadcasts');
  const tree = await RegionTree.load(db);
  checkTargetRegions(actor, tree, target);
  const [count, sample] = await Promise.all([countRecipients(db, tree, target), sampleRecipients(db, tree, target, size)]);
  return { count, sample };
}

/** Starts it now, or at `at` (in the future, at most MAX_SCHEDULE_DAYS ahead): only a draft or a scheduled one. */
export async function sendBroadcast(db: PrismaClient, actor: CadreActor, id: string, at: Date | undefined, now: Date, may: readonly Role[] = MAY.sendBroadcasts): Promise<void> {
  requireRole(actor, may, 'send broadcasts');
  const b = await visibleBroadcast(db, actor, id);
  if (at) {
    if (at <= now) throw invalid('at: must be in the future (leave it out to send now)', 'at');
    if (at.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) throw invalid(`at: at most ${MAX_SCHEDULE_DAYS} days ahead`, 'at');
    const { count } = await db.broadcast.updateMany({ where: { id: b.id, status: { in: ['draft', 'scheduled'] } }, data: { status: 'scheduled', scheduledAt: at } });
    if (count === 0) throw notStartable(b.status);
  } else {
    const result = await startBroadcast(db, b.id, now);
    if (!result) throw notFound('broadcast');
    if (!result.started) throw notStartable(result.status);
  }
  await audit(db, actor, now, at ? 'broadcast:schedule' : 'broadcast:send', b.id);
}

/** What is not yet said is not said (lifecycle.ts cancelBroadcast). */
export async function cancelBroadcastOf(db: PrismaClient, actor: CadreActor, id: string, now: Date): Promise<void> {
  requireRole(actor, MAY.sendBroadcasts, 'cancel broadcasts');
  const b = await visibleBroadcast(db, actor, id);
  const result = await cancelBroadcast(db, b.id, now);
  if (!result) throw notFound('broadcast');
  if (!result.cancelled) throw conflict('not_cancellable', `the broadcast is ${result.status} already`);
  await audit(db, actor, now, 'broadcast:cancel', b.id);
}

const notStartable = (status: string) => conflict('not_startable', `the broadcast is ${status}: only a draft or a scheduled one can be sent`);

/** The region a broadcast of this caller belongs to: their own (ADMIN_TOKEN: the county). */
function ownRegion(actor: CadreActor, tree: RegionTree): string {
  if (actor.regionIds === null) {
    const county = [...tree.byId.values()].find((r) => r.level === 'county' && r.parentId === null);
    if (!county) throw conflict('no_county', 'no county is configured');
    return county.id;
  }
  // the top of the caller's subtree is their own region
  const own = [...actor.regionIds].find((id) => {
    const parent = tree.byId.get(id)?.parentId;
    return !parent || !actor.regionIds!.has(parent);
  });
  if (!own) throw forbidden('your account has no region');
  return own;
}

async function audit(db: PrismaClient, actor: CadreActor, at: Date, action: string, id: string): Promise<void> {
  await recordAudit(db, { at, actor, action, allowed: true, reason: id });
}
