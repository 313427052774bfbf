import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FileBox } from 'file-box';
import { t } from '../../flows/i18n';
import { botT } from '../../bot/i18n';
import type { Pending } from '../../bot/inbound';
import { Spool } from '../../bot/spool';
import { echo, FakeServer, inbox, leftovers, sleep, startTestBot, tempSpoolDir, TOKEN, waitFor, type RecordedCall, type TestBot } from './support';

const BUSY = t('zh-CN', 'server.busy');
const REJECTED = botT('zh-CN')('inbound.rejected');
test('the busy notice is a real sentence', () => expect(BUSY).toMatch(/稍后/));
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const unavailable = { status: 503, body: { error: 'database down' } };

let baseline: string[];
let logged: string[] = [];
let server: FakeServer;
let running: TestBot[] = [];
let spoolDir: string;

beforeAll(() => {
  baseline = process.getActiveResourcesInfo();
  // keep the retry logs out of the test output, but look at them: never a villager's words
  for (const level of ['info', 'warn', 'error'] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  }
});
beforeEach(async () => {
  server = await new FakeServer().start();
  spoolDir = tempSpoolDir();
});
afterEach(async () => {
  for (const r of running) await r.stop();
  running = [];
  await server.stop();
  rmSync(spoolDir, { recursive: true, force: true });
});
afterAll(async () => {
  expect(logged.some((line) => line.includes('server unavailable'))).toBe(true);
  expect(logged.filter((line) => /我要申请|你好|户口本/.test(line))).toEqual([]);
  jest.restoreAllMocks();
  await sleep(50);
  expect(leftovers(baseline)).toEqual([]);
});

async function start(options: Parameters<typeof startTestBot>[1] = {}): Promise<TestBot> {
  const bot = await startTestBot(server.url, { spoolDir, ...options });
  running.push(bot);
  return bot;
}
const texts = (calls: RecordedCall[]): string[] => calls.map((c) => c.body['text']);
const spooled = (): string[] => readdirSync(spoolDir).filter((f) => f.endsWith('.spool'));

test('server down: one "busy" notice each, then every reply in order once it is back', async () => {
  server.answer = () => unavailable;
  const { mocker, botContact } = await start();
  const zhang = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const li = mocker.createContact({ id: 'v-li', name: '李奶奶' });
  const zhangSaid = inbox(zhang);
  const liSaid = inbox(li);

  for (const text of ['一', '二', '三']) zhang.say(text).to(botContact);
  li.say('你好').to(botContact);
  await waitFor(() => zhangSaid.length === 1 && liSaid.length === 1, 'the busy notices');
  await waitFor(() => server.callsFrom('张大爷').length >= 4, 'a few retries');
  expect(spooled()).toHaveLength(4); // all four wait on disk
  // while the first is retrying, the later ones are not even tried
  expect(new Set(texts(server.callsFrom('张大爷')))).toEqual(new Set(['一']));

  server.answer = echo;
  await waitFor(() => zhangSaid.length === 4 && liSaid.length === 2, 'the replies');
  expect(zhangSaid).toEqual([BUSY, '收到：一', '收到：二', '收到：三']);
  expect(liSaid).toEqual([BUSY, '收到：你好']);
  // each later message went out only after the earlier one was answered, and just once
  expect(texts(server.callsFrom('张大爷')).filter((x) => x !== '一')).toEqual(['二', '三']);
  await sleep(100);
  expect(zhangSaid).toHaveLength(4); // no second busy, nothing repeated
  await waitFor(() => spooled().length === 0, 'an empty spool');
});

test("one villager's stuck message does not hold up another villager", async () => {
  server.answer = (call) => (call.body['from'].name === '张大爷' ? unavailable : echo(call));
  const { mocker, botContact } = await start();
  const zhang = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const li = mocker.createContact({ id: 'v-li', name: '李奶奶' });
  const zhangSaid = inbox(zhang);
  const liSaid = inbox(li);

  zhang.say('一').to(botContact);
  zhang.say('二').to(botContact);
  await waitFor(() => zhangSaid.length === 1, 'the busy notice');
  li.say('你好').to(botContact);
  li.say('在吗').to(botContact);
  await waitFor(() => liSaid.length === 2, "the other villager's replies");
  expect(liSaid).toEqual(['收到：你好', '收到：在吗']);
  expect(zhangSaid).toEqual([BUSY]);
  expect(texts(server.callsFrom('张大爷'))).not.toContain('二');

  server.answer = echo;
  await waitFor(() => zhangSaid.length === 3, 'the stuck replies');
  expect(zhangSaid).toEqual([BUSY, '收到：一', '收到：二']);
});

test('network errors are retried like 5xx until the server is reachable again', async () => {
  const { mocker, botContact } = await start();
  await server.stop(); // connection refused from now on
  const zhang = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(zhang);

  zhang.say('我要申请').to(botContact);
  await waitFor(() => said.length === 1, 'the busy notice');
  await sleep(150);
  await server.start(); // same port
  await waitFor(() => said.length === 2, 'the reply');
  expect(said).toEqual([BUSY, '收到：我要申请']);
});

test('413 with replies: the replies are said, no retry', async () => {
  server.answer = () => ({ status: 413, body: { replies: [{ type: 'text', text: '文件太大了，请拍小一点的照片' }] } });
  const { mocker, botContact } = await start();
  const zhang = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(zhang);

  zhang.say(FileBox.fromBase64(PNG.toString('base64'), 'big.png')).to(botContact);
  await waitFor(() => said.length === 1, 'the reply');
  await sleep(200);
  expect(said).toEqual(['文件太大了，请拍小一点的照片']);
  expect(server.calls).toHaveLength(1);
  expect(spooled()).toEqual([]);
});

test.each([
  ['400 (a NUL the server refused)', 400],
  ['415', 415],
  ['422', 422],
])('a %s without replies is final: the villager hears it once, it leaves the spool, the next message goes on', async (_label, status) => {
  server.answer = (call) => (call.body['text'] === '坏' ? { status, body: { error: { code: 'bad_request', message: 'text: control character', field: 'text' } } } : echo(call));
  const { mocker, botContact } = await start();
  const zhang = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(zhang);

  zhang.say('坏').to(botContact);
  zhang.say('下一条').to(botContact);
  await waitFor(() => said.length === 2, 'the refusal and the next reply');
  await sleep(200);
  expect(said).toEqual([REJECTED, '收到：下一条']);
  expect(texts(server.calls)).toEqual(['坏', '下一条']); // never retried
  expect(spooled()).toEqual([]);
});

test('a 4xx with the server\'s polite reply says that reply, not ours', async () => {
  server.answer = () => ({ status: 400, body: { error: { code: 'bad_request', message: 'x', field: 'text' }, replies: [{ type: 'text', text: '请重新输入' }] } });
  const { mocker, botContact } = await start();
  const zhang = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(zhang);
  zhang.say('x').to(botContact);
  await waitFor(() => said.length === 1, 'the reply');
  await sleep(200);
  expect(said).toEqual(['请重新输入']);
  expect(server.calls).toHaveLength(1);
  expect(spooled()).toEqual([]);
});

test('401: our token is wrong, so the call is kept for the next start instead of dropped', async () => {
  server.answer = () => ({ status: 401 });
  const first = await start();
  const zhang = first.mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const firstSaid = inbox(zhang);
  zhang.say('我要申请').to(first.botContact);
  await waitFor(() => server.calls.length === 1, 'the call');
  await sleep(200);
  expect(server.calls).toHaveLength(1);
  expect(firstSaid).toEqual([]);
  expect(spooled()).toHaveLength(1);
  await first.stop();

  server.answer = echo; // fixed and restarted
  let secondSaid: string[] = [];
  await start({ before: (mocker) => void (secondSaid = inbox(mocker.createContact({ id: 'v-zhang', name: '张大爷' }))) });
  await waitFor(() => secondSaid.length === 1, 'the reply');
  expect(secondSaid).toEqual(['收到：我要申请']);
  await waitFor(() => spooled().length === 0, 'an empty spool');
});

test('a bot restarted during an outage replays its spool: nothing lost, no second busy notice', async () => {
  const first = await start();
  await server.stop();
  const zhang = first.mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const firstSaid = inbox(zhang);
  zhang.say('我要申请').to(first.botContact);
  zhang.say(FileBox.fromBase64(PNG.toString('base64'), '户口本.png')).to(first.botContact);
  await waitFor(() => firstSaid.length === 1 && spooled().length === 2, 'the busy notice and the spool');
  expect(firstSaid).toEqual([BUSY]);

  await first.stop();
  expect(spooled()).toHaveLength(2); // still waiting on disk

  // a new process: fresh mocker and puppet; the villager is still the same contact
  let secondSaid: string[] = [];
  const second = await start({
    before: (mocker) => {
      secondSaid = inbox(mocker.createContact({ id: 'v-zhang', name: '张大爷' }));
    },
  });
  await sleep(200); // still down: retrying, but the villager was already told
  expect(secondSaid).toEqual([]);

  await server.start();
  await waitFor(() => secondSaid.length === 2, 'the replayed replies');
  expect(secondSaid).toEqual(['收到：我要申请', '收到：image']);
  expect(server.calls.map((c) => c.body['type'])).toEqual(['text', 'image']);
  expect(server.calls[1]!.file).toEqual({ name: '户口本.png', mimeType: 'image/png', bytes: PNG });
  expect(server.calls[0]!.body['bot']).toEqual({ puppet: 'wechaty-puppet-mock', accountId: second.botContact.id });
  await waitFor(() => spooled().length === 0, 'an empty spool');
});

test('what waits in the spool is sealed: no word or photo of the villager on disk, and only the same secret reads it', async () => {
  server.answer = () => unavailable;
  const { mocker, botContact } = await start();
  const zhang = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(zhang);
  const idNumber = '110101195001010018';
  zhang.say(`我的身份证 ${idNumber}`).to(botContact);
  zhang.say(FileBox.fromBase64(PNG.toString('base64'), '户口本.png')).to(botContact);
  await waitFor(() => said.length === 1 && spooled().length === 2, 'two spooled messages');
  for (const name of spooled()) {
    const bytes = readFileSync(path.join(spoolDir, name));
    expect(bytes.includes(Buffer.from(idNumber))).toBe(false);
    expect(bytes.includes(Buffer.from('张大爷'))).toBe(false);
    expect(bytes.includes(PNG.subarray(16, 48))).toBe(false);
    expect(bytes.includes(Buffer.from(PNG.subarray(16, 48).toString('base64')))).toBe(false);
    expect(statSync(path.join(spoolDir, name)).mode & 0o077).toBe(0);
  }
  expect((await new Spool(spoolDir, TOKEN).load()).map((p) => p.inbound.messageId)).toHaveLength(2);
  for (const r of running) await r.stop();
  running = [];
  // another secret cannot read them: they are put aside (".bad"), never replayed
  const other = await new Spool(spoolDir, 'another-secret').load();
  expect(other).toEqual([]);
  expect(readdirSync(spoolDir).filter((f) => f.endsWith('.bad'))).toHaveLength(2);
});

test('a clear spool file left by an earlier version is still replayed, then removed', async () => {
  const pending: Pending = {
    seq: 1,
    busySaid: true,
    replyTo: { contactId: 'v-wang' },
    inbound: { messageId: 'legacy-1', bot: { puppet: 'wechaty-puppet-mock', accountId: 'old' }, from: { id: 'v-wang', name: '王大妈' }, type: 'text', text: '你好' },
  };
  mkdirSync(spoolDir, { recursive: true });
  // named as that version named them: arrival stamp, then the message id's hash
  const hash = createHash('sha256').update('legacy-1').digest('hex').slice(0, 16);
  writeFileSync(path.join(spoolDir, `000000000000001-${hash}.json`), JSON.stringify(pending));
  server.answer = echo;
  let wangSaid: string[] = [];
  await start({ before: (mocker) => void (wangSaid = inbox(mocker.createContact({ id: 'v-wang', name: '王大妈' }))) });
  await waitFor(() => wangSaid.length === 1, 'the legacy message answered');
  expect(wangSaid).toEqual(['收到：你好']);
  await waitFor(() => readdirSync(spoolDir).length === 0, 'the legacy file removed');
});
