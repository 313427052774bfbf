/**
 * The statistics dashboard in a real browser (chromium via playwright-core): cases of this month
 * (causes, categories, towns, channels, statuses, with their events) are put in the database; the
 * county office opens 统计 and the figures shown equal counts computed here from the database;
 * a click on a figure opens the work queue listing exactly the cases behind it, its filters shown
 * as tags; a register figure opens the register list of exactly its households; a month picked
 * before this one shows none of them. A screenshot is kept in
 * test-artifacts/console-stats.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import { shanghaiDate, shanghaiMidnight } from '../../flows/china-time';
import { addDaysYmd } from '../../flows/cadre/day';
import type { Prisma } from '../../server/generated/prisma/client';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(4 * 60_000);

const DAY = 86_400_000;

let srv: TestServer;
let browser: Browser;
let page: Page;
/** This month in China, as the dashboard opens on it. */
const today = shanghaiDate(new Date());
const monthStart = `${today.slice(0, 7)}-01`;
const MONTH = { gte: shanghaiMidnight(monthStart), lt: new Date(Date.now() + DAY) };

type Seed = { village: string; cause: 'illness' | 'disaster' | 'education'; channel: string; statuses: string[]; category?: string };
const SEEDS: Seed[] = [
  { village: '439901100201', cause: 'illness', channel: 'wechaty:bot', statuses: ['village_review', 'town_review', 'county_review'] },
  { village: '439901100201', cause: 'illness', channel: 'miniprogram', statuses: ['village_review', 'returned'] },
  { village: '439901100202', cause: 'education', channel: 'cadre', statuses: ['village_review'] },
  { village: '439901200201', cause: 'illness', channel: 'wechaty:bot', statuses: ['village_review', 'town_review', 'county_review', 'approved'], category: 'marginal' },
  { village: '439901200201', cause: 'disaster', channel: 'app-phone', statuses: ['village_review', 'rejected'] },
];

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer();
  let n = 0;
  for (const s of SEEDS) {
    // today in China, early: every event of the case is still today and in the past
    const submittedAt = new Date(Math.max(shanghaiMidnight(today).getTime() + 60_000 * ++n, Date.now() - 3_600_000 + n * 60_000));
    const c = await insertCase(srv.db.prisma, srv.config.documentsDir, {
      villageCode: s.village,
      cause: s.cause,
      status: s.statuses.at(-1),
      idNumber: `1101051949123120${String(n).padStart(2, '0')}`,
      fields: { channel: s.channel, submittedAt, ...(s.category ? { householdCategory: s.category, approvedAmountFen: 300_000 } : {}), ...(s.statuses.includes('returned') ? { missingItems: ['出院小结'] } : {}) },
    });
    const events: Prisma.CaseEventCreateManyInput[] = [{ caseId: c.caseId, at: submittedAt, type: 'submitted', actorType: 'villager', toStatus: 'submitted' }];
    let from = 'submitted';
    s.statuses.forEach((to, i) => {
      events.push({ caseId: c.caseId, at: new Date(submittedAt.getTime() + i * 1000), type: 'approve', actorType: 'cadre', fromStatus: from, toStatus: to });
      from = to;
    });
    await srv.db.prisma.caseEvent.createMany({ data: events });
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  const county = srv.cadre('county');
  await page.goto(`${srv.url}/console/stats`);
  await page.getByTestId('login-username').fill(county.username);
  await page.getByTestId('login-password').fill(county.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('whoami').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

const monthCases: Prisma.CaseWhereInput = { submittedAt: MONTH };
const caseNos = async (where: Prisma.CaseWhereInput) => (await srv.db.prisma.case.findMany({ where, select: { caseNo: true } })).map((c) => c.caseNo).sort();
const text = async (testId: string) => (await page.getByTestId(testId).first().innerText()).trim();

async function openStats() {
  await page.goto(`${srv.url}/console/stats`);
  // once more when the first load did not come (other tests on this machine rebuild the console's files now and then)
  await page
    .getByTestId('stat-total')
    .waitFor({ timeout: 20_000 })
    .catch(async () => {
      await page.screenshot({ path: path.join(ARTIFACTS, 'console-stats-reload.png'), fullPage: true });
      await page.reload();
      await page.getByTestId('stat-total').waitFor({ timeout: 40_000 });
    });
}

/** The case numbers the queue lists now (after the click), once its total agrees with `n`. */
async function queueLists(n: number): Promise<string[]> {
  await page.getByTestId('queue-all').waitFor();
  await page.getByTestId('figure-tags').waitFor();
  await page.waitForFunction((want) => document.querySelector('[data-testid="total"]')?.textContent?.includes(String(want)), n);
  await page.waitForFunction((want) => document.querySelectorAll('[data-testid="case-link"]').length === want, n);
  return (await page.getByTestId('case-link').allInnerTexts()).map((s) => s.trim()).sort();
}

test('the dashboard’s figures equal the counts in the database', async () => {
  await openStats();
  expect(await text('stat-total')).toBe(String(await srv.db.prisma.case.count({ where: monthCases })));
  for (const cause of ['illness', 'disaster', 'education']) expect([cause, await text(`cause-${cause}`)]).toEqual([cause, String(await srv.db.prisma.case.count({ where: { ...monthCases, cause: cause as 'illness' } }))]);
  expect(await text('cc-illness-marginal')).toBe(String(await srv.db.prisma.case.count({ where: { ...monthCases, cause: 'illness', householdCategory: 'marginal' } })));
  expect(await text('region-439901100')).toBe(String(await srv.db.prisma.case.count({ where: { ...monthCases, village: { code: { startsWith: '439901100' } } } })));
  expect(await text('channel-cadre')).toBe(String(await srv.db.prisma.case.count({ where: { ...monthCases, channel: { startsWith: 'cadre' } } })));
  expect(await text('channel-miniprogram')).toBe(String(await srv.db.prisma.case.count({ where: { ...monthCases, channel: { in: ['miniprogram', 'app-phone'] } } })));
  const reachedTown = await srv.db.prisma.caseEvent.findMany({ where: { toStatus: 'town_review', case: monthCases }, distinct: ['caseId'] });
  expect(await text('reached-town_review')).toBe(String(reachedTown.length));
  expect(await text('now-rejected')).toBe(String(await srv.db.prisma.case.count({ where: { ...monthCases, status: 'rejected' } })));
  expect(await text('stat-returned')).toBe(String((await srv.db.prisma.caseEvent.findMany({ where: { toStatus: 'returned', case: monthCases }, distinct: ['caseId'] })).length));
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-stats.png'), fullPage: true });
});

test.each<[string, string, () => Promise<string[]>]>([
  ['illness', 'cause-illness', () => caseNos({ ...monthCases, cause: 'illness' })],
  ['白石乡 (by town)', 'region-439901200', () => caseNos({ ...monthCases, village: { code: { startsWith: '439901200' } } })],
  ['reached the town review', 'reached-town_review', async () => (await srv.db.prisma.case.findMany({ where: { ...monthCases, events: { some: { toStatus: 'town_review' } } } })).map((c) => c.caseNo).sort()],
  ['entered by a cadre', 'channel-cadre', () => caseNos({ ...monthCases, channel: { startsWith: 'cadre' } })],
])('a click on %s lists exactly its cases in the queue', async (_l, testId, expected) => {
  await openStats();
  const want = await expected();
  await page.getByTestId(testId).first().click();
  await page.waitForURL(/\/console\/cases\?/);
  expect(await queueLists(want.length)).toEqual(want);
  expect(await page.getByTestId('figure-tag-submittedFrom').innerText()).toContain(monthStart);
});

test('a click on a chart’s bar opens its cases too', async () => {
  await openStats();
  const chart = page.getByTestId('chart-regions');
  await chart.scrollIntoViewIfNeeded();
  // the first town's bar: in the left half of the plot, near the axis (a bar is at least a few pixels tall)
  const box = (await chart.boundingBox())!;
  const want = await caseNos({ ...monthCases, village: { code: { startsWith: '439901100' } } });
  const plot = { left: box.x + 40, right: box.x + box.width - 20, bottom: box.y + box.height - 50 };
  await page.mouse.click(plot.left + (plot.right - plot.left) / 4, plot.bottom - 3);
  await page.waitForURL(/\/console\/cases\?.*region=439901100/);
  expect(await queueLists(want.length)).toEqual(want);
});

test('a click on a register figure lists exactly its households in the register, the region kept as a tag', async () => {
  // two households of 青山镇 taken into monitoring as 边缘易致贫户, one of 白石乡
  const households = await srv.db.prisma.household.findMany({ where: { cases: { some: { submittedAt: MONTH } } }, select: { id: true, village: { select: { code: true } } } });
  const qingshan = households.filter((h) => h.village.code.startsWith('439901100'));
  const baishi = households.filter((h) => h.village.code.startsWith('439901200'));
  for (const h of [...qingshan.slice(0, 2), ...baishi.slice(0, 1)]) await srv.db.prisma.household.update({ where: { id: h.id }, data: { monitoringState: 'monitored', monitoringCategory: 'marginal', monitoredSince: shanghaiMidnight(monthStart) } });
  const want = await srv.db.prisma.household.count({ where: { monitoringState: 'monitored', monitoringCategory: 'marginal', village: { code: { startsWith: '439901100' } } } });
  expect(want).toBeGreaterThanOrEqual(2);
  await page.goto(`${srv.url}/console/stats?region=439901100`);
  const figure = page.getByTestId('register-category-marginal');
  await figure.waitFor();
  expect((await figure.innerText()).trim()).toBe(String(want));
  await figure.click();
  await page.waitForURL(/\/console\/households\?.*category=marginal/);
  expect(new URL(page.url()).searchParams.get('region')).toBe('439901100');
  await page.getByTestId('filter-region').waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="households"] tr.ant-table-row').length === n, want);
});

test('a month’s identifications open the register list of exactly the households identified that month, shown as a tag', async () => {
  const month = today.slice(0, 7);
  const households = await srv.db.prisma.household.findMany({ where: { monitoringState: 'monitored', village: { code: { startsWith: '439901100' } } }, select: { id: true } });
  for (const h of households.slice(0, 2)) await srv.db.prisma.monitoringEvent.create({ data: { householdId: h.id, type: 'identified', day: monthStart, actorType: 'cadre' } });
  const want = await srv.db.prisma.household.count({ where: { village: { code: { startsWith: '439901100' } }, monitoringEvents: { some: { type: 'identified', OR: [{ day: { gte: monthStart, lte: today } }, { day: null, at: { gte: shanghaiMidnight(monthStart) } }] } } } });
  expect(want).toBeGreaterThanOrEqual(2);
  await page.goto(`${srv.url}/console/stats?region=439901100`);
  const figure = page.getByTestId(`register-identified-${month}`);
  await figure.waitFor();
  expect((await figure.innerText()).trim()).toBe(String(want));
  await figure.click();
  await page.waitForURL(/\/console\/households\?.*event=identified/);
  expect(new URL(page.url()).searchParams.get('month')).toBe(month);
  await page.getByTestId('filter-event').waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="households"] tr.ant-table-row').length === n, want);
});

test('another month: none of these cases', async () => {
  const before = addDaysYmd(monthStart, -1).slice(0, 7);
  await page.goto(`${srv.url}/console/stats?period=${before}`);
  await page.getByTestId('stat-total').waitFor();
  await page.waitForFunction((m) => document.querySelector('[data-testid="stats-period"]')?.textContent?.includes(m), before);
  expect(await text('stat-total')).toBe(String(await srv.db.prisma.case.count({ where: { submittedAt: { gte: shanghaiMidnight(`${before}-01`), lt: shanghaiMidnight(monthStart) } } })));
});
