/**
 * "绑定 1234567890" binds the WeChat contact that sends it (in a private chat) to the cadre the code
 * was issued for; "绑定群 1234567890", @-mentioning the bot in a group, binds that group to the
 * code's region (it then receives the region's case notices); "解绑" unbinds the sender. A code is
 * used once; a wrong or expired one is answered and changes nothing. A personal code posted in a
 * group has been seen by everyone there, so it is withdrawn. Failed attempts are audited.
 *
 * Guessing is bounded before any code is looked up, with atomic counters (server/core/throttle) in the
 * message's transaction: MAX_BINDING_ATTEMPTS per contact per hour, and a budget per hour for all
 * contacts together (BINDING_ATTEMPTS_PER_HOUR) — many contacts guessing at once share it. The
 * arithmetic is in the README.
 */
import type { BindingCommand } from '../../../flows/cadre/commands';
import type { Lang } from '../../../flows/engine/types';
import { t } from '../../../flows/i18n';
import { findBindingCode, redeemBindingCode } from '../../core/auth/binding-codes';
import { DbCounters } from '../../core/throttle/counter';
import { recordAudit } from '../../core/audit/record';
import type { Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

export type BindingScope = {
  tx: Tx;
  contact: { id: string; channel: string; lang: string };
  room?: { id: string; topic: string };
  now: Date;
  /** Attempts per hour from all contacts together (default DEFAULT_GLOBAL_PER_HOUR). */
  globalPerHour?: number;
};

export type BindingResult = { replies: string[]; /** the contact stopped being a cadre: its cadre session must go */ unbound?: boolean };

/** Attempts with a code per contact per hour. */
export const MAX_BINDING_ATTEMPTS = 5;
export const DEFAULT_GLOBAL_PER_HOUR = 60;
const HOUR_MS = 3_600_000;

export async function runBinding(scope: BindingScope, cmd: BindingCommand): Promise<BindingResult> {
  const lang = (scope.contact.lang as Lang) ?? 'zh-CN';
  if (cmd.kind === 'unbind') return unbind(scope, lang);
  if (cmd.code === '') return say(t(lang, cmd.kind === 'bind' ? 'cadre.bind.no_code' : 'cadre.bind.no_room_code'));
  if (!(await admitted(scope))) {
    await audit(scope, cmd.kind, false, 'binding attempts limited');
    return say(t(lang, 'cadre.bind.too_many'));
  }
  const code = await findBindingCode(scope.tx, cmd.code);
  const live = code && !code.usedAt && code.expiresAt > scope.now;

  if (cmd.kind === 'bind' && scope.room) {
    // said in a group: everyone there has seen it — a live personal code is withdrawn
    if (live && code.purpose === 'cadre') {
      await scope.tx.bindingCode.update({ where: { id: code.id }, data: { expiresAt: scope.now } });
      await audit(scope, 'bind', false, 'code posted in a group: withdrawn');
      return say(t(lang, 'cadre.bind.in_room_withdrawn'));
    }
    if (live && code.purpose === 'room') return say(t(lang, 'cadre.bind.use_bind_room', { code: cmd.code }));
    return failed(scope, lang, 'bind');
  }
  if (cmd.kind === 'bind_room' && !scope.room) {
    if (live && code.purpose === 'room') return say(t(lang, 'cadre.bind.room_in_private', { code: cmd.code }));
    return failed(scope, lang, 'bind_room');
  }
  if (cmd.kind === 'bind_room' && live && code.purpose === 'cadre') {
    await scope.tx.bindingCode.update({ where: { id: code.id }, data: { expiresAt: scope.now } });
    await audit(scope, 'bind_room', false, 'personal code posted in a group: withdrawn');
    return say(t(lang, 'cadre.bind.in_room_withdrawn'));
  }
  if (cmd.kind === 'bind' && live && code.purpose === 'room') return say(t(lang, 'cadre.bind.use_bind_room', { code: cmd.code }));

  const redeemed = await redeemBindingCode(scope.tx, code, cmd.kind === 'bind' ? 'cadre' : 'room', scope.now);
  if (!redeemed.ok) return failed(scope, lang, cmd.kind);
  if (redeemed.purpose === 'cadre') return bindCadre(scope, redeemed.cadreId);
  return bindRoom(scope, redeemed.regionId, lang);
}

async function bindCadre(scope: BindingScope, cadreId: string): Promise<BindingResult> {
  const { tx, contact } = scope;
  const cadre = await tx.cadre.findUnique({ where: { id: cadreId }, include: { region: true } });
  const lang = ((cadre?.lang as Lang | undefined) ?? (contact.lang as Lang)) || 'zh-CN';
  if (!cadre || !cadre.active) return failed(scope, lang, 'bind');
  // one contact, one cadre: a contact bound to another account moves to this one
  const previous = await tx.cadre.findUnique({ where: { contactId: contact.id } });
  if (previous && previous.id !== cadre.id) await tx.cadre.update({ where: { id: previous.id }, data: { contactId: null } });
  await tx.cadre.update({ where: { id: cadre.id }, data: { contactId: contact.id } });
  await audit(scope, 'bind', true, `cadre ${cadre.id}`);
  const replies = [t(lang, 'cadre.bind.done', { name: cadre.name, role: t(lang, `cadre.role.${cadre.role}`), region: cadre.region.name })];
  if (previous && previous.id !== cadre.id) replies.push(t(lang, 'cadre.bind.switched', { old: previous.name }));
  return { replies };
}

async function bindRoom(scope: BindingScope, regionId: string, lang: Lang): Promise<BindingResult> {
  const { tx, contact, room } = scope;
  const region = await tx.region.findUniqueOrThrow({ where: { id: regionId } });
  const topic = (room!.topic || region.name).slice(0, 200);
  await tx.roomBinding.upsert({
    where: { channel_roomId: { channel: contact.channel, roomId: room!.id } },
    create: { channel: contact.channel, roomId: room!.id, topic, regionId },
    update: { topic, regionId },
  });
  await audit(scope, 'bind_room', true, `region ${regionId}`);
  return say(t(lang, 'cadre.bind.room_done', { region: region.name }));
}

async function unbind(scope: BindingScope, lang: Lang): Promise<BindingResult> {
  const cadre = await scope.tx.cadre.findUnique({ where: { contactId: scope.contact.id } });
  if (!cadre) return say(t(lang, 'cadre.unbind.none'));
  await scope.tx.cadre.update({ where: { id: cadre.id }, data: { contactId: null } });
  await audit(scope, 'unbind', true, `cadre ${cadre.id}`);
  return { replies: [t((cadre.lang as Lang) ?? lang, 'cadre.unbind.done', { name: cadre.name })], unbound: true };
}

async function failed(scope: BindingScope, lang: Lang, action: 'bind' | 'bind_room'): Promise<BindingResult> {
  await audit(scope, action, false, 'unknown, used or expired code');
  return say(t(lang, 'cadre.bind.bad_code'));
}

/** Counts the attempt for the contact, then (if still allowed) against everyone's budget: one statement. */
async function admitted({ tx, contact, now, globalPerHour }: BindingScope): Promise<boolean> {
  return DbCounters.hitWithin(
    tx,
    [
      { key: `binding:contact:${contact.id}`, windowMs: HOUR_MS, max: MAX_BINDING_ATTEMPTS },
      { key: 'binding:all', windowMs: HOUR_MS, max: globalPerHour ?? DEFAULT_GLOBAL_PER_HOUR },
    ],
    now,
  );
}

async function audit({ tx, contact, now }: BindingScope, action: string, allowed: boolean, reason: string) {
  await recordAudit(tx, { at: now, actor: { kind: 'contact', contactId: contact.id }, action, allowed, reason });
}

const say = (text: string): BindingResult => ({ replies: [text] });
