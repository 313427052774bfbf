/**
 * The cadre console end to end, in a real browser (Debian's chromium driven by playwright-core):
 * the server on a real database serves the console's build at /console/; a villager files a 因病
 * case by chat with a photo of the hospital bill; the village cadre of 柳树村 logs in (after one
 * wrong password, said in plain words), finds the case in the work queue, opens it, sees the photo
 * (through the entitled endpoint, with the session cookie), passes it on to the town with a note;
 * a case of another town's village is a "no such case" page for them, while the auditor opens it
 * and has nothing to press. Screenshots are kept in test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import { chatWith } from '../support/chat';
import { startTestServer, type TestServer } from '../support/server';
import { idNumber } from '../miniprogram/support';
import { png } from '../support/picture';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(6 * 60_000);

const DESK_VIEWPORT = { width: 1366, height: 900 };

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const cspViolations: string[] = [];
const pageErrors: string[] = [];
const chat = chatWith(() => srv);

/** A real picture (a 320×200 colour pattern, like a photographed receipt), so the browser has something to draw. */
function photoPng(width = 320, height = 200): Buffer {
  // lines of "text" on paper
  return png(width, height, (x, y) => (y % 24 < 3 && x > 30 && x < width - 30 ? [60, 60, 70] : [250 - (y >> 2), 245, 230 + (x >> 5)]));
}

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

/** A desk computer's browser: its own cookies, zh-CN. */
async function desk(): Promise<Page> {
  const context = await browser.newContext({ viewport: DESK_VIEWPORT, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(err.message));
  // the server's Content-Security-Policy (server/http/headers.ts) must let the whole console work
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `console-${name}.png`), fullPage: true });

test('a village cadre logs in, finds a case filed by chat, sees its photo and passes it with a note; another town’s case is a 404 page', async () => {
  const filed = await chat.applyByChat('wx-console-zhao', { id: idNumber('19620315', 311), phone: '13712340001', name: '赵大山', photo: { bytes: photoPng(), fileName: 'bill.png' } });
  const caseNo = /FP-\d{4}-\d{6}/.exec(filed)![0];
  const elsewhere = /FP-\d{4}-\d{6}/.exec(await chat.applyByChat('wx-console-qian', { id: idNumber('19700808', 422), phone: '13712340002', name: '钱小河', town: '白石乡', photo: { bytes: photoPng(240, 160), fileName: 'bill.png' } }))![0];
  const cadre = srv.cadre('liushu');

  const page = await desk();
  await page.goto(`${srv.url}/console/`);
  await page.getByTestId('login').waitFor();

  // a wrong password is said in plain words, and nothing else happens
  await page.getByTestId('login-username').fill(cadre.username);
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-error').waitFor();
  expect(await page.getByTestId('login-error').innerText()).toContain('用户名或密码不对');
  await shot(page, 'login');

  await page.getByTestId('login-password').fill(cadre.password);
  await page.getByTestId('login-submit').click();

  // the work queue: my 待办 first, the case filed by chat in it, with its time limit
  const queue = page.getByTestId('queue-todo');
  await queue.waitFor();
  const row = page.locator('tr', { has: page.getByText(caseNo, { exact: true }) });
  await row.waitFor();
  expect(await row.innerText()).toContain('赵大山');
  expect(await row.getByTestId('due').getAttribute('data-due')).toMatch(/^(ok|soon)$/);
  expect(await page.getByText(elsewhere).count()).toBe(0);
  expect(await page.getByTestId('whoami').innerText()).toContain(cadre.name);
  await shot(page, 'queue');

  // the case page: the applicant with the ID number masked, the answers in yuan, the photo
  await row.getByTestId('case-link').click();
  await page.getByTestId('case-page').waitFor();
  expect(await page.getByTestId('case-no').innerText()).toBe(caseNo);
  expect(await page.getByTestId('id-number').innerText()).toMatch(/^1101\*{10}\d{3}[\dX]$/);
  await page.getByTestId('answers').getByText('50,000元').first().waitFor();
  const image = page.getByTestId('gallery').locator('img').first();
  await image.waitFor();
  await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth === 320, await image.elementHandle());
  await shot(page, 'case');

  // the viewer: zoom and rotate the photo
  await image.click();
  const preview = page.locator('.ant-image-preview');
  await preview.waitFor();
  await page.waitForTimeout(400);
  await shot(page, 'photo-viewer');
  await page.keyboard.press('Escape');
  await preview.waitFor({ state: 'hidden' });

  // pass it on to the town, with a note
  await page.getByTestId('move-pass_village').click();
  await page.getByTestId('move-note').fill('材料齐全，同意上报镇里。');
  await shot(page, 'move-form');
  await page.getByTestId('move-submit').click();
  await page.getByTestId('move-form').waitFor({ state: 'hidden' });
  await page.getByTestId('case-status').getByText('镇', { exact: false }).waitFor();
  await page.getByTestId('event-note').getByText('材料齐全，同意上报镇里。').waitFor();
  expect(await page.getByTestId('moves').getByRole('button').count()).toBe(0);
  await shot(page, 'case-passed');
  const stored = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo }, include: { events: { orderBy: { at: 'desc' }, take: 1 } } });
  expect(stored.status).toBe('town_review');
  expect(stored.events[0]).toMatchObject({ type: 'approve', toStatus: 'town_review', actorId: cadre.id, note: '材料齐全，同意上报镇里。' });

  // another town's case does not exist for this cadre
  await page.goto(`${srv.url}/console/cases/${elsewhere}`);
  await page.getByTestId('not-found').waitFor();
  expect(await page.getByText('钱小河').count()).toBe(0);
  await shot(page, 'not-found');

  // the auditor opens any case in the county, and has nothing to press
  const auditor = await desk();
  await auditor.goto(`${srv.url}/console/cases/${elsewhere}`);
  await auditor.getByTestId('login-username').fill(srv.cadre('auditor').username);
  await auditor.getByTestId('login-password').fill(srv.cadre('auditor').password);
  await auditor.getByTestId('login-submit').click();
  await auditor.getByTestId('case-page').waitFor();
  expect(await auditor.getByTestId('case-no').innerText()).toBe(elsewhere);
  expect(await auditor.getByTestId('no-moves').innerText()).toContain('审计只能查看');
  expect(await auditor.getByTestId('moves').getByRole('button').count()).toBe(0);
  expect(await auditor.getByTestId('nav').innerText()).not.toContain('我的待办');
  await shot(auditor, 'auditor-case');

  expect(cspViolations).toEqual([]);
  expect(pageErrors).toEqual([]);
});
