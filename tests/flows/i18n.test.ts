/**
 * Fails on a missing translation: both languages have the same keys, no value is empty, and
 * every key the flows reference (string literals in flows/, plus the keys built from data) exists.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { resources, t, LANGS, hasKey } from '../../flows/i18n';
import { formatDate, formatMoney, shanghaiDate } from '../../flows/i18n/format';
import { CHECKLIST } from '../../flows/application';
import type { ParseFailure } from '../../flows/parse/types';
import { CAUSES } from '../../flows/engine/types';
import { ACTS, CASE_STATUSES, REVIEW_STATUSES, TIMED_STATUSES } from '../../flows/workflow';
import { MONITORING_EVENTS, MONITORING_STATES, RISK_CAUSES, RISK_SOURCES } from '../../flows/register';

function leaves(obj: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

const zh = leaves(resources['zh-CN'].translation);
const en = leaves(resources.en.translation);

/** Every ParseFailure, so a new parser reason without a hint fails to compile here. */
const PARSE_REASONS: Record<ParseFailure, true> = {
  empty: true, not_a_number: true, negative: true, too_large: true, zero: true,
  id_length_15: true, id_length: true, id_format: true, id_checksum: true,
  phone_format: true, phone_landline: true, choice_unknown: true, choice_out_of_range: true,
  yes_no_unknown: true, date_format: true, date_future: true, date_invalid: true,
};

/** Keys built from data rather than written as literals. */
const DYNAMIC_KEYS = [
  ...Object.keys(PARSE_REASONS).map((r) => `parse.${r}`),
  // every status's words (flows/workflow/words.*.ts, as flows/i18n/status-words.ts keys them)
  ...CASE_STATUSES.flatMap((s) => [`status.${s}`, `cadre.stage.${s}`, `workflow.villager.to_${s}`, `faq.explain.${s}.meaning`, `faq.explain.${s}.next`]),
  ...TIMED_STATUSES.map((s) => `workflow.step.${s}`),
  ...Object.keys(ACTS).map((s) => `workflow.cadre.need.${s}`),
  ...REVIEW_STATUSES.map((s) => `workflow.within.${s}`),
  // the notices' words per act (server/core/notify/texts.ts)
  ...[...new Set(Object.values(ACTS).flat()), 'view'].map((a) => `workflow.cadre.cmd.${a}`),
  ...['town', 'county'].map((o) => `workflow.office.${o}`),
  ...CAUSES.map((c) => `cause.${c}`),
  // the monitoring register's words (server/api/workflow-words.ts)
  ...MONITORING_STATES.map((s) => `register.state.${s}`),
  ...RISK_CAUSES.map((c) => `register.risk_cause.${c}`),
  ...RISK_SOURCES.map((s) => `register.risk_source.${s}`),
  ...MONITORING_EVENTS.map((e) => `register.event.${e}`),
  ...['image', 'file', 'video', 'audio'].map((m) => `media.kind_${m}`),
  ...Object.values(CHECKLIST).flat().map((item) => item.label),
  'server.busy', 'server.error', 'media.too_large', 'media.unsupported_type',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return ['parse', 'i18n', 'generated'].includes(name) ? [] : sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** String literals in flows/ that look like keys of a known namespace ('apply.name.ask'). */
function referencedKeys(): Set<string> {
  const namespaces = new Set([...zh.keys()].map((k) => k.split('.')[0]));
  const found = new Set<string>();
  // flows/ and server/ (the server writes notifications and answers cadres through t()).
  for (const file of [...sourceFiles(join(__dirname, '../../flows')), ...sourceFiles(join(__dirname, '../../server'))]) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/['"`]([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)['"`]/g)) {
      if (namespaces.has(m[1].split('.')[0])) found.add(m[1]);
    }
  }
  return found;
}

describe('i18n resources', () => {
  test('zh-CN and en have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  test.each(LANGS)('no value is empty or a non-string in %s', (lang) => {
    for (const [key, value] of leaves(resources[lang].translation)) {
      expect({ key, ok: typeof value === 'string' && value.trim() !== '' }).toEqual({ key, ok: true });
    }
  });

  test('placeholders match between languages', () => {
    const names = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of zh) {
      const expected = names(value);
      expect({ key, names: names(en.get(key)) }).toEqual({ key, names: expected });
    }
  });

  test('every key referenced in flows/ and server/ exists', () => {
    const keys = referencedKeys();
    expect(keys.size).toBeGreaterThan(100); // the scan really found the flows' keys
    const missing = [...keys, ...DYNAMIC_KEYS].filter((k) => !zh.has(k));
    expect(missing).toEqual([]);
  });

  test('the scanner would notice a missing key', () => {
    expect(zh.has('apply.name.ask')).toBe(true);
    expect(zh.has('apply.name.nonexistent')).toBe(false);
  });
});

describe('t()', () => {
  test('translates with parameters, in both languages', () => {
    expect(t('zh-CN', 'outcome.case_duplicate', { caseNo: 'FP-1' })).toContain('FP-1');
    expect(t('en', 'outcome.case_duplicate', { caseNo: 'FP-1' })).toContain('already');
  });

  test('does not HTML-escape chat text', () => {
    expect(t('zh-CN', 'engine.resume', { label: 'A&B<C>' })).toContain('A&B<C>');
  });

  test('hasKey tells labels from unknown statuses', () => {
    expect(hasKey('status.approved')).toBe(true);
    expect(hasKey('status.some_future_status')).toBe(false);
  });

  test('server strings exist with the intended meaning', () => {
    expect(t('zh-CN', 'server.busy')).toContain('系统正忙');
    expect(t('en', 'server.busy')).toMatch(/busy/);
  });
});

describe('formatting', () => {
  test.each([
    [3200000, '32,000元', '32,000 yuan'],
    [123450, '1,234.50元', '1,234.50 yuan'],
    [5, '0.05元', '0.05 yuan'],
    [0, '0元', '0 yuan'],
    [100000000, '1,000,000元', '1,000,000 yuan'],
  ])('%d fen', (fen, zhText, enText) => {
    expect(formatMoney('zh-CN', fen)).toBe(zhText);
    expect(formatMoney('en', fen)).toBe(enText);
  });

  test('dates in Asia/Shanghai', () => {
    expect(shanghaiDate('2025-06-14T17:00:00Z')).toBe('2025-06-15'); // 01:00 next day in China
    expect(formatDate('zh-CN', '2025-07-05')).toBe('2025年7月5日');
    expect(formatDate('en', '2025-07-05')).toBe('5 July 2025');
  });
});
