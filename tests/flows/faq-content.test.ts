/**
 * The default knowledge and its placeholders: enough entries in both languages, every figure a
 * placeholder filled from configuration, and the placeholders filled as villagers read them.
 */
import { LIMIT_NAMES, moneyFigures, PLACEHOLDERS, renderTemplate, unknownPlaceholders, type RenderScope } from '../../flows/faq';
import { ARTICLES, FAQS } from '../../server/seed/knowledge-content';
import { DEFAULT_TIME_LIMITS } from '../../flows/workflow';
import { makeCtx, NOW } from './support';
import { knowledge } from './faq-support';

describe('the default knowledge', () => {
  test('at least 20 FAQ entries and 8 articles, each in zh-CN and en', () => {
    expect(FAQS.length).toBeGreaterThanOrEqual(20);
    expect(ARTICLES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(FAQS.map((f) => f.key)).size).toBe(FAQS.length);
    for (const f of FAQS) for (const lang of ['zh-CN', 'en'] as const) expect(f[lang].question.trim()).not.toBe('');
    for (const a of ARTICLES) for (const lang of ['zh-CN', 'en'] as const) expect(a[lang].body.trim()).not.toBe('');
  });

  test.each(FAQS.flatMap((f) => (['zh-CN', 'en'] as const).map((lang) => [f.key, lang] as const)))('%s (%s) has 5–15 synonyms and some keywords', (key, lang) => {
    const f = FAQS.find((x) => x.key === key)![lang];
    expect(f.synonyms.length).toBeGreaterThanOrEqual(5);
    expect(f.synonyms.length).toBeLessThanOrEqual(15);
    expect(f.keywords.length).toBeGreaterThan(0);
  });

  test('covers what villagers ask: scope, categories, line, steps and limits, documents, consent and privacy, re-check, reimbursement, 公示, 绿色通道', () => {
    const keys = FAQS.map((f) => f.key);
    for (const k of ['who-can-apply', 'household-categories', 'income-line', 'how-to-apply', 'how-long', 'documents-illness', 'documents-disaster', 'documents-education', 'consent', 'privacy', 'recheck', 'after-reimbursement', 'publicity', 'green-channel']) expect(keys).toContain(k);
    const zh = FAQS.find((f) => f.key === 'household-categories')!['zh-CN'].answer;
    for (const category of ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户']) expect(zh).toContain(category);
    expect(FAQS.find((f) => f.key === 'privacy')!['zh-CN'].answer).toMatch(/身份证号.*电话.*病情/);
  });

  test('no figure is typed in: money and time limits are placeholders, all of them known', () => {
    const texts = [...FAQS.flatMap((f) => [f['zh-CN'].answer, f.en.answer]), ...ARTICLES.flatMap((a) => [a['zh-CN'].body, a.en.body])];
    for (const text of texts) {
      expect(unknownPlaceholders(text)).toEqual([]);
      expect(moneyFigures(text)).toEqual([]);
      expect(text).not.toMatch(/\d+\s*(天|个工作日|days)/);
    }
    expect(FAQS.find((f) => f.key === 'income-line')!['zh-CN'].answer).toContain('{{incomeLine}}');
    expect(FAQS.find((f) => f.key === 'how-long')!['zh-CN'].answer).toContain('{{limits.total}}');
    expect(FAQS.find((f) => f.key === 'documents-illness')!['zh-CN'].answer).toContain('{{documents.illness}}');
  });

  test('every linked article exists', () => {
    const keys = ARTICLES.map((a) => a.key);
    for (const f of FAQS) if (f.article) expect(keys).toContain(f.article);
  });

  test('the limits named in placeholders are the workflow\'s', () => {
    expect([...LIMIT_NAMES].sort()).toEqual(Object.keys(DEFAULT_TIME_LIMITS).sort());
  });
});

describe('placeholders', () => {
  const base = (over: Partial<RenderScope> = {}): RenderScope => {
    const ctx = makeCtx();
    const k = knowledge();
    return { lang: 'zh-CN', now: NOW, towns: ctx.towns, incomeLineFen: () => 870000, limits: k.limits, publicityMinDays: k.publicityMinDays, ...over };
  };

  test.each([
    ['{{documents.illness}}', 'zh-CN', '住院结算单或发票、出院小结'],
    ['{{documents.education}}', 'en', 'admission letter or proof of enrolment, fee payment receipt'],
    ['{{limits.verification}}', 'zh-CN', '5个工作日'],
    ['{{limits.total}}', 'zh-CN', '15天'],
    ['{{limits.village_review}}', 'en', '2 days'],
    ['{{limits.verification}}', 'en', '5 working days'],
    ['{{publicityDays}}', 'zh-CN', '5天'],
    ['{{year}}', 'zh-CN', '2025'],
    ['{{incomeLine}}', 'zh-CN', '本地2025年的监测标准是：家庭人均纯收入每人每年8,700元。'],
    ['{{incomeLine}}', 'en', 'The local monitoring line for 2025 is a net income of 8,700 yuan per person per year.'],
  ] as const)('%s (%s) → %s', (template, lang, expected) => {
    expect(renderTemplate(template, base({ lang }))).toBe(expected);
  });

  test('{{documents}} lists every cause', () => {
    expect(renderTemplate('{{documents}}', base())).toBe('因病：住院结算单或发票、出院小结\n因灾：受灾照片\n因学：录取通知书或学籍证明、缴费凭证或收据');
  });

  test('the income line: the village\'s own, else every village\'s, else unknown', () => {
    const lines = (v: string) => (v === 'V12' ? 950000 : 870000);
    expect(renderTemplate('{{incomeLine}}', base({ villageCode: 'V12', incomeLineFen: lines }))).toBe('柳树村2025年的监测标准是：家庭人均纯收入每人每年9,500元。');
    expect(renderTemplate('{{incomeLine}}', base({ incomeLineFen: lines }))).toBe('2025年各村的监测标准（家庭人均纯收入每人每年）不一样：柳树村 9,500元；其他村 8,700元。');
    expect(renderTemplate('{{incomeLine}}', base({ lang: 'en', villageCode: 'V12', incomeLineFen: lines }))).toContain('Liushu Village in 2025 is a net income of 9,500 yuan');
    expect(renderTemplate('{{incomeLine}}', base({ incomeLineFen: () => null }))).toBe('本地2025年的监测标准还没有公布，请问村干部。');
    expect(renderTemplate('{{incomeLine}}', base({ villageCode: 'V21', incomeLineFen: lines }))).toContain('西河村2025年');
  });

  test('a limit not configured reads as "the set time"; unknown names are refused by the API', () => {
    expect(renderTemplate('{{limits.assessment}}', base({ limits: {} }))).toBe('规定的时间');
    expect(unknownPlaceholders('{{incomeline}} {{limits.nope}} {{incomeLine}}')).toEqual(['incomeline', 'limits.nope']);
    expect(PLACEHOLDERS).toContain('documents.disaster');
    expect(moneyFigures('标准是8700元，或者 5,200 yuan、3千块')).toEqual(['8700元', '5,200 yuan', '3千块']);
  });
});
