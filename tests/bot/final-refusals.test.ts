/**
 * Issue 8, finding 8, end to end: the bot on the mock WeChat against the real server. A NUL in
 * a villager's WeChat name is stripped (the villager is answered); a NUL in the text is a 400 the
 * bot takes as final — the villager hears it once and the next message goes through, where the
 * bot used to retry a 500 for ever and jam the conversation. A decompression-bomb photo gets the
 * server's own polite reply, once.
 */
import { readdirSync, rmSync } from 'node:fs';
import { FileBox } from 'file-box';
import { botT } from '../../bot/i18n';
import { t } from '../../flows/i18n';
import { startTestServer, type TestServer } from '../support/server';
import { pngOfSize } from '../support/png-header';
import { inbox, leftovers, sleep, startTestBot, TOKEN, waitFor, type TestBot } from './support';

const REJECTED = botT('zh-CN')('inbound.rejected');
let baseline: string[];
let srv: TestServer;
let running: TestBot;

beforeAll(async () => {
  baseline = process.getActiveResourcesInfo();
  srv = await startTestServer({ env: { BOT_TOKEN: TOKEN } });
  running = await startTestBot(srv.url);
});
afterAll(async () => {
  await running.stop();
  rmSync(running.spoolDir, { recursive: true, force: true });
  await srv.close();
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

const spooled = () => readdirSync(running.spoolDir).filter((f) => f.endsWith('.spool'));

test('a NUL in the text: told once, dropped, the next message answered; a NUL in the name: answered', async () => {
  const villager = running.mocker.createContact({ id: 'v-nul-e2e', name: '王\u0000大妈' });
  const said = inbox(villager);
  villager.say('我要\u0000申请').to(running.botContact);
  villager.say('你好').to(running.botContact);
  await waitFor(() => said.length >= 2, 'the refusal and the menu', 15_000);
  expect(said[0]).toBe(REJECTED);
  expect(said.slice(1).join('\n')).toContain(t('zh-CN', 'menu.apply'));
  await sleep(300);
  expect(said.filter((s) => s === REJECTED)).toHaveLength(1);
  expect(spooled()).toEqual([]);
  const contact = await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: 'v-nul-e2e' } });
  expect(contact.name).toBe('王大妈');
});

test('a 20000×20000 PNG: the server\'s polite reply, once, and nothing kept', async () => {
  const villager = running.mocker.createContact({ id: 'v-bomb-e2e', name: '李奶奶' });
  const said = inbox(villager);
  villager.say(FileBox.fromBase64(pngOfSize(20_000, 20_000).toString('base64'), 'bill.png')).to(running.botContact);
  await waitFor(() => said.length >= 1, 'the reply', 15_000);
  await sleep(300);
  expect(said).toEqual([t('zh-CN', 'media.too_many_pixels')]);
  expect(spooled()).toEqual([]);
  expect(await srv.db.prisma.document.count()).toBe(0);
});
