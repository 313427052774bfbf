/**
 * A plain answer (a step with no effects) is read with one statement and written with one
 * (server/chat/conversation/load.ts, save.ts), outside any transaction: nothing lost, nothing
 * doubled. The same message id at once is answered once and the same way; messages of one
 * villager at once are each applied once, one after the other (the loser of the session's
 * version runs again).
 */
import { sendText, startTestServer, type TestServer } from '../support/server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

/** A villager in the application, at the question for their name. */
async function atNameQuestion(who: string) {
  for (const [i, text] of ['你好', '1', '因病'].entries()) expect((await sendText(srv, who, text, `${who}-${i}`)).status).toBe(200);
  const contact = await srv.db.prisma.contact.findUniqueOrThrow({ where: { channel_externalId: { channel: 'test:bot', externalId: who } } });
  return { contact, session: await srv.db.prisma.conversationSession.findUniqueOrThrow({ where: { contactId: contact.id } }) };
}

const counts = async (contactId: string) => ({
  messages: await srv.db.prisma.inboundMessage.count({ where: { contactId } }),
  version: (await srv.db.prisma.conversationSession.findUniqueOrThrow({ where: { contactId } })).version,
});

test.each([
  { name: 'the same message id four times at once', ids: ['same', 'same', 'same', 'same'], newMessages: 1, newVersions: 1 },
  { name: 'three messages of one villager at once', ids: ['a', 'b', 'c'], newMessages: 3, newVersions: 3 },
])('$name: each applied once', async ({ name, ids, newMessages, newVersions }) => {
  const who = `plain-${name.length}`;
  const { contact } = await atNameQuestion(who);
  const before = await counts(contact.id);
  const results = await Promise.all(ids.map((id) => sendText(srv, who, '王小明', `${who}-${id}`)));
  expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
  for (const r of results) expect(r.body.replies!.length).toBeGreaterThan(0);
  // one id: one answer, said the same way to every repeat
  if (new Set(ids).size === 1) expect(new Set(results.map((r) => JSON.stringify(r.body.replies))).size).toBe(1);
  const after = await counts(contact.id);
  expect({ messages: after.messages - before.messages, versions: after.version - before.version }).toEqual({ messages: newMessages, versions: newVersions });
});

test('a repeat of a plain answer later changes nothing and says the same', async () => {
  const who = 'plain-repeat';
  const { contact } = await atNameQuestion(who);
  const first = await sendText(srv, who, '王小明', `${who}-x`);
  const before = await counts(contact.id);
  const again = await sendText(srv, who, '王小明', `${who}-x`);
  expect(again.body.replies).toEqual(first.body.replies);
  expect(await counts(contact.id)).toEqual(before);
});
