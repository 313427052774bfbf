/**
 * Who a broadcast reaches, looked up when it starts (and counted for the audience shown before):
 *  - villagers: contacts linked to a household of a village in the target regions, reachable
 *    through a bot (channel `puppet:account`; mini-program logins have none), not bound to a
 *    cadre account, not opted out ("退订"); narrowed to those with an open case and/or any of
 *    the tags when asked;
 *  - rooms: work groups bound to a target region or a region below it.
 * Each recipient has a stable key: the dedupe key `broadcast:<id>:<key>` makes sure nobody gets
 * the same broadcast twice, whatever is re-run.
 *
 * The recipients are one SQL query (never loaded row by row: a province's broadcast reaches a
 * million): lifecycle.ts expands it with INSERT … SELECT, the audience is its count. Each row
 * carries its `variant` — what it is told differs only by that (a villager's "退订" line in their
 * language; a work group reads Chinese).
 */
import type { Lang } from '../../../flows/i18n';
import { Prisma } from '../../generated/prisma/client';
import { FINAL_STATUSES } from '../../../flows/workflow';
import type { RegionTree } from '../regions/tree';
import { DRAINED_BOT_CHANNEL } from '../notify/channels';
import type { BroadcastTarget } from './content';

type Db = Pick<Prisma.TransactionClient, '$queryRaw'>;

/** What a recipient is told depends on this only (content.ts messageFor). */
export type RecipientVariant = { lang: Lang; villager: boolean };
export const VARIANTS: Record<string, RecipientVariant> = {
  'villager:zh-CN': { lang: 'zh-CN', villager: true },
  'villager:en': { lang: 'en', villager: true },
  // work groups read Chinese: a group is many people
  room: { lang: 'zh-CN', villager: false },
};

/** One recipient as the SQL yields it. */
export type BroadcastRecipient = { key: string; channel: string; targetType: 'contact' | 'room'; targetId: string; variant: keyof typeof VARIANTS };

/**
 * SELECT key, channel, "targetType", "targetId", variant, ord — villagers first, then rooms, each
 * in id order (`ord` keeps the write order of the expansion). Empty when the target names nothing.
 */
export function recipientsSql(tree: RegionTree, target: BroadcastTarget): Prisma.Sql {
  const regionIds = new Set<string>();
  for (const code of target.regions) {
    const region = tree.byCode.get(code);
    if (region) for (const id of tree.subtreeIds(region.id)) regionIds.add(id);
  }
  const villageIds = [...regionIds].filter((id) => tree.byId.get(id)?.level === 'village');
  const parts: Prisma.Sql[] = [];
  if (target.villagers && villageIds.length > 0) {
    const openCase = target.openCasesOnly
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Case" k WHERE k."householdId" = h.id AND k.status <> ALL(${[...FINAL_STATUSES]}::text[]))`
      : Prisma.empty;
    const tagged = target.tags.length > 0 ? Prisma.sql`AND EXISTS (SELECT 1 FROM "ContactTag" t WHERE t."contactId" = c.id AND t.tag = ANY(${target.tags}::text[]))` : Prisma.empty;
    parts.push(Prisma.sql`
      SELECT 'contact:' || c.id AS key, c.channel, 'contact' AS "targetType", c."externalId" AS "targetId",
        CASE WHEN c.lang = 'en' THEN 'villager:en' ELSE 'villager:zh-CN' END AS variant, 0 AS part, c.id AS sort
      FROM "Contact" c JOIN "Household" h ON h.id = c."householdId"
      WHERE h."villageId" = ANY(${villageIds}::text[]) AND strpos(c.channel, ${DRAINED_BOT_CHANNEL.contains}) > 0 AND NOT c."publicityOptOut"
        AND NOT EXISTS (SELECT 1 FROM "Cadre" cd WHERE cd."contactId" = c.id) ${openCase} ${tagged}`);
  }
  if (target.rooms && regionIds.size > 0) {
    parts.push(Prisma.sql`
      SELECT 'room:' || r.id AS key, r.channel, 'room' AS "targetType", r."roomId" AS "targetId", 'room' AS variant, 1 AS part, r.id AS sort
      FROM "RoomBinding" r WHERE r."regionId" = ANY(${[...regionIds]}::text[])`);
  }
  if (parts.length === 0) return Prisma.sql`SELECT NULL::text AS key, NULL::text AS channel, NULL::text AS "targetType", NULL::text AS "targetId", NULL::text AS variant, 0::bigint AS ord WHERE false`;
  return Prisma.sql`SELECT key, channel, "targetType", "targetId", variant, row_number() OVER (ORDER BY part, sort) AS ord FROM (${Prisma.join(parts, ' UNION ALL ')}) u`;
}

/** How many a broadcast would reach now. */
export async function countRecipients(db: Db, tree: RegionTree, target: BroadcastTarget): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${recipientsSql(tree, target)}) r`;
  return row?.n ?? 0;
}

/** The first recipient of each variant (whose message is written, and so sealed, first). */
export async function firstOfEachVariant(db: Db, tree: RegionTree, target: BroadcastTarget): Promise<BroadcastRecipient[]> {
  return db.$queryRaw<BroadcastRecipient[]>`
    SELECT DISTINCT ON (variant) key, channel, "targetType", "targetId", variant FROM (${recipientsSql(tree, target)}) r ORDER BY variant, ord`;
}

/** One recipient as an audience preview shows it: the WeChat name masked but its first character. */
export type AudienceSample = { kind: 'contact' | 'room'; name: string; village: string | null };

/** A name shown in a preview: its first character, the rest starred (张三丰 → 张**). */
export function maskedName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '*';
  return chars[0] + '*'.repeat(Math.max(1, Math.min(chars.length - 1, 4)));
}

/**
 * The first `n` recipients (in send order) with masked names and their village (a group: its
 * region). Names are read through the client (`db`), which opens the sealed ones.
 */
export async function sampleRecipients(db: Db & Pick<Prisma.TransactionClient, 'contact'>, tree: RegionTree, target: BroadcastTarget, n: number): Promise<AudienceSample[]> {
  const rows = await db.$queryRaw<{ targetType: 'contact' | 'room'; id: string; topic: string | null; regionId: string | null }[]>`
    SELECT r."targetType", substr(r.key, strpos(r.key, ':') + 1) AS id, rb.topic, COALESCE(h."villageId", rb."regionId") AS "regionId"
    FROM (${recipientsSql(tree, target)}) r
    LEFT JOIN "Contact" c ON r."targetType" = 'contact' AND c.id = substr(r.key, 9)
    LEFT JOIN "Household" h ON h.id = c."householdId"
    LEFT JOIN "RoomBinding" rb ON r."targetType" = 'room' AND rb.id = substr(r.key, 6)
    ORDER BY r.ord LIMIT ${n}`;
  const ids = rows.filter((r) => r.targetType === 'contact').map((r) => r.id);
  const names = new Map((await db.contact.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]));
  return rows.map((r) => ({
    kind: r.targetType,
    // a work group's topic is no person's name
    name: r.targetType === 'room' ? (r.topic ?? '') : maskedName(names.get(r.id) ?? ''),
    village: r.regionId ? (tree.byId.get(r.regionId)?.name ?? null) : null,
  }));
}
