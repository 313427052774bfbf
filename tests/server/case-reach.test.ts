/**
 * Who reaches a case, in the core the channels share, on a real database:
 *  - a villager's own cases (server/core/cases/own.ts): the list query and the workflow's rule
 *    agree for every contact and reach; a claimed link sees the household's cases, acts on none;
 *  - a supplement (server/core/cases/supplement.ts): only for a case the villager acts on, only
 *    while it is returned;
 *  - a cadre's photo (server/core/documents/cadre-photo.ts): only on a case the cadre may know
 *    of; a refusal is audited and stores nothing.
 */
import { actorForCadre } from '../../server/core/auth/actor';
import { findOwnCase, isOwnCase, ownCasesWhere, type CaseHolder, type Reach } from '../../server/core/cases/own';
import { attachSupplement } from '../../server/core/cases/supplement';
import { attachCadrePhoto } from '../../server/core/documents/cadre-photo';
import type { PrismaClient } from '../../server/generated/prisma/client';
import { seedDemoCounty, type DemoSeed } from '../../server/seed/demo-county';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { insertCase } from '../support/fixtures';
import { idNumber } from '../miniprogram/support';

const NOW = new Date('2026-03-10T02:00:00Z');
const LIUSHU = '439901100201';
const blob = (n: number) => ({ sha256: String(n).padStart(64, '0'), storageKey: `k/${n}`, size: 100, mime: 'image/jpeg' });

let db: TestDatabase;
let prisma: PrismaClient;
let seed: DemoSeed;
const holders: Record<'filer' | 'claimer' | 'stranger', CaseHolder> = {} as never;
/** filed: the filer's, returned · household: the same household's, filed by nobody here · claimers: filed by the claimer · other: another household's, in verification */
const cases: Record<'filed' | 'household' | 'claimers' | 'other', { id: string; caseNo: string }> = {} as never;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = db.prisma;
  seed = await seedDemoCounty(prisma, { now: NOW });
  const contact = (wx: string) => prisma.contact.create({ data: { channel: 'test:bot', externalId: wx, name: wx } });
  const [filer, claimer, stranger] = [await contact('filer'), await contact('claimer'), await contact('stranger')];
  const filed = await insertCase(prisma, '/nonexistent', { villageCode: LIUSHU, status: 'returned', idNumber: idNumber('19600101', 1), contactId: filer.id, fields: { returnedFrom: 'village_review', missingItems: ['出院小结'] } });
  const { householdId } = filed;
  const household = await insertCase(prisma, '/nonexistent', { villageCode: LIUSHU, status: 'village_review', idNumber: idNumber('19600101', 2), fields: { householdId } });
  const claimers = await insertCase(prisma, '/nonexistent', { villageCode: LIUSHU, status: 'returned', idNumber: idNumber('19600101', 3), contactId: claimer.id, fields: { returnedFrom: 'village_review' } });
  const verifier = seed.cadres.find((c) => c.key === 'verifier')!.id;
  const other = await insertCase(prisma, '/nonexistent', { villageCode: LIUSHU, status: 'verification', idNumber: idNumber('19600101', 4), fields: { verifierId: verifier } });
  for (const [key, c] of Object.entries({ filed, household, claimers, other })) cases[key as keyof typeof cases] = { id: c.caseId, caseNo: c.caseNo };
  Object.assign(holders, {
    filer: { id: filer.id, householdId, householdLink: 'created' },
    claimer: { id: claimer.id, householdId, householdLink: 'claimed' },
    stranger: { id: stranger.id, householdId: null, householdLink: null },
  });
});
afterAll(async () => {
  await db.close();
});

describe('a villager’s own cases', () => {
  test.each([
    ['filer', 'act', ['filed', 'household']],
    ['filer', 'see', ['filed', 'household']],
    ['claimer', 'act', ['claimers']],
    ['claimer', 'see', ['filed', 'household', 'claimers']],
    ['stranger', 'act', []],
    ['stranger', 'see', []],
  ] as const)('%s, to %s: %j — the query and the rule agree', async (who, reach: Reach, expected) => {
    const holder = holders[who];
    const ids = Object.values(cases).map((c) => c.id);
    const rows = await prisma.case.findMany({ where: { id: { in: ids } } });
    const byRule = rows.filter((r) => isOwnCase(holder, reach, r)).map((r) => r.id);
    const byQuery = (await prisma.case.findMany({ where: { AND: [{ id: { in: ids } }, ownCasesWhere(holder, reach)] } })).map((r) => r.id);
    expect(new Set(byQuery)).toEqual(new Set(byRule));
    expect(new Set(byRule)).toEqual(new Set(expected.map((k) => cases[k].id)));
    for (const [key, c] of Object.entries(cases)) {
      expect(((await findOwnCase(prisma, holder, c.caseNo, reach)) !== null)).toBe((expected as readonly string[]).includes(key));
    }
  });
});

describe('a supplement', () => {
  const count = (caseId: string) => prisma.document.count({ where: { caseId } });

  test('kept with a returned case the villager acts on', async () => {
    const kept = await attachSupplement(prisma, holders.filer, cases.filed.caseNo, { ...blob(1), fileName: '出院小结.jpg' }, NOW);
    expect(kept.ok).toBe(true);
    const doc = await prisma.document.findFirstOrThrow({ where: { caseId: cases.filed.id } });
    expect(doc).toMatchObject({ kind: 'supplement', contactId: holders.filer.id, fileName: '出院小结.jpg', createdAt: NOW });
  });

  test.each([
    ['a case in review (resubmitted, or never returned)', 'filer', 'household', { ok: false, reason: 'not_returned', status: 'village_review' }],
    ['the household’s returned case, through a claimed link', 'claimer', 'filed', { ok: false, reason: 'not_found' }],
    ['another’s case', 'stranger', 'filed', { ok: false, reason: 'not_found' }],
    ['a number that does not exist', 'filer', null, { ok: false, reason: 'not_found' }],
  ] as const)('refused for %s, nothing stored', async (_what, who, which, refusal) => {
    const target = which ? cases[which] : { id: 'none', caseNo: 'FP-2026-999999' };
    const before = await prisma.document.count();
    expect(await attachSupplement(prisma, holders[who], target.caseNo, blob(2))).toEqual(refusal);
    expect(await prisma.document.count()).toBe(before);
    if (which) expect(await count(target.id)).toBe(which === 'filed' ? 1 : 0);
  });
});

describe('a cadre’s photo', () => {
  const actor = async (key: string) => actorForCadre(prisma, await prisma.cadre.findUniqueOrThrow({ where: { id: seed.cadres.find((c) => c.key === key)!.id } }));
  const photo = { ...blob(3), kind: 'verification_photo' as const };

  test('the assigned verifier’s photo joins the case', async () => {
    const r = await prisma.$transaction((tx) => actor('verifier').then((a) => attachCadrePhoto(tx, a, cases.other.caseNo, photo, { contactId: holders.stranger.id }, NOW)));
    expect(r.ok).toBe(true);
    expect(await prisma.document.findFirstOrThrow({ where: { caseId: cases.other.id } })).toMatchObject({ kind: 'verification_photo' });
  });

  test.each([
    ['a verifier the case is not assigned to', 'other_verifier', (): string => cases.other.caseNo, 'outside_jurisdiction'],
    ['another village’s cadre', 'baishi', (): string => cases.other.caseNo, 'outside_jurisdiction'],
    ['a case that does not exist', 'county', (): string => 'FP-2026-999999', 'not_found'],
  ] as const)('refused for %s: audited, nothing stored', async (_what, key, caseNoOf, code) => {
    const a = key === 'other_verifier' ? { ...(await actor('verifier')), id: 'someone-else' } : await actor(key);
    const before = await prisma.document.count();
    const r = await prisma.$transaction((tx) => attachCadrePhoto(tx, a, caseNoOf(), photo, { contactId: holders.stranger.id }, NOW));
    expect(r).toMatchObject({ ok: false, code });
    expect(await prisma.document.count()).toBe(before);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'attach_photo', caseNo: caseNoOf(), actorId: a.id }, orderBy: { seq: 'desc' } });
    expect(audit).toMatchObject({ allowed: false, reason: expect.stringMatching(new RegExp(`^${code}:`)) });
  });
});
