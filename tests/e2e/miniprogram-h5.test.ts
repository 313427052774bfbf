/**
 * The mini-program's web version end to end, in a real browser (Debian's chromium driven by
 * playwright-core) at a phone's size: the server on a real database serves the h5 build at
 * /app/; a villager logs in with a phone and the one-time code, fills a 因学 application page by
 * page as the form definition asks, uploads two photos, submits, and finds the case in "my
 * cases"; a second villager cannot open it. Screenshots are kept in test-artifacts/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { t } from '../../flows/i18n';
import { ensureBuilt } from '../../scripts/miniprogram';
import { jpegBytes, pngBytes, startTestServer, type TestServer } from '../support/server';
import { answersFor, call, capturingLogger, idNumber, loggedCode } from '../miniprogram/support';

jest.setTimeout(12 * 60_000);

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');
const PHONE_VIEWPORT = { width: 390, height: 844 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags DESIGN.md found to work here: no sandbox (containers), nothing fetched from the network.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const log = capturingLogger();
let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  ensureBuilt('h5');
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer({ log });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});

/** A phone in a villager's hand: its own storage (drafts, login), zh-CN, touch. */
async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err.message));
  // the server's Content-Security-Policy (server/http/headers.ts) must let the whole app work
  page.on('console', (msg) => {
    if (!/Content Security Policy/i.test(msg.text())) return;
    cspViolations.push(msg.text());
    console.error('CSP violation:', msg.text());
  });
  return page;
}

/** An element by its test hook (miniprogram/API.md: data-testid); by its words when the page has no such hook. */
function el(page: Page, id: string, text?: string): Locator {
  const byId = page.locator(`[data-testid="${id}"]:visible`).first();
  if (!text) return byId;
  return page.locator(`[data-testid="${id}"]:visible`).or(page.getByText(text, { exact: true }).locator('visible=true')).first();
}

/** The text box of an input hook (h5 renders <taro-input-core><input/></taro-input-core>). */
function input(page: Page, id: string): Locator {
  return page.locator(`[data-testid="${id}"] input:visible, input[data-testid="${id}"]:visible, [data-testid="${id}"] textarea:visible`).first();
}

async function visible(l: Locator): Promise<boolean> {
  return (await l.count()) > 0 && (await l.isVisible().catch(() => false));
}

/** Logs in with the phone and the code from the development log, when the app asks (or, with `wait`, once it asks). */
async function loginIfAsked(page: Page, phoneNo: string, wait = false): Promise<boolean> {
  const box = input(page, 'login-phone');
  if (wait) await box.waitFor({ timeout: 15_000 });
  if (!(await visible(box))) return false;
  const before = loggedCode(log, phoneNo);
  await box.fill(phoneNo);
  await el(page, 'login-send-code').click();
  let code: string | undefined;
  for (let i = 0; i < 100 && (!code || code === before); i++) {
    code = loggedCode(log, phoneNo);
    if (!code || code === before) await page.waitForTimeout(100);
  }
  if (!code) throw new Error('no login code was written to the log');
  await input(page, 'login-code').fill(code);
  await el(page, 'login-submit').click();
  await page.locator('[data-testid="login"]:visible').waitFor({ state: 'hidden', timeout: 15_000 });
  return true;
}

test('a villager applies for 因学 on a phone, with two photos, and sees the case; another villager cannot open it', async () => {
  const villagerPhone = '13911112222';
  const page = await phone();
  await page.goto(`${srv.url}/app/`);
  await el(page, 'home-apply').click();
  await loginIfAsked(page, villagerPhone);
  await el(page, 'cause-education').click();

  // Fill in what each page shows, as the server's form definition describes the fields.
  const form = (await call(srv, 'GET', '/api/forms/application?cause=education&lang=zh-CN')).body;
  const answers = answersFor('education', { idNumber: idNumber('19580520', 77), phone: villagerPhone });
  const filled = new Set<string>();
  const photos = [
    { name: 'enrolment.jpg', mimeType: 'image/jpeg', buffer: jpegBytes(11) },
    { name: 'receipt.png', mimeType: 'image/png', buffer: pngBytes(12) },
  ];
  const uploaded: string[] = [];
  let submitted = false;
  for (let round = 0; round < 30 && !submitted; round++) {
    await page.waitForTimeout(150);
    if (await loginIfAsked(page, villagerPhone)) continue;
    for (const f of form.fields as { name: string; kind: string }[]) {
      if (filled.has(f.name)) continue;
      const value = answers[f.name];
      const target =
        f.kind === 'consent' ? el(page, `consent-${f.name}`) : ['choice', 'region', 'yesno'].includes(f.kind) ? el(page, `option-${f.name}-${String(value)}`) : input(page, `input-${f.name}`);
      if (!(await visible(target))) continue;
      if (f.kind === 'consent' || ['choice', 'region', 'yesno'].includes(f.kind)) await target.click();
      else await target.fill(String(value));
      filled.add(f.name);
    }
    for (const item of ['enrollment_proof', 'fee_receipt']) {
      if (uploaded.includes(item) || !(await visible(el(page, `photos-${item}`)))) continue;
      // the page's file input, as a villager's tap on the photo button opens it
      await page.locator(`[data-testid="photo-input-${item}"]`).first().setInputFiles(photos[uploaded.length]);
      uploaded.push(item);
      await page.locator(`[data-testid="photo-${item}"][data-status="done"]`).first().waitFor({ timeout: 30_000 });
    }
    const submit = el(page, 'apply-submit');
    if (await visible(submit)) {
      await page.screenshot({ path: path.join(ARTIFACTS, 'miniprogram-h5-summary.png'), fullPage: true });
      await submit.click();
      submitted = true;
      break;
    }
    await el(page, 'apply-next').click();
  }
  expect(submitted).toBe(true);
  expect(uploaded).toEqual(['enrollment_proof', 'fee_receipt']);
  expect([...filled].sort()).toEqual(form.fields.map((f: { name: string }) => f.name).sort());

  // the case number on screen, and the case filed with both photos
  const caseNoBox = el(page, 'filed-case-no');
  await caseNoBox.waitFor({ timeout: 30_000 });
  const caseNo = /FP-\d{4}-\d{6}/.exec(await caseNoBox.innerText())![0];
  const row = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo }, include: { documents: true, household: true } });
  expect(row).toMatchObject({ cause: 'education', status: 'village_review', rigidExpenseFen: 900_000, perCapitaIncomeFen: 500_000 });
  expect(row.household?.headIdNumber).toBe(answers.idNumber);
  expect(row.documents.map((d) => d.kind).sort()).toEqual(['enrollment_proof', 'fee_receipt']);

  // "my cases" lists it
  await el(page, 'view-cases').click();
  const entry = el(page, `case-${caseNo}`);
  await entry.waitFor({ timeout: 15_000 });
  expect(await entry.innerText()).toContain(t('zh-CN', 'status.village_review'));
  // fits a phone: nothing wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'miniprogram-h5-my-cases.png'), fullPage: true });
  await entry.click();
  const detail = el(page, 'case-detail');
  await detail.waitFor({ timeout: 15_000 });
  expect(await detail.innerText()).toContain(caseNo);
  await page.screenshot({ path: path.join(ARTIFACTS, 'miniprogram-h5-case.png'), fullPage: true });
  const detailUrl = page.url();

  // another villager, on another phone, opening the same case's page: not theirs, not shown
  const other = await phone();
  await other.goto(`${srv.url}/app/`);
  await el(other, 'home-cases').click();
  await loginIfAsked(other, '13933334444', true);
  await el(other, 'cases-empty').waitFor({ timeout: 15_000 });
  await other.goto(detailUrl);
  await el(other, 'case-not-found').waitFor({ timeout: 15_000 });
  expect(await other.getByText(caseNo).count()).toBe(0);
  expect(await other.getByText('县第一中学').count()).toBe(0);
  await other.screenshot({ path: path.join(ARTIFACTS, 'miniprogram-h5-not-yours.png'), fullPage: true });
  expect(cspViolations).toEqual([]);
});

test('the app is served under a CSP with no inline script but its own, and cannot be framed', async () => {
  const res = await fetch(`${srv.url}/app/`);
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
});
