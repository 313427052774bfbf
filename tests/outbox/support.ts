/**
 * Helpers for the outbox tests: WeChat bindings for demo cadres and work groups, villager
 * contacts, a move through the workflow in its own transaction, and the outbox as rows.
 */
import { actorForCadre } from '../../server/core/auth/actor';
import type { PrismaClient } from '../../server/generated/prisma/client';
import type { Actor } from '../../flows/workflow';
import { performTransition, type TransitionRequest, type TransitionResult } from '../../server/core/workflow/perform';
import type { TestServer } from '../support/server';

/** The channel of the mock bot account (what the bot's inbound calls and outbox polls name). */
export const CHANNEL = 'wechaty-puppet-mock:mock-bot';

export async function villagerContact(prisma: PrismaClient, externalId: string, lang: 'zh-CN' | 'en' = 'zh-CN', channel = CHANNEL) {
  return prisma.contact.create({ data: { channel, externalId, name: externalId, lang } });
}

/** Binds a demo cadre to a WeChat contact, as "绑定 123456" would. */
export async function bindCadre(prisma: PrismaClient, cadreId: string, externalId: string, lang: 'zh-CN' | 'en' = 'zh-CN', channel = CHANNEL) {
  const contact = await prisma.contact.create({ data: { channel, externalId, name: externalId, lang } });
  await prisma.cadre.update({ where: { id: cadreId }, data: { contactId: contact.id, lang } });
  return contact;
}

/** Binds a work group to a region, as "绑定群 123456" would. */
export async function bindRoom(prisma: PrismaClient, regionCode: string, roomId: string, channel = CHANNEL) {
  const region = await prisma.region.findUniqueOrThrow({ where: { code: regionCode } });
  return prisma.roomBinding.create({ data: { channel, roomId, topic: roomId, regionId: region.id } });
}

export async function cadreActor(srv: TestServer, key: Parameters<TestServer['cadre']>[0]): Promise<Actor> {
  const row = await srv.db.prisma.cadre.findUniqueOrThrow({ where: { id: srv.cadre(key).id } });
  return actorForCadre(srv.db.prisma, row);
}

/** One move, committed (refusals too, as the callers do). */
export async function move(srv: TestServer, actor: Actor, caseNo: string, req: TransitionRequest, now: Date): Promise<TransitionResult> {
  return srv.db.prisma.$transaction((tx) => performTransition(tx, srv.config.workflow, actor, caseNo, req, now));
}

export async function mustMove(srv: TestServer, actor: Actor, caseNo: string, req: TransitionRequest, now: Date): Promise<void> {
  const result = await move(srv, actor, caseNo, req, now);
  if (!result.ok) throw new Error(`${caseNo} ${JSON.stringify(req)} refused: ${result.code} ${result.message}`);
}

export type Row = { id: string; channel: string | null; targetType: string; targetId: string; kind: string; text: string; status: string; caseId: string | null; dedupeKey: string | null };

export async function outboxRows(prisma: PrismaClient, where: { caseId?: string } = {}): Promise<Row[]> {
  const rows = await prisma.outbox.findMany({ where, orderBy: { seq: 'asc' } });
  return rows.map((r) => ({ ...r, text: (r.payload as { text: string }).text }));
}

/** The rows written after `since` (a count of earlier rows), for "what did this move send". */
export async function rowsSince(prisma: PrismaClient, since: number, caseId?: string): Promise<Row[]> {
  return (await outboxRows(prisma, caseId ? { caseId } : {})).slice(since);
}
