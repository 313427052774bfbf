/**
 * The county's settings in a real browser (chromium via playwright-core), kept lean: the county
 * office changes the income line of this year in the console (/settings/income-lines) and the chat's
 * answer to "标准是多少" — asked through the bot's inbound API, as a villager's WeChat message
 * arrives — changes with it; it gives 柳树村 its office phone (/settings/regions) and lengthens the
 * shortest 公示 (/settings/limits), which the chat's "公示几天" then says; a town cadre sees the
 * same pages read only. Screenshots in test-artifacts/ (console-settings-*.png).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(4 * 60_000);

/** This year in China: the year the chat's "标准是多少" answers for (the server runs on the real clock: the browser's session cookie does). */
const YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const COUNTY = '439901';
const LIUSHU = '439901100201';

let srv: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
let shots = 0;
let messageNo = 0;
const shot = (p: Page, name: string) => p.screenshot({ path: path.join(ARTIFACTS, `console-settings-${String(++shots).padStart(2, '0')}-${name}.png`), fullPage: true });

/** A villager's WeChat message as the bot forwards it; the replies joined. */
async function say(from: string, text: string): Promise<string> {
  const res = await fetch(`${srv.url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: `e2e-settings-${++messageNo}`, bot: { puppet: 'test', accountId: 'bot' }, from: { id: from, name: from }, type: 'text', text }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { replies: { text: string }[] }).replies.map((r) => r.text).join('\n');
}

/** An antd InputNumber's input, whether the test id lands on the input or on its wrapper. */
const numberInput = (p: Page, id: string) => p.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function login(ctx: BrowserContext, key: 'county' | 'qingshan', at: string): Promise<Page> {
  const p = await ctx.newPage();
  p.on('pageerror', (err) => pageErrors.push(err.message));
  const cadre = srv.cadre(key);
  await p.goto(`${srv.url}/console${at}`);
  await p.getByTestId('login-username').fill(cadre.username);
  await p.getByTestId('login-password').fill(cadre.password);
  await p.getByTestId('login-submit').click();
  await p.getByTestId('whoami').waitFor();
  return p;
}

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer();
  // the demo county's 8,700 yuan for this year, whatever year the test runs in
  const county = await srv.db.prisma.region.findUniqueOrThrow({ where: { code: COUNTY } });
  await srv.db.prisma.incomeLine.upsert({ where: { regionId_year: { regionId: county.id, year: YEAR } }, create: { regionId: county.id, year: YEAR, perCapitaFen: 870_000 }, update: { perCapitaFen: 870_000 } });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page = await login(context, 'county', '/settings/income-lines');
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(() => expect(pageErrors).toEqual([]));

test('the county changes the income line of this year in the console, and the chat answers "标准是多少" with the new figure', async () => {
  expect(await say('villager-before', '标准是多少')).toContain('家庭人均纯收入每人每年8,700元');
  const cell = page.getByTestId(`line-${COUNTY}-${YEAR}`);
  await cell.getByText('8,700元').waitFor();
  // 柳树村 inherits the county's line
  await page.getByTestId(`line-${LIUSHU}-${YEAR}`).getByText('沿用 8,700元').waitFor();
  await page.getByTestId(`set-line-${COUNTY}-${YEAR}`).click();
  await numberInput(page, 'line-yuan').fill('9123');
  await page.getByTestId('save-line').click();
  await cell.getByText('9,123元').waitFor();
  await page.getByTestId(`line-${LIUSHU}-${YEAR}`).getByText('沿用 9,123元').waitFor();
  await shot(page, 'income-lines');
  expect(await say('villager-after', '标准是多少')).toContain('家庭人均纯收入每人每年9,123元');
  const audit = await srv.db.prisma.auditEntry.findFirstOrThrow({ where: { action: 'settings:income-line-set' } });
  expect(audit).toMatchObject({ actorId: srv.cadre('county').id, subject: `${COUNTY}:${YEAR}` });
});

test("the county gives 柳树村's committee its office phone", async () => {
  await page.goto(`${srv.url}/console/settings/regions`);
  await page.getByTestId(`region-${LIUSHU}`).waitFor();
  await page.getByTestId(`edit-${LIUSHU}`).click();
  await page.getByTestId('region-phone').fill('0731-84123456');
  await page.locator('.ant-modal-footer').getByRole('button', { name: /保\s*存/ }).click();
  await page.getByTestId(`phone-${LIUSHU}`).getByText('0731-84123456').waitFor();
  expect((await srv.db.prisma.region.findUniqueOrThrow({ where: { code: LIUSHU } })).contactPhone).toBe('0731-84123456');
  await shot(page, 'regions');
});

test('the county lengthens the shortest 公示 to 7 days, and the chat says so', async () => {
  expect(await say('asker-before', '公示几天')).toContain(`公示至少${srv.config.workflow.publicityMinDays}天`);
  await page.goto(`${srv.url}/console/settings/limits`);
  await page.getByTestId('limits-source').getByText('使用系统默认值').waitFor();
  // the steps are named as the workflow names its statuses
  await page.getByText('村级评议').first().waitFor();
  await numberInput(page, 'publicity-min-days').fill('7');
  await page.getByTestId('save-limits').click();
  await page.getByTestId('limits-source').getByText(/本县设置/).waitFor();
  await shot(page, 'limits');
  expect(await say('asker-after', '公示几天')).toContain('公示至少7天');
});

test("a town cadre reads the settings and changes nothing", async () => {
  const townContext = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const town = await login(townContext, 'qingshan', '/settings/income-lines');
  await town.getByTestId(`line-${LIUSHU}-${YEAR}`).getByText('沿用 9,123元').waitFor();
  expect(await town.getByTestId(`set-line-${LIUSHU}-${YEAR}`).count()).toBe(0);
  await town.getByText('只读：只有县帮扶办可以修改。').waitFor();
  await town.goto(`${srv.url}/console/settings/regions`);
  await town.getByTestId(`phone-${LIUSHU}`).getByText('0731-84123456').waitFor();
  expect(await town.getByTestId(`edit-${LIUSHU}`).count()).toBe(0);
  await shot(town, 'town-read-only');
  await townContext.close();
});
