/**
 * A village's 公示 list on paper, in a real browser (Debian's chromium via playwright-core): 柳树村's
 * notice for March is made through the API, its public page (no login) printed to an A4 PDF, and
 * the PDF read back with poppler's pdftotext — the Chinese title, columns, masked names, the
 * offices' phones are there; no ID number, household phone, illness or bank account is. The page
 * is also kept as a PNG (test-artifacts/notice-print-*.png) to look at, and the notice goes to the
 * village work group (an outbox row for the bound group, carrying the page's address).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { api } from '../broadcasts/support';
import { bindRoom } from '../outbox/support';
import { LIUSHU, OFFICE_PHONES, privateIn, seedNoticeCases, setOfficePhones, type NoticeCases } from '../support/notice-cases';
import { startTestServer, type TestServer } from '../support/server';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(3 * 60_000);

/** A4 in PostScript points (what pdfinfo reports). */
const A4_POINTS = { width: 595.28, height: 841.89 };

const clock = new Date('2026-03-10T02:00:00Z');
let srv: TestServer;
let browser: Browser;
let cases: NoticeCases;
let noticeId: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer({ now: () => clock });
  cases = await seedNoticeCases(srv.db.prisma, srv.config.documentsDir);
  await setOfficePhones(srv.db.prisma);
  const made = await api(srv, srv.cadre('liushu').token, 'POST', '/api/notices', { villageId: LIUSHU, from: '2026-03-01', to: '2026-03-31', includeDecided: true });
  expect(made.status).toBe(201);
  noticeId = made.body.id;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

test('the public page prints to an A4 PDF with the notice in Chinese and nothing private', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1300 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  const res = await page.goto(`${srv.url}/notice/${noticeId}`);
  expect(res?.status()).toBe(200);
  await page.screenshot({ path: path.join(ARTIFACTS, 'notice-print-screen.png'), fullPage: true });
  // as printed: the print stylesheet (no toolbar), A4
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(ARTIFACTS, 'notice-print-paper.png'), fullPage: true });
  const pdfPath = path.join(ARTIFACTS, 'notice-print.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await context.close();
  expect(cspViolations).toEqual([]);

  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  expect(Math.abs(Number(size[1]) - A4_POINTS.width)).toBeLessThan(1);
  expect(Math.abs(Number(size[2]) - A4_POINTS.height)).toBeLessThan(1);
  expect(info).toMatch(/Pages:\s+1\b/);

  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
  const flat = text.replace(/\s+/g, '');
  for (const words of ['柳树村防止返贫监测帮扶对象公示', '户主姓名', '家庭人口', '困难类型', '拟帮扶措施', '张*兰', '欧阳*明', '李*', '因病', '因灾', '因学', '教育资助', '公示时间：2026年3月1日至2026年3月15日', cases.zhang.caseNo, OFFICE_PHONES.village, OFFICE_PHONES.town, '柳树村村民委员会'])
    expect(flat).toContain(words.replace(/\s+/g, ''));
  // nothing private, and the toolbar stays off paper
  expect(privateIn(text)).toEqual([]);
  expect(privateIn(flat)).toEqual([]);
  expect(flat).not.toContain('打印');
  // the QR code is drawn (an SVG, not text): the PDF carries it as vector paths, the PNG shows it
  expect(readFileSync(pdfPath).length).toBeGreaterThan(10_000);
});

test('the notice goes to the village work group, with the page’s address', async () => {
  await bindRoom(srv.db.prisma, LIUSHU, 'r-liushu@chatroom');
  const sent = await api(srv, srv.cadre('liushu').token, 'POST', `/api/notices/${noticeId}/send`);
  expect(sent.status).toBe(200);
  const rows = await srv.db.prisma.outbox.findMany({ where: { broadcastId: sent.body.broadcast.id } });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ targetType: 'room', targetId: 'r-liushu@chatroom', kind: 'broadcast' });
  const text = (rows[0]!.payload as { text: string }).text;
  expect(text).toContain(`/notice/${noticeId}`);
  expect(privateIn(text)).toEqual([]);
});
