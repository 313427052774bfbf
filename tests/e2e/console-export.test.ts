/**
 * The 台账 export through the console, in a real browser (Debian's chromium driven by
 * playwright-core): the county office downloads the ledger in the national layout and in the
 * provincial one, then copies the provincial layout in the layout editor, renames a header and
 * drops a column, and downloads its own layout as CSV. Each file is parsed back (XLSX with exceljs):
 * the layout's headers, every case of the county in filing order, the ID numbers masked (前6后4),
 * money in yuan. A village cadre's download holds its village only. Screenshots in test-artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/console';
import type { DemoCadreKey } from '../../server/seed/demo-county';
import { insertCase } from '../support/fixtures';
import { startTestServer, type TestServer } from '../support/server';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(4 * 60_000);


/** [village code, ID number, filed at] in filing order. */
const SEEDS: [string, string, string][] = [
  ['439901100201', '11010519491231002X', '2026-02-01T02:00:00Z'], // 柳树村
  ['439901100202', '110105194912310037', '2026-02-02T02:00:00Z'], // 石桥村
  ['439901200201', '110105194912310045', '2026-02-03T02:00:00Z'], // 白石村
];
const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

let srv: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer();
  for (const [village, idNumber, at] of SEEDS) {
    await insertCase(srv.db.prisma, srv.config.documentsDir, { villageCode: village, idNumber, status: 'paid', fields: { submittedAt: new Date(at), approvedAmountFen: 250_050, householdCategory: 'marginal', measures: ['medical_aid'], paidAt: new Date(at) } as never });
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await srv?.close();
});

async function loggedIn(key: DemoCadreKey): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${key}: ${err.message}`));
  const cadre = srv.cadre(key);
  await page.goto(`${srv.url}/console/export`);
  await page.getByTestId('login-username').fill(cadre.username);
  await page.getByTestId('login-password').fill(cadre.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('export-page').waitFor();
  return page;
}

async function chooseLayout(page: Page, label: string) {
  await page.getByTestId('export-layout').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
  await page.getByTestId('layout-columns').waitFor();
}

/** Clicks 下载 and answers the downloaded file's name and its sheet's rows. */
async function download(page: Page): Promise<{ name: string; rows: (string | number | null)[][]; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  const where = await file.path();
  const bytes = readFileSync(where);
  const name = file.suggestedFilename();
  if (name.endsWith('.csv')) {
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    return { name, text, rows: text.trimEnd().split('\r\n').map((line) => line.split(',').map((v) => (v === '' ? null : v))) };
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  const ws = wb.worksheets[0]!;
  const rows: (string | number | null)[][] = [];
  ws.eachRow((row) => rows.push(Array.from({ length: ws.columnCount }, (_v, i) => ((row.values as unknown[])[i + 1] ?? null) as string | number | null)));
  return { name, rows, text: bytes.toString('latin1') };
}

test('the county office exports the ledger in two layouts and in a copy of its own; the files open with the right rows and masked IDs', async () => {
  const page = await loggedIn('county');
  // the national layout is the default
  const national = await download(page);
  expect(national.name).toMatch(/^防返贫监测台账-国家防止返贫监测信息系统-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(national.rows[0]!.slice(0, 3)).toEqual(['户主姓名', '身份证号码', '联系电话']);
  expect(national.rows.slice(1).map((r) => r[1])).toEqual(SEEDS.map(([, id]) => masked(id)));
  expect(national.rows.slice(1).map((r) => r[2])).toEqual(SEEDS.map(() => '138****8000'));
  expect(national.text).not.toContain(SEEDS[0]![1]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-export-1-national.png'), fullPage: true });

  await chooseLayout(page, '省级监测台账（内置）');
  const provincial = await download(page);
  expect(provincial.name).toContain('省级监测台账');
  expect(provincial.rows[0]).toEqual(['序号', '县区', '乡镇', '行政村', '户主', '证件号码', '人口数', '类别', '风险', '收入', '支出', '措施', '金额', '发放日期']);
  expect(provincial.rows.slice(1).map((r) => [r[0], r[3], r[5], r[12], r[13]])).toEqual([
    [1, '柳树村', masked(SEEDS[0]![1]), 2500.5, '2026-02-01'],
    [2, '石桥村', masked(SEEDS[1]![1]), 2500.5, '2026-02-02'],
    [3, '白石村', masked(SEEDS[2]![1]), 2500.5, '2026-02-03'],
  ]);

  // the layout editor: a copy of the provincial layout, 序号 renamed 编号, the last column dropped
  await page.getByTestId('layout-copy').click();
  // the modal's root has no box of its own: wait for what is in it
  const editor = page.getByTestId('layout-name');
  await editor.waitFor();
  await page.getByTestId('layout-name').fill('县里月报');
  await page.getByTestId('col-header-0').fill('编号');
  await page.getByTestId('col-remove-13').click();
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-export-2-editor.png'), fullPage: true });
  await page.getByTestId('layout-save').click();
  await editor.waitFor({ state: 'hidden' });
  await page.getByTestId('layout-columns').getByText('编号').waitFor();
  await page.getByTestId('export-format').getByText('CSV').click();
  const own = await download(page);
  expect(own.name).toMatch(/^防返贫监测台账-县里月报-.*\.csv$/);
  expect(own.rows[0]).toEqual(['编号', '县区', '乡镇', '行政村', '户主', '证件号码', '人口数', '类别', '风险', '收入', '支出', '措施', '金额']);
  expect(own.rows.slice(1).map((r) => [r[0], r[5], r[12]])).toEqual(SEEDS.map(([, id], i) => [String(i + 1), masked(id), '2500.50']));
  const saved = await srv.db.prisma.exportLayout.findFirstOrThrow({ where: { name: '县里月报' } });
  expect(saved.copiedFrom).toBe('provincial');
  const audits = await srv.db.prisma.auditEntry.findMany({ where: { action: 'export:ledger', actorId: srv.cadre('county').id }, orderBy: { seq: 'asc' } });
  expect(audits.map((a) => JSON.parse(a.subject!).rows)).toEqual([3, 3, 3]);
  expect(pageErrors).toEqual([]);
});

test('a village cadre downloads its own village only', async () => {
  const page = await loggedIn('liushu');
  // the village cadre sees the layouts, but cannot edit them
  expect(await page.getByTestId('layout-copy').count()).toBe(0);
  const file = await download(page);
  expect(file.rows.slice(1).map((r) => r[1])).toEqual([masked(SEEDS[0]![1])]);
  expect(pageErrors).toEqual([]);
});
