/**
 * 监测户台账 through the console, in a real browser: 柳树村's cadre opens the register (names masked,
 * the state and category in words, filtered to 监测对象 in the address), opens a household (ID number
 * masked until "显示完整"), takes it on as 帮扶责任人 and records a measure — the page shows it, and
 * the database holds it. Screenshots in test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(4 * 60_000);

const ID = '43990119750000123X';
let srv: TestServer;
let browser: Browser;
let householdId: string;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer();
  const c = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100201', status: 'paid', idNumber: ID });
  householdId = c.householdId;
  await srv.db.prisma.household.update({ where: { id: householdId }, data: { headName: '赵桂芬', monitoringState: 'monitored', monitoringCategory: 'sudden_hardship', monitoredSince: new Date('2026-01-05T00:00:00+08:00') } });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

test('a village cadre lists its monitored households, opens one, reveals the ID number, takes it on and records a measure', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  const liushu = srv.cadre('liushu');
  await page.goto(`${srv.url}/console/households?state=monitored`);
  await page.getByTestId('login-username').fill(liushu.username);
  await page.getByTestId('login-password').fill(liushu.password);
  await page.getByTestId('login-submit').click();

  const list = page.getByTestId('households');
  const row = list.locator('tr', { hasText: '赵*芬' });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('突发严重困难户');
  await expect(row.textContent()).resolves.toContain('监测对象');
  await expect(list.textContent()).resolves.not.toContain('赵桂芬');
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-register-list.png'), fullPage: true });

  await row.getByRole('link', { name: '赵*芬' }).click();
  const household = page.getByTestId('household');
  await household.getByText('赵桂芬').first().waitFor();
  await expect(household.textContent()).resolves.toContain('4399**********123X');
  await page.getByTestId('reveal-idNumber').click();
  await household.getByText(ID).waitFor();

  await page.getByTestId('take-responsible').click();
  await household.getByText(liushu.name).waitFor();

  await page.getByTestId('measure-kind').click();
  await page.locator('.ant-select-item-option', { hasText: '医疗救助' }).click();
  // antd puts the test id on the input itself or on its wrapper
  await page.locator('input[data-testid="measure-amount"], [data-testid="measure-amount"] input').first().fill('1200');
  await page.getByTestId('measure-day').fill('2026-01-10');
  // the department is a choice of the county's list, its name shown
  await page.getByTestId('measure-department').click();
  await page.locator('.ant-select-item-option', { hasText: '医保局' }).click();
  await page.getByTestId('measure-submit').click();
  await page.getByTestId('measures').getByText('医保局').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-register-household.png'), fullPage: true });

  const measures = await srv.db.prisma.supportMeasure.findMany({ where: { householdId } });
  expect(measures.map((m) => ({ kind: m.kind, amountFen: m.amountFen, department: m.department, recordedById: m.recordedById }))).toEqual([
    { kind: 'medical_aid', amountFen: 120_000, department: 'yibao', recordedById: liushu.id },
  ]);
  expect((await srv.db.prisma.household.findUniqueOrThrow({ where: { id: householdId } })).responsibleCadreId).toBe(liushu.id);
  expect(await srv.db.prisma.auditEntry.count({ where: { action: 'household:reveal', actorId: liushu.id, allowed: true } })).toBe(1);
  expect(pageErrors).toEqual([]);
  await context.close();
});
