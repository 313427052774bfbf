/**
 * The proof that personal data is not stored in clear: cases filed by chat and by the
 * mini-program, with photos that carry a GPS position; then a `pg_dump` of the database holds no
 * ID number or phone of theirs (nor in the usual spaced forms), the documents folder holds no
 * byte run of the photos, and what a download returns has no GPS. Looking at a full ID number,
 * a phone or a document is written to the access audit, listed by case, cadre and kind. Replies
 * kept for idempotency are purged after IDEMPOTENCY_HOURS without a repeat filing twice.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { purgeInboundReplies } from '../../server/chat/conversation/purge-replies';
import { ADMIN_URL } from '../support/postgres';
import { illnessTyped } from '../support/illness';
import { sendFile, sendText, startTestServer, type TestServer } from '../support/server';
import { answersFor, call, capturingLogger, idNumber, loginByPhone, upload } from '../miniprogram/support';
import { GPS_LATITUDE, PHOTO_WITHOUT_METADATA, photoWithGps } from './photo-with-gps';

const log = capturingLogger();
let srv: TestServer;

const CHAT = { who: 'wx-at-rest', id: idNumber('19550505', 77), phone: '13711112222' };
const APP = { id: idNumber('19600606', 88), phone: '13633334444' };
const photos = [photoWithGps(1), photoWithGps(2), photoWithGps(3)];
let chatCaseNo = '';
let appCaseNo = '';
let appToken = '';
let n = 0;

beforeAll(async () => {
  srv = await startTestServer({ log });
  // 柳树村's cadre has bound a WeChat: "查看" in a private chat shows the phone
  const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: 'wx-liushu-cadre', name: '村支书' } });
  await srv.db.prisma.cadre.update({ where: { id: srv.cadre('liushu').id }, data: { contactId: contact.id } });

  const say = async (who: string, text: string) => {
    const res = await sendText(srv, who, text, `${who}-${++n}`);
    expect(res.status).toBe(200);
    return res.body.replies!.map((r) => r.text).join('\n');
  };
  for (const text of ['你好', '1', '因病', '张三', CHAT.id, CHAT.phone, '青山镇', '1', '4口人', '2万', '是', ...illnessTyped()]) await say(CHAT.who, text);
  for (const p of photos.slice(0, 2)) expect((await sendFile(srv, CHAT.who, p, 'bill.jpg', `${CHAT.who}-${++n}`)).status).toBe(200);
  for (const text of ['好了', '跳过', '同意', '同意']) await say(CHAT.who, text);
  chatCaseNo = /FP-\d{4}-\d{6}/.exec(await say(CHAT.who, '确认'))![0];

  appToken = await loginByPhone(srv, log, APP.phone);
  const up = await upload(srv, appToken, photos[2]!, 'bill.jpg');
  expect(up.status).toBe(201);
  const filed = await call(srv, 'POST', '/api/app/applications', {
    token: appToken,
    headers: { 'idempotency-key': 'at-rest-0001' },
    body: { cause: 'illness', answers: answersFor('illness', { idNumber: APP.id, phone: APP.phone }), documents: [{ uploadId: up.body.upload.id, item: 'hospital_bill' }] },
  });
  expect(filed.status).toBe(201);
  appCaseNo = filed.body.case.caseNo;
});
afterAll(async () => {
  await srv.close();
});

/** An ID number or phone as people write it: plain, in groups with spaces or dashes. */
function forms(value: string): string[] {
  const out = [value];
  if (value.length === 18) out.push(`${value.slice(0, 6)} ${value.slice(6, 14)} ${value.slice(14)}`, `${value.slice(0, 6)}-${value.slice(6, 14)}-${value.slice(14)}`);
  if (value.length === 11) out.push(`${value.slice(0, 3)} ${value.slice(3, 7)} ${value.slice(7)}`, `${value.slice(0, 3)}-${value.slice(3, 7)}-${value.slice(7)}`);
  return out;
}

test('both cases were filed with what the villagers gave (read through the keyring)', async () => {
  const rows = await srv.db.prisma.case.findMany({ where: { caseNo: { in: [chatCaseNo, appCaseNo] } }, include: { household: true } });
  expect(rows.map((r) => [r.household?.headIdNumber, r.household?.phone]).sort()).toEqual([[CHAT.id, CHAT.phone], [APP.id, APP.phone]].sort());
});

test('pg_dump of the database: no ID number or phone of theirs in clear', () => {
  const url = new URL(ADMIN_URL);
  const dump = execFileSync('pg_dump', ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username) || 'postgres', new URL(srv.db.url).pathname.slice(1)], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(dump).toContain('COPY public."Household"'); // it is the dump of this database
  expect(dump).toContain(`fp1:${srv.db.keyring.activeKeyId}:a256gcm:`); // …and its sealed values are in it
  for (const value of [CHAT.id, CHAT.phone, APP.id, APP.phone]) {
    for (const form of forms(value)) expect({ form, found: dump.includes(form) }).toEqual({ form, found: false });
  }
  // the illness typed in the chat is sealed as well
  expect(dump.includes('县人民医院')).toBe(false);
  // nor the unkeyed hashes that once keyed mini-program logins (reversed by trying every mobile number)
  for (const purpose of ['contact', 'otp']) expect(dump.includes(createHash('sha256').update(`${purpose}:${APP.phone}`).digest('hex'))).toBe(false);
  expect(dump).toContain(`phone:${srv.db.keyring.blindIndex('contact-phone', APP.phone)}`);
});

test('the documents folder holds no byte run of the uploaded photos', async () => {
  const files = (await readdir(srv.config.documentsDir, { recursive: true })).map((f) => path.join(srv.config.documentsDir, String(f)));
  const stored: Buffer[] = [];
  for (const f of files) {
    const content = await readFile(f).catch(() => null); // a folder
    if (content) stored.push(content);
  }
  expect(stored.length).toBeGreaterThan(0);
  for (const photo of photos) {
    for (let at = 0; at + 24 <= photo.length; at += 24) {
      const run = photo.subarray(at, at + 24);
      expect(stored.some((s) => s.includes(run))).toBe(false);
    }
  }
});

describe('downloads: the photo without its GPS, and each look written to the access audit', () => {
  const county = () => srv.tokenOf('county');
  const noGps = (bytes: Buffer) => {
    expect(bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(bytes.includes(GPS_LATITUDE)).toBe(false);
    expect(bytes).toEqual(PHOTO_WITHOUT_METADATA); // the picture itself is untouched
  };

  test('a cadre reads the case (full ID number and phone) and downloads each photo', async () => {
    for (const caseNo of [chatCaseNo, appCaseNo]) {
      const detail = await call(srv, 'GET', `/api/cases/${caseNo}`, { token: county() });
      expect(detail.status).toBe(200);
      for (const d of detail.body.documents as { url: string }[]) {
        const res = await fetch(`${srv.url}${d.url}`, { headers: { authorization: `Bearer ${county()}` } });
        expect(res.status).toBe(200);
        noGps(Buffer.from(await res.arrayBuffer()));
      }
    }
  });

  test('the villager downloads their photo in the mini-program', async () => {
    const mine = await call(srv, 'GET', `/api/app/cases/${appCaseNo}`, { token: appToken });
    const doc = (mine.body.documents as { id: string }[])[0]!;
    const res = await fetch(`${srv.url}/api/app/cases/${appCaseNo}/documents/${doc.id}`, { headers: { authorization: `Bearer ${appToken}` } });
    expect(res.status).toBe(200);
    noGps(Buffer.from(await res.arrayBuffer()));
  });

  test('"查看" in a private chat shows the phone: audited too', async () => {
    const res = await sendText(srv, 'wx-liushu-cadre', `查看 ${chatCaseNo}`, 'cadre-view-1');
    expect(res.body.replies!.map((r) => r.text).join('\n')).toContain(CHAT.phone);
  });

  test('GET /api/audit lists the accesses by case, by cadre and by kind', async () => {
    const countyId = srv.cadre('county').id;
    const list = (q: string, token = srv.tokenOf('auditor')) => call(srv, 'GET', `/api/audit?${q}`, { token });
    const byCase = await list(`caseNo=${chatCaseNo}&kind=access`);
    expect(byCase.status).toBe(200);
    const summary = (byCase.body.entries as { action: string; fields: string[]; actor: { type: string; id: string } }[]).map((e) => [e.action, e.fields.join(','), e.actor.id]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['case:view', 'case', countyId],
        ['document:download', 'document', countyId],
        ['chat:view', 'phone', srv.cadre('liushu').id],
      ]),
    );
    expect(byCase.body.entries.every((e: { kind: string; caseNo: string }) => e.kind === 'access' && e.caseNo === chatCaseNo)).toBe(true);

    const byCadre = await list(`actorId=${srv.cadre('liushu').id}&kind=access`);
    expect(byCadre.body.entries.map((e: { action: string; caseNo: string }) => [e.action, e.caseNo])).toEqual([['chat:view', chatCaseNo]]);

    const villager = await list(`caseNo=${appCaseNo}&kind=access`);
    expect(villager.body.entries.map((e: { action: string; actor: { type: string } }) => [e.action, e.actor.type])).toContainEqual(['document:download', 'villager']);

    expect((await list('kind=refusal')).body.entries.every((e: { allowed: boolean }) => !e.allowed)).toBe(true);
    expect((await list('kind=access', srv.tokenOf('village'))).status).toBe(403);
    expect((await list('kind=secret')).status).toBe(400);
  });
});

test('replies kept for idempotency are purged after IDEMPOTENCY_HOURS; a late repeat files nothing twice', async () => {
  const messageId = `${CHAT.who}-${n}`; // the "确认" that filed the chat case
  const before = await srv.db.prisma.inboundMessage.findFirstOrThrow({ where: { messageId } });
  expect(JSON.stringify(before.replies)).toContain(chatCaseNo);
  const purged = await purgeInboundReplies(srv.db.raw, srv.config.dataProtection.idempotencyHours, new Date(Date.now() + (srv.config.dataProtection.idempotencyHours + 1) * 3_600_000));
  expect(purged).toBeGreaterThan(0);
  expect((await srv.db.raw.inboundMessage.findFirstOrThrow({ where: { messageId } })).replies).toBeNull();
  const cases = await srv.db.prisma.case.count();
  const repeat = await sendText(srv, CHAT.who, '确认', messageId);
  expect(repeat).toMatchObject({ status: 200, body: { replies: [] } });
  expect(await srv.db.prisma.case.count()).toBe(cases);
  // younger than the limit: kept
  expect(await purgeInboundReplies(srv.db.raw, 48, new Date())).toBe(0);
});
