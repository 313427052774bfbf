/**
 * Every status's words live once, in the workflow's locale files (flows/workflow/words.*.ts), and
 * the i18n keys the readers use are built from them (flows/i18n/status-words.ts); so do the
 * decision's categories and measures. That no status is spelled outside the workflow is
 * tests/architecture/single-sources.test.ts.
 */
import { renderTemplate, unknownPlaceholders, type RenderScope } from '../../flows/faq';
import { LANGS, t } from '../../flows/i18n';
import { APPROVE_GUIDE } from '../../flows/cadre/plans';
import { ACTS, CASE_STATUSES, DECISION_WORDS, HOUSEHOLD_CATEGORIES, MEASURES, REVIEW_STATUSES, STATUS_WORDS, TIMED_STATUSES, type StatusWords } from '../../flows/workflow';
import { makeCtx, NOW } from './support';
import { knowledge } from './faq-support';

const pairs = LANGS.flatMap((lang) => CASE_STATUSES.map((s) => [lang, s] as const));

describe('the i18n keys read the workflow’s words', () => {
  test.each(pairs)('%s %s', (lang, s) => {
    const w = STATUS_WORDS[lang][s] as StatusWords & { step?: string };
    expect(t(lang, `status.${s}`)).toBe(w.label);
    expect(t(lang, `cadre.stage.${s}`)).toBe(w.stage);
    expect(t(lang, `workflow.villager.to_${s}`)).toBe(w.arrival);
    expect(t(lang, `faq.explain.${s}.meaning`)).toBe(w.explain.meaning);
    expect(t(lang, `faq.explain.${s}.next`)).toBe(w.explain.next);
    if (w.step !== undefined) expect(t(lang, `workflow.step.${s}`)).toBe(w.step);
    if (w.need !== undefined) expect(t(lang, `workflow.cadre.need.${s}`)).toBe(w.need);
    if (w.within !== undefined) expect(t(lang, `workflow.within.${s}`)).toBe(w.within);
    if (w.chat !== undefined) expect(t(lang, `workflow.villager.chat.${s}`)).toBe(w.chat);
    if (w.cadreNext !== undefined) expect(t(lang, `cadre.next.${s}`)).toBe(w.cadreNext);
    if (w.cadreNextEnded !== undefined) expect(t(lang, `cadre.next_ended.${s}`)).toBe(w.cadreNextEnded);
  });

  test('each status has the words its role needs: a step when timed, a need when acted on, a limit line when reviewed', () => {
    for (const lang of LANGS) {
      const words = STATUS_WORDS[lang] as Record<string, StatusWords & { step?: string }>;
      expect(TIMED_STATUSES.filter((s) => !words[s].step)).toEqual([]);
      expect(Object.keys(ACTS).filter((s) => !words[s].need)).toEqual([]);
      expect(REVIEW_STATUSES.filter((s) => !words[s].within)).toEqual([]);
      // the cadre's 下一步 (flows/cadre/text.ts nextText): a step whose "通过" asks data, and a returned case
      expect([...Object.keys(APPROVE_GUIDE), 'returned'].filter((s) => !words[s].cadreNext)).toEqual([]);
      expect(words.publicity.cadreNextEnded).toBeDefined();
    }
  });

  test.each(LANGS)('the decision’s categories and measures, one set of words in %s for the cadres and the villagers', (lang) => {
    for (const c of HOUSEHOLD_CATEGORIES) expect(t(lang, `workflow.category.${c}`)).toBe(DECISION_WORDS[lang].category[c]);
    for (const m of MEASURES) expect(t(lang, `workflow.measure.${m}`)).toBe(DECISION_WORDS[lang].measure[m]);
  });
});

describe('{{limits.steps}}: the review steps and their limits, from the workflow', () => {
  const scope = (over: Partial<RenderScope> = {}): RenderScope => {
    const k = knowledge();
    return { lang: 'zh-CN', now: NOW, towns: makeCtx().towns, incomeLineFen: () => 870000, limits: k.limits, publicityMinDays: k.publicityMinDays, ...over };
  };

  test('in both languages, with the configured limits', () => {
    expect(renderTemplate('{{limits.steps}}', scope())).toBe('村委会初审一般2天内；镇审核一般3天内；县审核一般3天内；入户核查一般5个工作日内；村级评议一般3天内；公示至少5天');
    expect(renderTemplate('{{limits.steps}}', scope({ lang: 'en', limits: { ...knowledge().limits, town_review: { days: 7, working: true } } }))).toBe(
      'village committee first review usually within 2 days; town review usually within 7 working days; county review usually within 3 days; home visit usually within 5 working days; village assessment usually within 3 days; public notice at least 5 days',
    );
  });

  test('an answer a county wrote with a status’s own limit still renders', () => {
    const old = '镇审核{{limits.town_review}}内，县审核{{limits.county_review}}内。';
    expect(unknownPlaceholders(old)).toEqual([]);
    expect(renderTemplate(old, scope())).toBe('镇审核3天内，县审核3天内。');
    expect(unknownPlaceholders('{{limits.steps}}')).toEqual([]);
  });
});
