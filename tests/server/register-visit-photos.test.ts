/**
 * Photos of a follow-up visit (走访) of the register (real PostgreSQL): POST
 * /api/households/:id/follow-ups/:followUpId/photos by whoever may record the visit (its 帮扶责任人,
 * a cadre of its village) — refused for the others before a byte is read, audited; the type sniffed
 * from the bytes (a renamed text file, a PDF refused naming the file), the size and the visit's
 * pile capped; stored sealed by the document store; shown on the household page and handed out
 * by GET /api/documents/:id only to the cadres who reach the household, each look audited.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { insertCase } from '../support/fixtures';
import { jpegBytes, pngBytes, startTestServer, type TestServer } from '../support/server';
import { call, LIUSHU } from '../miniprogram/support';

const now = new Date('2026-03-02T02:00:00Z'); // 10:00 in China
const MAX_FILES = 3;
const MAX_BYTES = 64 * 1024;
let srv: TestServer;
let seq = 0;
const idNumber = () => `4399011982${String(++seq).padStart(7, '0')}X`;

type Cadre = Parameters<TestServer['cadre']>[0];
const tok = (who: Cadre) => srv.cadre(who).token;

async function upload(householdId: string, followUpId: string, token: string, bytes: Buffer, name = '走访.jpg') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
  const res = await fetch(`${srv.url}/api/households/${householdId}/follow-ups/${followUpId}/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

/** A monitored household of 柳树村 with one follow-up recorded by its village. */
async function followedHousehold(): Promise<{ householdId: string; followUpId: string }> {
  const { householdId } = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: LIUSHU.village, status: 'paid', idNumber: idNumber() });
  expect((await call(srv, 'POST', `/api/households/${householdId}/risks`, { token: tok('liushu'), body: { cause: 'illness', startedOn: '2026-01-05', category: 'marginal' } })).status).toBe(201);
  const f = await call(srv, 'POST', `/api/households/${householdId}/follow-ups`, { token: tok('liushu'), body: { day: '2026-03-01', perCapitaIncomeFen: 1_000_000, note: '入户走访' } });
  expect(f.status).toBe(201);
  return { householdId, followUpId: f.body.id };
}

beforeAll(async () => {
  srv = await startTestServer({ now: () => now, maxUploadBytes: MAX_BYTES, env: { UPLOAD_MAX_FILES: String(MAX_FILES) } });
}, 120_000);
afterAll(() => srv?.close());

describe('who may add a visit photo', () => {
  test.each([
    ['a cadre of its village', 'liushu', false, 201],
    ['its 帮扶责任人, a town cadre', 'qingshan', true, 201],
    ['a town cadre who does not follow it', 'qingshan', false, 403],
    ['the county office, not its 帮扶责任人', 'county', false, 403],
    ['another village’s cadre (as if it did not exist)', 'baishi', false, 404],
    ['the auditor', 'auditor', false, 403],
    ['the verifier', 'verifier', false, 403],
  ] as const)('%s (%s; 帮扶责任人: %s) → %i', async (_who, cadre, responsible, code) => {
    const { householdId, followUpId } = await followedHousehold();
    if (responsible) await srv.db.prisma.household.update({ where: { id: householdId }, data: { responsibleCadreId: srv.cadre(cadre).id } });
    const res = await upload(householdId, followUpId, tok(cadre), jpegBytes(1));
    expect(res.status).toBe(code);
    const docs = await srv.db.prisma.document.findMany({ where: { followUpId } });
    expect(docs).toHaveLength(code === 201 ? 1 : 0);
    const audit = await srv.db.prisma.auditEntry.findFirst({ where: { action: 'household:follow-up-photo', subject: `household:${householdId}` }, orderBy: { at: 'desc' } });
    expect(audit?.allowed).toBe(code === 201);
  });

  test('a follow-up of another household reads as none (404)', async () => {
    const a = await followedHousehold();
    const b = await followedHousehold();
    const res = await upload(a.householdId, b.followUpId, tok('liushu'), jpegBytes(2));
    expect(res.status).toBe(404);
    expect(await srv.db.prisma.document.count({ where: { followUpId: b.followUpId } })).toBe(0);
  });
});

describe('what a visit photo may be', () => {
  test.each([
    ['a text file named .jpg: the type is sniffed from the bytes', 415, Buffer.from('not a photo at all, just text')],
    ['a PDF: a document elsewhere, not a visit photo', 400, Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')],
    ['a photo above the size limit', 413, Buffer.concat([jpegBytes(3), Buffer.alloc(MAX_BYTES)])],
  ])('%s → %i naming the file', async (_what, code, bytes) => {
    const { householdId, followUpId } = await followedHousehold();
    const res = await upload(householdId, followUpId, tok('liushu'), bytes);
    expect(res.status).toBe(code);
    expect(res.body.error.field).toBe('file');
    expect(await srv.db.prisma.document.count({ where: { followUpId } })).toBe(0);
  });

  test('a visit keeps at most the configured number of photos', async () => {
    const { householdId, followUpId } = await followedHousehold();
    for (let i = 0; i < MAX_FILES; i++) expect((await upload(householdId, followUpId, tok('liushu'), pngBytes(10 + i), `p${i}.png`)).status).toBe(201);
    const over = await upload(householdId, followUpId, tok('liushu'), pngBytes(20), 'over.png');
    expect(over.status).toBe(429);
    expect(await srv.db.prisma.document.count({ where: { followUpId } })).toBe(MAX_FILES);
  });
});

describe('seeing a visit photo', () => {
  let householdId: string;
  let docId: string;
  const photo = jpegBytes(7);

  beforeAll(async () => {
    const f = await followedHousehold();
    householdId = f.householdId;
    const res = await upload(householdId, f.followUpId, tok('liushu'), photo);
    expect(res.status).toBe(201);
    docId = res.body.document.id;
  });

  test('sealed at rest, listed on the household page with its entitled address', async () => {
    const doc = await srv.db.prisma.document.findUniqueOrThrow({ where: { id: docId } });
    expect(doc).toMatchObject({ kind: 'follow_up_photo', mime: 'image/jpeg', caseId: null, contactId: null });
    const onDisk = await readFile(path.join(srv.config.documentsDir, doc.storageKey));
    expect(onDisk.includes(photo.subarray(0, 64))).toBe(false);
    const page = await call(srv, 'GET', `/api/households/${householdId}`, { token: tok('liushu') });
    expect(page.body.followUps[0].photos).toEqual([{ id: docId, mime: 'image/jpeg', createdAt: expect.any(String), url: `/api/documents/${docId}` }]);
  });

  test.each([
    ['its village', 'liushu', 200],
    ['its town', 'qingshan', 200],
    ['the county office', 'county', 200],
    ['the auditor (reads the register)', 'auditor', 200],
    ['another village (as if it did not exist)', 'baishi', 404],
    ['another town', 'baishi_town', 404],
    ['the verifier (does not read the register)', 'verifier', 404],
  ] as const)('by %s (%s) → %i; each look audited', async (_who, cadre, code) => {
    const subject = `household:${householdId}:document:${docId}`;
    const before = await srv.db.prisma.auditEntry.count({ where: { action: 'document:download', subject, actorId: srv.cadre(cadre).id } });
    const res = await fetch(`${srv.url}/api/documents/${docId}`, { headers: { authorization: `Bearer ${tok(cadre)}` } });
    expect(res.status).toBe(code);
    if (code === 200) {
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    }
    expect(await srv.db.prisma.auditEntry.count({ where: { action: 'document:download', subject, actorId: srv.cadre(cadre).id, kind: 'access' } })).toBe(before + (code === 200 ? 1 : 0));
  });
});
