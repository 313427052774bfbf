/**
 * The mini-program's words: every key its pages use exists in zh-CN and en (the bot's resources,
 * flows/i18n, checked for completeness by tests/flows/i18n.test.ts), and times show in China time.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { dateTime, hasKey, chooseLang, translator } from '../src/lib/i18n';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

/** Keys written as literals: t('app.x'), key: 'parse.zero', `apply.cause.option_${c}` (expanded below). */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of files(join(__dirname, '../src'))) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z_.]+)'/g)) keys.add(m[1]);
    for (const m of src.matchAll(/key: '([a-z][a-zA-Z_]*\.[a-zA-Z_.]+)'/g)) keys.add(m[1]);
    for (const m of src.matchAll(/'(app\.[a-z_]+\.[a-z_]+)'/g)) keys.add(m[1]);
  }
  for (const c of ['illness', 'disaster', 'education']) keys.add(`apply.cause.option_${c}`);
  return keys;
}

describe('mini-program words', () => {
  const keys = [...usedKeys()].sort();

  test('the pages use a good number of keys (the scan works)', () => {
    expect(keys.length).toBeGreaterThan(60);
  });

  test.each(keys)('%s exists in zh-CN and en', (key) => {
    expect(hasKey(key)).toBe(true);
    const en = translator('en')(key, { n: 1, caseNo: 'FP-2026-000001', date: '', amount: '', s: 1, p: 1, min: 1, max: 2, label: '', limit: '', example: '', tail: '', name: '', town: '', village: '', note: '' });
    expect(en).not.toBe(key);
  });

  test('words shared with the chat are the chat\'s own', () => {
    const zh = translator('zh-CN');
    expect(zh('menu.apply')).toBe('申请帮扶');
    expect(zh('outcome.case_filed', { caseNo: 'FP-2026-000001' })).toContain('FP-2026-000001');
  });

  test.each([
    // [saved choice, county default, shown]
    [null, 'zh-CN', 'zh-CN'],
    [null, 'en', 'en'],
    [null, undefined, 'zh-CN'],
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en', 'zh-CN'],
    ['fr', 'zh-CN', 'zh-CN'],
  ] as const)('saved %s, county %s → %s (the browser\'s language plays no part)', (saved, county, lang) => {
    expect(chooseLang(saved, county)).toBe(lang);
  });

  test('times are shown in China time', () => {
    expect(dateTime('zh-CN', '2026-03-05T20:30:00Z')).toBe('2026年3月6日 04:30');
    expect(dateTime('en', '2026-03-05T20:30:00Z')).toBe('6 March 2026 04:30');
    expect(dateTime('en', 'not a date')).toBe('');
  });
});
