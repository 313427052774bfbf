/**
 * Each fact once, read from the source text. A rule names text that belongs in one place (its
 * home); a few other places may hold it, each with its reason and the very words it may hold, and
 * an allowance the code no longer needs fails too, so the list cannot outlive the code. Every rule
 * is also run over a made-up file that breaks it, so a pattern that stopped matching fails here
 * rather than passing in silence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CASE_STATUSES } from '../../flows/workflow';

const root = path.resolve(__dirname, '../..');
const SKIP = ['node_modules', '.git', 'dist', 'generated', 'data', 'coverage', 'test-artifacts'];

/** Files under `dir` (a path from the root) whose names match `ext`, as paths from the root. */
function files(dir: string, ext: RegExp): string[] {
  if (!fs.existsSync(path.join(root, dir))) return [];
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = dir === '' ? e.name : `${dir}/${e.name}`;
    if (e.isDirectory()) return SKIP.includes(e.name) ? [] : files(rel, ext);
    return ext.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

type Source = { file: string; text: string };
type Allowance = { why: string; only: string[] };

type Rule = {
  /** Where the fact lives (path prefixes): the pattern must match there, and may only there. */
  home: string[];
  /** The folders read (from the root), and which files in them. */
  scan: string[];
  ext: RegExp;
  /** The forbidden text (global). */
  pattern: RegExp;
  /** Other places that may hold it: the file, why, and the matches it may hold. */
  allowed?: Record<string, Allowance>;
  /** A line that breaks the rule, and one like it that does not. */
  breaks: string;
  keeps: string;
};

const TS = /\.tsx?$/;
const statusLiteral = new RegExp(`(['"\`])(?:${CASE_STATUSES.join('|')})\\1`, 'g');

const RULES: Record<string, Rule> = {
  'a case status is written as a string only in the workflow module (elsewhere: CASE_STATUS.<name>, or a set or predicate of flows/workflow)': {
    home: ['flows/workflow/'],
    scan: ['server', 'flows', 'console/src'],
    ext: TS,
    pattern: statusLiteral,
    allowed: {
      'server/seed/knowledge-content.ts': { why: 'FAQ content: words a villager may type ("returned", "rejected") and the key of the public-notice entry, not statuses', only: ["'returned'", "'publicity'", "'rejected'"] },
      'server/app/wechat.ts': { why: 'WeChat refusing a subscribe message (WeChatError.kind), not a case', only: ["'rejected'"] },
      'server/app/subscribe-worker.ts': { why: 'reads WeChatError.kind (see server/app/wechat.ts)', only: ["'rejected'"] },
      'server/core/identity/household-link.ts': { why: 'a stored reason code of a household link (Contact.householdLinkWhy: the village review confirmed it), not a status test', only: ["'village_review'"] },
    },
    breaks: "if (c.status === 'returned') return;",
    keeps: 'if (c.status === CASE_STATUS.returned) return;',
  },
  'town_review is spelled only in flows/workflow, the migrations and the tests (docs included)': {
    home: ['flows/workflow/', 'prisma/migrations/', 'tests/'],
    scan: ['.'],
    ext: /\.(ts|tsx|md)$/,
    pattern: /town_review/g,
    breaks: 'The town acts on cases in town_review.',
    keeps: 'The town acts on cases in 镇审核.',
  },
  'audit rows are written only by server/core/audit/record.ts': {
    home: ['server/core/audit/record.ts'],
    scan: ['server', 'flows', 'bot', 'start', 'scripts', 'prisma'],
    ext: TS,
    pattern: /\.auditEntry\s*\.\s*(?:create|createMany|upsert)\b|INSERT\s+INTO\s+"?AuditEntry\b/g,
    breaks: "await tx.auditEntry.create({ data: { action: 'x' } });",
    keeps: 'await tx.auditEntry.findMany({});',
  },
  'a household’s monitoring history is written only by server/core/register/monitoring.ts': {
    home: ['server/core/register/monitoring.ts'],
    scan: ['server', 'flows', 'bot', 'start', 'scripts', 'prisma'],
    ext: TS,
    pattern: /\.monitoringEvent\s*\.\s*(?:create|createMany|upsert|update|updateMany)\b|INSERT\s+INTO\s+"?MonitoringEvent\b/g,
    breaks: "await tx.monitoringEvent.create({ data: { type: 'identified' } });",
    keeps: 'await tx.monitoringEvent.findMany({});',
  },
  '风险消除 proposals are written only by server/core/register/elimination.ts': {
    home: ['server/core/register/elimination.ts'],
    scan: ['server', 'flows', 'bot', 'start', 'scripts', 'prisma'],
    ext: TS,
    pattern: /\.elimination\s*\.\s*(?:create|createMany|createManyAndReturn|upsert|update|updateMany)\b|(?:INSERT\s+INTO|UPDATE)\s+"?Elimination\b/g,
    breaks: "await tx.elimination.update({ where: { id }, data: { status: 'county_approved' } });",
    keeps: 'await tx.elimination.findUnique({ where: { openFor: householdId } });',
  },
  'department alerts are raised, flagged and closed only in server/core/alerts/': {
    home: ['server/core/alerts/'],
    scan: ['server', 'flows', 'bot', 'start', 'scripts', 'prisma'],
    ext: TS,
    pattern: /\.alert\s*\.\s*(?:create|createMany|createManyAndReturn|upsert|update|updateMany)\b|(?:INSERT\s+INTO|UPDATE)\s+"?Alert\b/g,
    breaks: "await tx.alert.updateMany({ where: { id }, data: { status: 'closed' } });",
    keeps: 'await tx.alert.findMany({ where: { householdId } });',
  },
  'document rows are created only by server/core/documents/attach.ts': {
    home: ['server/core/documents/attach.ts'],
    scan: ['server', 'flows', 'bot', 'start', 'scripts', 'prisma'],
    ext: TS,
    pattern: /\.document\s*\.\s*(?:create|createMany|upsert)\b|INSERT\s+INTO\s+"?Document\b/g,
    breaks: 'await tx.document.create({ data });',
    keeps: "const el = document.createElement('div'); await tx.document.updateMany({ where, data });",
  },
  'the server reads the time from one clock (server/core/clock.ts: nowOf(deps), clockOf(deps), systemClock); flows/ reads none (its callers pass the time)': {
    home: ['server/core/clock.ts'],
    scan: ['server', 'flows'],
    ext: TS,
    pattern: /\bnew Date\(\s*\)/g,
    breaks: 'const now = deps.now?.() ?? new Date();',
    keeps: 'const now = nowOf(deps); const at = new Date(now.getTime() + 1000);',
  },
  'China’s offset from UTC is known only to flows/china-time.ts': {
    home: ['flows/china-time.ts'],
    scan: ['server', 'flows', 'bot', 'start', 'scripts', 'miniprogram/src', 'console/src'],
    ext: TS,
    pattern: /\+08:?00|\b8\s*\*\s*(?:3_?600|60\s*\*\s*60)|\b28_?800(?:_?000)?\b|['"`]Asia\/Shanghai['"`]/g,
    allowed: {
      'server/api/routes/broadcasts.ts': { why: 'the API’s answer to a bad time shows the format it takes, with China’s offset', only: ['+08:00'] },
    },
    breaks: 'const SHANGHAI_MS = 8 * 3_600_000;',
    keeps: 'const HOUR_MS = 3_600_000; const at = shanghaiMidnight(day);',
  },
};

const atHome = (rule: Rule, file: string) => rule.home.some((h) => file.startsWith(h));
const matches = (rule: Rule, text: string) => [...text.matchAll(rule.pattern)].map((m) => m[0]);

/** What breaks the rule in these sources: `file: match`, allowances aside. */
function violations(rule: Rule, sources: Source[]): string[] {
  return sources.flatMap(({ file, text }) => {
    if (atHome(rule, file)) return [];
    const allowed = rule.allowed?.[file]?.only ?? [];
    return matches(rule, text)
      .filter((m) => !allowed.includes(m))
      .map((m) => `${file}: ${m}`);
  });
}

function read(rule: Rule): Source[] {
  const paths = rule.scan.flatMap((d) => files(d === '.' ? '' : d, rule.ext));
  return [...new Set(paths)].map((file) => ({ file, text: fs.readFileSync(path.join(root, file), 'utf8') }));
}

describe.each(Object.entries(RULES))('%s', (_name, rule) => {
  const sources = read(rule);

  test('holds in the tree', () => {
    expect(violations(rule, sources)).toEqual([]);
  });

  test('the rule reads the tree: its home holds the fact, every allowance is still needed and has its reason', () => {
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.some((s) => atHome(rule, s.file) && matches(rule, s.text).length > 0)).toBe(true);
    for (const [file, a] of Object.entries(rule.allowed ?? {})) {
      const found = matches(rule, sources.find((s) => s.file === file)?.text ?? '');
      expect({ file, why: a.why.length > 20, unused: a.only.filter((m) => !found.includes(m)) }).toEqual({ file, why: true, unused: [] });
    }
  });

  test('it can fail: a file that breaks it is found, the same words at home or said the right way are not', () => {
    const stray = rule.scan[0] === '.' ? 'docs/stray.md' : `${rule.scan[0]}/stray.ts`;
    expect(violations(rule, [{ file: stray, text: rule.breaks }])).not.toEqual([]);
    expect(violations(rule, [{ file: `${rule.home[0]}${rule.home[0]!.endsWith('/') ? 'x.ts' : ''}`, text: rule.breaks }])).toEqual([]);
    expect(violations(rule, [{ file: stray, text: rule.keeps }])).toEqual([]);
  });
});
