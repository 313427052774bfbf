/**
 * Every role's step of one case in the cadre console, in a real browser (Debian's chromium driven
 * by playwright-core), on a case a villager filed by chat through the mock WeChat: the village
 * cadre passes it with a note; the town — whose page was open on the case — sees it arrive without
 * a reload and passes it; the county — whose queue was open — sees it arrive, assigns the
 * verifier; the verifier, on a phone 390 px wide, finds it in their visits, books the visit,
 * photographs the household with the camera button and records what the visit found; the village
 * records the assessment and the notice; the county's approval is refused while the notice runs;
 * the village records a villager's objection, which refuses the approval once the notice has run,
 * until the county resolves it; then the approval goes through (its dates set back, as the notice's days would pass); the
 * county records the payment. The server runs on the real clock: a browser's session cookie
 * expires by it. The villager's chat hears each step,
 * in order. Screenshots of each page are kept in test-artifacts/ (console-roles-*.png).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import type { DemoCadreKey } from '../../server/seed/demo-county';
import { householdPhoto } from '../support/picture';
import { waitFor } from './support';
import { addDaysYmd } from '../../flows/cadre/day';
import { shanghaiDate } from '../../flows/china-time';
import { formatDate } from '../../flows/i18n/format';
import { apply, noticesTo, outboxDrained, startWorld, villagerHears, type World } from './workflow-support';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, chooseInMoveField, moveField } from './console-support';

jest.setTimeout(8 * 60_000);

const DESK = { width: 1366, height: 900 };
/** A common phone's CSS width (iPhone 12–15, many Android phones). */
const PHONE = { width: 390, height: 844 };
/** The console polls its live stamps every 5 seconds (console/src/live/useLive.ts): a change shows within this. */
const LIVE_WITHIN_MS = 15_000;

let world: World;
let browser: Browser;
const contexts: BrowserContext[] = [];
const cspViolations: string[] = [];
const pageErrors: string[] = [];
let shots = 0;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  world = await startWorld([], [], { clockBase: Date.now() });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await world?.close();
});

/** A day from today in China: its YYYY-MM-DD, and as the chat says it. */
const dayFromToday = (days: number) => addDaysYmd(shanghaiDate(new Date()), days);
const said = (ymd: string) => formatDate('zh-CN', ymd);

/** A browser of one cadre — a desk's, or a phone's — logged in, on `at` (a path under /console). */
async function loggedIn(key: DemoCadreKey, at: string, device: 'desk' | 'phone' = 'desk'): Promise<Page> {
  const context = await browser.newContext(device === 'phone' ? { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' } : { viewport: DESK, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${key}: ${err.message}`));
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  const cadre = world.srv.cadre(key);
  await page.goto(`${world.srv.url}/console${at}`);
  await page.getByTestId('login-username').fill(cadre.username);
  await page.getByTestId('login-password').fill(cadre.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('whoami').waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `console-roles-${String(++shots).padStart(2, '0')}-${name}.png`), fullPage: true });

/** Nothing on the page is wider than the screen: no sideways scrolling. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const field = moveField;
const choose = chooseInMoveField;
const type = (page: Page, name: string, value: string) => field(page, name).locator('input').fill(value);
async function day(page: Page, name: string, ymd: string) {
  const input = field(page, name).locator('input');
  await input.click();
  await input.fill(ymd);
  await input.press('Enter');
  // the calendar closes: a click meant for the form's button would only close it
  await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
}
/** Submits the move's dialog; resolves when the dialog has closed (the move was made). */
async function submitInDialog(page: Page) {
  await page.getByTestId('move-submit').click();
  await page.locator('.ant-modal-content').waitFor({ state: 'hidden' });
}
/** Waits until the case's status tag says `words`. */
const statusSays = (page: Page, words: string) => page.getByTestId('case-status').getByText(words, { exact: false }).waitFor();

test('a case filed by chat goes from the village to paid, each role doing its step in the browser; the villager hears every step', async () => {
  const { srv, villager } = world;
  const mark = villager.transcript.length;
  const caseNo = await apply(villager);
  const caseAt = `/cases/${caseNo}`;
  const [visitDay, noticeStart, noticeEnd, paidOn] = [dayFromToday(1), dayFromToday(0), dayFromToday(4), dayFromToday(0)];

  // --- 村初审: the village cadre finds it in their to-do and passes it with a note ------------
  const village = await loggedIn('liushu', '/todo');
  const row = village.locator('tr', { has: village.getByText(caseNo, { exact: true }) });
  await row.waitFor();
  // meanwhile the town's page is open on the case: not theirs yet
  const town = await loggedIn('qingshan', caseAt);
  await town.getByTestId('no-moves').waitFor();
  await shot(village, 'village-queue');
  await row.getByTestId('case-link').click();
  await village.getByTestId('case-page').waitFor();
  await village.getByTestId('gallery').locator('img').first().waitFor();
  await village.getByTestId('move-pass_village').click();
  await village.getByTestId('move-note').fill('材料齐全，已到户看过，同意上报。');
  await shot(village, 'village-pass-form');
  await submitInDialog(village);
  await village.getByTestId('event-note').getByText('材料齐全，已到户看过，同意上报。').waitFor();
  await statusSays(village, '镇');
  await shot(village, 'village-passed');
  await villagerHears(villager, '村委会初审通过了', mark);

  // --- 镇审核: the town's open page shows the move without a reload (live) -------------------
  const county = await loggedIn('county', '/todo');
  await county.getByTestId('queue-todo').waitFor();
  expect(await county.getByText(caseNo, { exact: true }).count()).toBe(0);
  await town.getByTestId('move-pass_town').waitFor({ timeout: LIVE_WITHIN_MS });
  await shot(town, 'town-case-live');
  await town.getByTestId('move-pass_town').click();
  await submitInDialog(town);
  await town.getByTestId('no-moves').waitFor();
  await villagerHears(villager, '镇里审核通过了', mark);

  // --- 县审核: the county's open queue shows it arrive (live); the county assigns the verifier ----
  const countyRow = county.locator('tr', { has: county.getByText(caseNo, { exact: true }) });
  await countyRow.waitFor({ timeout: LIVE_WITHIN_MS });
  await shot(county, 'county-queue-live');
  await countyRow.getByTestId('case-link').click();
  await county.getByTestId('move-assign_verifier').click();
  await choose(county, 'verifierId', '人保核查员');
  await shot(county, 'county-assign-form');
  await submitInDialog(county);
  await statusSays(county, '核查');
  await villagerHears(villager, '县里审核通过了', mark);

  // --- 入户核查: the verifier, on a phone at 390 px -----------------------------------------------
  const phone = await loggedIn('verifier', '/', 'phone');
  await phone.getByTestId('visits-page').waitFor();
  const card = phone.getByTestId('visit-link').filter({ hasText: caseNo });
  await card.waitFor();
  expect(await card.innerText()).toContain('李秀英');
  expect(await fitsWidth(phone)).toBe(true);
  await shot(phone, 'verifier-visits-phone');
  await card.click();
  await phone.getByTestId('visit-page').waitFor();
  expect(await phone.getByTestId('case-no').innerText()).toBe(caseNo);
  // the visit day, tapped in the phone's calendar
  await phone.getByTestId('visit-date').click();
  const dayCell = phone.locator(`.ant-picker-dropdown:visible td[title="${visitDay}"]`);
  await dayCell.waitFor();
  // the calendar may still be opening: tap again until the day is taken
  await waitFor(async () => {
    if (await phone.locator('[data-testid="visit-book"]:enabled').count()) return true;
    if (await dayCell.isVisible()) await dayCell.click().catch(() => {});
    return false;
  }, () => `the visit day ${visitDay} to be picked`);
  await phone.getByTestId('visit-book').click();
  await phone.getByTestId('visit-day').getByText(visitDay, { exact: false }).waitFor();
  await villagerHears(villager, `入户核查定在${said(visitDay)}`, mark);
  // a photo of the household with the phone's back camera
  const camera = phone.getByTestId('visit-camera');
  expect(await camera.getAttribute('capture')).toBe('environment');
  expect(await camera.getAttribute('accept')).toBe('image/*');
  await camera.setInputFiles({ name: '入户照片.png', mimeType: 'image/png', buffer: householdPhoto() });
  const photo = phone.getByTestId('visit-photos').locator('img').first();
  await photo.waitFor();
  await phone.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth === 480, await photo.elementHandle());
  // what the visit found — its day already the one booked
  expect(await field(phone, 'visitedOn').locator('input').inputValue()).toBe(visitDay);
  await type(phone, 'verifiedIncomeFen', '32000');
  await type(phone, 'verifiedMembers', '4');
  await type(phone, 'verifiedExpenseFen', '22000');
  await choose(phone, 'outcome', '与申报一致');
  await phone.getByTestId('move-note').fill('到户看过，住院票据原件齐全。');
  expect(await fitsWidth(phone)).toBe(true);
  await shot(phone, 'verifier-visit-phone');
  await phone.getByTestId('move-submit').click();
  // the result as recorded takes the form's place
  await phone.getByTestId('visit-no-result').getByText('32,000元').waitFor();
  await statusSays(phone, '评议');
  expect(await fitsWidth(phone)).toBe(true);
  await shot(phone, 'verifier-visit-done-phone');
  await villagerHears(villager, '入户核查做完了', mark);
  const visitPhotos = await srv.db.prisma.document.findMany({ where: { case: { caseNo }, kind: 'verification_photo' } });
  expect(visitPhotos).toHaveLength(1);
  expect(visitPhotos[0]).toMatchObject({ mime: 'image/png', fileName: '入户照片.png' });

  // --- 村级评议 and 公示: the village's page, still open, offers the assessment (live) ------------
  await village.getByTestId('move-assessment').waitFor({ timeout: LIVE_WITHIN_MS });
  // the verifier's photo is among the case's documents, labelled as such
  await village.getByTestId('gallery').getByText('入户照片').first().waitFor();
  await village.getByTestId('move-assessment').click();
  await choose(village, 'result', '同意');
  await type(village, 'attendance', '23');
  await day(village, 'publicityStart', noticeStart);
  await day(village, 'publicityEnd', noticeEnd);
  await shot(village, 'village-assessment-form');
  await submitInDialog(village);
  await statusSays(village, '公示');
  await villagerHears(villager, `公示，时间是${said(noticeStart)}到${said(noticeEnd)}`, mark);

  // --- 审批: refused while the notice runs, in plain words; approved after it ----------------------
  await county.getByTestId('move-decision').waitFor({ timeout: LIVE_WITHIN_MS });
  await county.getByTestId('move-decision').click();
  await type(county, 'amountFen', '5000');
  await choose(county, 'category', '边缘易致贫户');
  await choose(county, 'measures', '临时救助', '医疗救助');
  await county.getByTestId('move-submit').click();
  await county.getByTestId('move-refusal').getByText('公示还没有结束').waitFor();
  await shot(county, 'county-decision-refused');
  // a villager objects during the notice: the village cadre records it on the case page
  await village.getByTestId('objection-record').click();
  await village.getByTestId('objection-text').fill('邻居反映：他家去年买了一辆小货车。');
  await village.getByTestId('objection-submit').click();
  await village.getByTestId('objection-form').waitFor({ state: 'hidden' });
  const recorded = village.getByTestId('objection').filter({ hasText: '他家去年买了一辆小货车' });
  await recorded.getByText('未处理').waitFor();
  // who recorded it, and when
  expect(await recorded.getByTestId('objection-by').innerText()).toMatch(new RegExp(`^${srv.cadre('liushu').name}记录于\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`));
  await shot(village, 'village-objection-recorded');
  // the notice's five days pass
  const fiveDays = 5 * 86_400_000;
  const notice = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo } });
  await srv.db.prisma.case.update({ where: { caseNo }, data: { publicityStart: new Date(notice.publicityStart!.getTime() - fiveDays), publicityEnd: new Date(notice.publicityEnd!.getTime() - fiveDays) } });
  // the open objection refuses the approval, in plain words
  await county.getByTestId('move-submit').click();
  await county.getByTestId('move-refusal').getByText('还有异议没有处理').waitFor();
  await shot(county, 'county-decision-refused-objection');
  await county.locator('.ant-modal-footer button').first().click(); // 取消
  await county.locator('.ant-modal-content').waitFor({ state: 'hidden' });
  // the county resolves it (its page shows the objection live), then approves
  const open = county.getByTestId('objection').filter({ hasText: '他家去年买了一辆小货车' });
  await open.getByTestId('objection-resolve').click({ timeout: LIVE_WITHIN_MS });
  await county.getByTestId('objection-text').fill('已核实：小货车是借亲戚的，不在家庭名下。');
  await county.getByTestId('objection-submit').click();
  await county.getByTestId('objection-form').waitFor({ state: 'hidden' });
  await open.getByText('已处理：已核实：小货车是借亲戚的').waitFor();
  expect(await open.getByTestId('objection-resolve').count()).toBe(0);
  await county.getByTestId('move-decision').click();
  await type(county, 'amountFen', '5000');
  await choose(county, 'category', '边缘易致贫户');
  await choose(county, 'measures', '临时救助', '医疗救助');
  await submitInDialog(county);
  await statusSays(county, '批准');
  await villagerHears(villager, '您的申请批准了', mark);

  // --- 发放 ----------------------------------------------------------------------------------------
  await county.getByTestId('move-payment').click();
  await type(county, 'paymentRef', 'ZF-2026-0725-001');
  await day(county, 'paidOn', paidOn);
  await shot(county, 'county-payment-form');
  await submitInDialog(county);
  await statusSays(county, '发放');
  await shot(county, 'county-paid');
  await villagerHears(villager, `已经在${said(paidOn)}发放`, mark);
  await outboxDrained(srv);

  // --- what the villager heard, in order: one message per step ------------------------------------
  const notices = await noticesTo(srv, villager, mark);
  const expected = [
    '村委会初审通过了',
    '镇里审核通过了',
    '县里审核通过了',
    `入户核查定在${said(visitDay)}`,
    '入户核查做完了',
    `公示，时间是${said(noticeStart)}到${said(noticeEnd)}`,
    '您的申请批准了',
    `帮扶金5,000元已经在${said(paidOn)}发放`,
  ];
  expect(notices.map((n, i) => n.includes(expected[i] ?? '\u0000'))).toEqual(expected.map(() => true));
  expect(notices).toHaveLength(expected.length);

  // --- each step by its own account, in the case's timeline -----------------------------------------
  const row2 = await srv.db.prisma.case.findUniqueOrThrow({ where: { caseNo }, include: { events: { orderBy: { seq: 'asc' } } } });
  expect(row2).toMatchObject({ status: 'paid', verifierId: srv.cadre('verifier').id, approvedAmountFen: 500_000, householdCategory: 'marginal', paymentRef: 'ZF-2026-0725-001' });
  const by = (key: DemoCadreKey) => srv.cadre(key).id;
  expect(row2.events.filter((e) => e.actorType === 'cadre').map((e) => [e.type, e.toStatus, e.actorId])).toEqual([
    ['approve', 'town_review', by('liushu')],
    ['approve', 'county_review', by('qingshan')],
    ['approve', 'verification', by('county')],
    ['visit_scheduled', null, by('verifier')],
    ['approve', 'assessment', by('verifier')],
    ['approve', 'publicity', by('liushu')],
    ['objection', null, by('liushu')],
    ['objection_resolved', null, by('county')],
    ['approve', 'approved', by('county')],
    ['approve', 'paid', by('county')],
  ]);
  expect(row2.events.find((e) => e.toStatus === 'town_review')?.note).toBe('材料齐全，已到户看过，同意上报。');

  // --- in English, the case page has no Chinese but the case's own data (names, places, notes) ----------
  await county.getByTestId('switch-lang').click();
  await county.getByTestId('timeline').getByText('Objection resolved').waitFor();
  // the case's data as the API gives it: every string in it is the applicant's, the cadres' or a place's
  const detail = await county.evaluate(async (no) => (await fetch(`/api/cases/${no}`, { headers: { accept: 'application/json', 'accept-language': 'en' } })).json(), caseNo);
  const data: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') data.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(detail);
  // the household categories' official names, cited in their English words on purpose (flows/workflow/words.en.ts)
  const categories = await county.evaluate(async () => (await (await fetch('/api/workflow?lang=en', { headers: { accept: 'application/json' } })).json()).words.categories as Record<string, string>);
  for (const word of Object.values(categories)) data.push(...[...word.matchAll(/\(([^)]+)\)/g)].map((m) => m[1]!));
  let shown = await county.getByTestId('case-page').innerText();
  for (const s of data.filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) shown = shown.split(s).join(' ');
  const cjk = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
  expect(shown.split('\n').filter((line) => cjk.test(line))).toEqual([]);
  await shot(county, 'county-case-english');

  expect(cspViolations).toEqual([]);
  expect(pageErrors).toEqual([]);
});
