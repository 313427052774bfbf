/**
 * Who hears about a case: the cadres whose role owns its status and whose region contains its
 * village, reachable in WeChat (a bound contact), and the work groups (rooms) bound to the region
 * at the status's level.
 *
 * Rooms: a room bound to a region gets the notices of that region's level — a village's room the
 * village-level steps (初审, 村级评议), a town's room the town review, a county's room the county
 * steps (县审核, 入户核查, 审批, 发放). So each group hears what its members act on, once.
 */
import { Prisma } from '../../generated/prisma/client';
import type { Lang } from '../../../flows/i18n';
import { ownersByKind, STATUS_LEVEL, type CaseStatus, type RegionLevel, type Role } from '../../../flows/workflow';

type Tx = Prisma.TransactionClient;

export type RegionRef = { id: string; name: string; nameEn: string | null; level: RegionLevel };

export type Recipient = {
  channel: string;
  targetType: 'contact' | 'room';
  targetId: string;
  lang: Lang;
  /** Stable per recipient, for dedupe keys: `cadre:<id>`, `room:<id>`, `villager:<contactId>`. */
  key: string;
  /** Rooms get the commands with "@防贫助手" in front; phone numbers never go to rooms. */
  inRoom: boolean;
};

/** The village and the regions above it, village first: one statement (a notice was three round trips walking up). */
export async function regionChain(tx: Tx, villageId: string): Promise<RegionRef[]> {
  return tx.$queryRaw<RegionRef[]>`
    WITH RECURSIVE "chain" AS (
      SELECT "id", "name", "nameEn", "level", "parentId", 1 AS "depth" FROM "Region" WHERE "id" = ${villageId}
      UNION ALL
      SELECT r."id", r."name", r."nameEn", r."level", r."parentId", c."depth" + 1 FROM "Region" r JOIN "chain" c ON r."id" = c."parentId" WHERE c."depth" < 10
    )
    SELECT "id", "name", "nameEn", "level"::text AS "level" FROM "chain" ORDER BY "depth"`;
}

export const asLang = (value: string | null | undefined): Lang => (value === 'en' ? 'en' : 'zh-CN');

/**
 * The nearest office that has a bound WeChat, going up the village's chain: its village cadres,
 * else the town's, else the county office's (private chats only). For notices someone must read
 * even where the village has not bound its account yet.
 */
export async function nearestBoundCadres(tx: Tx, chain: RegionRef[]): Promise<Recipient[]> {
  for (const role of ['village', 'town', 'county'] as const) {
    const found = await boundCadres(tx, chain, [role]);
    if (found.length > 0) return found;
  }
  return [];
}

/** A recipient as the statements below read it: a cadre with its bound contact, or a room. */
type RecipientRow = { kind: 'cadre' | 'room'; id: string; lang: string | null; channel: string; target: string };

const recipientOf = (r: RecipientRow): Recipient =>
  r.kind === 'room'
    ? { channel: r.channel, targetType: 'room', targetId: r.target, lang: 'zh-CN', key: `room:${r.id}`, inRoom: true }
    : { channel: r.channel, targetType: 'contact', targetId: r.target, lang: asLang(r.lang), key: `cadre:${r.id}`, inRoom: false };

/** Active cadres bound to WeChat, each with its contact (one statement: the contact was a second one). */
const BOUND_CADRES = Prisma.sql`
  SELECT ca."id", ca."lang", ca."role", ca."regionId", ca."createdAt", co."channel", co."externalId"
  FROM "Cadre" ca JOIN "Contact" co ON co."id" = ca."contactId"
  WHERE ca."active"`;

/** Active cadres with one of `roles` in a region of `chain` (so their subtree holds the village), bound to WeChat. */
export async function boundCadres(tx: Tx, chain: RegionRef[], roles: readonly Role[], onlyIds?: string[]): Promise<Recipient[]> {
  if (roles.length === 0 && !onlyIds) return [];
  const which = onlyIds ? Prisma.sql`ca."id" = ANY(${onlyIds}::text[])` : Prisma.sql`ca."role" = ANY(${[...roles]}::text[]) AND ca."regionId" = ANY(${chain.map((r) => r.id)}::text[])`;
  const rows = await tx.$queryRaw<{ id: string; lang: string | null; channel: string; externalId: string }[]>`${BOUND_CADRES} AND ${which} ORDER BY ca."createdAt"`;
  return rows.map((r) => recipientOf({ kind: 'cadre', id: r.id, lang: r.lang, channel: r.channel, target: r.externalId }));
}

/** Rooms bound to the region of `level` in the chain. Rooms read Chinese: a work group is many people. */
export async function boundRooms(tx: Tx, chain: RegionRef[], level: RegionLevel): Promise<Recipient[]> {
  const region = chain.find((r) => r.level === level);
  if (!region) return [];
  const rooms = await tx.roomBinding.findMany({ where: { regionId: region.id }, orderBy: { createdAt: 'asc' } });
  return rooms.map((r) => ({ channel: r.channel, targetType: 'room' as const, targetId: r.roomId, lang: 'zh-CN' as const, key: `room:${r.id}`, inRoom: true }));
}

/**
 * The cadres and rooms that act on a case in `status` (flows/workflow ownersByKind). A status
 * owned by the cadre assigned to the case (verification) goes to that cadre; when nobody it is
 * assigned to has a WeChat bound, to its fallback owners (the county office), so someone hears of it.
 */
export async function ownersOf(tx: Tx, status: CaseStatus, c: { villageId: string; verifierId: string | null }, chain?: RegionRef[]): Promise<Recipient[]> {
  const level = STATUS_LEVEL[status];
  if (!level) return [];
  const regions = chain ?? (await regionChain(tx, c.villageId));
  const owners = ownersByKind(status);
  const regionIds = regions.map((r) => r.id);
  const verifierId = owners.assigned.length > 0 ? c.verifierId : null;
  const roomRegion = regions.find((r) => r.level === level)?.id ?? null;
  // one statement: the owners (by role, then the assigned cadre), the fallback owners only when
  // there are none, then the rooms at the status's level — each part in the order it was bound
  const rows = await tx.$queryRaw<RecipientRow[]>`
    WITH "bound" AS (${BOUND_CADRES} AND (ca."regionId" = ANY(${regionIds}::text[]) OR ca."id" = ${verifierId}::text)),
    "owners" AS (
      SELECT 1 AS "part", "id", "lang", "channel", "externalId", "createdAt" FROM "bound" WHERE "role" = ANY(${[...owners.all]}::text[]) AND "regionId" = ANY(${regionIds}::text[])
      UNION ALL
      SELECT 2, "id", "lang", "channel", "externalId", "createdAt" FROM "bound" WHERE "id" = ${verifierId}::text
    )
    SELECT "part", 'cadre' AS "kind", "id", "lang", "channel", "externalId" AS "target", "createdAt" FROM "owners"
    UNION ALL
    SELECT 3, 'cadre', "id", "lang", "channel", "externalId", "createdAt" FROM "bound"
    WHERE "role" = ANY(${[...owners.fallback]}::text[]) AND "regionId" = ANY(${regionIds}::text[]) AND NOT EXISTS (SELECT 1 FROM "owners")
    UNION ALL
    SELECT 4, 'room', rb."id", NULL, rb."channel", rb."roomId", rb."createdAt" FROM "RoomBinding" rb WHERE rb."regionId" = ${roomRegion}::text
    ORDER BY "part", "createdAt"`;
  return rows.map(recipientOf);
}
