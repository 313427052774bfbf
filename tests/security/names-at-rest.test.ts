/**
 * Issue 8 follow-up: names stayed in clear. A chat contact's WeChat display name (often the real
 * name), the applicant's name that a mini-program filing copies into the contact, a document's
 * file name ("李桂兰病历.jpg") and the unkeyed SHA-256 of a whole mini-program application (its ID
 * number and phone can be guessed back from it) are sealed now (server/core/crypto/sealed-fields.ts):
 * a `pg_dump` holds none of them, and the server still reads them as before.
 */
import { execFileSync } from 'node:child_process';
import { ADMIN_URL } from '../support/postgres';
import { pngBytes, sendText, startTestServer, type TestServer } from '../support/server';
import { answersFor, call, capturingLogger, idNumber, loginByPhone, upload } from '../miniprogram/support';

const log = capturingLogger();
let srv: TestServer;
const CHAT_NAME = '王秀英';
const FILER = { name: '李桂兰', id: idNumber('19580808', 66), phone: '13655557777' };
const FILE_NAME = '李桂兰病历.png';
let appToken = '';
let uploadId = '';

beforeAll(async () => {
  srv = await startTestServer({ log });
  expect((await call(srv, 'POST', '/api/bot/inbound', { token: srv.config.botToken, body: { messageId: 'names-1', bot: { puppet: 'test', accountId: 'bot' }, from: { id: 'wx-names', name: CHAT_NAME }, type: 'text', text: '你好' } })).status).toBe(200);
  appToken = await loginByPhone(srv, log, FILER.phone);
  const up = await upload(srv, appToken, pngBytes(4242), FILE_NAME);
  expect(up.status).toBe(201);
  uploadId = up.body.upload.id;
  const filed = await call(srv, 'POST', '/api/app/applications', {
    token: appToken,
    headers: { 'idempotency-key': 'names-at-rest-1' },
    body: { cause: 'illness', answers: answersFor('illness', { name: FILER.name, idNumber: FILER.id, phone: FILER.phone }), documents: [{ uploadId, item: 'hospital_bill' }] },
  });
  expect(filed.status).toBe(201);
});
afterAll(() => srv.close());

test('the server reads them as before', async () => {
  expect((await srv.db.prisma.contact.findFirstOrThrow({ where: { externalId: 'wx-names' } })).name).toBe(CHAT_NAME);
  expect((await srv.db.prisma.document.findUniqueOrThrow({ where: { id: uploadId } })).fileName).toBe(FILE_NAME);
  // the same key with the same body is a replay, with another body a refusal: the hash is still compared
  const again = await call(srv, 'POST', '/api/app/applications', {
    token: appToken,
    headers: { 'idempotency-key': 'names-at-rest-1' },
    body: { cause: 'illness', answers: answersFor('illness', { name: '别人', idNumber: FILER.id, phone: FILER.phone }), documents: [] },
  });
  expect(again.status).toBe(422);
});

test('the stored columns are sealed', async () => {
  const contacts = await srv.db.raw.contact.findMany({ select: { name: true } });
  const docs = await srv.db.raw.document.findMany({ where: { fileName: { not: null } }, select: { fileName: true } });
  const subs = await srv.db.raw.appSubmission.findMany({ select: { requestHash: true } });
  expect(docs.length).toBeGreaterThan(0);
  expect(subs.length).toBeGreaterThan(0);
  for (const value of [...contacts.map((c) => c.name), ...docs.map((d) => d.fileName!), ...subs.map((s) => s.requestHash)]) expect(value).toMatch(/^fp1:/);
});

test('pg_dump of the database: no name and no file name in clear', () => {
  const url = new URL(ADMIN_URL);
  const dump = execFileSync('pg_dump', ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username) || 'postgres', new URL(srv.db.url).pathname.slice(1)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(dump).toContain('COPY public."Contact"');
  for (const text of [CHAT_NAME, FILER.name, FILE_NAME]) expect({ text, found: dump.includes(text) }).toEqual({ text, found: false });
});
