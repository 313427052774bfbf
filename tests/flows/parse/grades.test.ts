/**
 * School grades → the stage options (flows/parse/grades.ts), read as the 学段 question reads them:
 * by parseChoice over each stage's labels.
 */
import { parseChoice, SCHOOL_STAGES, stageLabels } from '../../../flows/parse';

const OPTIONS = SCHOOL_STAGES.map((id) => ({ id, labels: stageLabels(id) }));

describe('stage from a grade', () => {
  test.each([
    ['高二', 'senior'],
    ['初三', 'junior'],
    ['大三', 'college'],
    ['读幼儿园', 'preschool'],
    ['小学三年级', 'primary'],
    ['上初一', 'junior'],
    ['读高中', 'senior'],
    ['中专二年级', 'senior'], // not 二年级 of primary school
    ['初中二年级', 'junior'],
    ['大学一年级', 'college'],
    ['职高', 'senior'],
    ['技校', 'senior'],
    ['研一', 'graduate'],
    ['大专', 'college'],
    ['高职', 'college'], // 高职 is a college; 职高 a senior school
    ['刚考上大学', 'college'],
    ['五年级', 'primary'],
    ['七年级', 'junior'],
    ['高3', 'senior'],
    ['孩子读初二', 'junior'],
    ['在县一中读高一', 'senior'],
    ['幼儿园大班', 'preschool'],
    ['研究生二年级', 'graduate'],
    ['卫校', 'senior'],
    ['今年九月上初中', 'junior'],
    ['grade 10', 'senior'],
    ['grade 1', 'primary'],
    // issue 10 (probe 13 kind): formal numerals
    ['高叁', 'senior'],
    ['初貳', 'junior'],
    ['研壹', 'graduate'],
    ['伍年级', 'primary'],
  ])('%j → %s', (input, stage) => {
    expect(parseChoice(input, OPTIONS)).toEqual({ ok: true, value: stage });
  });

  test.each([
    ['中学'], // junior or senior?
    ['小学毕业'], // finished: in which stage now?
    ['初中毕业了上高中'],
    ['上学'],
  ])('%j is asked again', (input) => {
    expect(parseChoice(input, OPTIONS)).toEqual({ ok: false, reason: 'choice_unknown' });
  });
});
