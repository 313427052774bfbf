/**
 * The county office's administrative pages in a real browser (chromium via playwright-core), one
 * county login, kept lean: an account created and its WeChat binding code shown as a QR code (the
 * picture decodes to nothing we check here, but it is the server's SVG of "绑定 <code>", and the
 * code in it binds); the FAQ tester answering "标准是多少" with the configured figure; a broadcast
 * composed, its audience previewed with masked names, saved and cancelled; a dead letter sent
 * again; the audit log showing a village cadre's reveal of an ID number, filtered by case.
 * Screenshots in test-artifacts/ (console-admin-*.png).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import { insertCase } from '../support/fixtures';
import { BOT_TOKEN, startTestServer, type TestServer } from '../support/server';
import { call, LIUSHU } from '../miniprogram/support';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(4 * 60_000);

const ID = '11010519491231002X';

let srv: TestServer;
let browser: Browser;
let page: Page;
let caseNo: string;
let deadId: string;
const pageErrors: string[] = [];
let shots = 0;
const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `console-admin-${String(++shots).padStart(2, '0')}-${name}.png`), fullPage: true });

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer();
  const prisma = srv.db.prisma;
  // a case a village cadre reveals the ID number of (the audit log's access entry)
  caseNo = (await insertCase(prisma, srv.config.documentsDir, { villageCode: LIUSHU.village, status: 'village_review', idNumber: ID, fields: { answers: { applicant: { name: '测试户', idNumber: ID, phone: '13800138000' } } } as never })).caseNo;
  expect((await call(srv, 'POST', `/api/cases/${caseNo}/reveal`, { token: srv.cadre('liushu').token, body: { field: 'idNumber' } })).status).toBe(200);
  // a notice the bot gave up on
  deadId = (await prisma.outbox.create({ data: { channel: 'test:bot', targetType: 'contact', targetId: 'wx-gone', kind: 'case_update', payload: { text: '您的申请已受理' }, status: 'dead', attempts: 8, lastError: 'contact not found' } })).id;
  // villagers a broadcast reaches
  const village = await prisma.region.findUniqueOrThrow({ where: { code: LIUSHU.village } });
  const household = await prisma.household.create({ data: { villageId: village.id, headName: '王大妈', headIdNumber: '110101197001011237', phone: '13900005555', size: 3 } });
  await prisma.contact.create({ data: { channel: 'test:bot', externalId: 'wx-wang', name: '王大妈', householdId: household.id } });

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  // a busy machine (several browsers at once) is slow to paint the first page
  page.setDefaultTimeout(60_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  const county = srv.cadre('county');
  await page.goto(`${srv.url}/console/settings/accounts`);
  await page.getByTestId('login-username').fill(county.username);
  await page.getByTestId('login-password').fill(county.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('whoami').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(() => expect(pageErrors).toEqual([]));

/** The form item labelled `label` in the open dialog or page. */
const item = (scope: Page | Locator, label: string) => scope.locator('.ant-form-item').filter({ has: page.locator('label', { hasText: new RegExp(`^${label}$`) }) });

/** Picks `option` in the select of `within`, again when a click lands during an animation (at most 3 tries). */
async function choose(within: Locator, option: string) {
  for (let attempt = 1; ; attempt++) {
    await within.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    try {
      await within.locator('.ant-select', { hasText: option }).waitFor({ timeout: 2_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

test('the county creates an account and shows its binding code as a QR code to scan', async () => {
  await page.getByTestId('nav').getByText('县级设置').hover();
  await page.locator('.ant-menu-submenu-popup').getByText('账号与角色').waitFor();
  await page.getByTestId('accounts').getByText('柳树村村委会').waitFor();
  await page.getByTestId('account-create').click();
  const dialog = page.locator('.ant-modal', { has: page.getByTestId('account-form') });
  await item(dialog, '姓名').locator('input').fill('河湾村新干部');
  await choose(item(dialog, '角色'), '村干部');
  await choose(item(dialog, '区域'), '青山镇 / 河湾村');
  await item(dialog, '用户名').locator('input').fill('hewan');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // the first password, once
  await page.getByTestId('secret').waitFor();
  const password = (await page.getByTestId('secret').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await page.locator('.ant-modal', { has: page.getByTestId('secret') }).locator('.ant-modal-footer button').click();
  expect((await call(srv, 'POST', '/api/auth/login', { body: { username: 'hewan', password } })).status).toBe(200);

  const row = page.getByTestId('accounts').locator('tr', { hasText: '河湾村新干部' });
  await row.getByText('河湾村', { exact: true }).waitFor();
  await row.getByRole('button', { name: '绑定码' }).click();
  const qr = page.getByTestId('binding-qr');
  await qr.waitFor();
  const src = (await qr.getAttribute('src'))!;
  expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const message = (await page.getByTestId('binding-message').innerText()).trim();
  expect(message).toMatch(/^绑定 \d{10}$/);
  expect(await qr.getAttribute('alt')).toBe(message);
  await shot('binding-qr');
  await page.locator('.ant-modal', { has: qr }).locator('.ant-modal-footer button').click();
  // the code in the picture binds a WeChat to the account
  const bound = await fetch(`${srv.url}/api/bot/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
    body: JSON.stringify({ messageId: 'admin-e2e-bind', bot: { puppet: 'test', accountId: 'bot' }, from: { id: 'wx-hewan', name: '河湾村新干部' }, type: 'text', text: message }),
  });
  expect(bound.status).toBe(200);
  const cadre = await srv.db.prisma.cadre.findFirstOrThrow({ where: { username: 'hewan' } });
  expect(cadre.contactId).not.toBeNull();
});

test('the FAQ tester shows how the chat answers "标准是多少"', async () => {
  await page.goto(`${srv.url}/console/settings/knowledge`);
  await page.getByTestId('tab-tester').click();
  await page.getByTestId('tester-text').fill('标准是多少');
  await page.getByTestId('tester-run').click();
  await page.getByTestId('tester-kind').getByText('能回答').waitFor();
  expect(await page.getByTestId('tester-replies').innerText()).toContain('家庭人均纯收入每人每年8,700元');
  await shot('faq-tester');
});

test('a broadcast is composed, its audience previewed with masked names, saved and cancelled', async () => {
  await page.goto(`${srv.url}/console/broadcasts`);
  await page.getByTestId('broadcast-text').fill('本周六在村委会办理医保缴费。');
  await choose(item(page, '发给哪些区域'), '青山镇 / 柳树村');
  await page.keyboard.press('Escape');
  await page.getByTestId('broadcast-preview').click();
  const audience = page.getByTestId('broadcast-audience');
  await audience.getByText('现在会发给 1 个人/群').waitFor();
  expect(await audience.innerText()).toContain('王**（柳树村）');
  expect(await audience.innerText()).not.toContain('王大妈');
  await page.getByTestId('broadcast-draft').click();
  const row = page.getByTestId('broadcasts').locator('tr', { hasText: '本周六在村委会办理医保缴费' });
  await row.getByText('草稿').waitFor();
  await shot('broadcast-draft');
  await row.getByRole('button', { name: '取消发送' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await row.getByText('已取消').waitFor();
  const b = await srv.db.prisma.broadcast.findFirstOrThrow({ where: { title: { startsWith: '本周六' } } });
  expect(b.status).toBe('cancelled');
});

test('a dead letter is sent again', async () => {
  await page.goto(`${srv.url}/console/outbox`);
  const row = page.getByTestId('outbox').locator('tr', { hasText: '您的申请已受理' });
  await row.getByText('contact not found').waitFor();
  await page.getByTestId(`retry-${deadId}`).click();
  await page.getByText('已放回发送队列').waitFor();
  await row.waitFor({ state: 'detached' });
  expect(await srv.db.prisma.outbox.findUniqueOrThrow({ where: { id: deadId } })).toMatchObject({ status: 'pending', attempts: 0 });
  expect(await srv.db.prisma.auditEntry.count({ where: { action: 'outbox:retry', reason: deadId } })).toBe(1);
});

test('the audit log shows the village cadre\'s reveal of the ID number, filtered by case', async () => {
  await page.goto(`${srv.url}/console/audit`);
  await page.getByTestId('audit-case').fill(caseNo);
  await page.getByTestId('audit-search').click();
  const row = page.getByTestId('audit').locator('tr', { hasText: 'case:reveal' });
  await row.waitFor();
  const text = await row.innerText();
  expect(text).toContain('柳树村村委会');
  expect(text).toContain('完整身份证号');
  expect(text).toContain('查看个人资料');
  expect(text).not.toContain(ID);
  await shot('audit');
});
