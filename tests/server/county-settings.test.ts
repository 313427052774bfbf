/**
 * The county's settings kept as data (server/core/settings, routes regions / income-lines /
 * county-settings), on the real database: bad input is a 4xx naming the field and changes nothing;
 * only the county office changes them (a town, a village, the verifier and the auditor read);
 * every change is an audit row; and a change is seen at once by two server processes on one
 * database — the chat's "标准是多少" and "公示几天", a move's due date, the deadline check.
 */
import type { Server } from 'node:http';
import { PrismaPg } from '@prisma/adapter-pg';
import { sealedClient } from '../../server/core/crypto/sealed-client';
import { FileSystemDocumentStore } from '../../server/core/documents/store';
import { checkDeadlines } from '../../server/core/workflow/overdue';
import { PrismaClient } from '../../server/generated/prisma/client';
import { silentLogger } from '../../server/log';
import { createApp } from '../../server/web';
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, BOT_TOKEN, startTestServer, type TestServer } from '../support/server';

const NOW = new Date('2026-07-20T02:00:00Z'); // a Monday, 10:00 in China
const QINGSHAN = '439901100';
const LIUSHU = '439901100201';
const COUNTY = '439901';

let srv: TestServer;
let other: { url: string; server: Server; client: PrismaClient };
let messageNo = 0;
let idSeq = 0;

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  // a second server process on the same database: its own client, pool and cache
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: srv.db.url }) });
  const prisma = sealedClient(client, srv.db.keyring);
  const app = createApp({ prisma, config: srv.config, log: silentLogger, store: new FileSystemDocumentStore(srv.config.documentsDir, srv.db.keyring), keyring: srv.db.keyring, now: () => NOW });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  other = { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server, client };
});
afterAll(async () => {
  other.server.closeAllConnections();
  await new Promise((resolve) => other.server.close(resolve));
  await other.client.$disconnect();
  await srv.close();
});

type Role = 'village' | 'town' | 'county' | 'verifier' | 'auditor';
async function call(method: string, path: string, as: Role | 'admin', body?: unknown, base = srv.url) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${as === 'admin' ? ADMIN_TOKEN : srv.tokenOf(as)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}

async function say(url: string, from: string, text: string): Promise<string> {
  const res = await fetch(`${url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: `cs-${++messageNo}`, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, type: 'text', text }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
}

const servers = () => [srv.url, other.url];
const prisma = () => srv.db.prisma;
const auditRows = (action: string) => prisma().auditEntry.findMany({ where: { action }, orderBy: { at: 'asc' } });
const nextId = () => `11010519491231${String(++idSeq).padStart(3, '0')}`.slice(0, 17) + 'X';

/** The settings as the county sends them back: the current ones with a change. */
async function workflowBody(change: (v: Record<string, any>) => void = () => {}) {
  const v = structuredClone((await call('GET', '/api/settings/workflow', 'county')).body.settings);
  change(v);
  return v;
}

describe('bad input is refused, naming the field, and changes nothing', () => {
  const cases: { name: string; method: string; path: string; body: (w: Record<string, any>) => unknown; status: number; field: string }[] = [
    { name: 'a village code not under its town', method: 'POST', path: '/api/regions', body: () => ({ parentCode: QINGSHAN, code: '439901200299', name: '新村' }), status: 400, field: 'code' },
    { name: 'a code with letters', method: 'POST', path: '/api/regions', body: () => ({ parentCode: QINGSHAN, code: '4399011002AB', name: '新村' }), status: 400, field: 'code' },
    { name: 'a code ending 000', method: 'POST', path: '/api/regions', body: () => ({ parentCode: QINGSHAN, code: '439901100000', name: '新村' }), status: 400, field: 'code' },
    { name: 'a code taken', method: 'POST', path: '/api/regions', body: () => ({ parentCode: QINGSHAN, code: LIUSHU, name: '新村' }), status: 409, field: 'code' },
    { name: 'a name taken in the town', method: 'POST', path: '/api/regions', body: () => ({ parentCode: QINGSHAN, code: '439901100288', name: '柳树村' }), status: 409, field: 'name' },
    { name: 'an empty name', method: 'POST', path: '/api/regions', body: () => ({ parentCode: QINGSHAN, code: '439901100288', name: '  ' }), status: 400, field: 'name' },
    { name: 'an unknown parent', method: 'POST', path: '/api/regions', body: () => ({ parentCode: '439999', code: '439999001', name: '新镇' }), status: 400, field: 'parentCode' },
    { name: 'a region under a village', method: 'POST', path: '/api/regions', body: () => ({ parentCode: LIUSHU, code: `${LIUSHU}001`.slice(0, 12), name: '新组' }), status: 400, field: 'parentCode' },
    { name: 'a phone that is no phone', method: 'PATCH', path: `/api/regions/${LIUSHU}`, body: () => ({ contactPhone: '12345' }), status: 400, field: 'contactPhone' },
    { name: 'a referred-to code changed', method: 'PATCH', path: `/api/regions/${LIUSHU}`, body: () => ({ code: '439901100288' }), status: 409, field: 'code' },
    { name: 'the county deactivated', method: 'PATCH', path: `/api/regions/${COUNTY}`, body: () => ({ active: false }), status: 400, field: 'active' },
    { name: 'a negative sort order', method: 'PATCH', path: `/api/regions/${LIUSHU}`, body: () => ({ sortOrder: -1 }), status: 400, field: 'sortOrder' },
    { name: 'an empty patch', method: 'PATCH', path: `/api/regions/${LIUSHU}`, body: () => ({}), status: 400, field: 'name' },
    { name: 'an income line in yuan-with-decimals', method: 'PUT', path: '/api/income-lines', body: () => ({ regionCode: COUNTY, year: 2026, perCapitaFen: 8700.5 }), status: 400, field: 'perCapitaFen' },
    { name: 'an income line of 10 yuan', method: 'PUT', path: '/api/income-lines', body: () => ({ regionCode: COUNTY, year: 2026, perCapitaFen: 1000 }), status: 400, field: 'perCapitaFen' },
    { name: 'an income line for 1990', method: 'PUT', path: '/api/income-lines', body: () => ({ regionCode: COUNTY, year: 1990, perCapitaFen: 870_000 }), status: 400, field: 'year' },
    { name: 'an income line for no region', method: 'PUT', path: '/api/income-lines', body: () => ({ regionCode: '439999', year: 2026, perCapitaFen: 870_000 }), status: 400, field: 'regionCode' },
    { name: 'a 公示 shorter than the policy’s 5 days', method: 'PUT', path: '/api/settings/workflow', body: (w) => ({ ...w, publicityMinDays: 3 }), status: 400, field: 'publicityMinDays' },
    { name: 'a limit of 0 days', method: 'PUT', path: '/api/settings/workflow', body: (w) => ({ ...w, limits: { ...w.limits, town_review: { days: 0, working: false } } }), status: 400, field: 'limits.town_review.days' },
    { name: 'a limit of 200 days', method: 'PUT', path: '/api/settings/workflow', body: (w) => ({ ...w, limits: { ...w.limits, total: { days: 200, working: false } } }), status: 400, field: 'limits.total.days' },
    { name: 'a limit not named', method: 'PUT', path: '/api/settings/workflow', body: (w) => ({ ...w, limits: { ...w.limits, verification: undefined } }), status: 400, field: 'limits.verification' },
    { name: 'a publicity limit shorter than the notice', method: 'PUT', path: '/api/settings/workflow', body: (w) => ({ ...w, publicityMinDays: 12, limits: { ...w.limits, publicity: { days: 10, working: false } } }), status: 400, field: 'limits.publicity.days' },
    { name: 'a holiday that is no date', method: 'PUT', path: '/api/settings/workflow', body: (w) => ({ ...w, holidays: ['2026-02-30'] }), status: 400, field: 'holidays.0' },
    { name: 'a holiday in another format', method: 'PUT', path: '/api/settings/workflow', body: (w) => ({ ...w, holidays: ['2026/10/01'] }), status: 400, field: 'holidays.0' },
    { name: 'a day both holiday and workday', method: 'PUT', path: '/api/settings/workflow', body: (w) => ({ ...w, holidays: ['2026-10-01'], workdays: ['2026-09-27', '2026-10-01'] }), status: 400, field: 'workdays.1' },
    { name: 'an unknown field', method: 'PUT', path: '/api/settings/workflow', body: (w) => ({ ...w, extra: 1 }), status: 400, field: 'body' },
    // the paths' own parts: checked before anything is looked up
    { name: 'a region path that is no code (PATCH)', method: 'PATCH', path: '/api/regions/abc', body: () => ({ name: '新名' }), status: 400, field: 'code' },
    { name: 'a region path that is no code (DELETE)', method: 'DELETE', path: '/api/regions/4399%2001', body: () => undefined, status: 400, field: 'code' },
    { name: 'a region path code too long', method: 'DELETE', path: '/api/regions/4399011002010001', body: () => undefined, status: 400, field: 'code' },
    { name: 'an income line path with no region code', method: 'DELETE', path: '/api/income-lines/county/2026', body: () => undefined, status: 400, field: 'regionCode' },
    { name: 'an income line path with no year', method: 'DELETE', path: `/api/income-lines/${COUNTY}/twenty`, body: () => undefined, status: 400, field: 'year' },
    { name: 'an income line path with a year out of range', method: 'DELETE', path: `/api/income-lines/${COUNTY}/1999`, body: () => undefined, status: 400, field: 'year' },
  ];

  test.each(cases)('$name → $status naming $field', async ({ method, path, body, status, field }) => {
    const w = await workflowBody();
    const stampBefore = await prisma().cacheStamp.findUniqueOrThrow({ where: { scope: 'static' } });
    const audits = await prisma().auditEntry.count({ where: { action: { startsWith: 'settings:' } } });
    const res = await call(method, path, 'county', body(w));
    expect(res.status).toBe(status);
    if (field === 'body') expect(res.body.error.message).toMatch(/extra|unrecognized/i);
    else expect(res.body.error.field).toBe(field);
    // nothing written: no stamp change, no audit row
    expect((await prisma().cacheStamp.findUniqueOrThrow({ where: { scope: 'static' } })).stamp).toBe(stampBefore.stamp);
    expect(await prisma().auditEntry.count({ where: { action: { startsWith: 'settings:' } } })).toBe(audits);
  });
});

describe('only the county office changes the settings; everyone reads their own', () => {
  const writes: { name: string; method: string; path: string; body?: unknown }[] = [
    { name: 'create a village', method: 'POST', path: '/api/regions', body: { parentCode: QINGSHAN, code: '439901100277', name: '越权村' } },
    { name: 'rename a village', method: 'PATCH', path: `/api/regions/${LIUSHU}`, body: { name: '改名村' } },
    { name: 'remove a village', method: 'DELETE', path: `/api/regions/${LIUSHU}` },
    { name: 'set an income line', method: 'PUT', path: '/api/income-lines', body: { regionCode: LIUSHU, year: 2026, perCapitaFen: 990_000 } },
    { name: 'remove an income line', method: 'DELETE', path: `/api/income-lines/${COUNTY}/2026` },
    { name: 'reset the time limits', method: 'DELETE', path: '/api/settings/workflow' },
  ];
  const roles: Role[] = ['town', 'village', 'verifier', 'auditor'];
  test.each(roles.flatMap((role) => writes.map((w) => ({ ...w, role }))))('a $role cadre cannot $name (403)', async ({ role, method, path, body }) => {
    const res = await call(method, path, role, body);
    expect(res.status).toBe(403);
    expect(await prisma().region.findUnique({ where: { code: '439901100277' } })).toBeNull();
    expect((await prisma().region.findUniqueOrThrow({ where: { code: LIUSHU } })).name).toBe('柳树村');
  });

  test('a town cannot store time limits either', async () => {
    expect((await call('PUT', '/api/settings/workflow', 'town', await workflowBody())).status).toBe(403);
  });

  test('a town reads its own regions, the lines that apply to it and the limits', async () => {
    const regions = (await call('GET', '/api/regions', 'town')).body.regions as { code: string }[];
    expect(regions.map((r) => r.code)).toEqual(expect.arrayContaining([QINGSHAN, LIUSHU]));
    expect(regions.some((r) => r.code.startsWith('439901200'))).toBe(false);
    const lines = (await call('GET', '/api/income-lines', 'village')).body.lines as { regionCode: string }[];
    expect(lines.map((l) => l.regionCode)).toContain(COUNTY);
    const limits = await call('GET', '/api/settings/workflow', 'auditor');
    expect(limits.status).toBe(200);
    expect(limits.body.county.code).toBe(COUNTY);
  });
});

test('a village created, renamed, given a phone and removed: each change audited, the chat offers it while active', async () => {
  const code = '439901100204';
  const created = await call('POST', '/api/regions', 'county', { parentCode: QINGSHAN, code, name: '新建村', contactPhone: '0731-84123456' });
  expect(created.status).toBe(201);
  expect(created.body.region).toMatchObject({ code, level: 'village', parentCode: QINGSHAN, active: true, contactPhone: '0731-84123456' });
  // both servers offer it at once in the application's village menu
  const villageMenu = async (url: string, who: string) => {
    let said = '';
    for (const m of ['你好', '1', '1', '张三', '11010519491231002X', '13812345678', '1']) said = await say(url, who, m);
    return said;
  };
  for (const [i, url] of servers().entries()) expect(await villageMenu(url, `menu-a-${i}`)).toContain('新建村');

  const renamed = await call('PATCH', `/api/regions/${code}`, 'county', { name: '新桥村', sortOrder: 9, contactPhone: '' });
  expect(renamed.body.region).toMatchObject({ name: '新桥村', sortOrder: 9, contactPhone: null });

  const removed = await call('DELETE', `/api/regions/${code}`, 'county');
  expect(removed.body.action).toBe('deleted');
  expect(await prisma().region.findUnique({ where: { code } })).toBeNull();
  for (const [i, url] of servers().entries()) expect(await villageMenu(url, `menu-b-${i}`)).not.toContain('新桥村');

  const rows = await prisma().auditEntry.findMany({ where: { subject: code }, orderBy: { at: 'asc' } });
  expect(rows.map((r) => r.action)).toEqual(['settings:region-create', 'settings:region-update', 'settings:region-delete']);
  expect(rows.every((r) => r.actorId === srv.cadre('county').id && r.allowed)).toBe(true);
  expect(rows[1]!.reason).toContain('name 新建村 → 新桥村');
});

test('a village with a case is deactivated, not deleted: the case keeps it, the chat no longer offers it', async () => {
  const code = '439901100205';
  expect((await call('POST', '/api/regions', 'county', { parentCode: QINGSHAN, code, name: '旧村' })).status).toBe(201);
  const { caseNo } = await insertCase(prisma(), srv.config.documentsDir, { villageCode: code, idNumber: nextId() });
  const removed = await call('DELETE', `/api/regions/${code}`, 'county');
  expect(removed.status).toBe(200);
  expect(removed.body).toMatchObject({ action: 'deactivated', region: { active: false }, refs: { cases: 1, households: 1 } });
  expect((await prisma().case.findUniqueOrThrow({ where: { caseNo }, include: { village: true } })).village.code).toBe(code);
  let said = '';
  for (const m of ['你好', '1', '1', '张三', '11010519491231002X', '13812345678', '1']) said = await say(other.url, 'menu-c', m);
  expect(said).toContain('柳树村');
  expect(said).not.toContain('旧村');
  // and back
  expect((await call('PATCH', `/api/regions/${code}`, 'county', { active: true })).body.region.active).toBe(true);
  expect((await auditRows('settings:region-deactivate')).map((r) => r.subject)).toContain(code);
});

test('an income line changed through the API: both servers answer "标准是多少" with the new figure; audited with before and after', async () => {
  for (const [i, url] of servers().entries()) expect(await say(url, `line-before-${i}`, '标准是多少')).toContain('每人每年8,700元');
  const res = await call('PUT', '/api/income-lines', 'county', { regionCode: COUNTY, year: 2026, perCapitaFen: 912_300, note: '2026年省定标准' }, other.url);
  expect(res.status).toBe(200);
  expect(res.body.line).toMatchObject({ regionCode: COUNTY, year: 2026, perCapitaFen: 912_300, note: '2026年省定标准' });
  for (const [i, url] of servers().entries()) expect(await say(url, `line-after-${i}`, '标准是多少')).toContain('每人每年9,123元');
  const [row] = (await auditRows('settings:income-line-set')).slice(-1);
  expect(row).toMatchObject({ subject: `${COUNTY}:2026`, actorId: srv.cadre('county').id });
  expect(row!.reason).toContain('870000 → 912300');

  // a village's own line, then removed: it inherits the county's again
  expect((await call('PUT', '/api/income-lines', 'county', { regionCode: LIUSHU, year: 2026, perCapitaFen: 950_000 })).status).toBe(201);
  expect((await call('DELETE', `/api/income-lines/${LIUSHU}/2026`, 'county')).status).toBe(204);
  expect((await call('DELETE', `/api/income-lines/${LIUSHU}/2026`, 'county')).status).toBe(404);
  await call('PUT', '/api/income-lines', 'county', { regionCode: COUNTY, year: 2026, perCapitaFen: 870_000 });
});

describe('time limits and the calendar as the county sets them', () => {
  afterEach(async () => {
    await call('DELETE', '/api/settings/workflow', 'county');
  });

  test('without a row the environment\'s defaults apply, shown as both', async () => {
    const res = await call('GET', '/api/settings/workflow', 'county');
    expect(res.body).toMatchObject({ stored: false, county: { code: COUNTY } });
    expect(res.body.settings).toEqual(res.body.defaults);
    expect(res.body.settings.limits.total).toEqual({ days: 15, working: false });
    expect(res.body.settings.publicityMinDays).toBe(srv.config.workflow.publicityMinDays);
  });

  test('the shortest 公示 changed: the chat of both servers says it ("公示几天"); reset, the default again', async () => {
    for (const [i, url] of servers().entries()) expect(await say(url, `pub-before-${i}`, '公示几天')).toContain(`公示至少${srv.config.workflow.publicityMinDays}天`);
    const put = await call('PUT', '/api/settings/workflow', 'county', await workflowBody((w) => (w.publicityMinDays = 7)));
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ stored: true, settings: { publicityMinDays: 7 }, updatedBy: srv.cadre('county').id });
    for (const [i, url] of servers().entries()) expect(await say(url, `pub-after-${i}`, '公示几天')).toContain('公示至少7天');
    const [row] = (await auditRows('settings:workflow-set')).slice(-1);
    expect(row!.reason).toContain(`publicityMinDays ${srv.config.workflow.publicityMinDays} → 7`);
    await call('DELETE', '/api/settings/workflow', 'county', undefined, other.url);
    for (const [i, url] of servers().entries()) expect(await say(url, `pub-reset-${i}`, '公示几天')).toContain(`公示至少${srv.config.workflow.publicityMinDays}天`);
    expect((await auditRows('settings:workflow-reset')).length).toBeGreaterThan(0);
  });

  test('a move made on the other server takes the new limit for its due date', async () => {
    await call('PUT', '/api/settings/workflow', 'county', await workflowBody((w) => (w.limits.town_review = { days: 6, working: false })));
    const { caseNo } = await insertCase(prisma(), srv.config.documentsDir, { villageCode: LIUSHU, idNumber: nextId(), status: 'village_review' });
    const moved = await call('POST', `/api/cases/${caseNo}/transitions`, 'village', { to: 'town_review', note: '材料齐全' }, other.url);
    expect(moved.status).toBe(200);
    const c = await prisma().case.findUniqueOrThrow({ where: { caseNo } });
    expect(c.status).toBe('town_review');
    expect(c.dueAt?.getTime()).toBe(NOW.getTime() + 6 * 86_400_000);
  });

  test('the deadline check reads the county\'s whole limit and its holidays', async () => {
    const { caseNo } = await insertCase(prisma(), srv.config.documentsDir, { villageCode: LIUSHU, idNumber: nextId(), status: 'town_review', fields: { submittedAt: new Date(NOW.getTime() - 6 * 86_400_000) } });
    const flagged = async () => (await prisma().case.findUniqueOrThrow({ where: { caseNo } })).overdueTotalRemindedAt !== null;
    await checkDeadlines(prisma(), srv.config.workflow, NOW);
    expect(await flagged()).toBe(false); // 6 days of the default 15
    // filed on Tuesday 14 July: 3 working days, but Wednesday to Friday are holidays — due Wednesday 22nd, still in time
    await call('PUT', '/api/settings/workflow', 'county', await workflowBody((w) => ((w.limits.total = { days: 3, working: true }), (w.holidays = ['2026-07-15', '2026-07-16', '2026-07-17']))));
    await checkDeadlines(prisma(), srv.config.workflow, NOW);
    expect(await flagged()).toBe(false);
    await call('PUT', '/api/settings/workflow', 'county', await workflowBody((w) => ((w.limits.total = { days: 3, working: true }), (w.holidays = []))));
    await checkDeadlines(prisma(), srv.config.workflow, NOW);
    expect(await flagged()).toBe(true);
  });
});
