/**
 * What the console's phone and live views ask of the server: a photo of the household visit added
 * to the case by those who may book the visit, while it is in verification (refusals as for the
 * visit, nothing stored for a refused caller), and GET /api/live's stamps — the queue's changes
 * when a case of the caller's region moves, not for another region's; the case's when it is moved
 * or gets a photo; a case outside the region is a 404.
 */
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, jpegBytes, startTestServer, type TestServer } from '../support/server';
import { STAMP_TTL_MS } from '../../server/api/routes/live';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const START = new Date('2026-03-10T02:00:00Z');
let srv: TestServer;
let seq = 0;
const idNumber = () => `1101051961${String(++seq).padStart(7, '0')}X`;

beforeAll(async () => {
  srv = await startTestServer({ now: () => START });
});
afterAll(async () => {
  await srv.close();
});

const tok = (key: Parameters<TestServer['cadre']>[0]) => srv.cadre(key).token;
const LIUSHU = '439901100201';
const BAISHI = '439901200201';

async function newCase(status: string, village = LIUSHU, assigned = true) {
  const contact = await srv.db.prisma.contact.create({ data: { channel: 'test:bot', externalId: `villager-live-${seq + 1}`, name: '村民' } });
  return insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: village, status, idNumber: idNumber(), contactId: contact.id, fields: (assigned ? { verifierId: srv.cadre('verifier').id } : {}) as never });
}

async function upload(caseNo: string, token: string, bytes: Buffer = jpegBytes(3)) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), '入户照片.jpg');
  const res = await fetch(`${srv.url}/api/cases/${caseNo}/visit/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function live(token: string, caseNo?: string) {
  const res = await fetch(`${srv.url}/api/live${caseNo ? `?caseNo=${caseNo}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { queue: string; case?: string } };
}

describe('POST /api/cases/:caseNo/visit/photos', () => {
  let otherVerifier: string;
  beforeAll(async () => {
    const res = await fetch(`${srv.url}/api/cadres`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '另一位核查员', role: 'verifier', regionCode: '439901', apiToken: true }),
    });
    otherVerifier = ((await res.json()) as { apiToken: string }).apiToken;
  });

  test.each([
    ['the assigned verifier', 'verification', 201, () => tok('verifier')],
    ['the county office', 'verification', 201, () => tok('county')],
    ['another verifier (as if the case did not exist)', 'verification', 404, () => otherVerifier],
    ['the village cadre', 'verification', 403, () => tok('liushu')],
    ['the auditor', 'verification', 403, () => tok('auditor')],
    ['the assigned verifier', 'county_review', 409, () => tok('verifier')],
    ['the assigned verifier', 'assessment', 409, () => tok('verifier')],
  ])('by %s, the case in %s → %i', async (_l, status, code, token) => {
    const { caseNo } = await newCase(status);
    const before = await srv.db.prisma.document.count();
    const res = await upload(caseNo, token());
    expect(res.status).toBe(code);
    const docs = await srv.db.prisma.document.findMany({ where: { case: { caseNo }, kind: 'verification_photo' } });
    expect(docs).toHaveLength(code === 201 ? 1 : 0);
    expect(await srv.db.prisma.document.count()).toBe(before + (code === 201 ? 1 : 0));
    if (code === 201) {
      expect(res.body.document).toMatchObject({ id: docs[0]!.id, kind: 'verification_photo', mime: 'image/jpeg', fileName: '入户照片.jpg', url: `/api/documents/${docs[0]!.id}` });
      // the photo is a document of the case, opened through the entitled endpoint
      const file = await fetch(`${srv.url}${res.body.document.url}`, { headers: { authorization: `Bearer ${tok('liushu')}` } });
      expect(file.status).toBe(200);
      expect(Buffer.from(await file.arrayBuffer()).equals(jpegBytes(3))).toBe(true);
    } else {
      // refused and audited, like the visit itself
      expect(await srv.db.prisma.auditEntry.count({ where: { caseNo, action: 'visit_photo', allowed: false } })).toBe(1);
    }
  });

  test('what is not a photo is refused in words, nothing kept', async () => {
    const { caseNo } = await newCase('verification');
    const res = await upload(caseNo, tok('verifier'), Buffer.from('not a picture at all'));
    expect(res.status).toBe(415);
    expect(res.body.error.field).toBe('file');
    expect(await srv.db.prisma.document.count({ where: { case: { caseNo }, kind: 'verification_photo' } })).toBe(0);
  });
});

describe('GET /api/live', () => {
  test('the queue stamp changes with a move in my region, not with one in another region', async () => {
    const mine = await newCase('village_review');
    const first = await live(tok('liushu'));
    expect(first.status).toBe(200);
    expect((await live(tok('liushu'))).body.queue).toBe(first.body.queue);
    // another town's village: not my queue (read again once the shared stamp has expired)
    await newCase('village_review', BAISHI);
    await sleep(STAMP_TTL_MS + 100);
    expect((await live(tok('liushu'))).body.queue).toBe(first.body.queue);
    const move = await fetch(`${srv.url}/api/cases/${mine.caseNo}/transitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tok('liushu')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'approve' }),
    });
    expect(move.status).toBe(200);
    await sleep(STAMP_TTL_MS + 100);
    expect((await live(tok('liushu'))).body.queue).not.toBe(first.body.queue);
  });

  test("a verifier's queue stamp follows the cases assigned to it, not the region's others", async () => {
    const before = await live(tok('verifier'));
    await newCase('village_review', LIUSHU, false); // in its region, not assigned to it
    await sleep(STAMP_TTL_MS + 100);
    expect((await live(tok('verifier'))).body.queue).toBe(before.body.queue);
    await newCase('verification'); // assigned to it
    await sleep(STAMP_TTL_MS + 100);
    expect((await live(tok('verifier'))).body.queue).not.toBe(before.body.queue);
  });

  test('the case stamp changes with a photo added; outside the region the case is a 404', async () => {
    const { caseNo } = await newCase('verification');
    const before = await live(tok('verifier'), caseNo);
    expect(before.body.case).toEqual(expect.any(String));
    expect((await live(tok('verifier'), caseNo)).body.case).toBe(before.body.case);
    expect((await upload(caseNo, tok('verifier'))).status).toBe(201);
    expect((await live(tok('verifier'), caseNo)).body.case).not.toBe(before.body.case);
    expect((await live(tok('baishi'), caseNo)).status).toBe(404);
  });

  test.each([
    ['a malformed number', 'caseNo=12', 400],
    ['a number of no case', 'caseNo=FP-2026-999999', 404],
  ])('%s (%s) → %i', async (_l, q, code) => {
    const res = await fetch(`${srv.url}/api/live?${q}`, { headers: { authorization: `Bearer ${tok('county')}` } });
    expect(res.status).toBe(code);
  });
});
