/**
 * 代录 in a real browser: the village cadre of 柳树村 opens 代录申请, picks 因病, fills the form the
 * console renders from the server's definition (the mini-program's), adds a photo of the hospital
 * bill, ticks the two consents as given in person, submits — and lands on the case page, marked as
 * entered by them; the case is in their queue with the 代录 mark, filed with channel 'cadre' and the
 * photo as its hospital bill. Screenshots in test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import { startTestServer, type TestServer } from '../support/server';
import { idNumber } from '../miniprogram/support';
import { png } from '../support/picture';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(6 * 60_000);


let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});

async function loggedIn(who: Parameters<TestServer['cadre']>[0], at = '/console/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${srv.url}${at}`);
  await page.getByTestId('login-username').fill(srv.cadre(who).username);
  await page.getByTestId('login-password').fill(srv.cadre(who).password);
  await page.getByTestId('login-submit').click();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `console-${name}.png`), fullPage: true });

/** Picks `label` in the antd Select of a form field. */
async function choose(page: Page, field: string, label: string) {
  await page.getByTestId(`entry-field-${field}`).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

test('a village cadre enters an 因病 application with a photo; it is in the queue as cadre-entered', async () => {
  const id = idNumber('19520412', 777);
  const page = await loggedIn('liushu', '/console/entry');
  await page.getByTestId('entry-form').waitFor();
  await page.getByTestId('entry-cause').getByText('因病').click();
  await page.getByTestId('entry-field-patient').waitFor();

  const fill = (field: string, text: string) => page.getByTestId(`entry-field-${field}`).fill(text);
  await fill('name', '周桂兰');
  await fill('idNumber', id);
  await fill('phone', '13712345678');
  await choose(page, 'townCode', '青山镇');
  await choose(page, 'villageCode', '柳树村');
  await fill('householdSize', '3');
  await fill('annualIncomeFen', '1万8');
  await page.getByTestId('entry-field-povertyAlleviated').getByText('否').click();
  await choose(page, 'patient', '本人');
  await fill('illness', '脑梗');
  await fill('hospital', '县人民医院');
  await choose(page, 'hospitalLevel', '县');
  await fill('totalCostFen', '5万');
  await fill('reimbursedFen', '2万');
  await page.getByTestId('entry-field-selfPaidConfirmed').getByText('是').click();
  // a photo of the hospital bill
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('entry-photo-hospital_bill').click()]);
  await chooser.setFiles({ name: '住院发票.png', mimeType: 'image/png', buffer: png(240, 160, (x, y) => [250 - (y >> 2), 245, 230 + (x >> 5)]) });
  await page.getByText('住院发票.png').waitFor();
  await page.getByTestId('entry-field-consentIncome').check();
  await page.getByTestId('entry-field-consentPersonal').check();
  await shot(page, 'entry-form');
  await page.getByTestId('entry-submit').click();

  // the case page, marked as entered by this cadre
  await page.getByTestId('case-page').waitFor({ timeout: 30_000 });
  const caseNo = await page.getByTestId('case-no').innerText();
  expect(caseNo).toMatch(/^FP-\d{4}-\d{6}$/);
  expect(await page.getByTestId('flag-entered').innerText()).toContain(srv.cadre('liushu').name);
  await page.getByTestId('gallery').locator('img').first().waitFor();
  await shot(page, 'entry-case');

  const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo }, include: { documents: true } });
  expect(row).toMatchObject({ channel: 'cadre', contactId: null, status: 'village_review', textsToPhone: false });
  expect(row.documents.map((d) => d.kind)).toEqual(['hospital_bill']);
  expect((row.answers as { consent: { inPerson: { cadreId: string } } }).consent.inPerson.cadreId).toBe(srv.cadre('liushu').id);

  // in the cadre's queue, with the 代录 mark
  await page.goto(`${srv.url}/console/todo`);
  const queueRow = page.locator('tr', { has: page.getByText(caseNo, { exact: true }) });
  await queueRow.waitFor();
  expect(await queueRow.getByTestId('flag-entered').innerText()).toBe('代录');
  await shot(page, 'entry-queue');
  expect(pageErrors).toEqual([]);
});
