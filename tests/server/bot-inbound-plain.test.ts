/**
 * A plain answer (a step with no effects, or only a photo for the application) is read with one
 * statement and written with one (server/chat/conversation/load.ts, save.ts), outside any
 * transaction, and so are a contact's first words (the contact made in the same statement):
 * nothing lost, nothing doubled. The same message id at once is answered once and the same way;
 * messages of one villager at once are each applied once, one after the other (the loser of the
 * session's version, or of the new contact's unique key, runs again). Through the pg pool as the
 * server sends them, and through Prisma's runtime as PGlite and tests calling the runtime do.
 */
import { createHash } from 'node:crypto';
import { throughPrisma } from '../../server/core/db/direct';
import { createTestDatabase } from '../support/database';
import { jpegBytes, sendFile, sendText, startTestServer, type TestServer } from '../support/server';

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

// the clean 因病 run of tests/e2e/apply-by-chat-short.test.ts up to its first paper
const TO_FIRST_PAPER = ['我老伴住院了，花了三万二，想申请帮扶', '李秀英 11010519491231002X', '13800138000', '柳树村', '老两口，一年收入两万四', '是的', '对', '王大山', '脑梗，在县人民医院住的院', '对', '对', '医保报了一万', '对'];
const ID_SHAPE = /^[a-z0-9]{10,40}$/; // what the API accepts as an id (GET /api/documents/:id, contacts…)

describe.each([
  { runner: 'the pg pool', viaPrisma: false },
  { runner: "Prisma's runtime", viaPrisma: true },
])('first words and photos through $runner', ({ viaPrisma }) => {
  let own: TestServer;
  beforeAll(async () => {
    const db = await createTestDatabase();
    own = await startTestServer({ db: viaPrisma ? { ...db, sql: throughPrisma(db.raw) } : db });
  });
  afterAll(async () => {
    await own.close();
  });
  const contactOf = (who: string) => own.db.prisma.contact.findUnique({ where: { channel_externalId: { channel: 'test:bot', externalId: who } } });

  test('first words make the contact, its session and the message; a photo keeps its paper with the answer', async () => {
    const who = 'first-and-photo';
    for (const [i, text] of TO_FIRST_PAPER.entries()) expect((await sendText(own, who, text, `${who}-${i}`)).status).toBe(200);
    const contact = (await contactOf(who))!;
    expect(contact).toMatchObject({ name: who, lang: 'zh-CN', householdId: null, publicityOptOut: false });
    expect(contact.id).toMatch(ID_SHAPE);
    // sealed at rest as the sealed client seals it
    expect((await own.db.raw.contact.findUniqueOrThrow({ where: { id: contact.id } })).name).not.toBe(who);

    const bytes = jpegBytes(21);
    const photo = await sendFile(own, who, bytes, '住院发票.jpg', `${who}-photo`);
    expect(photo.status).toBe(200);
    expect(photo.body.replies!.map((r) => r.text).join('\n')).toContain('第1张');
    const docs = await own.db.prisma.document.findMany({ where: { contactId: contact.id } });
    expect(docs).toEqual([expect.objectContaining({ caseId: null, kind: 'hospital_bill', mime: 'image/jpeg', size: bytes.length, fileName: '住院发票.jpg', sha256: createHash('sha256').update(bytes).digest('hex') })]);
    expect(docs[0]!.id).toMatch(ID_SHAPE);
    expect((await own.db.raw.document.findUniqueOrThrow({ where: { id: docs[0]!.id } })).sha256).not.toBe(docs[0]!.sha256);
    const session = await own.db.prisma.conversationSession.findUniqueOrThrow({ where: { contactId: contact.id } });
    expect({ version: session.version, messages: await own.db.prisma.inboundMessage.count({ where: { contactId: contact.id } }) }).toEqual({ version: TO_FIRST_PAPER.length, messages: TO_FIRST_PAPER.length + 1 });
  });

  test.each([
    { name: 'first words of a new contact, three at once', ids: ['a', 'b', 'c'], messages: 3 },
    { name: 'the same first message four times at once', ids: ['same', 'same', 'same', 'same'], messages: 1 },
  ])('$name: one contact, each message applied once', async ({ name, ids, messages }) => {
    const who = `first-${name.length}`;
    const results = await Promise.all(ids.map((id) => sendText(own, who, '你好', `${who}-${id}`)));
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    if (new Set(ids).size === 1) expect(new Set(results.map((r) => JSON.stringify(r.body.replies))).size).toBe(1);
    const contacts = await own.db.prisma.contact.findMany({ where: { externalId: who } });
    expect(contacts).toHaveLength(1);
    const session = await own.db.prisma.conversationSession.findUniqueOrThrow({ where: { contactId: contacts[0]!.id } });
    expect({ messages: await own.db.prisma.inboundMessage.count({ where: { contactId: contacts[0]!.id } }), version: session.version }).toEqual({ messages, version: messages - 1 });
  });

  test('the same photo four times at once: one paper, one answer', async () => {
    const who = 'photo-repeat';
    for (const [i, text] of TO_FIRST_PAPER.entries()) expect((await sendText(own, who, text, `${who}-${i}`)).status).toBe(200);
    const bytes = jpegBytes(22);
    const results = await Promise.all([1, 2, 3, 4].map(() => sendFile(own, who, bytes, 'a.jpg', `${who}-photo`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => JSON.stringify(r.body.replies))).size).toBe(1);
    const contact = (await contactOf(who))!;
    expect(await own.db.prisma.document.count({ where: { contactId: contact.id } })).toBe(1);
  });
});
