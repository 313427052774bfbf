/**
 * End-to-end helpers: the real server (tests/support/server.ts) behind the real gateway
 * (bot/startBot) on a mock WeChat, and a villager who chats with it the way a person would —
 * one message, then read the answers, then the next.
 *
 * "The answers to a message" is decided without guessing at timing: the server stores every
 * processed message with the replies it gave (InboundMessage), so a message is answered once that
 * row exists and the villager has received as many texts as it lists. Without a database to ask,
 * the driver falls back to "replies stopped arriving for a while".
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileBox } from 'file-box';
import type { mock } from 'wechaty-puppet-mock';
import { startBot, type RunningBot } from '../../bot';
import { createPuppet, MOCK_BOT } from '../../bot/puppet';
import { t } from '../../flows/i18n';
import { BOT_TOKEN, type TestServer } from '../support/server';

/** What the bot says when the server does not answer (said before the real reply). */
export const BUSY = t('zh-CN', 'server.busy');

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor(check: () => boolean | Promise<boolean>, what: () => string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await sleep(15);
  }
}

export const tempDir = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix));

export interface ChatBot extends RunningBot {
  mocker: mock.Mocker;
  /** The bot's own WeChat account, as the mock sees it: villagers talk to this. */
  botUser: mock.ContactMock;
}

/**
 * A fresh mock WeChat (mocker + puppet, logged in as MOCK_BOT) and the gateway on it, talking to
 * `srv`, retrying quickly while the server is down. `villagers` join the new mock WeChat before
 * the bot starts, as real contacts exist before a bot logs in: a restarted bot replays its spool
 * at once, and its replies need someone to go to.
 */
export async function startChatBot(srv: Pick<TestServer, 'url'>, spoolDir: string, villagers: Villager[] = []): Promise<ChatBot> {
  const { puppet, mocker } = await createPuppet({});
  for (const v of villagers) v.join(mocker!);
  // notices unspaced: these tests are about the conversation (pacing: tests/bot/pacer.test.ts)
  const running = await startBot({ puppet, serverUrl: srv.url, token: BOT_TOKEN, spoolDir, backoff: { initialMs: 50, maxMs: 200 }, pacing: { minIntervalMs: 0 } });
  return { ...running, mocker: mocker!, botUser: mocker!.ContactMock.load(MOCK_BOT.id) };
}

export interface Said {
  from: 'villager' | 'bot';
  /** The mock message id (what the gateway forwards as messageId). */
  id: string;
  text?: string;
  fileName?: string;
}

export type Photo = { bytes: Buffer; name: string };

export interface SendOptions {
  /** Done when this holds for the replies so far (instead of asking the server's records). */
  until?: (replies: string[]) => boolean;
  timeoutMs?: number;
}

/** The replies the server recorded for a message id, or null while it has not processed it. */
export type RecordedReplies = (messageId: string) => Promise<string[] | null>;

/** Reads the server's InboundMessage rows (texts only, as the gateway says only texts). */
export function recordedIn(srv: TestServer): RecordedReplies {
  return async (messageId) => {
    const row = await srv.db.prisma.inboundMessage.findFirst({ where: { messageId } });
    if (!row) return null;
    return (row.replies as { type: string; text?: string }[]).flatMap((r) => (r.type === 'text' && r.text !== undefined ? [r.text] : []));
  };
}

/**
 * A villager in the mock WeChat. Keeps one transcript across bot restarts: `join(mocker)` puts
 * the same person (same contact id) into a new mock world.
 */
export class Villager {
  readonly transcript: Said[] = [];
  private contact?: mock.ContactMock;
  private mocker?: mock.Mocker;

  constructor(
    readonly id: string,
    readonly name: string,
    private readonly recorded?: RecordedReplies,
    private readonly quietMs = 300,
  ) {}

  /**
   * Into a mock WeChat: the same contact id, listening to what the bot account says. May be
   * called before the bot logs in (a restarted bot replays its spool to contacts that exist).
   */
  join(mocker: mock.Mocker): this {
    const contact = mocker.createContact({ id: this.id, name: this.name });
    // the mock emits each message on its talker and its listener: both directions land here
    contact.on('message', (m: mock.MessageMock) => {
      if (m.payload.roomId) return;
      const file = mocker.cacheFileBoxPayload.get(m.id);
      this.transcript.push({
        from: m.payload.talkerId === MOCK_BOT.id ? 'bot' : 'villager',
        id: m.id,
        ...(file ? { fileName: file.name } : { text: m.text() ?? '' }),
      });
    });
    this.contact = contact;
    this.mocker = mocker;
    return this;
  }

  /** Says a text or sends a photo; returns the message id at once (the mock emits synchronously). */
  say(message: string | Photo): string {
    if (!this.contact || !this.mocker) throw new Error('the villager has not joined a mock WeChat yet');
    const before = this.transcript.length;
    // fromBase64: a FileBox from a Buffer does not serialize into the mock's cache
    const what = typeof message === 'string' ? message : FileBox.fromBase64(message.bytes.toString('base64'), message.name);
    this.contact.say(what).to(this.mocker.ContactMock.load(MOCK_BOT.id));
    const mine = this.transcript.slice(before).find((s) => s.from === 'villager');
    if (!mine) throw new Error('the mock did not emit the villager\'s message');
    return mine.id;
  }

  /**
   * What the bot said after message `ids[0]`. Messages are sent one at a time, so these are the
   * answers to `ids` (several ids: messages sent while the bot could not answer, answered later in order).
   */
  saidAfter(ids: string | string[]): string[] {
    const first = typeof ids === 'string' ? ids : ids[0];
    const at = this.transcript.findIndex((s) => s.id === first && s.from === 'villager');
    if (at < 0) return [];
    return this.transcript.slice(at + 1).flatMap((s) => (s.from === 'bot' ? [s.text ?? `[${s.fileName}]`] : []));
  }

  /**
   * Waits for the answers to `ids`: `until` holds, else the server has recorded every one of them
   * and all their replies were said (a busy notice before them does not count), else replies
   * stopped arriving for a while.
   */
  async repliesTo(ids: string | string[], options: SendOptions = {}): Promise<string[]> {
    const list = typeof ids === 'string' ? [ids] : ids;
    const timeoutMs = options.timeoutMs ?? 10_000;
    const describe = () => `the replies to ${JSON.stringify(list.map((id) => this.sent(id)))}; so far: ${JSON.stringify(this.saidAfter(list))}`;
    if (options.until) {
      await waitFor(() => options.until!(this.saidAfter(list)), describe, timeoutMs);
      return this.saidAfter(list);
    }
    if (this.recorded) {
      const expected = new Map<string, string[]>();
      await waitFor(
        async () => {
          for (const id of list) {
            if (expected.has(id)) continue;
            const replies = await this.recorded!(id);
            if (replies) expected.set(id, replies);
          }
          const count = [...expected.values()].reduce((n, r) => n + r.length, 0);
          return expected.size === list.length && this.saidAfter(list).filter((r) => r !== BUSY).length >= count;
        },
        () => `${describe()}; the server recorded ${JSON.stringify(Object.fromEntries(expected))}`,
        timeoutMs,
      );
      return this.saidAfter(list);
    }
    let seen = -1;
    let since = Date.now();
    await waitFor(
      () => {
        const n = this.saidAfter(list).length;
        if (n !== seen) {
          seen = n;
          since = Date.now();
        }
        return n > 0 && Date.now() - since >= this.quietMs;
      },
      describe,
      timeoutMs,
    );
    return this.saidAfter(list);
  }

  /** Says `message` and waits for its answer; resolves with the bot's replies. */
  async send(message: string | Photo, options: SendOptions = {}): Promise<string[]> {
    return this.repliesTo(this.say(message), options);
  }

  /** Every text the bot said, in order. */
  botSaid(): string[] {
    return this.transcript.filter((s) => s.from === 'bot').map((s) => s.text ?? `[${s.fileName}]`);
  }

  /** Ids of what the villager sent, in order. */
  sentIds(): string[] {
    return this.transcript.filter((s) => s.from === 'villager').map((s) => s.id);
  }

  /** The whole chat as WeChat would show it, for failure messages and reading. */
  print(): string {
    return this.transcript.map((s) => `${s.from === 'bot' ? '  助手' : this.name}: ${s.text ?? `[${s.fileName}]`}`).join('\n');
  }

  private sent(id: string): string {
    const s = this.transcript.find((x) => x.id === id);
    return s?.text ?? s?.fileName ?? id;
  }
}

/** Resources (timers, sockets, servers) alive now that were not alive at `baseline`. */
export function leftovers(baseline: string[]): string[] {
  const rest = [...baseline];
  return process.getActiveResourcesInfo().filter((r) => {
    const i = rest.indexOf(r);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}
