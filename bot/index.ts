/**
 * The WeChat gateway, a stateless forwarder: each villager message becomes one inbound call to
 * the server, and whatever the server answers is said back; and the server's outbox (case
 * notices for villagers, cadres and work groups) is drained and said, paced per account.
 * Nothing is decided here.
 */
import { WechatyBuilder, type Wechaty } from 'wechaty';
import type { impls } from 'wechaty-puppet';
import { t } from '../flows/i18n';
import { botT } from './i18n';
import { accountOf, conversationKey, isForwardable, replyToOf, toPending, type Pending, type ReplyTo } from './inbound';
import { KeyedQueue } from './keyed-queue';
import { drainOutbox, OutboxClient, type OutboxItem } from './outbox';
import { Pacer, realClock, type PacingOptions } from './pacer';
import { sayableOf } from './sayable';
import { describe, ServerClient, type Backoff } from './server-client';
import { Spool } from './spool';

export interface StartBotOptions {
  puppet: impls.PuppetInterface;
  serverUrl: string;
  token: string;
  /** Wechaty instance name (shows in wechaty's logs). */
  name?: string;
  /** Where unanswered calls wait across restarts (default ./data/bot-spool). */
  spoolDir?: string;
  /** What the spool's files are sealed with (default: the token); must stay the same across restarts. */
  spoolSecret?: string;
  backoff?: Backoff;
  /** Outgoing notices per account: spacing (default 1 per second), daily caps per kind, the clock. */
  pacing?: PacingOptions;
  /** Drain the server's outbox (default true). */
  outbox?: boolean | { waitSeconds?: number };
}

/** A reply that cannot be said is tried this many times (backoff between), then dropped with a log line. */
const SAY_ATTEMPTS = 5;

export interface RunningBot {
  bot: Wechaty;
  stop(): Promise<void>;
}

/** Starts the bot and resolves once it is logged in (not on ready(): the mock never emits it). */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const startedAt = Date.now();
  const stopping = new AbortController();
  const spool = new Spool(options.spoolDir ?? './data/bot-spool', options.spoolSecret ?? options.token);
  const server = new ServerClient(options.serverUrl, options.token, stopping.signal, options.backoff);
  const queue = new KeyedQueue((error) => console.error('[bot] delivery failed:', (error as Error).message));
  const pacer = new Pacer(options.pacing);
  const clock = options.pacing?.clock ?? realClock;
  const initialMs = options.backoff?.initialMs ?? 1_000;
  const maxMs = options.backoff?.maxMs ?? 60_000;

  const bot = WechatyBuilder.build({ puppet: options.puppet, ...(options.name ? { name: options.name } : {}) });
  bot.on('error', (error) => console.error('[bot] wechaty error:', error.message));
  const loggedIn = new Promise<void>((resolve) => bot.once('login', () => resolve()));

  async function say(to: ReplyTo, texts: string[]): Promise<void> {
    const contact = await bot.Contact.find({ id: to.contactId });
    const room = to.roomId ? await bot.Room.find({ id: to.roomId }) : undefined;
    // contact ids change on re-login with web puppets: a replayed call may find nobody to answer
    if (!contact || (to.roomId && !room)) throw new Error(`reply target ${to.contactId} ${to.roomId ?? ''} not found`);
    for (const text of texts) {
      await (room ? room.say(text, contact) : contact.say(text));
      pacer.noteSent();
    }
  }

  /**
   * Says the server's replies, resuming after the ones already said; a failure is retried with
   * backoff (the call stays spooled meanwhile, and re-asking the server gives the same replies).
   * 'stopped': the bot is stopping — keep it spooled for the next start.
   */
  async function sayReplies(p: Pending, replies: string[]): Promise<'said' | 'dropped' | 'stopped'> {
    for (let attempt = 1; ; attempt++) {
      try {
        while ((p.said ?? 0) < replies.length) {
          await say(p.replyTo, [replies[p.said ?? 0]!]);
          p.said = (p.said ?? 0) + 1;
        }
        return 'said';
      } catch (error) {
        if (attempt >= SAY_ATTEMPTS) {
          console.error(`[bot] replies to ${describe(p)} not said after ${attempt} attempts, dropped: ${(error as Error).message}`);
          return 'dropped';
        }
        console.warn(`[bot] replies to ${describe(p)} not said (${(error as Error).message}), retrying`);
        await spool.save(p).catch((e: Error) => console.error(`[bot] spool: ${describe(p)}: ${e.message}`));
        await clock.sleep(Math.min(maxMs, initialMs * 2 ** (attempt - 1)), stopping.signal);
        if (stopping.signal.aborted) return 'stopped';
      }
    }
  }

  /** Says a notice: its text, or a publicity image or card (see sayable.ts). */
  async function sayNotice(outbox: OutboxClient, item: OutboxItem): Promise<void> {
    if (item.targetType === 'room') {
      const room = await bot.Room.find({ id: item.targetId });
      if (!room) throw new Error('room not found');
      await room.say(await sayableOf(bot, outbox, item));
    } else {
      const contact = await bot.Contact.find({ id: item.targetId });
      if (!contact) throw new Error('contact not found');
      await contact.say(await sayableOf(bot, outbox, item));
    }
  }

  /** Queues a call behind the same conversation's earlier ones; `pending` may still be converting. */
  function deliver(key: string, pending: Promise<Pending | null>): void {
    queue.push(key, async () => {
      const p = await pending;
      if (!p) return;
      await loggedIn;
      const answer = await server.send(p, async () => {
        if (p.busySaid) return; // said before a restart: once is enough
        await say(p.replyTo, [t('zh-CN', 'server.busy')]).catch((e: Error) => console.error(`[bot] busy notice: ${e.message}`));
        p.busySaid = true;
        await spool.save(p).catch((e: Error) => console.error(`[bot] spool: ${describe(p)}: ${e.message}`));
      });
      if (!answer) return; // stopping: it stays spooled for the next start
      if (answer.kind === 'rejected' && (answer.status === 401 || answer.status === 403)) {
        // our token is wrong, not the message: keep it for a restart with the right one
        console.error(`[bot] server refused our token (HTTP ${answer.status}): ${describe(p)} kept in the spool`);
        return;
      }
      // any other 4xx is the server's final word on this message: say it once (its polite reply,
      // or ours when it sent none), drop it, and go on — retrying would jam the conversation
      const replies = answer.kind === 'rejected' && answer.replies.length === 0 ? [botT('zh-CN')('inbound.rejected')] : answer.replies;
      if ((await sayReplies(p, replies)) === 'stopped') return;
      await spool.remove(p);
    });
  }

  // replay first, so a conversation's new messages queue behind its spooled ones
  for (const p of await spool.load()) deliver(conversationKey(p.replyTo), Promise.resolve(p));

  // some puppets emit a message twice; the idempotent server would answer it twice, identically
  const recent = new Set<string>();
  bot.on('message', (msg) => {
    if (stopping.signal.aborted || recent.has(msg.id) || !isForwardable(msg, startedAt)) return;
    recent.add(msg.id);
    if (recent.size > 1000) recent.delete(recent.values().next().value!);
    // convert and spool right away (so a crash loses nothing), but deliver in arrival order
    const pending = toPending(bot, msg).then(async (p) => {
      if (p) await spool.save(p).catch((e: Error) => console.error(`[bot] spool: ${describe(p)}: ${e.message}`));
      return p;
    });
    deliver(conversationKey(replyToOf(msg)), pending.catch((e: Error) => {
      console.error(`[bot] message ${msg.id} not forwarded: ${e.message}`);
      return null;
    }));
  });

  let drained: Promise<void> | undefined;
  let stopped: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopped ??= (async () => {
      stopping.abort(); // ends backoff waits and requests in flight; their calls stay spooled
      await queue.idle();
      await drained; // the notice in hand is said and acked, the rest released
      await bot.stop();
    })();
    return stopped;
  }

  try {
    await bot.start();
    await loggedIn;
  } catch (error) {
    await stop();
    throw error;
  }
  if (options.outbox !== false) {
    const account = accountOf(bot);
    // a batch must be said well within its lease (60 s by default): fewer per batch when spaced wide
    const limit = Math.max(1, Math.min(10, Math.floor(30_000 / Math.max(1, pacer.minIntervalMs))));
    const client = new OutboxClient(options.serverUrl, options.token, () => account);
    drained = drainOutbox({
      client,
      say: (item) => sayNotice(client, item),
      pacer,
      stopped: stopping.signal,
      limit,
      backoff: options.backoff,
      clock,
      ...(typeof options.outbox === 'object' ? { waitSeconds: options.outbox.waitSeconds } : {}),
    }).catch((error: Error) => console.error(`[bot] outbox drain ended: ${error.message}`));
  }
  return { bot, stop };
}
