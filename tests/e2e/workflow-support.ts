/**
 * The case workflow end to end: the real server and gateway on a mock WeChat where a villager
 * applies and cadres act — in private chats and by @-mentioning the bot in work groups — and the
 * bot drains the outbox into those same chats. Builds on support.ts (the villager who applies).
 *
 * Waiting is done on what the mock WeChat shows, never on time: a command is answered when a bot
 * message after it matches what the test expects; a notice has arrived when it is in the chat.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { mock } from 'wechaty-puppet-mock';
import { startBot, type RunningBot } from '../../bot';
import { createPuppet, MOCK_BOT } from '../../bot/puppet';
import { illnessTurns } from '../support/illness';
import { jpegBytes, BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { recordedIn, sleep, tempDir, Villager, waitFor, type Photo } from './support';

export const CASE_NO = /FP-\d{4}-\d{6}/;
/** The server's clock starts on a Monday at 10:00 in China and ticks; tests move it on by days. */
export const CLOCK_BASE = Date.parse('2026-07-20T02:00:00Z');
const DAY = 86_400_000;

type Line = { from: string; bot: boolean; text: string };
type Expect = string | RegExp;

const matches = (text: string, e: Expect) => (typeof e === 'string' ? text.includes(e) : e.test(text));

/** A cadre (or anyone) in the mock WeChat: a private chat with the bot, and a voice in groups. */
export class Person {
  /** The private chat with the bot, both directions. */
  readonly chat: Line[] = [];
  contact?: mock.ContactMock;
  private mocker?: mock.Mocker;

  constructor(
    readonly id: string,
    readonly name: string,
  ) {}

  join(mocker: mock.Mocker): this {
    this.contact = mocker.createContact({ id: this.id, name: this.name });
    this.mocker = mocker;
    this.contact.on('message', (m: mock.MessageMock) => {
      if (m.payload.roomId) return;
      this.chat.push({ from: m.talker().payload.name, bot: m.payload.talkerId === MOCK_BOT.id, text: m.text() ?? '' });
    });
    return this;
  }

  /** The bot's account (it exists once the bot has logged in). */
  private bot(): mock.ContactMock {
    return this.mocker!.ContactMock.load(MOCK_BOT.id);
  }

  /** Says `text` in the private chat; resolves with the first bot message after it that matches. */
  async ask(text: string, expected: Expect, timeoutMs = 15_000): Promise<string> {
    const from = this.chat.length;
    this.contact!.say(text).to(this.bot());
    return waitForLine(this.chat, from, expected, () => `${this.name} asked "${text}"`, timeoutMs);
  }

  /** Says "@防贫助手 <text>" in a group; resolves with the bot's first matching message there after it. */
  async askIn(group: Group, text: string, expected: Expect, timeoutMs = 15_000): Promise<string> {
    const from = group.chat.length;
    this.contact!.say(`@${MOCK_BOT.name} ${text}`, [this.bot()]).to(group.room!);
    return waitForLine(group.chat, from, expected, () => `${this.name} said "${text}" in ${group.topic}`, timeoutMs);
  }

  /** Waits for a bot message in the private chat (a notice) matching `expected`, after line `from`. */
  notice(expected: Expect, from = 0): Promise<string> {
    return waitForLine(this.chat, from, expected, () => `a notice to ${this.name}`);
  }
}

/** A work group with the bot and some people in it; `chat` is everything said there. */
export class Group {
  readonly chat: Line[] = [];
  room?: mock.RoomMock;

  constructor(
    readonly id: string,
    readonly topic: string,
    readonly members: Person[],
  ) {}

  join(mocker: mock.Mocker): this {
    this.room = mocker.createRoom({ id: this.id, topic: this.topic, memberIdList: [MOCK_BOT.id, ...this.members.map((m) => m.id)], adminIdList: [] });
    this.room.on('message', (m: mock.MessageMock) => {
      this.chat.push({ from: m.talker().payload.name, bot: m.payload.talkerId === MOCK_BOT.id, text: m.text() ?? '' });
    });
    return this;
  }

  /** Waits for a bot message in the group (a notice) matching `expected`, after line `from`. */
  notice(expected: Expect, from = 0): Promise<string> {
    return waitForLine(this.chat, from, expected, () => `a notice in ${this.topic}`);
  }
}

async function waitForLine(lines: Line[], from: number, expected: Expect, what: () => string, timeoutMs = 15_000): Promise<string> {
  let found: string | undefined;
  await waitFor(
    () => {
      found = lines.slice(from).find((l) => l.bot && matches(l.text, expected))?.text;
      return found !== undefined;
    },
    () => `${what()}: the bot should say ${String(expected)}; it said:\n${lines.slice(from).filter((l) => l.bot).map((l) => l.text).join('\n---\n')}`,
    timeoutMs,
  );
  return found!;
}

// ---------------------------------------------------------------------------------------------

export type World = {
  srv: TestServer;
  /** Moves the server's clock on (the notice period, the payment). */
  advanceDays(days: number): void;
  villager: Villager;
  bot: RunningBot & { mocker: mock.Mocker };
  /** Every chat as WeChat would show it (for E2E_TRANSCRIPTS and failure messages). */
  print(): string;
  close(): Promise<void>;
};

/**
 * A server (its clock movable), a villager and `people`/`groups` in a fresh mock WeChat, and the
 * gateway with its outbox drain (no pacing: these tests are about what arrives, in what order).
 */
export async function startWorld(people: Person[], groups: Group[], opts: { /** where the server's clock starts (a browser's session cookie expires by the real one) */ clockBase?: number } = {}): Promise<World> {
  let offset = 0;
  const started = Date.now();
  const base = opts.clockBase ?? CLOCK_BASE;
  const srv = await startTestServer({ now: () => new Date(base + offset + (Date.now() - started)) });
  const spoolDir = tempDir('fangpin-workflow-spool-');
  const villager = new Villager('villager-li', '李秀英', recordedIn(srv));
  const { puppet, mocker } = await createPuppet({});
  let running: RunningBot;
  try {
    villager.join(mocker!);
    for (const p of people) p.join(mocker!);
    running = await startBot({ puppet, serverUrl: srv.url, token: BOT_TOKEN, spoolDir, backoff: { initialMs: 50, maxMs: 200 }, pacing: { minIntervalMs: 0 }, outbox: { waitSeconds: 1 } });
    // groups need the bot's account in them: it exists once the bot has logged in
    for (const g of groups) g.join(mocker!);
  } catch (error) {
    await srv.close();
    throw error;
  }
  const world: World = {
    srv,
    advanceDays: (days) => void (offset += days * DAY),
    villager,
    print: () =>
      [
        `== ${villager.name}\n${villager.print()}`,
        ...people.map((p) => `== ${p.name}\n${p.chat.map((l) => `${l.bot ? '  助手' : l.from}: ${l.text}`).join('\n')}`),
        ...groups.map((g) => `== ${g.topic}\n${g.chat.map((l) => `${l.bot ? '  助手' : l.from}: ${l.text}`).join('\n')}`),
      ].join('\n\n'),
    bot: { ...running, mocker: mocker! },
    close: async () => {
      // E2E_TRANSCRIPTS=<dir>: keep the chats to read the wording
      const dir = process.env['E2E_TRANSCRIPTS'];
      if (dir) {
        mkdirSync(dir, { recursive: true });
        const name = (expect.getState().currentTestName ?? 'workflow').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80);
        writeFileSync(path.join(dir, `${name}.txt`), world.print());
      }
      await running.stop();
      await srv.close();
      rmSync(spoolDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** Every notice written so far has been said (nothing pending): safe to move the clock. */
export async function outboxDrained(srv: TestServer): Promise<void> {
  await waitFor(
    async () => (await srv.db.prisma.outbox.count({ where: { status: 'pending' } })) === 0,
    () => 'the outbox to be drained',
  );
  await sleep(20);
}

// ---------------------------------------------------------------------------------------------

/** What the villager types to apply for 因病 help in 柳树村 (青山镇), and a fragment of each answer. */
export const ILLNESS_IN_LIUSHU: [string | Photo, Expect][] = [
  ['你好', '请问您要办什么'],
  ['1', '是什么原因'],
  ['因病', '申请人叫什么名字'],
  ['李秀英', '身份证号'],
  ['11010519491231002X', '手机号'],
  ['13800138000', '哪个乡镇'],
  ['青山镇', '哪个村'],
  ['柳树村', '几口人'],
  ['4口人', '纯收入'],
  ['三万二', '脱贫户'],
  ['是', '生病的是谁'],
  ...illnessTurns({ totalCostFen: '3万2', reimbursedFen: '一万' }, { until: 'selfPaidConfirmed' }),
  ['对', '住院结算单或发票'],
  [{ name: '住院发票.jpg', bytes: jpegBytes(11) }, '第1张'],
  ['好了', '出院小结'],
  ['没有', '承诺和授权'],
  ['同意', '个人信息'],
  ['同意', '请核对'],
  ['确认', CASE_NO],
];

/** The villager applies by chat; resolves with the case number. */
export async function apply(villager: Villager): Promise<string> {
  let replies: string[] = [];
  for (const [message, expected] of ILLNESS_IN_LIUSHU) {
    replies = await villager.send(message, { until: (r) => matches(r.join('\n'), expected) }).catch(() => villager.saidAfter(villager.sentIds().slice(-1)));
    const said = replies.join('\n');
    if (!matches(said, expected)) throw new Error(`after ${typeof message === 'string' ? message : message.name} the bot should say ${String(expected)}, but said:\n${said}\n\n${villager.print()}`);
  }
  return CASE_NO.exec(replies.join('\n'))![0];
}

/**
 * The bot's messages to the villager from transcript position `from` on, without the answers to
 * their own messages (the server recorded those): the notices, in the order they arrived.
 */
export async function noticesTo(srv: TestServer, villager: Villager, from: number): Promise<string[]> {
  const lines = villager.transcript.slice(from);
  const answers: string[] = [];
  for (const s of lines.filter((l) => l.from === 'villager')) {
    const row = await srv.db.prisma.inboundMessage.findFirst({ where: { messageId: s.id } });
    answers.push(...((row?.replies ?? []) as { text: string }[]).map((r) => r.text));
  }
  const out: string[] = [];
  for (const s of lines.filter((l) => l.from === 'bot')) {
    const text = s.text ?? `[${s.fileName}]`;
    const i = answers.indexOf(text);
    if (i >= 0) answers.splice(i, 1);
    else out.push(text);
  }
  return out;
}

/** Waits until the villager has been told something matching `expected` (after transcript position `from`). */
export async function villagerHears(villager: Villager, expected: Expect, from = 0): Promise<string> {
  let found: string | undefined;
  await waitFor(
    () => {
      found = villager.transcript.slice(from).find((s) => s.from === 'bot' && s.text !== undefined && matches(s.text, expected))?.text;
      return found !== undefined;
    },
    () => `the villager to hear ${String(expected)}; the chat:\n${villager.print()}`,
    15_000,
  );
  return found!;
}
