/**
 * 统计 and 导出 by chat, through the inbound endpoint on a real database: cases seeded in two
 * villages (this month, last month, overdue, paid); a village cadre's 统计 counts its own village's
 * cases only and every figure equals one counted here with plain Prisma queries (not the
 * statistics' SQL); the county office's counts the county's, with the year's budget; a role without
 * statistics is told who has them; 导出 names the console's page and its layouts and sends no file;
 * neither writes to the audit trail; 帮助 lists them for the roles the permissions give them.
 */
import { shanghaiMidnight } from '../../flows/china-time';
import { ledgerText, statsText, type CadreStats } from '../../flows/cadre/report';
import { helpText } from '../../flows/cadre/text';
import { t } from '../../flows/i18n';
import { CASE_STATUSES, ROLES, type Role } from '../../flows/workflow';
import { CAUSES } from '../../flows/engine/types';
import { issueBindingCode } from '../../server/core/auth/binding-codes';
import { MAY } from '../../server/core/auth/permissions';
import type { Prisma } from '../../server/generated/prisma/client';
import { api, chat } from '../broadcasts/support';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';

/** Monday 20 July 2026, 10:00 in China. */
const NOW = new Date('2026-07-20T02:00:00Z');
const BASE = 'https://fangpin.example.gov.cn';
const LIUSHU = '439901100201';
const BAISHI = '439901200201';
const DAY = 86_400_000;
const china = (wall: string) => new Date(`${wall}:00+08:00`);
const JULY = { gte: china('2026-07-01T00:00'), lt: china('2026-08-01T00:00') };
const JUNE = { gte: china('2026-06-01T00:00'), lt: china('2026-07-01T00:00') };
const YEAR = { gte: china('2026-01-01T00:00'), lt: china('2027-01-01T00:00') };

let srv: TestServer;
const prisma = () => srv.db.prisma;
let idNo = 0;

type Seed = { village: string; cause: 'illness' | 'disaster' | 'education'; status: string; submitted: string; fields?: Partial<Prisma.CaseUncheckedCreateInput> };
const overdue = { dueAt: new Date(NOW.getTime() - DAY) };
const SEEDS: Seed[] = [
  // 柳树村: illness and education only
  { village: LIUSHU, cause: 'illness', status: 'village_review', submitted: '2026-07-02T09:00', fields: overdue },
  { village: LIUSHU, cause: 'illness', status: 'town_review', submitted: '2026-07-15T10:00', fields: { dueAt: new Date(NOW.getTime() + DAY) } },
  { village: LIUSHU, cause: 'education', status: 'paid', submitted: '2026-07-01T00:10', fields: { approvedAmountFen: 300_000, paidAt: shanghaiMidnight('2026-07-10'), householdCategory: 'marginal' } },
  // the last half hour of June in China: June's
  { village: LIUSHU, cause: 'illness', status: 'county_review', submitted: '2026-06-30T23:30', fields: { overdueSince: new Date(NOW.getTime() - 3 * DAY) } },
  { village: LIUSHU, cause: 'education', status: 'paid', submitted: '2026-06-05T10:00', fields: { approvedAmountFen: 120_000, paidAt: shanghaiMidnight('2026-06-28'), householdCategory: 'marginal' } },
  // 白石村: the disasters are all here
  { village: BAISHI, cause: 'disaster', status: 'village_review', submitted: '2026-07-03T08:00', fields: overdue },
  { village: BAISHI, cause: 'disaster', status: 'village_review', submitted: '2026-07-18T08:00' },
  { village: BAISHI, cause: 'education', status: 'approved', submitted: '2026-07-05T08:00', fields: { approvedAmountFen: 200_000, householdCategory: 'sudden_hardship' } },
  { village: BAISHI, cause: 'disaster', status: 'paid', submitted: '2026-07-06T08:00', fields: { approvedAmountFen: 500_000, paidAt: shanghaiMidnight('2026-07-19'), householdCategory: 'marginal' } },
  { village: BAISHI, cause: 'disaster', status: 'rejected', submitted: '2026-06-12T08:00' },
];

const BUDGET_FEN = 10_000_000;

beforeAll(async () => {
  srv = await startTestServer({ now: () => NOW, env: { PUBLIC_BASE_URL: `${BASE}/` } });
  for (const s of SEEDS) {
    await insertCase(prisma(), srv.config.documentsDir, { villageCode: s.village, cause: s.cause, status: s.status, idNumber: `11010519491231${String(2000 + ++idNo).slice(-4)}`, fields: { submittedAt: china(s.submitted), ...s.fields } });
  }
  const county = await prisma().region.findFirstOrThrow({ where: { level: 'county' } });
  await prisma().countyBudget.create({ data: { countyId: county.id, year: 2026, amountFen: BigInt(BUDGET_FEN) } });
  for (const [wx, key] of [['wx-liushu', 'liushu'], ['wx-baishi', 'baishi'], ['wx-county', 'county'], ['wx-verifier', 'verifier']] as const) {
    const { code } = await issueBindingCode(prisma(), { purpose: 'cadre', cadreId: srv.cadre(key).id }, NOW);
    expect(await chat(srv, wx, `绑定 ${code}`)).toContain('绑定成功');
  }
});
afterAll(async () => {
  await srv.close();
});

/**
 * The figures counted here, independently: the cases submitted in the period (China dates) in the
 * villages given (null: all of the county's), where they are now, the villages' overdue cases now,
 * and the payments made in the period and in the year.
 */
async function expected(villageCodes: string[] | null, period: { gte: Date; lt: Date }, label: string, region: string): Promise<Extract<CadreStats, { allowed: true }>> {
  const villages = villageCodes ? (await prisma().region.findMany({ where: { code: { in: villageCodes } } })).map((v) => v.id) : null;
  const inVillages: Prisma.CaseWhereInput = villages ? { villageId: { in: villages } } : {};
  const submitted = await prisma().case.findMany({ where: { ...inVillages, submittedAt: period }, select: { cause: true, status: true } });
  const count = <K extends string>(keys: readonly K[], of: (c: (typeof submitted)[number]) => string) => keys.map((k) => ({ k, n: submitted.filter((c) => of(c) === k).length }));
  const overdueNow = await prisma().case.count({ where: { ...inVillages, OR: [{ overdueSince: { not: null } }, { dueAt: { lt: NOW } }] } });
  const paid = await prisma().case.aggregate({ where: { ...inVillages, paidAt: period }, _count: true, _sum: { approvedAmountFen: true } });
  const paidYear = await prisma().case.aggregate({ where: { ...inVillages, paidAt: YEAR }, _sum: { approvedAmountFen: true } });
  const paidYearFen = Number(paidYear._sum.approvedAmountFen ?? 0);
  return {
    allowed: true,
    period: label,
    region,
    applications: submitted.length,
    byCause: count(CAUSES, (c) => c.cause).map(({ k, n }) => ({ cause: k, n })),
    byStatus: count(CASE_STATUSES, (c) => c.status).map(({ k, n }) => ({ status: k, n })),
    overdue: overdueNow,
    paid: { cases: paid._count, amountFen: Number(paid._sum.approvedAmountFen ?? 0) },
    budget: { year: 2026, budgetFen: BUDGET_FEN, paidFen: paidYearFen, usedShare: Math.round((paidYearFen / BUDGET_FEN) * 1000) / 10 },
    link: `${BASE}/console/stats?period=${label}`,
  };
}

const audits = () => prisma().auditEntry.count();

describe('统计', () => {
  test.each([
    ['统计', JULY, '2026-07'],
    ['这个月多少户申请了', JULY, '2026-07'],
    ['上月统计', JUNE, '2026-06'],
    ['今年统计', YEAR, '2026'],
  ] as const)('a village cadre\'s "%s": its own village\'s cases only, each figure as counted here', async (message, period, label) => {
    const before = await audits();
    const reply = await chat(srv, 'wx-liushu', message);
    const mine = await expected([LIUSHU], period, label, '柳树村');
    expect(reply).toBe(statsText('zh-CN', 'village', mine));
    expect(await audits()).toBe(before);
    // the other village's cases are not among them: the county's figures are larger, and its disasters are not said
    const all = await expected(null, period, label, '');
    expect(mine.applications).toBeLessThan(all.applications);
    expect(reply).not.toContain(t('zh-CN', 'cause.disaster'));
  });

  test('the seeded cases are what the village\'s July figures say', async () => {
    const mine = await expected([LIUSHU], JULY, '2026-07', '柳树村');
    // at least the seeded ones (the demo county may hold cases of its own)
    expect(mine.applications).toBeGreaterThanOrEqual(3);
    expect(mine.byCause.find((c) => c.cause === 'disaster')!.n).toBe(0);
    expect(mine.overdue).toBeGreaterThanOrEqual(2);
    expect(mine.paid.amountFen).toBeGreaterThanOrEqual(300_000);
  });

  test('the other village\'s cadre counts its own, disasters and all', async () => {
    const reply = await chat(srv, 'wx-baishi', '统计');
    const theirs = await expected([BAISHI], JULY, '2026-07', '白石村');
    expect(reply).toBe(statsText('zh-CN', 'village', theirs));
    expect(reply).toContain(t('zh-CN', 'cause.disaster'));
  });

  test('the county office: the whole county, with the year\'s budget', async () => {
    const county = await prisma().region.findFirstOrThrow({ where: { level: 'county' } });
    const reply = await chat(srv, 'wx-county', '本月统计');
    const all = await expected(null, JULY, '2026-07', county.name);
    expect(reply).toBe(statsText('zh-CN', 'county', all));
    expect(reply).toContain('2026年预算100,000元');
  });

  test('a role without statistics (the insurer\'s verifier) is told who has them', async () => {
    const reply = await chat(srv, 'wx-verifier', '统计');
    expect(reply).toBe(statsText('zh-CN', 'verifier', { allowed: false, roles: [...MAY.readStats] }));
    expect(reply).toContain('县帮扶办');
  });
});

describe('导出', () => {
  test('the console\'s export page and the layouts it offers (the county\'s own too); no file, no audit', async () => {
    const made = await api(srv, srv.tokenOf('county'), 'POST', '/api/export/layouts', { name: '乡村振兴局报表', kind: 'cases', columns: [{ field: 'village' }, { field: 'cause' }] });
    expect(made.status).toBe(201);
    const layouts = await api(srv, srv.cadre('liushu').token, 'GET', '/api/export/layouts');
    const names = (layouts.body.layouts as { name: string }[]).map((l) => l.name);
    expect(names).toContain('乡村振兴局报表');
    const before = await audits();
    const outbox = await prisma().outbox.count();
    const reply = await chat(srv, 'wx-liushu', '导出台账');
    expect(reply).toBe(ledgerText('zh-CN', { allowed: true, region: '柳树村', layouts: names, formats: ['xlsx', 'csv'], link: `${BASE}/console/export` }));
    expect(await chat(srv, 'wx-liushu', '要台账')).toBe(reply);
    expect(await audits()).toBe(before);
    expect(await prisma().outbox.count()).toBe(outbox);
  });
});

test('帮助 lists 统计 and 导出 for the roles the permissions give them', () => {
  const has = (roles: readonly Role[], role: Role) => roles.includes(role);
  for (const role of ROLES) {
    const help = helpText('zh-CN', { name: 'x', role, region: '柳树村' }, false);
    expect([role, help.includes(t('zh-CN', 'cadre.help.stats'))]).toEqual([role, has(MAY.readStats, role)]);
    expect([role, help.includes(t('zh-CN', 'cadre.help.export'))]).toEqual([role, has(MAY.exportLedger, role)]);
  }
});

test('帮助 by chat says them', async () => {
  const help = await chat(srv, 'wx-liushu', '帮助');
  expect(help).toContain(t('zh-CN', 'cadre.help.stats'));
  expect(help).toContain(t('zh-CN', 'cadre.help.export'));
});
