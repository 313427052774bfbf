import { rmSync } from 'node:fs';
import { FileBox } from 'file-box';
import { types } from 'wechaty-puppet';
import { MOCK_BOT } from '../../bot/puppet';
import { FakeServer, inbox, leftovers, sleep, startTestBot, TOKEN, waitFor, type TestBot } from './support';

// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let baseline: string[];
let server: FakeServer;
let running: TestBot | undefined;

beforeAll(() => {
  baseline = process.getActiveResourcesInfo();
});
beforeEach(async () => {
  server = await new FakeServer().start();
});
afterEach(async () => {
  await running?.stop();
  if (running) rmSync(running.spoolDir, { recursive: true, force: true });
  running = undefined;
  await server.stop();
});
afterAll(async () => {
  await sleep(50); // let closed sockets finish closing
  expect(leftovers(baseline)).toEqual([]);
});

test('a text is forwarded as the contract JSON and the reply is said back', async () => {
  running = await startTestBot(server.url);
  const { mocker, botContact } = running;
  const villager = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(villager);

  villager.say('我要申请').to(botContact);
  await waitFor(() => said.length === 1, 'the reply');

  expect(said).toEqual(['收到：我要申请']);
  expect(server.calls).toHaveLength(1);
  const [call] = server.calls;
  expect(call!.authorization).toBe(`Bearer ${TOKEN}`);
  expect(call!.contentType).toMatch(/^application\/json/);
  expect(call!.body).toEqual({
    messageId: expect.any(String),
    bot: { puppet: 'wechaty-puppet-mock', accountId: MOCK_BOT.id },
    from: { id: 'v-zhang', name: '张大爷' },
    type: 'text',
    text: '我要申请',
  });
});

test('an image goes as multipart: meta without text, and the bytes intact', async () => {
  running = await startTestBot(server.url);
  const { mocker, botContact } = running;
  const villager = mocker.createContact({ id: 'v-zhang', name: '张大爷', alias: '张三' });
  const said = inbox(villager);

  villager.say(FileBox.fromBase64(PNG.toString('base64'), '病历.png')).to(botContact);
  await waitFor(() => said.length === 1, 'the reply');

  const [call] = server.calls;
  expect(call!.contentType).toMatch(/^multipart\/form-data/);
  expect(call!.body).toEqual({
    messageId: expect.any(String),
    bot: { puppet: 'wechaty-puppet-mock', accountId: MOCK_BOT.id },
    from: { id: 'v-zhang', name: '张大爷', alias: '张三' },
    type: 'image',
  });
  expect(call!.file).toEqual({ name: '病历.png', mimeType: 'image/png', bytes: PNG });
  expect(said).toEqual(['收到：image']);
});

test('a message the puppet emits twice is forwarded and answered once', async () => {
  running = await startTestBot(server.url);
  const { mocker, botContact } = running;
  const villager = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(villager);
  mocker.MessageMock.create({ id: 'm-twice', talkerId: villager.id, listenerId: botContact.id, timestamp: Date.now(), type: types.Message.Text, text: '你好' });
  mocker.puppet.emit('message', { messageId: 'm-twice' });
  mocker.puppet.emit('message', { messageId: 'm-twice' });
  await waitFor(() => said.length === 1, 'the reply');
  await sleep(100);
  expect(server.calls).toHaveLength(1);
  expect(said).toEqual(['收到：你好']);
});

test('a document comes through as type "file"', async () => {
  running = await startTestBot(server.url);
  const { mocker, botContact } = running;
  const villager = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  // the mock makes most documents "Unknown": inject the Attachment message directly
  const bytes = Buffer.from('%PDF-1.4 诊断证明');
  mocker.cacheFileBoxPayload.set('m-pdf', FileBox.fromBase64(bytes.toString('base64'), '诊断证明.pdf').toJSON());
  mocker.MessageMock.create({ id: 'm-pdf', talkerId: villager.id, listenerId: botContact.id, timestamp: Date.now(), type: types.Message.Attachment });
  mocker.puppet.emit('message', { messageId: 'm-pdf' });

  await waitFor(() => server.calls.length === 1, 'the call');
  expect(server.calls[0]!.body).toMatchObject({ messageId: 'm-pdf', type: 'file' });
  expect(server.calls[0]!.file).toEqual({ name: '诊断证明.pdf', mimeType: 'application/pdf', bytes });
});

test('own messages, history, recalls and un-mentioned room messages are ignored', async () => {
  running = await startTestBot(server.url);
  const { mocker, botContact, bot } = running;
  const villager = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const room = mocker.createRoom({ id: 'r-village@chatroom', topic: '村工作群', memberIdList: [botContact.id, villager.id] });

  await (await bot.Contact.find({ id: villager.id }))!.say('bot talking'); // comes back as a message from self
  const emit = (id: string, type: types.Message, timestamp = Date.now()): void => {
    mocker.MessageMock.create({ id, talkerId: villager.id, listenerId: botContact.id, timestamp, type, text: 'x' });
    mocker.puppet.emit('message', { messageId: id });
  };
  emit('m-old', types.Message.Text, Date.now() - 3_600_000); // replayed history
  emit('m-recalled', types.Message.Recalled); // "张大爷撤回了一条消息"
  villager.say('大家好').to(room); // group chatter, no @
  villager.say('@防贫助手 我要申请', [botContact]).to(room); // the only one to forward

  await waitFor(() => server.calls.length >= 1, 'the mentioned message');
  await sleep(200);
  expect(server.calls.map((c) => c.body['text'])).toEqual(['我要申请']);
});

test.each([
  [types.Message.Emoticon, 'emoticon'],
  [types.Message.Url, 'url'],
  [types.Message.Location, 'location'],
  [types.Message.Contact, 'contact'],
  [types.Message.MiniProgram, 'miniprogram'],
  [types.Message.Transfer, 'other'],
  [types.Message.Unknown, 'other'],
])('what the server cannot read (type %s) goes as "unsupported" (%s), and its answer is said', async (type, kind) => {
  server.answer = () => ({ status: 200, body: { replies: [{ type: 'text', text: '请打字或拍照' }] } });
  running = await startTestBot(server.url);
  const { mocker, botContact } = running;
  const villager = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const said = inbox(villager);
  mocker.MessageMock.create({ id: `m-${kind}`, talkerId: villager.id, listenerId: botContact.id, timestamp: Date.now(), type });
  mocker.puppet.emit('message', { messageId: `m-${kind}` });

  await waitFor(() => said.length === 1, 'the reply');
  expect(server.calls).toHaveLength(1);
  expect(server.calls[0]!.contentType).toMatch(/^application\/json/);
  expect(server.calls[0]!.body).toEqual({
    messageId: `m-${kind}`,
    bot: { puppet: 'wechaty-puppet-mock', accountId: MOCK_BOT.id },
    from: { id: 'v-zhang', name: '张大爷' },
    type: 'unsupported',
    kind,
  });
  expect(said).toEqual(['请打字或拍照']);
});

test('a mentioned room message is forwarded without the mention, the reply @-mentions the sender', async () => {
  running = await startTestBot(server.url);
  const { mocker, botContact } = running;
  const villager = mocker.createContact({ id: 'v-zhang', name: '张大爷' });
  const room = mocker.createRoom({ id: 'r-village@chatroom', topic: '村工作群', memberIdList: [botContact.id, villager.id] });
  const roomSaid = inbox(room);
  const privateSaid = inbox(villager);

  villager.say('@防贫助手 我要申请', [botContact]).to(room);
  await waitFor(() => roomSaid.length === 1, 'the room reply');

  expect(server.calls[0]!.body).toEqual({
    messageId: expect.any(String),
    bot: { puppet: 'wechaty-puppet-mock', accountId: MOCK_BOT.id },
    from: { id: 'v-zhang', name: '张大爷' },
    room: { id: 'r-village@chatroom', topic: '村工作群' },
    type: 'text',
    text: '我要申请',
  });
  expect(roomSaid).toEqual(['@张大爷 收到：我要申请']);
  expect(privateSaid).toEqual([]);
});
