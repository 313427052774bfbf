/**
 * The simulator's side of the mock WeChat: one mock contact per display name, one mock room per
 * topic (created on first use), and a log of each conversation in both directions. The log is
 * filled from the mock's own events: every mock message is emitted on its talker, its listener
 * and its room, so listening on the villager (and the room) catches the bot's replies too.
 *
 * Memory is bounded: the mock itself keeps every message and file for ever, so the simulator
 * forgets the oldest messages (their payloads and files in the mock too) once more than
 * `maxMessages` are kept or their files add up to more than `maxBytesKept`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { FileBox } from 'file-box';
import { types } from 'wechaty-puppet';
import type { mock } from 'wechaty-puppet-mock';

export type SimType = 'text' | 'image' | 'file' | 'audio' | 'video' | 'other';

export interface SimMessage {
  /** 1, 2, 3 … within the conversation: the page asks for what comes after the last it has. */
  index: number;
  id: string;
  from: { id: string; name: string; bot: boolean };
  type: SimType;
  text?: string;
  fileName?: string;
  time: string;
}

const SIM_TYPES = new Map<types.Message, SimType>([
  [types.Message.Text, 'text'],
  [types.Message.Image, 'image'],
  [types.Message.Attachment, 'file'],
  [types.Message.Audio, 'audio'],
  [types.Message.Video, 'video'],
]);

export interface ChatLimits {
  /** Messages kept across all conversations (default 2000). */
  maxMessages: number;
  /** Bytes of files kept across all conversations (default 64 MB). */
  maxBytesKept: number;
}

export const DEFAULT_CHAT_LIMITS: ChatLimits = { maxMessages: 2000, maxBytesKept: 64 << 20 };

const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);

export class MockChats {
  private readonly logs = new Map<string, SimMessage[]>();
  private readonly contacts = new Map<string, mock.ContactMock>();
  private readonly rooms = new Map<string, mock.RoomMock>();
  /** Every recorded message, oldest first, with the bytes of its file: what is forgotten first. */
  private readonly kept: { key: string; id: string; bytes: number }[] = [];
  private bytesKept = 0;
  /** The last index given in each conversation: numbering goes on after old messages are forgotten. */
  private readonly lastIndex = new Map<string, number>();

  constructor(
    private readonly mocker: mock.Mocker,
    private readonly botUserId?: string,
    private readonly limits: ChatLimits = DEFAULT_CHAT_LIMITS,
  ) {}

  /** The bot's own mock contact; undefined until it has logged in. */
  bot(): mock.ContactMock | undefined {
    const id = this.botUserId ?? (this.mocker.puppet.isLoggedIn ? this.mocker.puppet.currentUserId : undefined);
    return id ? this.mocker.ContactMock.load(id) : undefined;
  }

  messages(as: string, roomTopic: string | undefined, after: number): SimMessage[] {
    return (this.logs.get(logKey(as, roomTopic)) ?? []).filter((m) => m.index > after);
  }

  /** What the simulator holds now: messages and the bytes of their files. */
  usage(): { messages: number; bytes: number } {
    return { messages: this.kept.length, bytes: this.bytesKept };
  }

  sayText(bot: mock.ContactMock, as: string, roomTopic: string | undefined, text: string): void {
    const villager = this.contact(as);
    if (!roomTopic) {
      villager.say(text).to(bot);
      return;
    }
    // a group message reaches the bot only when it @-mentions it, as in WeChat
    const mentions = text.includes(`@${bot.payload.name}`) ? [bot] : [];
    villager.say(text, mentions).to(this.room(roomTopic, villager, bot));
  }

  /**
   * Media go in through MessageMock.create + a puppet 'message' event rather than say(FileBox):
   * say() guesses the type from the file extension and makes most documents "Unknown".
   */
  sendFile(bot: mock.ContactMock, as: string, roomTopic: string | undefined, file: { name: string; mimeType: string; bytes: Buffer }): void {
    const villager = this.contact(as);
    const id = `sim-${randomUUID()}`;
    const type = file.mimeType.startsWith('image/')
      ? types.Message.Image
      : file.mimeType.startsWith('video/')
        ? types.Message.Video
        : file.mimeType.startsWith('audio/')
          ? types.Message.Audio
          : types.Message.Attachment;
    // fromBase64: a FileBox from a Buffer does not serialize into the mock's cache
    this.mocker.cacheFileBoxPayload.set(id, FileBox.fromBase64(file.bytes.toString('base64'), file.name).toJSON());
    const base = { id, talkerId: villager.id, timestamp: Date.now(), type, filename: file.name };
    this.mocker.MessageMock.create(
      roomTopic
        ? { ...base, roomId: this.room(roomTopic, villager, bot).id, mentionIdList: [] }
        : { ...base, listenerId: bot.id },
    );
    this.mocker.puppet.emit('message', { messageId: id });
  }

  /** The bytes of a mock message's file (sent by a villager or by the bot). */
  async media(messageId: string): Promise<{ name: string; mimeType: string; bytes: Buffer } | undefined> {
    const json = this.mocker.cacheFileBoxPayload.get(messageId);
    if (!json) return undefined;
    const box = FileBox.fromJSON(json);
    return { name: box.name, mimeType: box.mediaType, bytes: await box.toBuffer() };
  }

  private contact(name: string): mock.ContactMock {
    let contact = this.contacts.get(name);
    if (!contact) {
      // id derived from the name: the same villager across restarts of the simulator
      contact = this.mocker.createContact({ id: `sim-${hash(name)}`, name, alias: undefined });
      contact.on('message', (m) => {
        if (!m.payload.roomId) this.record(logKey(name, undefined), m);
      });
      this.contacts.set(name, contact);
    }
    return contact;
  }

  private room(topic: string, member: mock.ContactMock, bot: mock.ContactMock): mock.RoomMock {
    let room = this.rooms.get(topic);
    if (!room) {
      // mock room ids must contain "@": that is how the mock puppet tells rooms from contacts
      room = this.mocker.createRoom({ id: `sim-${hash(topic)}@chatroom`, topic, memberIdList: [bot.id], adminIdList: [] });
      room.on('message', (m) => this.record(logKey('', topic), m));
      this.rooms.set(topic, room);
    }
    // joined silently: room.add().by() emits room-join, whose room.sync() trips wechaty 1.20
    // ("no payload found" for a RoomMember dirty event carrying the room id)
    if (!room.payload.memberIdList.includes(member.id)) room.payload.memberIdList.push(member.id);
    return room;
  }

  private record(key: string, m: mock.MessageMock): void {
    const log = this.logs.get(key) ?? [];
    const talker = m.talker().payload;
    const type = SIM_TYPES.get(m.type()) ?? 'other';
    log.push({
      index: (this.lastIndex.get(key) ?? 0) + 1,
      id: m.id,
      from: { id: talker.id, name: talker.name, bot: talker.id === this.bot()?.id },
      type,
      ...(type === 'text' ? { text: m.text() ?? '' } : { fileName: this.mocker.cacheFileBoxPayload.get(m.id)?.name }),
      time: new Date(m.payload.timestamp).toISOString(),
    });
    this.logs.set(key, log);
    this.lastIndex.set(key, log[log.length - 1]!.index);
    const bytes = fileBytes(this.mocker.cacheFileBoxPayload.get(m.id));
    this.kept.push({ key, id: m.id, bytes });
    this.bytesKept += bytes;
    this.forgetOldest();
  }

  /** Drops the oldest messages until both limits hold (the newest always stays). */
  private forgetOldest(): void {
    while (this.kept.length > 1 && (this.kept.length > this.limits.maxMessages || this.bytesKept > this.limits.maxBytesKept)) {
      const old = this.kept.shift()!;
      this.bytesKept -= old.bytes;
      this.mocker.cacheFileBoxPayload.delete(old.id);
      this.mocker.cacheMessagePayload.delete(old.id);
      const log = this.logs.get(old.key);
      const at = log?.findIndex((x) => x.id === old.id) ?? -1;
      if (log && at >= 0) log.splice(at, 1);
    }
  }
}

/** The size of a file the mock keeps (as base64 inside the FileBox's JSON). */
function fileBytes(json: ReturnType<FileBox['toJSON']> | undefined): number {
  if (!json) return 0;
  const base64 = (json as { base64?: string }).base64;
  return base64 ? Math.ceil((base64.length * 3) / 4) : JSON.stringify(json).length;
}

/** A room's log is shared by everyone in it; a private chat is one villager's. */
function logKey(as: string, roomTopic: string | undefined): string {
  return roomTopic ? `room:${roomTopic}` : `contact:${as}`;
}
