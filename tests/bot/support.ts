/**
 * Test doubles for the bot tests: a stand-in for the server's inbound endpoint (records each
 * request exactly and answers as told, to simulate outages), and a mock-puppet bot per test.
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
import { startBot, type RunningBot } from '../../bot';
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

/** The server's /api/bot/inbound, as the contract describes it, with a swappable answer. */
export class FakeServer {
  readonly calls: RecordedCall[] = [];
  answer: (call: RecordedCall) => Answer = echo;
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
export async function startTestBot(serverUrl: string, options: { spoolDir?: string; before?: (m: mock.Mocker) => void } = {}): Promise<TestBot> {
  const { puppet, mocker } = await createPuppet({});
  options.before?.(mocker!);
  const spoolDir = options.spoolDir ?? tempSpoolDir();
  const running = await startBot({ puppet, serverUrl, token: TOKEN, spoolDir, backoff: { initialMs: 20, maxMs: 80 } });
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
