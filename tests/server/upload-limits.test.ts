/**
 * Second security review, M2: POST /api/app/uploads had no cap per villager (40 × 2 MB all 201),
 * unfiled uploads were never removed, supplements were uncapped, and 30 concurrent 20 MB uploads
 * held 2.2 GB (bodies in memory, on every upload path). Now: a villager's unfiled uploads and a
 * returned case's supplements are capped in files and bytes (refused in the villager's language,
 * naming `file`), uploads are rate-limited per villager, at most UPLOAD_CONCURRENCY bodies are read
 * at once on any upload path (one more waits up to UPLOAD_WAIT_MS, unread, then 503 + Retry-After; a
 * place is held only while a body is read and stored, not through the bot's turn after it), and unfiled uploads expire after
 * UPLOAD_TTL_HOURS — rows, then files through the document sweep.
 */
import { request } from 'node:http';
import { existsSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../flows/i18n';
import { collectOrphanDocuments, ORPHAN_GRACE_MS } from '../../server/core/documents/gc';
import { expireUnfiledUploads } from '../../server/core/documents/upload-expiry';
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, BOT_TOKEN, pngBytes, sendFile, sendText, startTestServer, type TestServer } from '../support/server';
import { call, capturingLogger, idNumber, loginByPhone, upload } from '../miniprogram/support';

const MAX_FILES = 3;
const PNG_SIZE = pngBytes(1000).length;
/** Room for three small PNGs, not for one padded to more than a third of it. */
const MAX_TOTAL = PNG_SIZE * 3 + 30;
/** How long an upload waits for a place: long enough for a stalled upload ended on purpose to finish on a busy machine. */
const WAIT_MS = 1500;
const log = capturingLogger();
let clock = new Date('2026-07-20T02:00:00Z');
let srv: TestServer;
let phone = 13900007000;
let variant = 100;

beforeAll(async () => {
  srv = await startTestServer({
    log,
    now: () => clock,
    env: { UPLOAD_MAX_FILES: String(MAX_FILES), UPLOAD_MAX_TOTAL_BYTES: String(MAX_TOTAL), UPLOAD_PER_MINUTE: '6', UPLOAD_PER_HOUR: '1000', UPLOAD_CONCURRENCY: '2', UPLOAD_WAIT_MS: String(WAIT_MS), UPLOAD_TTL_HOURS: '24' },
  });
});
afterAll(() => srv.close());
// each test in a fresh minute (the per-minute rate) with a fresh villager
beforeEach(() => {
  clock = new Date(clock.getTime() + 5 * 60_000);
});
const villager = () => loginByPhone(srv, log, String(++phone));
const png = () => pngBytes(++variant);
const unfiled = (contactId: string) => srv.db.prisma.document.count({ where: { contactId, caseId: null } });

describe('a villager\'s unfiled uploads are capped', () => {
  test('in files: the fourth is refused (429, in the villager\'s language, naming file) until one is deleted', async () => {
    const token = await villager();
    const ids: string[] = [];
    for (let i = 0; i < MAX_FILES; i++) {
      const r = await upload(srv, token, png(), 'p.png');
      expect(r.status).toBe(201);
      ids.push(r.body.upload.id);
    }
    const over = await upload(srv, token, png(), 'p.png');
    expect({ status: over.status, field: over.body.error.field, message: over.body.error.message }).toEqual({ status: 429, field: 'file', message: t('zh-CN', 'media.too_many_uploads', { n: MAX_FILES }) });
    const contactId = (await srv.db.prisma.document.findUniqueOrThrow({ where: { id: ids[0]! } })).contactId!;
    expect(await unfiled(contactId)).toBe(MAX_FILES);
    expect((await call(srv, 'DELETE', `/api/app/uploads/${ids[0]}`, { token })).status).toBe(204);
    expect((await upload(srv, token, png(), 'p.png')).status).toBe(201);
  });

  test('in bytes: a file that would pass the total is refused (413 naming file) and nothing is kept', async () => {
    const token = await villager();
    expect((await upload(srv, token, png(), 'p.png')).status).toBe(201);
    const big = Buffer.concat([png(), Buffer.alloc(MAX_TOTAL - PNG_SIZE)]);
    const before = await srv.db.prisma.document.count();
    const r = await upload(srv, token, big, 'big.png');
    expect({ status: r.status, field: r.body.error.field, code: r.body.error.code }).toEqual({ status: 413, field: 'file', code: 'uploads_too_large' });
    expect(await srv.db.prisma.document.count()).toBe(before);
  });

  test('racing uploads never leave more than the cap', async () => {
    const token = await villager();
    const results = await Promise.all(Array.from({ length: 8 }, () => upload(srv, token, png(), 'p.png')));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => [201, 429, 503].includes(s))).toBe(true);
    const kept = results.find((r) => r.status === 201)!;
    const contactId = (await srv.db.prisma.document.findUniqueOrThrow({ where: { id: kept.body.upload.id } })).contactId!;
    expect(await unfiled(contactId)).toBeLessThanOrEqual(MAX_FILES);
    expect(statuses.filter((s) => s === 201).length).toBe(await unfiled(contactId));
  });

  test('the supplements of a returned case are capped the same way', async () => {
    const token = await villager();
    const first = await upload(srv, token, png(), 'p.png');
    const contactId = (await srv.db.prisma.document.findUniqueOrThrow({ where: { id: first.body.upload.id } })).contactId!;
    const { caseNo } = await insertCase(srv.db.prisma, srv.config.documentsDir, {
      villageCode: '439901100201',
      status: 'returned',
      idNumber: idNumber('19700101', 700 + (variant % 100)),
      contactId,
      fields: { returnedFrom: 'village_review', missingItems: ['户口本'] },
    });
    const path = `/api/app/cases/${caseNo}/supplements`;
    for (let i = 0; i < MAX_FILES; i++) expect((await upload(srv, token, png(), 's.png', path)).status).toBe(201);
    const over = await upload(srv, token, png(), 's.png', path);
    expect({ status: over.status, field: over.body.error.field }).toEqual({ status: 429, field: 'file' });
  });
});

test('uploads are rate-limited per villager: 429 with Retry-After naming file', async () => {
  const token = await villager();
  const ids: string[] = [];
  // upload and delete, so the cap is never what refuses
  for (let i = 0; i < 6; i++) {
    const r = await upload(srv, token, png(), 'p.png');
    expect(r.status).toBe(201);
    ids.push(r.body.upload.id);
    await call(srv, 'DELETE', `/api/app/uploads/${r.body.upload.id}`, { token });
  }
  const res = await fetch(`${srv.url}/api/app/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form(png()) });
  const body = (await res.json()) as any;
  expect({ status: res.status, field: body.error.field, message: body.error.message }).toEqual({ status: 429, field: 'file', message: t('zh-CN', 'media.upload_rate') });
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  // another villager is not held up by this one
  expect((await upload(srv, await villager(), png(), 'p.png')).status).toBe(201);
});

function form(bytes: Buffer): FormData {
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(bytes)]), 'p.png');
  return f;
}

/** Starts a multipart upload whose body never finishes (its file is held in memory, part read); `end()` finishes it. */
function stalledUpload(urlPath: string, token: string, fields: Record<string, string> = {}) {
  const boundary = 'stall' + Math.random().toString(16).slice(2);
  const head =
    Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`;
  const url = new URL(srv.url + urlPath);
  const stalled = { done: Promise.resolve(0), end: () => {} };
  stalled.done = new Promise<number>((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.write(head + png().toString('latin1'), 'latin1');
    stalled.end = () => req.end(`\r\n--${boundary}--\r\n`);
  });
  return stalled;
}

test.each([
  ['a mini-program upload', '/api/app/uploads', 'villager'],
  ['the bot\'s media', '/api/bot/inbound', 'bot'],
  ['a broadcast image', '/api/broadcasts/images', 'admin'],
] as const)('while UPLOAD_CONCURRENCY bodies are being read and none finishes within UPLOAD_WAIT_MS, %s is refused: 503 with Retry-After', async (_label, urlPath, who) => {
  const holder = await villager();
  const a = stalledUpload('/api/app/uploads', holder);
  const b = stalledUpload('/api/app/uploads', holder);
  await new Promise((r) => setTimeout(r, 300)); // both inside the gate, reading
  const token = who === 'villager' ? await villager() : who === 'bot' ? BOT_TOKEN : ADMIN_TOKEN;
  const f = form(png());
  if (who === 'bot') f.append('meta', JSON.stringify({ messageId: `gate-${variant}`, bot: { puppet: 'test', accountId: 'bot' }, from: { id: 'v-gate' }, type: 'image' }));
  const res = await fetch(`${srv.url}${urlPath}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: f });
  const body = (await res.json()) as any;
  expect({ status: res.status, code: body.error?.code, field: body.error?.field }).toEqual({ status: 503, code: 'busy', field: 'file' });
  expect(res.headers.get('retry-after')).toBe('5');
  a.end();
  b.end();
  expect(await Promise.all([a.done, b.done])).toEqual([201, 201]);
  // the places are free again
  expect((await upload(srv, await villager(), png(), 'p.png')).status).toBe(201);
});

test('an upload that finds every place taken waits, unread, and takes the first place freed', async () => {
  const holder = await villager();
  const a = stalledUpload('/api/app/uploads', holder);
  const b = stalledUpload('/api/app/uploads', holder);
  await new Promise((r) => setTimeout(r, 300)); // both inside the gate, reading
  const waiting = sendFile(srv, `v-wait-${variant}`, png(), 'p.png', `v-wait-${variant}`);
  await new Promise((r) => setTimeout(r, 100)); // it waits for a place
  a.end();
  expect((await waiting).status).toBe(200);
  b.end();
  expect(await Promise.all([a.done, b.done])).toEqual([201, 201]);
});

test('the bot\'s media holds a place only while its file is read and stored: with UPLOAD_CONCURRENCY turns waiting on the database, photos are still taken', async () => {
  // a villager whose session row another transaction holds: their turns wait at the session write, after their photos are stored
  const held = `v-held-${variant}`;
  expect((await sendText(srv, held, '你好', `${held}-0`)).status).toBe(200);
  const session = await srv.db.prisma.conversationSession.findFirstOrThrow({ where: { contact: { externalId: held } } });
  let unlock!: () => void;
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const lock = srv.db.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "ConversationSession" WHERE id = ${session.id} FOR UPDATE`;
    locked();
    await new Promise<void>((r) => (unlock = r));
  }, { timeout: 30_000 });
  await isLocked;
  let answered = 0;
  const waiting = [1, 2].map((i) => sendFile(srv, held, png(), 'p.png', `${held}-${i}`).then((r) => (answered++, r)));
  await new Promise((r) => setTimeout(r, 500)); // both photos stored, both turns waiting for the row
  expect(answered).toBe(0);
  // as many turns waiting as there are places, and a photo and an upload are still read
  expect((await sendFile(srv, `v-free-${variant}`, png(), 'p.png', `v-free-${variant}`)).status).toBe(200);
  expect((await upload(srv, await villager(), png(), 'p.png')).status).toBe(201);
  unlock();
  await lock;
  expect((await Promise.all(waiting)).map((r) => r.status)).toEqual([200, 200]);
});

describe('unfiled uploads expire', () => {
  test('after UPLOAD_TTL_HOURS the row goes, then the sweep removes the file; filed and younger uploads stay', async () => {
    const token = await villager();
    const old = await upload(srv, token, png(), 'old.png');
    expect(old.status).toBe(201);
    const oldDoc = await srv.db.prisma.document.findUniqueOrThrow({ where: { id: old.body.upload.id } });
    clock = new Date(clock.getTime() + 20 * 3600_000);
    const young = await upload(srv, token, png(), 'young.png');
    const file = path.join(srv.config.documentsDir, oldDoc.storageKey);
    expect(existsSync(file)).toBe(true);

    const at = new Date(clock.getTime() + 5 * 3600_000); // the old one 25 h old, the young one 5 h
    expect(await expireUnfiledUploads(srv.db.prisma, srv.config.uploads.ttlHours, at)).toBeGreaterThanOrEqual(1);
    expect(await srv.db.prisma.document.findUnique({ where: { id: oldDoc.id } })).toBeNull();
    expect(await srv.db.prisma.document.findUnique({ where: { id: young.body.upload.id } })).not.toBeNull();
    // filed documents (a case) and other kinds are never expired
    expect(await srv.db.prisma.document.count({ where: { caseId: { not: null }, createdAt: { lt: at } } })).toBeGreaterThan(0);

    // the file is on disk with no row; the document sweep removes it once past its grace
    const aged = new Date(Date.now() - ORPHAN_GRACE_MS - 3600_000);
    utimesSync(file, aged, aged);
    await collectOrphanDocuments({ prisma: srv.db.prisma, documentsDir: srv.config.documentsDir });
    expect(existsSync(file)).toBe(false);
  });
});
