/**
 * Test doubles for the bot tests: a stand-in for the server's inbound endpoint (records each
 * request exactly and answers as told, to simulate outages) and for its outbox (hands out the
 * messages a test queues, records acks, failures and releases), and a mock-puppet bot per test.
 */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bodyParser } from '@koa/bodyparser';
import multer from '@koa/multer';
import Koa from 'koa';
import type { mock } from 'wechaty-puppet-mock';
import { startBot, type RunningBot, type StartBotOptions } from '../../bot';
import type { OutboxItem } from '../../bot/outbox';
import type { PacerClock } from '../../bot/pacer';
import { createPuppet, MOCK_BOT } from '../../bot/puppet';

export const TOKEN = 'test-token';

export interface RecordedCall {
  authorization?: string;
  contentType: string;
  /** The JSON body, or the parsed `meta` part of a multipart call. */
  body: Record<string, any>;
  file?: { name: string; mimeType: string; bytes: Buffer };
}

export interface Answer {
  status: number;
  body?: unknown;
}

export const echo = (call: RecordedCall): Answer => ({
  status: 200,
  body: { replies: [{ type: 'text', text: `收到：${call.body['text'] ?? call.body['type']}` }] },
});

/** The server's /api/bot/inbound and /api/bot/outbox, as the contract describes them, with a swappable answer. */
export class FakeServer {
  readonly calls: RecordedCall[] = [];
  answer: (call: RecordedCall) => Answer = echo;
  /** Messages waiting for a bot (handed out once each, like a lease that never expires). */
  readonly outbox: OutboxItem[] = [];
  /** What bots reported: `ack <id>`, `fail <id>`, `release <id> [retryAt]`, in order. */
  readonly outboxReports: string[] = [];
  /** The account (puppet:accountId) of the last outbox poll. */
  outboxChannel?: string;
  private server?: Server;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(port = this.port): Promise<this> {
    const app = new Koa();
    const upload = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8' } as multer.Options);
    app.use(bodyParser());
    app.use(upload.single('file'));
    app.use(async (ctx, next) => {
      const report = /^\/api\/bot\/outbox\/([^/]+)\/(ack|fail|release)$/.exec(ctx.path);
      if (ctx.method === 'POST' && report) {
        const retryAt = (ctx.request.body as { retryAt?: string } | undefined)?.retryAt;
        this.outboxReports.push(`${report[2]} ${decodeURIComponent(report[1]!)}${retryAt ? ` ${retryAt}` : ''}`);
        ctx.body = { id: report[1], status: report[2] === 'ack' ? 'sent' : 'pending' };
        return;
      }
      if (ctx.method !== 'GET' || ctx.path !== '/api/bot/outbox') return next();
      this.outboxChannel = `${ctx.query['puppet']}:${ctx.query['accountId']}`;
      // a short long-poll: answer at once when something is queued, else after a moment
      let gone = false;
      ctx.res.once('close', () => void (gone = true));
      const until = Date.now() + 100;
      while (this.outbox.length === 0 && Date.now() < until && !gone) await new Promise((r) => setTimeout(r, 10));
      ctx.body = { messages: this.outbox.splice(0, Number(ctx.query['limit'] ?? 10)), leaseSeconds: 60 };
    });
    app.use((ctx) => {
      if (ctx.method !== 'POST' || ctx.path !== '/api/bot/inbound') return;
      const body = ctx.request.body as Record<string, any>;
      const file = ctx.request.file as multer.File | undefined;
      const call: RecordedCall = {
        ...(ctx.get('authorization') ? { authorization: ctx.get('authorization') } : {}),
        contentType: ctx.get('content-type'),
        body: file ? JSON.parse(body['meta']) : body,
        ...(file ? { file: { name: file.originalname, mimeType: file.mimetype, bytes: file.buffer } } : {}),
      };
      this.calls.push(call);
      const answer = this.answer(call);
      ctx.status = answer.status;
      if (answer.body !== undefined) ctx.body = answer.body;
    });
    this.server = app.listen(port, '127.0.0.1');
    await new Promise((resolve) => this.server!.once('listening', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Down for real: connections are refused until start() again (same port). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  callsFrom(name: string): RecordedCall[] {
    return this.calls.filter((c) => c.body['from']?.name === name);
  }
}

export interface TestBot extends RunningBot {
  mocker: mock.Mocker;
  botContact: mock.ContactMock;
  spoolDir: string;
}

export const tempSpoolDir = (): string => mkdtempSync(path.join(tmpdir(), 'bot-spool-'));

/** A fresh mocker, puppet and bot, logged in; short backoff so outages pass quickly. */
export async function startTestBot(
  serverUrl: string,
  options: { spoolDir?: string; before?: (m: mock.Mocker) => void; pacing?: StartBotOptions['pacing'] } = {},
): Promise<TestBot> {
  const { puppet, mocker } = await createPuppet({});
  options.before?.(mocker!);
  const spoolDir = options.spoolDir ?? tempSpoolDir();
  // no spacing unless a test asks for it: these tests are about forwarding, not pacing
  const running = await startBot({ puppet, serverUrl, token: TOKEN, spoolDir, backoff: { initialMs: 20, maxMs: 80 }, pacing: options.pacing ?? { minIntervalMs: 0 } });
  return { ...running, mocker: mocker!, botContact: mocker!.ContactMock.load(MOCK_BOT.id), spoolDir };
}

/** What a mock contact (or room) has received from the bot, in order. */
export function inbox(conversation: mock.ContactMock | mock.RoomMock): string[] {
  const said: string[] = [];
  conversation.on('message', (m: mock.MessageMock) => {
    if (m.payload.talkerId === MOCK_BOT.id) said.push(m.text() ?? '');
  });
  return said;
}

export async function waitFor(check: () => boolean, what = 'condition', timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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

/** A pacing clock on which time passes only when someone sleeps: pacing is checked without waiting. */
export class VirtualClock implements PacerClock {
  readonly sleeps: number[] = [];
  constructor(public at = Date.parse('2026-07-20T02:00:00Z')) {}
  now = (): number => this.at;
  sleep = async (ms: number, signal: AbortSignal): Promise<void> => {
    if (signal.aborted) return;
    this.sleeps.push(ms);
    this.at += ms;
    await new Promise((resolve) => setImmediate(resolve));
  };
}
