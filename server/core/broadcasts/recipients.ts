/**
 * Who a broadcast reaches, looked up when it starts (and for the audience shown before):
 *  - villagers: contacts linked to a household of a village in the target regions, reachable
 *    through a bot (channel `puppet:account`; mini-program logins have none), not bound to a
 *    cadre account, not opted out ("退订"); narrowed to those with an open case and/or any of
 *    the tags when asked;
 *  - rooms: work groups bound to a target region or a region below it.
 * Each recipient has a stable key: the dedupe key `broadcast:<id>:<key>` makes sure nobody gets
 * the same broadcast twice, whatever is re-run.
 */
import type { Lang } from '../../../flows/i18n';
import type { Prisma } from '../../generated/prisma/client';
import { FINAL_STATUSES } from '../../../flows/workflow';
import { asLang } from '../notify/recipients';
import type { RegionTree } from '../regions/tree';
import { DRAINED_BOT_CHANNEL } from '../notify/channels';
import type { BroadcastTarget } from './content';

type Db = Pick<Prisma.TransactionClient, 'contact' | 'roomBinding'>;

export type BroadcastRecipient = {
  key: string;
  channel: string;
  targetType: 'contact' | 'room';
  targetId: string;
  lang: Lang;
  villager: boolean;
};

export async function recipientsOf(db: Db, tree: RegionTree, target: BroadcastTarget): Promise<BroadcastRecipient[]> {
  const regionIds = new Set<string>();
  for (const code of target.regions) {
    const region = tree.byCode.get(code);
    if (region) for (const id of tree.subtreeIds(region.id)) regionIds.add(id);
  }
  const villageIds = [...regionIds].filter((id) => tree.byId.get(id)?.level === 'village');
  const out: BroadcastRecipient[] = [];

  if (target.villagers && villageIds.length > 0) {
    const where: Prisma.ContactWhereInput = {
      channel: DRAINED_BOT_CHANNEL,
      publicityOptOut: false,
      cadre: { is: null },
      household: {
        villageId: { in: villageIds },
        ...(target.openCasesOnly ? { cases: { some: { status: { notIn: [...FINAL_STATUSES] } } } } : {}),
      },
      ...(target.tags.length > 0 ? { tags: { some: { tag: { in: target.tags } } } } : {}),
    };
    const contacts = await db.contact.findMany({ where, select: { id: true, channel: true, externalId: true, lang: true }, orderBy: { id: 'asc' } });
    for (const c of contacts) out.push({ key: `contact:${c.id}`, channel: c.channel, targetType: 'contact', targetId: c.externalId, lang: asLang(c.lang), villager: true });
  }

  if (target.rooms && regionIds.size > 0) {
    const rooms = await db.roomBinding.findMany({ where: { regionId: { in: [...regionIds] } }, orderBy: { id: 'asc' } });
    // work groups read Chinese: a group is many people
    for (const r of rooms) out.push({ key: `room:${r.id}`, channel: r.channel, targetType: 'room', targetId: r.roomId, lang: 'zh-CN', villager: false });
  }
  return out;
}
