/**
 * 走访 and 风险消除 through the console, in a real browser: 柳树村's cadre, at a phone's width, records a
 * follow-up visit of a household monitored for half a year — its income above the line, a photo from
 * the camera input — sees the photo on the page, and proposes 风险消除 on the elimination card; 青山镇
 * approves it, then the county office, each on the same card. The database holds each step; the
 * household ends 风险消除. Screenshots in test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { shanghaiDate, shanghaiMidnight } from '../../flows/china-time';
import { addMonthsToDay } from '../../flows/register';
import { ensureBuilt } from '../../scripts/console';
import { insertCase } from '../support/fixtures';
import { jpegBytes, startTestServer, type TestServer } from '../support/server';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(4 * 60_000);

// the real clock: the session cookie's expiry is the server's clock, read by the browser's
const TODAY = shanghaiDate(new Date());
let srv: TestServer;
let browser: Browser;
let householdId: string;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer();
  const c = await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: '439901100201', status: 'paid', idNumber: '43990119760000456X' });
  householdId = c.householdId;
  // monitored for more than the six months the demo county asks, no risk left open
  await srv.db.prisma.household.update({ where: { id: householdId }, data: { headName: '钱秀英', monitoringState: 'monitored', monitoringCategory: 'marginal', monitoredSince: shanghaiMidnight(addMonthsToDay(TODAY, -8)) } });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function signIn(who: 'liushu' | 'qingshan' | 'county', viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const cadre = srv.cadre(who);
  await page.goto(`${srv.url}/console/households/${householdId}`);
  await page.getByTestId('login-username').fill(cadre.username);
  await page.getByTestId('login-password').fill(cadre.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('household').waitFor();
  return { page, errors, close: () => context.close() };
}

const status = () => srv.db.prisma.elimination.findFirst({ where: { householdId }, orderBy: { proposedAt: 'desc' }, select: { status: true } });

test('the village records a visit with a photo at a phone’s width and proposes; the town, then the county approve', async () => {
  // 柳树村, on a phone
  const village = await signIn('liushu', { width: 390, height: 844 });
  let page = village.page;
  await page.getByTestId('visit-day').fill(TODAY);
  await page.locator('input[data-testid="visit-income"], [data-testid="visit-income"] input').first().fill('12000');
  await page.getByTestId('visit-photos').setInputFiles({ name: '走访.jpg', mimeType: 'image/jpeg', buffer: jpegBytes(5) });
  await page.getByTestId('visit-take-photos').getByText('1').waitFor();
  await page.getByTestId('visit-submit').click();
  await page.getByTestId('follow-ups').getByTestId('visit-photo').first().waitFor();
  const visit = await srv.db.prisma.followUp.findFirstOrThrow({ where: { householdId }, include: { photos: true } });
  expect(visit).toMatchObject({ perCapitaIncomeFen: 1_200_000, byId: srv.cadre('liushu').id });
  expect(visit.photos).toEqual([expect.objectContaining({ kind: 'follow_up_photo', mime: 'image/jpeg' })]);

  await page.getByTestId('propose-elimination').click();
  await page.getByTestId('elimination').getByText('村级提出').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-elimination-proposed.png'), fullPage: true });
  expect(await status()).toEqual({ status: 'proposed' });
  expect(village.errors).toEqual([]);
  await village.close();

  // 青山镇
  const town = await signIn('qingshan', { width: 1366, height: 900 });
  page = town.page;
  await page.getByTestId('approve-elimination').click();
  await page.getByTestId('elimination').getByText('乡镇已同意').waitFor();
  expect(await status()).toEqual({ status: 'town_approved' });
  expect(town.errors).toEqual([]);
  await town.close();

  // the county office
  const county = await signIn('county', { width: 1366, height: 900 });
  page = county.page;
  await page.getByTestId('approve-elimination').click();
  await page.getByTestId('elimination').getByText('县级已同意（已消除）').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-elimination-approved.png'), fullPage: true });
  expect(await status()).toEqual({ status: 'county_approved' });
  expect(await srv.db.prisma.household.findUniqueOrThrow({ where: { id: householdId }, select: { monitoringState: true } })).toEqual({ monitoringState: 'eliminated' });
  // nothing more to approve on the card
  expect(await page.getByTestId('approve-elimination').count()).toBe(0);
  expect(county.errors).toEqual([]);
  await county.close();
});
