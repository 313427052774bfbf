/**
 * The mini-program form checks names, relations, grades and dates with the chat's own steps
 * (server/core/form/answers.ts). A form cannot say anything back for a yes: a bare name is taken as
 * written in its name field (even one without a common surname), a nickname is a clear field
 * error, and a month without its day is a field error unless the day is said to be unknown —
 * the same month the chat keeps after "记不清了".
 */
import { checkAnswers } from '../../server/core/form/answers';
import { formContext, formModel } from '../../server/core/form/form';
import { RegionTree } from '../../server/core/regions/tree';
import type { Lang } from '../../flows/engine/types';

const TREE = new RegionTree(
  [
    { id: 'c', code: '1', name: '县', nameEn: null, level: 'county', parentId: null, sortOrder: 0 },
    { id: 't', code: '11', name: '镇', nameEn: null, level: 'town', parentId: 'c', sortOrder: 0 },
    { id: 'v', code: '111', name: '村', nameEn: null, level: 'village', parentId: 't', sortOrder: 0 },
  ],
  [],
);
const ctx = (lang: Lang) => formContext(TREE, new Date('2026-03-05T02:00:00Z'), lang);

function check(cause: 'illness' | 'disaster' | 'education', answers: Record<string, unknown>, lang: Lang = 'zh-CN') {
  return checkAnswers(formModel(cause), answers, lang, ctx(lang));
}

describe('names in the form', () => {
  test.each([
    ['李桂兰', '李桂兰'],
    ['我叫李桂兰', '李桂兰'],
    ['扎西顿珠', '扎西顿珠'], // no common surname: a form field is taken as written
    ['买买提·吐尔逊', '买买提·吐尔逊'],
  ])('%j → %s', (typed, name) => {
    const r = check('education', { name: typed });
    expect(r.errors.name).toBeUndefined();
    expect(r.answers.name).toBe(name);
  });

  test.each([
    ['老李', '身份证上的全名'],
    ['王大妈', '身份证上的全名'],
    ['姓王叫小芳', '王小芳'],
  ])('%j is a field error naming what to write', (typed, words) => {
    const r = check('education', { name: typed });
    expect(r.answers.name).toBeUndefined();
    expect(r.errors.name).toContain(words);
  });
});

describe('relations and grades in the form', () => {
  test('the relation is read as in the chat', () => {
    const r = check('illness', { patient: 'family', patientRelation: '我老伴', patientName: '王秀英' });
    expect(r.answers).toMatchObject({ patientRelation: '配偶', patientName: '王秀英' });
  });

  test('a patient name naming another relation than the one given is a field error', () => {
    const r = check('illness', { patient: 'family', patientRelation: '母亲', patientName: '我孙女王小芳' });
    expect(r.answers.patientName).toBeUndefined();
    expect(r.errors.patientName).toContain('母亲');
  });
});

describe('dates in the form', () => {
  test.each([
    ['2026-02-03', '2026-02-03'],
    ['2026年2月，记不清哪天', '2026-02'],
  ])('%j → %s', (typed, value) => {
    const r = check('disaster', { disasterDate: typed });
    expect(r.errors.disasterDate).toBeUndefined();
    expect(r.answers.disasterDate).toBe(value);
  });

  test.each([
    ['zh-CN' as Lang, '2026-02', '记不清哪天'],
    ['zh-CN' as Lang, '上个月', '例如：2026年2月15日'],
    ['en' as Lang, '2026-02', 'day not known'],
  ])('%s: a month without its day (%j) is a field error that says how to write it', (lang, typed, words) => {
    const r = check('disaster', { disasterDate: typed }, lang);
    expect(r.answers.disasterDate).toBeUndefined();
    expect(r.errors.disasterDate).toContain(words);
  });
});
