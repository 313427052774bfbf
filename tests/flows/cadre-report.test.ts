/**
 * 统计 and 导出 in the cadre chat (flows/cadre/report.ts): the phrasings taken for them — and the
 * sentences that merely mention 统计 or 台账, which are not — the period a 统计 asks for, what the
 * server is asked to load, and the short answers (the figures of the region, the budget to the
 * county office only, the console's pages; who may when the cadre may not), in both languages.
 */
import { parseCadreCommand, type CadreCommand } from '../../flows/cadre/commands';
import { ledgerText, statsPeriodParam, statsText, type CadreStats, type LedgerHelp } from '../../flows/cadre/report';
import { cadreStep, needsOf, readInbound } from '../../flows/cadre/step';
import type { CadreView } from '../../flows/cadre/types';
import { hasKey } from '../../flows/i18n';
import type { Lang } from '../../flows/engine/types';
import type { CadreActor, Role } from '../../flows/workflow';

const stats = (period: 'this_month' | 'last_month' | 'this_year' = 'this_month'): CadreCommand => ({ kind: 'stats', period });
const exportLedger: CadreCommand = { kind: 'export' };

describe('the phrasings', () => {
  test.each<[string, CadreCommand | null]>([
    ['统计', stats()],
    ['统计。', stats()],
    ['本月统计', stats()],
    ['这个月统计', stats()],
    ['统计 本月', stats()],
    ['这个月多少户申请了', stats()],
    ['这个月多少户申请了？', stats()],
    ['本月有多少户申请', stats()],
    ['这个月申请了多少户', stats()],
    ['多少户申请了', stats()],
    ['查看统计', stats()],
    ['看看本月数据', stats()],
    ['报表', stats()],
    ['上月统计', stats('last_month')],
    ['上个月的统计', stats('last_month')],
    ['统计 上月', stats('last_month')],
    ['上个月多少户申请了', stats('last_month')],
    ['今年统计', stats('this_year')],
    ['今年的数据', stats('this_year')],
    ['今年多少户申请了', stats('this_year')],
    ['ＳＴＡＴＳ', stats()],
    ['stats', stats()],
    ['Stats last month', stats('last_month')],
    ['statistics this year', stats('this_year')],
    ['how many applied this month?', stats()],
    ['导出', exportLedger],
    ['导出台账', exportLedger],
    ['要台账', exportLedger],
    ['我要台账！', exportLedger],
    ['下载台账', exportLedger],
    ['台账', exportLedger],
    ['export', exportLedger],
    ['Export ledger', exportLedger],
    // not these: sentences that mention the words, a case command, a bare period
    ['统计局的人来了', null],
    ['帮我统计一下张三家的收入', null],
    ['统计 123', null],
    ['数据不对', null],
    ['本月', null],
    ['多少户', null],
    ['多少钱', null],
    ['台账上写错了', null],
    ['导出来的表格有问题', null],
    ['导出失败了怎么办', null],
    ['exported', null],
    ['statistical', null],
    ['本月低保标准是多少', null],
  ])('%j', (text, expected) => {
    expect(parseCadreCommand(text)).toEqual(expected);
  });

  test('a case command still means the case', () => {
    expect(parseCadreCommand('查看 123')).toEqual({ kind: 'view', ref: { kind: 'short', seq: 123 } });
  });
});

describe('the period a 统计 asks for, in China dates', () => {
  test.each<[string, 'this_month' | 'last_month' | 'this_year', string]>([
    ['2026-07-20T02:00:00Z', 'this_month', '2026-07'],
    ['2026-07-20T02:00:00Z', 'last_month', '2026-06'],
    ['2026-07-20T02:00:00Z', 'this_year', '2026'],
    // 1 August 00:30 in China is still 31 July in UTC: August's
    ['2026-07-31T16:30:00Z', 'this_month', '2026-08'],
    ['2026-01-05T02:00:00Z', 'last_month', '2025-12'],
    ['2026-12-31T15:59:00Z', 'this_year', '2026'],
    ['2026-12-31T16:00:00Z', 'this_year', '2027'],
  ])('at %s, %s → %s', (at, period, param) => {
    expect(statsPeriodParam(period, new Date(at))).toBe(param);
  });
});

const NOW = new Date('2026-07-20T02:00:00Z');
const actorOf = (role: Role): CadreActor => ({ kind: 'cadre', id: `c-${role}`, name: `${role}干部`, role, regionIds: role === 'county' ? null : new Set(['v1']) });
const viewOf = (role: Role, over: Partial<CadreView> = {}, lang: Lang = 'zh-CN'): CadreView => ({
  lang,
  now: NOW,
  publicityMinDays: 5,
  actor: actorOf(role),
  who: { name: `${role}干部`, role, region: '柳树村' },
  inRoom: false,
  ...over,
});

const FIGURES: CadreStats = {
  allowed: true,
  period: '2026-07',
  region: '柳树村',
  applications: 5,
  byCause: [
    { cause: 'illness', n: 3 },
    { cause: 'disaster', n: 0 },
    { cause: 'education', n: 2 },
  ],
  byStatus: [
    { status: 'approved', n: 1 },
    { status: 'village_review', n: 3 },
    { status: 'town_review', n: 1 },
    { status: 'paid', n: 0 },
  ],
  overdue: 2,
  paid: { cases: 1, amountFen: 1_250_050 },
  budget: { year: 2026, budgetFen: 100_000_000, paidFen: 12_500_000, usedShare: 12.5 },
  link: 'https://fangpin.example.gov.cn/console/stats?period=2026-07',
};
const LEDGER: LedgerHelp = { allowed: true, region: '柳树村', layouts: ['国家防止返贫监测信息系统', '省级监测台账', '全部字段', '县里自己的'], formats: ['xlsx', 'csv'], link: 'https://fangpin.example.gov.cn/console/export' };

describe('what the server loads, and the step says', () => {
  test.each<[string, string, ReturnType<typeof needsOf>]>([
    ['统计: this month', '统计', { pending: false, case: null, detail: false, verifiers: false, stats: { period: '2026-07' } }],
    ['上月统计', '上月统计', { pending: false, case: null, detail: false, verifiers: false, stats: { period: '2026-06' } }],
    ['导出: the layouts', '导出台账', { pending: false, case: null, detail: false, verifiers: false, ledger: true }],
  ])('%s', (_what, message, needs) => {
    expect(needsOf(null, readInbound({ kind: 'text', text: message }), NOW)).toEqual(needs);
  });

  test('统计: the figures as loaded, nothing done', () => {
    const turn = cadreStep(null, readInbound({ kind: 'text', text: '本月统计' }), viewOf('village', { stats: FIGURES }), []);
    expect(turn.effects).toEqual([]);
    expect(turn.replies).toEqual([statsText('zh-CN', 'village', FIGURES)]);
  });

  test('导出: where and how, nothing sent, nothing done', () => {
    const turn = cadreStep(null, readInbound({ kind: 'text', text: '要台账' }), viewOf('town', { ledger: LEDGER }), []);
    expect(turn.effects).toEqual([]);
    expect(turn.replies).toEqual([ledgerText('zh-CN', LEDGER)]);
  });

  test('the figures not loaded: the server failed its part, said loudly', () => {
    expect(() => cadreStep(null, readInbound({ kind: 'text', text: '统计' }), viewOf('village'), [])).toThrow('not loaded');
  });

  test('统计 or 导出 during an exchange leaves it, as 待办 does', () => {
    const state = { flow: 'cadre' as const, step: 'guide' as const, lang: 'zh-CN' as Lang, guide: { kind: 'reject' as never, caseNo: 'FP-2026-000007', from: 'village_review', note: '', step: 'reason' as const, data: {}, misses: 0, photos: 0, at: NOW.toISOString() } };
    const turn = cadreStep(state, readInbound({ kind: 'text', text: '统计' }), viewOf('village', { stats: FIGURES }), []);
    expect(turn.state.guide).toBeUndefined();
    expect(turn.replies.at(-1)).toBe(statsText('zh-CN', 'village', FIGURES));
  });
});

describe('the answers', () => {
  test('统计: the region and month, applications by cause, where they are now (in the workflow\'s order), overdue, paid, the link', () => {
    expect(statsText('zh-CN', 'village', FIGURES)).toBe(
      [
        '【柳树村·2026年7月统计】',
        '申请：5户（因病3、因学2）',
        '目前在：村初审3、镇审核1、已批准待发放1',
        '全辖区现在超期未办：2件',
        '发放：1户，12,500.50元',
        '详细数字和图表：https://fangpin.example.gov.cn/console/stats?period=2026-07',
      ].join('\n'),
    );
  });

  test('the county office hears the budget too; a year is named as a year', () => {
    const county = statsText('zh-CN', 'county', { ...FIGURES, period: '2026' });
    expect(county.split('\n')[0]).toBe('【柳树村·2026年统计】');
    expect(county).toContain('2026年预算1,000,000元，已发放125,000元，占12.5%');
    expect(statsText('zh-CN', 'county', { ...FIGURES, budget: { year: 2026, budgetFen: null, paidFen: 0, usedShare: null } })).toContain('年度预算还没有设置');
    for (const role of ['village', 'town', 'auditor'] as const) expect(statsText('zh-CN', role, FIGURES)).not.toContain('预算');
  });

  test('at most 10 lines, in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = statsText(lang, 'county', FIGURES);
      expect(text.split('\n').length).toBeLessThanOrEqual(10);
      expect(ledgerText(lang, LEDGER).split('\n').length).toBeLessThanOrEqual(10);
    }
    expect(statsText('en', 'county', FIGURES)).toContain('Budget 2026: 1,000,000 yuan; paid 125,000 yuan, 12.5%');
    expect(statsText('en', 'village', FIGURES).split('\n')[0]).toBe('[柳树村, July 2026: statistics]');
  });

  test('nothing applied yet: no "now" line, the zeros said', () => {
    const none = statsText('zh-CN', 'village', { ...FIGURES, applications: 0, byCause: FIGURES.allowed ? FIGURES.byCause.map((c) => ({ ...c, n: 0 })) : [], byStatus: [], overdue: 0, paid: { cases: 0, amountFen: 0 } });
    expect(none).toContain('申请：0户');
    expect(none).not.toContain('目前在');
  });

  test('without PUBLIC_BASE_URL the console page is named instead of linked', () => {
    expect(statsText('zh-CN', 'village', { ...FIGURES, link: null })).toContain('管理后台的「统计」页');
    expect(ledgerText('zh-CN', { ...LEDGER, link: null } as LedgerHelp)).toContain('管理后台的「台账导出」页');
  });

  test('导出: not by WeChat, the page, the layouts and formats, the region', () => {
    const text = ledgerText('zh-CN', LEDGER);
    expect(text).toContain('不通过微信发送');
    expect(text).toContain('https://fangpin.example.gov.cn/console/export');
    expect(text).toContain('国家防止返贫监测信息系统、省级监测台账、全部字段、县里自己的');
    expect(text).toContain('XLSX、CSV');
    expect(text).toContain('柳树村');
  });

  test.each<[string, Lang, string]>([
    ['统计', 'zh-CN', '统计由村干部、镇干部查看'],
    ['导出', 'zh-CN', '台账由村干部、镇干部在管理后台导出'],
    ['统计', 'en', 'these roles read them: village cadre, town cadre'],
    ['导出', 'en', 'these roles export it in the console: village cadre, town cadre'],
  ])('a role without %s is told who has it (%s)', (what, lang, words) => {
    const no = { allowed: false as const, roles: ['village', 'town'] as Role[] };
    expect(what === '统计' ? statsText(lang, 'verifier', no) : ledgerText(lang, no)).toContain(words);
  });

  test('every key of the answers and the help exists in both languages', () => {
    const keys = ['cadre.help.stats', 'cadre.help.export', 'cadre.report.year', 'cadre.report.stats_title', 'cadre.report.export_link'];
    expect(keys.filter((k) => !hasKey(k))).toEqual([]);
  });
});
