/**
 * When WeChat refuses to say a reply (a hiccup of the puppet), the answer — maybe the case
 * number — is not lost: the call stays spooled, saying is retried with backoff from the first
 * reply not yet said, a bot stopped meanwhile resumes there at its next start, and after a
 * bounded number of attempts the reply is dropped with a log line.
 */
import { readdirSync, rmSync } from 'node:fs';
import type { Pending } from '../../bot/inbound';
import { Spool } from '../../bot/spool';
import { FakeServer, inbox, leftovers, sleep, startTestBot, tempSpoolDir, TOKEN, waitFor, type TestBot } from './support';

let baseline: string[];
let logged: string[] = [];
let server: FakeServer;
let running: TestBot[] = [];
let spoolDir: string;

const TWO_REPLIES = { status: 200, body: { replies: [{ type: 'text', text: '申请已经提交了！编号 FP-2026-000001' }, { type: 'text', text: '接下来：村委会初审' }] } };

beforeAll(() => {
  baseline = process.getActiveResourcesInfo();
  for (const level of ['info', 'warn', 'error'] as const) jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
});
beforeEach(async () => {
  server = await new FakeServer().start();
  server.answer = () => TWO_REPLIES;
  spoolDir = tempSpoolDir();
  logged = [];
});
afterEach(async () => {
  for (const r of running) await r.stop();
  running = [];
  await server.stop();
  rmSync(spoolDir, { recursive: true, force: true });
});
afterAll(async () => {
  jest.restoreAllMocks();
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

async function start(options: Parameters<typeof startTestBot>[1] = {}): Promise<TestBot> {
  const bot = await startTestBot(server.url, { spoolDir, ...options });
  running.push(bot);
  return bot;
}
const spooled = (): string[] => readdirSync(spoolDir).filter((f) => f.endsWith('.spool'));
/** What the spool holds, opened as the bot's next start will open it. */
const spooledCalls = (): Promise<Pending[]> => new Spool(spoolDir, TOKEN).load();

/** Makes the puppet refuse to send text: `failures` times, then works again (Infinity: never). */
function refuseToSay(bot: TestBot, failures: number): { calls: () => number } {
  const puppet = bot.bot.puppet as unknown as { messageSendText: (...args: unknown[]) => Promise<unknown> };
  const original = puppet.messageSendText.bind(puppet);
  let calls = 0;
  let failed = 0;
  jest.spyOn(puppet, 'messageSendText').mockImplementation(async (...args: unknown[]) => {
    calls++;
    // the first reply goes through; the second fails `failures` times
    if (calls > 1 && failed < failures) {
      failed++;
      throw new Error('WeChat: 操作过于频繁');
    }
    return original(...args);
  });
  return { calls: () => calls };
}

test('a reply that fails to be said is retried; nothing is said twice and the spool empties', async () => {
  const bot = await start();
  const villager = bot.mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(villager);
  refuseToSay(bot, 2);

  villager.say('确认').to(bot.botContact);
  await waitFor(() => said.length === 2, 'both replies');
  await waitFor(() => spooled().length === 0, 'an empty spool');
  expect(said).toEqual(['申请已经提交了！编号 FP-2026-000001', '接下来：村委会初审']);
  expect(server.calls).toHaveLength(1);
  expect(logged.some((l) => l.includes('not said') && l.includes('retrying'))).toBe(true);
  expect(logged.filter((l) => l.includes('FP-2026-000001') || l.includes('确认'))).toEqual([]); // no message text in logs
});

test('after the bounded attempts the reply is dropped with a log line', async () => {
  const bot = await start();
  const villager = bot.mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(villager);
  const refused = refuseToSay(bot, Infinity);

  villager.say('确认').to(bot.botContact);
  await waitFor(() => logged.some((l) => l.includes('dropped')), 'the drop');
  await waitFor(() => spooled().length === 0, 'an empty spool');
  expect(said).toEqual(['申请已经提交了！编号 FP-2026-000001']);
  expect(refused.calls()).toBe(1 + 5); // the first reply, then five attempts at the second
});

test('a bot stopped while retrying keeps the call; the next start re-asks the server and says only what was missing', async () => {
  const first = await start();
  const villager = first.mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const firstSaid = inbox(villager);
  refuseToSay(first, Infinity);
  villager.say('确认').to(first.botContact);
  await waitFor(() => firstSaid.length === 1 && logged.some((l) => l.includes('retrying')), 'a failed second reply');
  await first.stop();
  running = running.filter((r) => r !== first);
  const waiting = await spooledCalls();
  expect(waiting).toHaveLength(1);
  expect(waiting[0]!.said).toBe(1);

  let secondSaid: string[] = [];
  await start({ before: (mocker) => void (secondSaid = inbox(mocker.createContact({ id: 'v-zhang', name: '张大爷' }))) });
  await waitFor(() => secondSaid.length === 1, 'the missing reply');
  await waitFor(() => spooled().length === 0, 'an empty spool');
  expect(secondSaid).toEqual(['接下来：村委会初审']);
  expect(server.calls).toHaveLength(2); // asked again: the server answers a repeated message id with the same replies
  expect(server.calls[1]!.body['messageId']).toBe(server.calls[0]!.body['messageId']);
});
