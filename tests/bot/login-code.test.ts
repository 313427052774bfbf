/**
 * A villager's login code end to end: the real server seals it for the bot, the real gateway
 * drains the outbox into a mock WeChat, the household's WeChat shows the code, and the code logs
 * the villager in; afterwards nothing readable is left. A code the bot could not say before it
 * expired is never said (issue 8 finding 2).
 */
import { rmSync } from 'node:fs';
import type { mock } from 'wechaty-puppet-mock';
import { startBot, type RunningBot } from '../../bot';
import { createPuppet } from '../../bot/puppet';
import { t } from '../../flows/i18n';
import { insertCase } from '../support/fixtures';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { CHANNEL } from '../outbox/support';
import { inbox, leftovers, sleep, tempSpoolDir, waitFor } from './support';

let clock = new Date('2026-07-20T02:00:00Z');
let srv: TestServer;
let baseline: string[];
let bot: RunningBot | undefined;
let spoolDir: string;
let seq = 0;

beforeAll(async () => {
  baseline = process.getActiveResourcesInfo();
  // login codes through the chat, as with no SMS provider (by text message: tests/miniprogram/login-sms.test.ts)
  srv = await startTestServer({ now: () => clock, env: { SMS_PROVIDER: 'off' } });
});
beforeEach(() => {
  spoolDir = tempSpoolDir();
  clock = new Date(clock.getTime() + 2 * 3_600_000);
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  rmSync(spoolDir, { recursive: true, force: true });
});
afterAll(async () => {
  await srv.close();
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

/** A household with `phone` whose WeChat contact is on the mock bot's channel. */
async function household(): Promise<{ phone: string; wx: string }> {
  seq += 1;
  const phone = `1350000${String(seq).padStart(4, '0')}`;
  const wx = `wx-household-${seq}`;
  const { householdId } = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100201', idNumber: `11010519491231${String(500 + seq).padStart(3, '0')}X` });
  await srv.db.prisma.household.update({ where: { id: householdId }, data: { phone } });
  await srv.db.prisma.contact.create({ data: { channel: CHANNEL, externalId: wx, name: '王大妈', householdId, householdLink: 'created' } });
  return { phone, wx };
}

async function startWorld(wx: string): Promise<string[]> {
  const { puppet, mocker } = await createPuppet({});
  const said = inbox((mocker as mock.Mocker).createContact({ id: wx, name: '王大妈' }));
  bot = await startBot({ puppet, serverUrl: srv.url, token: BOT_TOKEN, spoolDir, backoff: { initialMs: 20, maxMs: 80 }, pacing: { minIntervalMs: 0 } });
  return said;
}

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${srv.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};

test('the household’s WeChat gets the code through the bot; it logs the villager in; nothing readable is left', async () => {
  const { phone, wx } = await household();
  const said = await startWorld(wx);
  expect((await post('/api/auth/otp/request', { phone })).status).toBe(202);
  await waitFor(() => said.length === 1, 'the login code in WeChat', 10_000);
  const code = /\d{6}/.exec(said[0]!)![0];
  expect(said[0]).toBe(t('zh-CN', 'miniprogram.otp.message', { code, minutes: 5 }));

  expect((await post('/api/auth/otp/verify', { phone, code })).status).toBe(200);
  const row = await srv.db.prisma.outbox.findFirstOrThrow({ where: { kind: 'login_code', targetId: wx } });
  // the ack follows the say
  for (let i = 0; i < 50 && (await srv.db.prisma.outbox.findUniqueOrThrow({ where: { id: row.id } })).status !== 'sent'; i++) await sleep(100);
  expect((await srv.db.prisma.outbox.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('sent');
  expect(await srv.db.prisma.outboxSecret.count({ where: { outboxId: row.id } })).toBe(0);
  expect(JSON.stringify(row.payload)).not.toContain(code);
});

test('a code that could not be said in its five minutes is never said', async () => {
  const { phone, wx } = await household();
  expect((await post('/api/auth/otp/request', { phone })).status).toBe(202); // no bot running
  clock = new Date(clock.getTime() + 5 * 60_000 + 1000);
  const said = await startWorld(wx);
  await sleep(1000); // the bot has polled by now
  expect(said).toEqual([]);
  expect((await srv.db.prisma.outbox.findFirstOrThrow({ where: { kind: 'login_code', targetId: wx } })).status).toBe('expired');
});
