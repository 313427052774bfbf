/**
 * 公示名单 through the console, in a real browser (Debian's chromium via playwright-core): 柳树村's
 * cadre picks March, previews the list (nothing stored), makes it (it appears in the lists made),
 * records an objection on a row (the case page then shows it, linked to the notice), and sends it
 * to the village work group — first with no group bound (the page says where the binding code is,
 * and the regions page gives it: "绑定群 …" and its QR), then with the village's group bound (one
 * outbox row for that group). Screenshots in test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import { bindRoom } from '../outbox/support';
import { LIUSHU, seedNoticeCases, setOfficePhones, type NoticeCases } from '../support/notice-cases';
import { startTestServer, type TestServer } from '../support/server';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(4 * 60_000);

const MARCH_10 = new Date('2026-03-10T02:00:00Z'); // 10:00 on 10 March in China
// the login runs on the real clock (the browser drops a session cookie whose expiry its own clock has passed), the rest on 10 March
let clock = new Date();
let srv: TestServer;
let browser: Browser;
let cases: NoticeCases;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer({ now: () => clock });
  cases = await seedNoticeCases(srv.db.prisma, srv.config.documentsDir);
  await setOfficePhones(srv.db.prisma);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

test('a village cadre previews, makes, objects on and sends its 公示 list; the case shows the objection from the notice', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  const liushu = srv.cadre('liushu');
  await page.goto(`${srv.url}/console/notices`);
  await page.getByTestId('login-username').fill(liushu.username);
  await page.getByTestId('login-password').fill(liushu.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('notices-page').waitFor();
  clock = MARCH_10;

  // the period (the village is the cadre's one)
  // the period is kept in the address (the buttons read it from there): each field once the one before is in it
  await page.getByTestId('notice-from').fill('2026-03-01');
  await page.waitForURL((url) => url.searchParams.get('from') === '2026-03-01', { waitUntil: 'commit' });
  await page.getByTestId('notice-to').fill('2026-03-31');
  await page.waitForURL((url) => url.searchParams.get('from') === '2026-03-01' && url.searchParams.get('to') === '2026-03-31', { waitUntil: 'commit' });
  const view = page.getByTestId('notice-view');
  const rows = page.getByTestId('notice-rows');
  // a preview: the rows, stored nowhere
  await page.getByTestId('notice-preview').click();
  await view.getByText('预览（未保存）').waitFor();
  await rows.getByText('张*兰').waitFor();
  await rows.getByText('欧阳*明').waitFor();
  expect(await srv.db.prisma.publicNotice.count()).toBe(0);

  // made: stored, and in the lists made for the period
  await page.getByTestId('notice-create').click();
  await page.getByTestId('notice-sent').waitFor();
  const list = page.getByTestId('notices-list');
  expect(await srv.db.prisma.publicNotice.count()).toBe(1);
  const notice = await srv.db.prisma.publicNotice.findFirstOrThrow();
  // its first case's notice starts on 8 March, its last ends on 15 March
  await list.locator('tr', { hasText: '柳树村' }).getByText('2026-03-08 — 2026-03-15').waitFor();

  // an objection against 张*兰's row
  await rows.locator('tr', { hasText: '张*兰' }).getByTestId('notice-objection').click();
  await page.getByTestId('notice-objection-text').fill('有村民反映其家中另有经营收入');
  await page.getByTestId('notice-objection-submit').click();
  await rows.locator('tr', { hasText: '张*兰' }).getByText('1件未处理 / 共1件').waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-notices.png'), fullPage: true });

  // sending without a bound work group: refused, and the page says where the group's code is
  await page.getByTestId('notice-send').click();
  await page.getByTestId('notice-send-ok').click();
  await page.getByTestId('notice-error').getByText('群绑定码', { exact: false }).waitFor();
  expect(await srv.db.prisma.outbox.count({ where: { targetType: 'room' } })).toBe(0);

  // where it says: the village's work-group binding code, the text to send in the group and its QR
  await page.goto(`${srv.url}/console/settings/regions`);
  await page.getByTestId(`room-code-${LIUSHU}`).click();
  const code = (await page.getByTestId('room-binding-message').innerText()).trim();
  expect(code).toMatch(/^绑定群 \d{10}$/);
  expect(await page.getByTestId('room-binding-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-notices-room-code.png') });

  // the village's group bound (the chat's 绑定群 is tested in tests/server; here the binding is written): sent to it alone
  await bindRoom(srv.db.prisma, LIUSHU, 'r-liushu@chatroom');
  await page.goto(`${srv.url}/console/notices?from=2026-03-01&to=2026-03-31`);
  await list.getByTestId('notice-open').click();
  await page.getByTestId('notice-send').click();
  await page.getByTestId('notice-send-ok').click();
  await page.getByTestId('notice-sent').getByText('已发群', { exact: false }).waitFor();
  const sent = await srv.db.prisma.outbox.findMany({ where: { targetType: 'room' } });
  expect(sent.map((r) => r.targetId)).toEqual(['r-liushu@chatroom']);
  expect((sent[0]!.payload as { text: string }).text).toContain(`/notice/${notice.id}`);

  // the case page shows the objection, linked to the notice it was raised against
  await rows.getByRole('link', { name: cases.zhang.caseNo }).click();
  await page.getByTestId('case-page').waitFor();
  const objection = page.getByTestId('objection');
  await objection.getByText('有村民反映其家中另有经营收入', { exact: false }).waitFor();
  expect(await objection.getAttribute('data-open')).toBe('true');
  expect(await objection.getByTestId('objection-notice').getAttribute('href')).toBe(`/notice/${notice.id}`);
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-notices-case.png'), fullPage: true });

  expect(pageErrors).toEqual([]);
  await context.close();
});
