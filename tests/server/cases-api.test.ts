/**
 * The cadre read API: who may see which cases and documents. A cadre sees the subtree of their
 * region; outside it a case reads as not found; the list view carries no ID number or phone.
 */
import { FileSystemDocumentStore } from '../../server/core/documents/store';
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, pngBytes, startTestServer, type TestServer } from '../support/server';

let srv: TestServer;
let liushu: Awaited<ReturnType<typeof insertCase>>; // 青山镇 柳树村
let shiqiao: Awaited<ReturnType<typeof insertCase>>; // 青山镇 石桥村
let baishi: Awaited<ReturnType<typeof insertCase>>; // 白石乡 白石村
const photo = pngBytes(42);

beforeAll(async () => {
  srv = await startTestServer();
  liushu = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100201', idNumber: '11010519491231002X', document: photo });
  shiqiao = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100202', idNumber: '110105194912310037', cause: 'education' });
  baishi = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901200201', idNumber: '110105194912310045', cause: 'disaster', status: 'village_review', document: pngBytes(43) });
});
afterAll(async () => {
  await srv.close();
});

const get = async (path: string, token?: string) => {
  const res = await fetch(`${srv.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, body: type.includes('json') ? ((await res.json()) as any) : Buffer.from(await res.arrayBuffer()) };
};

describe('GET /api/cases: each caller sees its own region', () => {
  const table: [string, () => string, () => string[]][] = [
    ['county office (ADMIN_TOKEN)', () => ADMIN_TOKEN, () => [liushu.caseNo, shiqiao.caseNo, baishi.caseNo]],
    ['county cadre', () => srv.tokenOf('county'), () => [liushu.caseNo, shiqiao.caseNo, baishi.caseNo]],
    ['town cadre of 青山镇', () => srv.tokenOf('town'), () => [liushu.caseNo, shiqiao.caseNo]],
    ['village cadre of 柳树村', () => srv.tokenOf('village'), () => [liushu.caseNo]],
  ];
  test.each(table)('%s', async (_who, token, expected) => {
    const res = await get('/api/cases', token());
    expect(res.status).toBe(200);
    expect(res.body.cases.map((c: { caseNo: string }) => c.caseNo).sort()).toEqual(expected().sort());
    expect(res.body.total).toBe(expected().length);
  });

  test('the list carries no ID number or phone', async () => {
    const res = await get('/api/cases', ADMIN_TOKEN);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('13800138000');
  });

  test.each([
    ['status', '/api/cases?status=village_review', () => [baishi.caseNo]],
    ['village', '/api/cases?village=439901100202', () => [shiqiao.caseNo]],
    ['cause', '/api/cases?cause=education', () => [shiqiao.caseNo]],
  ])('filter by %s', async (_f, path, expected) => {
    const res = await get(path, ADMIN_TOKEN);
    expect(res.body.cases.map((c: { caseNo: string }) => c.caseNo)).toEqual(expected());
  });

  test('a village filter outside the jurisdiction returns nothing', async () => {
    const res = await get('/api/cases?village=439901200201', srv.tokenOf('village'));
    expect(res.status).toBe(200);
    expect(res.body.cases).toEqual([]);
  });

  test('paging', async () => {
    const res = await get('/api/cases?pageSize=2&page=2', ADMIN_TOKEN);
    expect(res.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(res.body.cases).toHaveLength(1);
  });

  test.each([
    ['/api/cases?status=BAD STATUS', 'status'],
    ['/api/cases?village=abc', 'village'],
    ['/api/cases?cause=flood', 'cause'],
    ['/api/cases?pageSize=1000', 'pageSize'],
  ])('%s → 400 naming %s', async (path, field) => {
    const res = await get(path, ADMIN_TOKEN);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  test.each([
    ['no token', undefined],
    ['an unknown token', 'not-a-token'],
  ])('%s → 401', async (_l, token) => {
    expect((await get('/api/cases', token)).status).toBe(401);
  });
});

describe('GET /api/cases/:caseNo', () => {
  test('an entitled cadre gets answers, figures, documents and events', async () => {
    const res = await get(`/api/cases/${liushu.caseNo}`, srv.tokenOf('village'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      caseNo: liushu.caseNo,
      status: 'submitted',
      cause: 'illness',
      village: { code: '439901100201', name: '柳树村' },
      town: { code: '439901100', name: '青山镇' },
      // masked: whole only through POST …/reveal (tests/server/case-reveal.test.ts)
      household: { idNumber: '1101**********002X', phone: '138****8000' },
      figures: { perCapitaIncomeFen: 500_000, incomeLineFen: 870_000, underIncomeLine: true, expenseExceedsIncome: true },
    });
    expect(res.body.documents).toHaveLength(1);
    expect(res.body.documents[0]).toMatchObject({ mime: 'image/png', url: `/api/documents/${liushu.documentId}` });
  });

  test('outside the jurisdiction it reads as not found', async () => {
    expect((await get(`/api/cases/${baishi.caseNo}`, srv.tokenOf('village'))).status).toBe(404);
    expect((await get(`/api/cases/${baishi.caseNo}`, srv.tokenOf('town'))).status).toBe(404);
  });

  test('a malformed case number → 400 naming caseNo; an unknown one → 404', async () => {
    const bad = await get('/api/cases/123', ADMIN_TOKEN);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('caseNo');
    expect((await get('/api/cases/FP-2026-999999', ADMIN_TOKEN)).status).toBe(404);
  });
});

describe('GET /api/documents/:id', () => {
  test('streams the bytes to an entitled cadre, privately', async () => {
    const res = await get(`/api/documents/${liushu.documentId}`, srv.tokenOf('town'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(Buffer.compare(res.body as Buffer, photo)).toBe(0);
  });

  test('outside the jurisdiction → 404, without a token → 401', async () => {
    expect((await get(`/api/documents/${baishi.documentId}`, srv.tokenOf('village'))).status).toBe(404);
    expect((await get(`/api/documents/${liushu.documentId}`)).status).toBe(401);
  });

  test('a document of an application still in progress is nobody’s yet', async () => {
    const stored = await new FileSystemDocumentStore(srv.config.documentsDir, srv.db.keyring).put(pngBytes(77));
    const contact = await srv.db.prisma.contact.create({ data: { channel: 'test', externalId: 'in-progress', name: 'x' } });
    const doc = await srv.db.prisma.document.create({ data: { ...stored, mime: 'image/png', kind: 'other', contactId: contact.id } });
    expect((await get(`/api/documents/${doc.id}`, ADMIN_TOKEN)).status).toBe(404);
  });
});
