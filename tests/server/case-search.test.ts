/**
 * The work queue's search box (GET /api/cases?q=): a case number (whole, its beginning, or its last
 * digits), the last 4 characters of an ID number, or an applicant's exact name — names and ID
 * numbers sealed at rest, found through Household's keyed search indexes, always inside the
 * caller's region. The indexes are written by every write of the sealed fields (the sealing
 * client) and filled at start for rows written before they existed (fillSearchIndexes).
 */
import { fillSearchIndexes } from '../../server/core/crypto/search-indexes';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { BAISHI, call, idNumber, LIUSHU } from '../miniprogram/support';

const NOW = new Date('2026-03-10T02:00:00Z');
let srv: TestServer;
const no: Record<string, string> = {};

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  const add = async (key: string, village: string, id: string, name: string, fields: Record<string, unknown> = {}) => {
    const c = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: village, status: 'village_review', idNumber: id, fields: fields as never });
    // renamed through the sealing client: an update fills the name's index as a create does
    await srv.db.prisma.household.update({ where: { id: c.householdId }, data: { headName: name } });
    no[key] = (fields.caseNo as string | undefined) ?? c.caseNo;
  };
  await add('liushuZhang', LIUSHU.village, '110105196203150123', '张三丰');
  await add('baishiZhang', BAISHI.village, '110105197001010123', '张三丰');
  await add('liushuX', LIUSHU.village, '11010519700101002X', '阿卜杜·热合曼');
  await add('numbered', LIUSHU.village, idNumber('19800101', 555), '李四', { caseNo: 'FP-2026-004567' });
}, 120_000);
afterAll(() => srv?.close());

const search = (q: string, who: 'liushu' | 'county' | 'baishi' | 'auditor') => call(srv, 'GET', `/api/cases?q=${encodeURIComponent(q)}`, { token: srv.cadre(who).token });

test.each([
  ['a name, in my village', '张三丰', 'liushu', ['liushuZhang']],
  ['the same name, over the county', '张三丰', 'county', ['liushuZhang', 'baishiZhang']],
  ['a name typed with a full-width space', '张　三丰', 'baishi', ['baishiZhang']],
  ['a name with its middle dot left out', '阿卜杜热合曼', 'liushu', ['liushuX']],
  ['a name nobody has', '王五', 'county', []],
  ['an ID tail, in my village', '0123', 'liushu', ['liushuZhang']],
  ['an ID tail over the county (the auditor reads it all)', '0123', 'auditor', ['liushuZhang', 'baishiZhang']],
  ['an ID tail ending in x, lower case', '002x', 'liushu', ['liushuX']],
  ['4 digits that end a case number of this year', '4567', 'county', ['numbered']],
  ['a whole case number', 'FP-2026-004567', 'liushu', ['numbered']],
  ['a case number in lower case', 'fp-2026-004567', 'liushu', ['numbered']],
  ['the last digits of a case number', '004567', 'liushu', ['numbered']],
  ['a case number outside my region', 'FP-2026-004567', 'baishi', []],
] as const)('%s: %s', async (_label, q, who, expected) => {
  const res = await search(q, who);
  expect(res.status).toBe(200);
  expect(res.body.cases.map((c: { caseNo: string }) => c.caseNo).sort()).toEqual(expected.map((k) => no[k]).sort());
  // the total is the matches counted, not the region's tally
  expect(res.body).toMatchObject({ total: expected.length, totalExact: true });
});

test.each([
  ['empty', '   ', 'must not be empty'],
  ['too long', '张'.repeat(41), 'at most 40'],
  ['neither a number nor a name', 'ab12', 'case number'],
  ['punctuation', '张三;DROP', 'case number'],
])('q %s → 400 naming q', async (_label, q, message) => {
  const res = await search(q, 'county');
  expect(res.status).toBe(400);
  expect(res.body.error.field).toBe('q');
  expect(res.body.error.message).toContain(message);
});

test('the indexes are never in clear, and a name or an ID tail gives the same index whoever typed it', async () => {
  const [row] = await srv.db.raw.$queryRawUnsafe<{ headNameIndex: string; headIdTailIndex: string; headName: string }[]>(
    `SELECT h."headNameIndex", h."headIdTailIndex", h."headName" FROM "Household" h JOIN "Case" c ON c."householdId" = h.id WHERE c."caseNo" = $1`,
    no.liushuZhang,
  );
  expect(row!.headName).toMatch(/^fp1:/);
  expect(row!.headNameIndex).toMatch(/^[0-9a-f]{64}$/);
  expect(row!.headIdTailIndex).toBe(srv.db.keyring.blindIndex('household-id-tail', '0123'));
  expect(row!.headNameIndex).toBe(srv.db.keyring.blindIndex('household-name', '张 三丰'));
});

test('rows written before the indexes existed are filled at start, once', async () => {
  // a member's ID number: its index finds the household of a department's row (server/core/alerts/match.ts)
  const household = await srv.db.raw.household.findFirstOrThrow();
  const member = await srv.db.prisma.member.create({ data: { householdId: household.id, name: '李四', relation: '配偶', idNumber: '11010519491231002X' } });
  await srv.db.raw.$executeRawUnsafe(`UPDATE "Household" SET "headNameIndex" = NULL, "headIdTailIndex" = NULL`);
  await srv.db.raw.$executeRawUnsafe(`UPDATE "Member" SET "idIndex" = NULL`);
  await srv.db.raw.dataSetting.deleteMany({ where: { key: 'search-indexes-filled' } });
  expect((await search('张三丰', 'county')).body.cases).toEqual([]);
  const first = await fillSearchIndexes(srv.db.raw, srv.db.keyring, undefined, { batchSize: 2 });
  const households = await srv.db.raw.household.count();
  expect(first).toEqual([
    { column: 'Household.headNameIndex', filled: households, failed: 0 },
    { column: 'Household.headIdTailIndex', filled: households, failed: 0 },
    { column: 'Member.idIndex', filled: await srv.db.raw.member.count({ where: { idNumber: { not: null } } }), failed: 0 },
  ]);
  expect((await srv.db.raw.member.findUniqueOrThrow({ where: { id: member.id } })).idIndex).toBe(srv.db.keyring.blindIndex('household-id', '11010519491231002x'));
  expect((await search('张三丰', 'county')).body.cases).toHaveLength(2);
  expect((await search('002X', 'county')).body.cases.map((c: { caseNo: string }) => c.caseNo)).toEqual([no.liushuX]);
  // recorded: the next start looks at nothing
  expect(await fillSearchIndexes(srv.db.raw, srv.db.keyring)).toEqual([]);
});
