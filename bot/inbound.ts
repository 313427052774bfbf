/**
 * wechaty Message → the server's inbound call (see the contract in DESIGN.md / the bot issue):
 *   { messageId, bot: { puppet, accountId }, from: { id, name, alias? }, room?: { id, topic },
 *     type: "text", text } | { ...same, type: "image" | "file" | "audio" | "video" } + the file
 *   | { ...same, type: "unsupported", kind } for what the server cannot read (a sticker, a link …),
 *   so the villager hears that rather than nothing.
 */
import { types, type Message, type Wechaty } from 'wechaty';

export type MediaType = 'image' | 'file' | 'audio' | 'video';

export interface InboundMeta {
  messageId: string;
  bot: { puppet: string; accountId: string };
  from: { id: string; name: string; alias?: string };
  room?: { id: string; topic: string };
}

export type UnsupportedKind = 'emoticon' | 'url' | 'location' | 'contact' | 'miniprogram' | 'other';

export type Inbound =
  | (InboundMeta & { type: 'text'; text: string })
  | (InboundMeta & { type: MediaType })
  | (InboundMeta & { type: 'unsupported'; kind: UnsupportedKind });

/** Where the replies go: the contact, or the room with the contact @-mentioned. */
export interface ReplyTo {
  contactId: string;
  roomId?: string;
}

/** One inbound call not yet answered — exactly what the spool writes to disk. */
export interface Pending {
  /** Monotonic arrival stamp (ms): orders the spool on replay. */
  seq: number;
  inbound: Inbound;
  media?: { name: string; mimeType: string; base64: string };
  replyTo: ReplyTo;
  /** The villager was already told "the answer will come shortly" for this message. */
  busySaid: boolean;
  /** How many of the server's replies were said already (a say that failed half way resumes here). */
  said?: number;
}

const MEDIA_TYPES = new Map<types.Message, MediaType>([
  [types.Message.Image, 'image'],
  [types.Message.Attachment, 'file'],
  [types.Message.Audio, 'audio'],
  [types.Message.Video, 'video'],
]);

const UNSUPPORTED_KINDS = new Map<types.Message, UnsupportedKind>([
  [types.Message.Emoticon, 'emoticon'],
  [types.Message.Url, 'url'],
  [types.Message.Location, 'location'],
  [types.Message.Contact, 'contact'],
  [types.Message.MiniProgram, 'miniprogram'],
]);

/** Not messages anyone wrote to us: a recall notice. */
const IGNORED_TYPES = new Set<types.Message>([types.Message.Recalled]);

/**
 * The cheap synchronous filter, applied when the message arrives: not our own, not history the
 * puppet replays at login (WeChat timestamps are whole seconds, hence the floor), not a recall.
 * Types the server cannot read are forwarded as "unsupported", to be answered politely.
 */
export function isForwardable(msg: Message, startedAt: number): boolean {
  if (msg.self()) return false;
  if (msg.date().getTime() < Math.floor(startedAt / 1000) * 1000) return false;
  return !IGNORED_TYPES.has(msg.type());
}

/** The account the bot speaks as: the channel's two halves (server: `${puppet}:${accountId}`). */
export function accountOf(bot: Wechaty): { puppet: string; accountId: string } {
  // name() is like "wechaty-puppet-mock<wechaty-puppet>": keep the package name
  return { puppet: bot.puppet.name().replace(/<.*$/, ''), accountId: bot.currentUser.id };
}

export function conversationKey(to: ReplyTo): string {
  return to.roomId ? `${to.roomId}/${to.contactId}` : to.contactId;
}

export function replyToOf(msg: Message): ReplyTo {
  const room = msg.room();
  return room ? { contactId: msg.talker().id, roomId: room.id } : { contactId: msg.talker().id };
}

let lastSeq = 0;
function nextSeq(): number {
  lastSeq = Math.max(Date.now(), lastSeq + 1);
  return lastSeq;
}

/** Builds the pending call; null when a room message does not @-mention the bot. */
export async function toPending(bot: Wechaty, msg: Message): Promise<Pending | null> {
  const seq = nextSeq();
  const room = msg.room();
  if (room && !(await msg.mentionSelf())) return null;

  const talker = msg.talker();
  const alias = await talker.alias();
  const meta: InboundMeta = {
    messageId: msg.id,
    bot: accountOf(bot),
    from: { id: talker.id, name: talker.name(), ...(alias ? { alias } : {}) },
    ...(room ? { room: { id: room.id, topic: await room.topic() } } : {}),
  };
  const replyTo = replyToOf(msg);

  const mediaType = MEDIA_TYPES.get(msg.type());
  if (!mediaType && msg.type() !== types.Message.Text) {
    return { seq, inbound: { ...meta, type: 'unsupported', kind: UNSUPPORTED_KINDS.get(msg.type()) ?? 'other' }, replyTo, busySaid: false };
  }
  if (!mediaType) {
    // in a room, drop the "@防贫助手" the villager typed: the server wants what was said
    const text = room ? await msg.mentionText() : msg.text();
    return { seq, inbound: { ...meta, type: 'text', text }, replyTo, busySaid: false };
  }
  const fileBox = await msg.toFileBox();
  const bytes = await fileBox.toBuffer();
  return {
    seq,
    inbound: { ...meta, type: mediaType },
    media: {
      name: fileBox.name,
      mimeType: fileBox.mediaType || 'application/octet-stream',
      base64: bytes.toString('base64'),
    },
    replyTo,
    busySaid: false,
  };
}
