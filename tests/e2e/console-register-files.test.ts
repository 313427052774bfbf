/**
 * 监测户台账's files through the console, in a real browser: the county office imports its existing
 * register (a CSV as the national system exports it, one row per member, one bad ID number) from the
 * register list — the report counts it and names the bad row by number, column and reason without
 * its value — the list then shows the households, and "导出 CSV" downloads them in the national
 * layout, a row per household with its members joined and ID numbers masked. Screenshots in test-artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { idCheckChar } from '../../flows/parse/id-number';
import { ensureBuilt } from '../../scripts/console';
import { startTestServer, type TestServer } from '../support/server';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS } from './console-support';

jest.setTimeout(4 * 60_000);

const id = (n: number) => {
  const first17 = `43990119700101${String(n).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
};
const BAD = `${id(9).slice(0, 17)}${id(9)[17] === '0' ? '1' : '0'}`;
const FILE = [
  ['户主姓名', '姓名', '身份证号', '与户主关系', '家庭人口', '乡镇', '村', '监测对象类别', '识别时间', '联系电话'],
  ['周大山', '周大山', id(1), '户主', '3', '青山镇', '柳树村', '边缘易致贫户', '2025-04-01', '13900001111'],
  ['周大山', '李小红', id(2), '配偶', '3', '青山镇', '柳树村', '边缘易致贫户', '2025-04-01', '13900001111'],
  ['周大山', '周小林', BAD, '之子', '3', '青山镇', '柳树村', '边缘易致贫户', '2025-04-01', '13900001111'],
  ['吴春梅', '吴春梅', id(3), '户主', '1', '青山镇', '石桥村', '', '', ''],
];

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  ensureBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  srv = await startTestServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

test('the county office imports its register from a file, sees the report, and exports the list in the national layout', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  const county = srv.cadre('county');
  await page.goto(`${srv.url}/console/households`);
  await page.getByTestId('login-username').fill(county.username);
  await page.getByTestId('login-password').fill(county.password);
  await page.getByTestId('login-submit').click();

  await page.getByTestId('register-import-open').click();
  await page.getByTestId('register-import-file').setInputFiles({ name: '监测对象.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + FILE.map((r) => r.join(',')).join('\r\n'), 'utf8') });
  await page.getByTestId('register-import-upload').click();
  const result = page.getByTestId('register-import-result');
  await result.waitFor();
  await expect(page.getByTestId('register-import-imported').textContent()).resolves.toBe('2');
  await expect(page.getByTestId('register-import-refused').textContent()).resolves.toBe('1');
  await expect(page.getByTestId('register-import-membersAdded').textContent()).resolves.toBe('1');
  const problems = page.getByTestId('register-import-problems');
  await expect(problems.textContent()).resolves.toContain('身份证号无效');
  await expect(problems.textContent()).resolves.toContain('4');
  await expect(result.textContent()).resolves.not.toContain(BAD);
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-register-import.png'), fullPage: true });
  await page.keyboard.press('Escape');

  // the list read again: both households, names masked
  const list = page.getByTestId('households');
  await list.locator('tr', { hasText: '周*山' }).waitFor();
  await list.locator('tr', { hasText: '吴*梅' }).waitFor();

  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('register-export-csv').click()]);
  const text = readFileSync(await file.path()).toString('utf8').replace(/^\uFEFF/, '');
  const rows = text.trimEnd().split('\r\n').map((l) => l.split(','));
  expect(file.suggestedFilename()).toMatch(/^防返贫监测户台账-.*\.csv$/);
  const at = (row: string[], header: string) => row[rows[0]!.indexOf(header)];
  const zhou = rows.find((r) => at(r, '户主姓名') === '周大山')!;
  expect(at(zhou, '身份证号码')).toBe(`${id(1).slice(0, 6)}********${id(1).slice(-4)}`);
  expect(at(zhou, '家庭成员')).toBe('李小红（配偶）');
  expect(at(zhou, '监测对象类别')).toBe('边缘易致贫户');
  expect(at(zhou, '状态')).toBe('监测对象');
  expect(rows).toHaveLength(3);
  expect(text).not.toContain(id(1));
  expect(pageErrors).toEqual([]);
  await context.close();
});
