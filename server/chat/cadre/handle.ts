/**
 * One message from a bound cadre (private chat, or @-mentioning the bot in any group): read it,
 * load what the pure step needs (flows/cadre/step.ts), call the step, carry out its effects in
 * the caller's transaction (effects.ts: the workflow's moves, objections, visits, the audit, the
 * photos) and answer with the step's replies and the effects' outcomes, in the cadre's language.
 */
import { describeCadreOutcome } from '../../../flows/cadre/outcome';
import { cadreStep, needsOf, readInbound } from '../../../flows/cadre/step';
import { isCadreState, type CadreState } from '../../../flows/cadre/types';
import type { Inbound, Lang } from '../../../flows/engine/types';
import { allowedMoves, type CadreActor } from '../../../flows/workflow';
import type { Prisma } from '../../generated/prisma/client';
import type { RegionTree } from '../../core/regions/tree';
import type { WorkflowSettings } from '../../core/workflow/perform';
import { runCadreEffects } from './effects';
import { loadCadreView } from './load';

export type CadreInput = {
  tx: Prisma.TransactionClient;
  actor: CadreActor & { lang: string; regionId: string };
  contact: { id: string };
  /** Said in a group: no ID number or phone in the answer. */
  inRoom: boolean;
  /** The group it was said in (with inRoom): whether it is a work group bound within the cadre's region decides where 统计 is answered. */
  room?: { channel: string; id: string };
  inbound: Inbound;
  /** The contact's stored session state (a villager's, or nothing, the first time). */
  state: unknown;
  tree: RegionTree;
  workflow: WorkflowSettings;
  /** PUBLIC_BASE_URL: 统计 and 导出 link the console's pages on it (unset: they name the page). */
  publicBaseUrl?: string;
  now: Date;
};

export type CadreAnswer = { state: CadreState; replies: string[] };

export async function handleCadreMessage(input: CadreInput): Promise<CadreAnswer> {
  const { tx, actor, tree, now } = input;
  const lang: Lang = actor.lang === 'en' ? 'en' : 'zh-CN';
  const state = isCadreState(input.state) ? input.state : null;
  const inbound = readInbound(input.inbound);
  const who = { name: actor.name, role: actor.role, region: tree.byId.get(actor.regionId)?.name ?? '' };
  const roomInRegion = input.inRoom && input.room ? await roomWithin(tx, input.room, tree.subtreeIds(actor.regionId)) : false;
  const scope = { tx, actor, who, lang, inRoom: input.inRoom, roomInRegion, tree, workflow: input.workflow, publicBaseUrl: input.publicBaseUrl ?? null, now };
  const view = await loadCadreView(scope, needsOf(state, inbound, now));
  const moves = view.target?.kind === 'case' ? allowedMoves(actor, view.target.facts) : [];
  const turn = cadreStep(state, inbound, view, moves);
  const outcomes = await runCadreEffects({ tx, actor, contact: input.contact, workflow: input.workflow, now }, turn.effects);
  const said = outcomes.map((o) => describeCadreOutcome(o, view, turn.state.lang));
  return { state: turn.state, replies: [...turn.replies, ...said].filter((line) => line.trim() !== '') };
}

/** Whether the group is a work group bound (绑定工作群) to one of `regions`. */
async function roomWithin(tx: Prisma.TransactionClient, room: { channel: string; id: string }, regions: Set<string>): Promise<boolean> {
  const bound = await tx.roomBinding.findUnique({ where: { channel_roomId: { channel: room.channel, roomId: room.id } }, select: { regionId: true } });
  return bound !== null && regions.has(bound.regionId);
}
