/**
 * The demo clock in a real browser: on a development start (the simulator's demo clock), a case in
 * 公示 cannot be decided today; the county office moves the clock on 7 days from the console's banner,
 * the banner says 演示时间, and the case is decided and paid (已发放) through the case page's forms.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import { DemoClock } from '../../server/core/demo-clock';
import { insertCase } from '../support/fixtures';
import { createTestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/server';
import { idNumber, LIUSHU } from '../miniprogram/support';
import { shanghaiDate } from '../../flows/china-time';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, chooseInMoveField } from './console-support';

jest.setTimeout(6 * 60_000);


let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const db = await createTestDatabase();
  srv = await startTestServer({ db, demoClock: await DemoClock.load(db.prisma) });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `console-${name}.png`), fullPage: true });

const choose = (page: Page, field: string) => chooseInMoveField(page, field);

test('a demo case goes from 公示 to 已发放 in one sitting with the demo clock', async () => {
  const today = shanghaiDate(new Date());
  const start = new Date(`${today}T00:00:00+08:00`);
  const end = new Date(start.getTime() + 6 * 86_400_000);
  const { caseNo } = await insertCase(srv.db.prisma, srv.config.documentsDir, {
    villageCode: LIUSHU.village,
    status: 'publicity',
    idNumber: idNumber('19550505', 555),
    fields: { publicityStart: start, publicityEnd: end, verifierId: srv.cadre('verifier').id, dueAt: new Date(end.getTime() + 5 * 86_400_000) } as never,
  });

  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${srv.url}/console/cases/${caseNo}`);
  await page.getByTestId('login-username').fill(srv.cadre('county').username);
  await page.getByTestId('login-password').fill(srv.cadre('county').password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('case-page').waitFor();
  await page.getByTestId('demo-clock').waitFor();
  expect(await page.getByTestId('demo-banner').count()).toBe(0);

  // the clock on by 7 days: the notice has ended
  await page.locator('input[data-testid="demo-days"], [data-testid="demo-days"] input').first().fill('7');
  await page.getByTestId('demo-advance').click();
  await page.getByTestId('demo-banner').waitFor();
  expect(await page.getByTestId('demo-banner').innerText()).toContain('演示时间');
  await page.getByTestId('case-page').waitFor();
  await shot(page, 'demo-clock');

  // the decision
  await page.locator('[data-testid="moves"] button.ant-btn-primary').first().click();
  await page.getByTestId('move-field-amountFen').locator('input').fill('5000');
  await choose(page, 'category');
  await choose(page, 'measures');
  await page.getByTestId('move-submit').click();
  await page.waitForFunction(async (no) => (await (await fetch(`/api/cases/${no}`)).json()).status === 'approved', caseNo, { timeout: 20_000 });

  // the payment
  await page.locator('[data-testid="moves"] button.ant-btn-primary').first().click();
  await page.getByTestId('move-field-paymentRef').locator('input').fill('DEMO-2026-0001');
  const paidOn = page.getByTestId('move-field-paidOn').locator('input');
  await paidOn.click();
  await paidOn.fill(shanghaiDate(new Date(Date.now() + 7 * 86_400_000)));
  await paidOn.press('Enter');
  await page.getByTestId('move-submit').click();
  await page.getByTestId('case-status').getByText('已发放').waitFor({ timeout: 20_000 });
  await shot(page, 'demo-paid');

  const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } });
  expect(row).toMatchObject({ status: 'paid', paymentRef: 'DEMO-2026-0001' });
  expect(pageErrors).toEqual([]);
});
