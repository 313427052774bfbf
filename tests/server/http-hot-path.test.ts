/**
 * What made the busiest HTTP answers cheaper must not change what they answer (bench/README.md,
 * "The HTTP side"): the case list and the cadre's credential read straight from the pool give the
 * rows Prisma gives — also in a time zone other than UTC, where the pg driver alone reads and
 * writes timestamps as local time —; a credential is checked against the database on every
 * request (a session deleted or a cadre deactivated by hand is refused at once) while the
 * cadre's reach comes from the cached region tree, refreshed when a region is added; concurrent
 * health checks share a statement sent after they arrived; JSON answers allow no inline script.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { resolveCadre } from '../../server/core/auth/cadre';
import { hashToken } from '../../server/core/auth/tokens';
import { throughPrisma } from '../../server/core/db/direct';
import { sharedCheck } from '../../server/http/health';
import { insertCase } from '../support/fixtures';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server';

const ROOT = path.resolve(__dirname, '../..');
const NOW = new Date('2026-03-10T02:00:00.000Z');
let srv: TestServer;

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW });
  const fields = [
    { dueAt: new Date('2026-03-12T23:30:00.123Z'), statusSince: new Date('2026-03-01T16:00:00.000Z') },
    { dueAt: new Date('2026-03-09T00:00:00.000Z'), overdueSince: new Date('2026-03-09T01:00:00.500Z') },
    { submittedAt: new Date('2026-02-28T20:59:59.999Z') },
  ];
  for (const [i, f] of fields.entries()) await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100201', status: 'village_review', idNumber: `1101051949123100${i}X`, fields: f });
});
afterAll(async () => {
  await srv.close();
});

const get = (path: string, token: string) => fetch(`${srv.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

test.each(['UTC', 'Asia/Shanghai', 'America/New_York'])('TZ=%s: list pages (and the pages after them) and a session read through the pool equal the same through Prisma', async (zone) => {
  const session = randomBytes(24).toString('base64url');
  await srv.db.raw.cadreSession.create({ data: { cadreId: srv.cadre('county').id, tokenHash: hashToken(session), expiresAt: new Date('2026-03-10T14:00:00.000Z'), lastUsedAt: NOW } });
  // in a process of its own: the pg driver alone would read and write timestamps in the process's zone
  const out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'tests/support/list-in-zone.ts'), srv.db.url, session, NOW.toISOString()], {
    cwd: ROOT,
    env: { ...process.env, TZ: zone },
    encoding: 'utf8',
  });
  const { pooled, viaPrisma } = JSON.parse(out) as { pooled: { pages: { body: { cases: { dueAt: string | null }[] } }[]; credential: unknown }; viaPrisma: unknown };
  expect(pooled).toEqual(viaPrisma);
  expect(pooled.credential).toEqual({ kind: 'session', sessionId: expect.any(String), expiresAt: '2026-03-10T14:00:00.000Z' });
  // sort=due: the first page, then the page after it by its cursor
  expect(pooled.pages.slice(2).flatMap((p) => p.body.cases.map((c) => c.dueAt))).toEqual(['2026-03-09T00:00:00.000Z', '2026-03-12T23:30:00.123Z', null]);
});

test('a session, an API token and the refusals resolve the same through the pool as through Prisma', async () => {
  const county = srv.cadre('county');
  const session = randomBytes(24).toString('base64url');
  const expired = randomBytes(24).toString('base64url');
  await srv.db.raw.cadreSession.create({ data: { cadreId: county.id, tokenHash: hashToken(session), expiresAt: new Date('2026-03-10T14:00:00.000Z'), lastUsedAt: NOW } });
  await srv.db.raw.cadreSession.create({ data: { cadreId: county.id, tokenHash: hashToken(expired), expiresAt: NOW, lastUsedAt: NOW } });
  for (const token of [session, expired, county.token, ADMIN_TOKEN, 'not-a-token']) {
    const pooled = await resolveCadre(srv.db.prisma, token, ADMIN_TOKEN, NOW, srv.db.sql);
    expect(pooled).toEqual(await resolveCadre(srv.db.prisma, token, ADMIN_TOKEN, NOW, throughPrisma(srv.db.prisma)));
  }
  const found = await resolveCadre(srv.db.prisma, session, ADMIN_TOKEN, NOW, srv.db.sql);
  expect(found !== null && found !== 'expired' && found.credential).toEqual({ kind: 'session', sessionId: expect.any(String), expiresAt: new Date('2026-03-10T14:00:00.000Z') });
  expect(await resolveCadre(srv.db.prisma, expired, ADMIN_TOKEN, NOW, srv.db.sql)).toBe('expired');
});

test('a session deleted or a cadre deactivated in the database is refused at its next request', async () => {
  const liushu = srv.cadre('liushu');
  const token = randomBytes(24).toString('base64url');
  await srv.db.raw.cadreSession.create({ data: { cadreId: liushu.id, tokenHash: hashToken(token), expiresAt: new Date('2026-03-11T00:00:00.000Z'), lastUsedAt: NOW } });
  expect((await get('/api/cases', token)).status).toBe(200);
  await srv.db.raw.cadreSession.deleteMany({ where: { tokenHash: hashToken(token) } });
  expect((await get('/api/cases', token)).status).toBe(401);
  expect((await get('/api/cases', liushu.token)).status).toBe(200);
  await srv.db.raw.cadre.update({ where: { id: liushu.id }, data: { active: false } });
  expect((await get('/api/cases', liushu.token)).status).toBe(401);
  await srv.db.raw.cadre.update({ where: { id: liushu.id }, data: { active: true } });
});

test("a cadre's reach follows a village added to its town (the cached tree is refreshed by its stamp)", async () => {
  const qingshan = srv.cadre('qingshan').token;
  expect((await get('/api/cases', qingshan)).status).toBe(200); // the tree is cached now
  const town = await srv.db.raw.region.findUniqueOrThrow({ where: { code: '439901100' } });
  await srv.db.raw.region.create({ data: { code: '439901100299', name: '新村', level: 'village', parentId: town.id, sortOrder: 99 } });
  const { caseNo } = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100299', idNumber: '110105194912310099' });
  expect((await get(`/api/cases/${caseNo}`, qingshan)).status).toBe(200);
  expect((await get(`/api/cases/${caseNo}`, srv.cadre('baishi_town').token)).status).toBe(404);
});

test('health checks that arrive while one is in flight share the next statement, never the one already sent', async () => {
  const sent: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const check = sharedCheck(() => new Promise<void>((resolve, reject) => sent.push({ resolve, reject })));
  const first = check();
  await Promise.resolve();
  expect(sent).toHaveLength(1);
  const later = [check(), check(), check()];
  await Promise.resolve();
  expect(sent).toHaveLength(1); // waiting for the next one
  let laterDone = false;
  const settle = () => void (laterDone = true);
  void Promise.all(later).then(settle, settle);
  sent[0]!.resolve();
  await first;
  await new Promise((r) => setImmediate(r));
  expect(laterDone).toBe(false);
  expect(sent).toHaveLength(2);
  sent[1]!.reject(new Error('database down'));
  for (const p of later) await expect(p).rejects.toThrow('database down');
  const again = check();
  await new Promise((r) => setImmediate(r));
  expect(sent).toHaveLength(3);
  sent[2]!.resolve();
  await again;
  expect((await fetch(`${srv.url}/health`)).status).toBe(200);
});

test('a JSON answer allows no inline script or style; nothing is left to a nonce no page used', async () => {
  const res = await get('/api/cases', ADMIN_TOKEN);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("script-src 'none'");
  expect(csp).toContain("style-src 'none'");
  expect(csp).not.toContain('nonce-');
});
