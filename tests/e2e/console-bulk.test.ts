/**
 * The cadre console's search, bulk moves and "显示完整", in a real browser (Debian's chromium driven
 * by playwright-core), on the server with a real database: the village cadre of 柳树村 finds a case
 * by the last 4 of its applicant's ID number and by name, ticks three cases in the work queue and
 * approves them at one confirmation — the one whose identity is to be verified in person is
 * refused, in plain words, the two others move on; on the case page the ID number is masked until
 * "显示完整", which the server audits; the auditor has neither the boxes nor the link. The county
 * bulk-records 发放 for two cases (the payment form in the bulk dialog); cases of several steps that
 * need data cannot be approved together; the verifier is offered no bulk approve.
 * Screenshots are kept in test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import { shanghaiDate } from '../../flows/china-time';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { LIUSHU } from '../miniprogram/support';
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

async function villageCase(name: string, id: string, fields: Record<string, unknown> = {}) {
  // due in three days, as the village review's time limit would set it
  const dueAt = new Date(Date.now() + 3 * 86_400_000);
  const c = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: LIUSHU.village, status: 'village_review', idNumber: id, fields: { dueAt, ...fields } as never });
  await srv.db.prisma.household.update({ where: { id: c.householdId }, data: { headName: name } });
  return c.caseNo;
}

test('search by an ID’s last 4 and by name; bulk approve of three with one refused; the ID number in full only on request, audited', async () => {
  const a = await villageCase('周春生', '110105196001014826');
  const b = await villageCase('吴秋月', '110105196502023317');
  const pending = await villageCase('郑冬梅', '11010519700303551X', { identityCheck: 'pending', identityNote: 'id_phone_typed' });

  const page = await loggedIn('liushu');
  const queue = page.getByTestId('queue-todo');
  await queue.waitFor();
  const rowOf = (caseNo: string) => page.locator('tr', { has: page.getByText(caseNo, { exact: true }) });
  for (const no of [a, b, pending]) await rowOf(no).waitFor();

  // the last 4 of an ID number: only that household's case
  const search = page.getByTestId('search').locator('input');
  await search.fill('4826');
  await search.press('Enter');
  await rowOf(b).waitFor({ state: 'detached' });
  await rowOf(a).waitFor();
  expect(await rowOf(pending).count()).toBe(0);
  expect(page.url()).toContain('q=4826');
  await shot(page, 'search-id-tail');

  // a name, exactly
  await search.fill('郑冬梅');
  await search.press('Enter');
  await rowOf(a).waitFor({ state: 'detached' });
  await rowOf(pending).waitFor();
  // not a case number, a name or an ID tail: said so
  await search.fill('12ab');
  await search.press('Enter');
  await page.getByTestId('search-bad').waitFor();

  // back to the whole queue: tick the three, approve at one confirmation
  await search.fill('');
  await search.press('Enter');
  for (const no of [a, b, pending]) await rowOf(no).locator('input[type=checkbox]').check();
  await page.getByTestId('bulk-bar').getByText('已选 3 件').waitFor();
  await page.getByTestId('bulk-approve').click();
  await page.getByTestId('bulk-note').fill('材料齐全');
  await shot(page, 'bulk-confirm');
  await page.getByTestId('bulk-confirm').click();
  const result = page.getByTestId('bulk-result');
  await result.getByText('2 件办好，1 件没有办').waitFor();
  expect(await page.getByTestId(`bulk-result-${a}`).getAttribute('data-ok')).toBe('true');
  expect(await page.getByTestId(`bulk-result-${b}`).innerText()).toContain('镇');
  expect(await page.getByTestId(`bulk-result-${pending}`).getAttribute('data-ok')).toBe('false');
  expect(await page.getByTestId(`bulk-result-${pending}`).innerText()).toContain('身份待核实');
  await shot(page, 'bulk-result');
  await page.getByTestId('bulk-result-close').click();
  // the two left the village's to-do; the refused one is still there
  await rowOf(a).waitFor({ state: 'detached' });
  expect(await rowOf(b).count()).toBe(0);
  await rowOf(pending).waitFor();
  for (const [no, status] of [[a, 'town_review'], [b, 'town_review'], [pending, 'village_review']] as const) {
    expect((await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: no } })).status).toBe(status);
  }

  // the case page: the ID number masked until "显示完整", each reveal audited
  await page.goto(`${srv.url}/console/cases/${pending}`);
  await page.getByTestId('case-page').waitFor();
  expect(await page.getByTestId('id-number').innerText()).toBe('1101**********551X');
  expect(await page.content()).not.toContain('11010519700303551X');
  await page.getByTestId('reveal-idNumber').click();
  await page.getByTestId('id-number').getByText('11010519700303551X').waitFor();
  await shot(page, 'reveal');
  const audit = await srv.db.prisma.auditEntry.findMany({ where: { action: 'case:reveal', caseNo: pending } });
  expect(audit.map((r) => ({ actorId: r.actorId, fields: r.fields, allowed: r.allowed }))).toEqual([{ actorId: srv.cadre('liushu').id, fields: ['idNumber'], allowed: true }]);

  // the auditor: no boxes to tick, no link to reveal
  const auditor = await loggedIn('auditor', `/console/cases/${pending}`);
  await auditor.getByTestId('case-page').waitFor();
  expect(await auditor.getByTestId('id-number').innerText()).toBe('1101**********551X');
  expect(await auditor.getByTestId('reveal-idNumber').count()).toBe(0);
  await auditor.goto(`${srv.url}/console/cases`);
  await auditor.getByTestId('case-table').waitFor();
  await auditor.locator('tr', { has: auditor.getByText(pending, { exact: true }) }).waitFor();
  expect(await auditor.getByTestId('case-table').locator('input[type=checkbox]').count()).toBe(0);

  expect(pageErrors).toEqual([]);
});

test('the county bulk-records 发放 for two cases with the payment day and reference; a mix of steps needing data cannot be approved together; the verifier is offered no bulk approve', async () => {
  const caseIn = async (status: string, id: string, fields: Record<string, unknown> = {}) =>
    (await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: LIUSHU.village, status, idNumber: id, fields: { dueAt: new Date(Date.now() + 3 * 86_400_000), ...fields } as never })).caseNo;
  const [a, b] = [await caseIn('approved', '110105196101014820', { approvedAmountFen: 300_000 }), await caseIn('approved', '110105196201014821', { approvedAmountFen: 200_000 })];
  const review = await caseIn('county_review', '110105196301014822');
  const visiting = await caseIn('verification', '110105196401014823', { verifierId: srv.cadre('verifier').id });

  const page = await loggedIn('county', '/console/cases');
  const rowOf = (caseNo: string) => page.locator('tr', { has: page.getByText(caseNo, { exact: true }) });
  for (const no of [a, b, review]) await rowOf(no).waitFor();

  // 已批准 and 县审核 together: both steps need details to pass, so not in one go — said so, confirm disabled
  for (const no of [a, review]) await rowOf(no).locator('input[type=checkbox]').check();
  await page.getByTestId('bulk-approve').click();
  await page.getByTestId('bulk-mixed').getByText('不同环节').waitFor();
  expect(await page.getByTestId('bulk-confirm').isDisabled()).toBe(true);
  await shot(page, 'bulk-mixed');
  await page.locator('.ant-modal-footer button').first().click();
  await page.getByTestId('bulk-confirm-dialog').waitFor({ state: 'hidden' });

  // the two approved cases: the payment's own form, the data sent with each
  await rowOf(review).locator('input[type=checkbox]').uncheck();
  await rowOf(b).locator('input[type=checkbox]').check();
  await page.getByTestId('bulk-approve').click();
  await page.getByTestId('move-field-paymentRef').locator('input').fill('ZF-2026-1207-002');
  const paidOn = page.getByTestId('move-field-paidOn').locator('input');
  await paidOn.click();
  await paidOn.fill('2026-12-04');
  await paidOn.press('Enter');
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
  await shot(page, 'bulk-payment');
  await page.getByTestId('bulk-confirm').click();
  await page.getByTestId('bulk-result').getByText('2 件办好，0 件没有办').waitFor();
  await page.getByTestId('bulk-result-close').click();
  for (const no of [a, b]) {
    const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo: no } });
    expect({ status: row.status, paymentRef: row.paymentRef, paidOn: row.paidAt && shanghaiDate(row.paidAt) }).toEqual({ status: 'paid', paymentRef: 'ZF-2026-1207-002', paidOn: '2026-12-04' });
  }

  // the verifier: its approve records one household's visit — ticking a case offers no bulk approve
  const verifier = await loggedIn('verifier', '/console/cases');
  const vrow = verifier.locator('tr', { has: verifier.getByText(visiting, { exact: true }) });
  await vrow.locator('input[type=checkbox]').check();
  await verifier.getByTestId('bulk-bar').waitFor();
  expect(await verifier.getByTestId('bulk-approve').count()).toBe(0);

  expect(pageErrors).toEqual([]);
});
