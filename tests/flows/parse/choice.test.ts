import { parseChoice } from '../../../flows/parse';

const CAUSES = [
  { id: 'illness', labels: ['因病', '看病', '生病', '住院'] },
  { id: 'disaster', labels: ['因灾', '受灾'] },
  { id: 'education', labels: ['因学', '上学', 'School'] },
  { id: 'disability', labels: ['因病致残', '残疾'] },
] as const;

describe('parseChoice', () => {
  test.each([
    ['1', 'illness'],
    ['１', 'illness'],
    ['1.', 'illness'],
    ['1、', 'illness'],
    ['(3)', 'education'],
    ['②', 'disaster'],
    ['一', 'illness'],
    ['第一个', 'illness'],
    ['第2项', 'disaster'],
    ['选2', 'disaster'],
    ['我选三', 'education'],
    ['4号', 'disability'],
    ['因病', 'illness'], // exact label
    ['住院', 'illness'],
    ['SCHOOL', 'education'], // case-insensitive
    ['我家是因病', 'illness'], // contains exactly one label
    ['去年受灾了', 'disaster'],
    ['因病致残', 'disability'], // the longer label wins over 因病 inside it
    ['我因病致残了', 'disability'],
    ['残疾人', 'disability'],
  ])('%j → %s', (input, expected) => {
    expect(parseChoice(input, CAUSES)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['学', 'choice_unknown'], // one character is too little to match inside a label
    ['因', 'choice_unknown'],
    ['上学和看病', 'choice_unknown'], // two options named
    ['随便', 'choice_unknown'],
    ['2. 因病', 'choice_unknown'], // number and text disagree
    ['', 'empty'],
    ['0', 'choice_out_of_range'],
    ['5', 'choice_out_of_range'],
    ['第五个', 'choice_out_of_range'],
    ['选10', 'choice_out_of_range'],
  ])('%j → %s', (input, reason) => {
    expect(parseChoice(input, CAUSES)).toEqual({ ok: false, reason });
  });

  test.each([
    ['2. 因灾', 'disaster'], // number and text agree
    ['3、上学的事', 'education'],
    ['1. 医疗', 'illness'], // text names no option: the number decides
  ])('numbered answer %j → %s', (input, expected) => {
    expect(parseChoice(input, CAUSES)).toEqual({ ok: true, value: expected });
  });

  test('a label containing the input (≥ 2 chars) matches', () => {
    const options = [{ id: 'a', labels: ['城关镇'] }, { id: 'b', labels: ['河口乡'] }] as const;
    expect(parseChoice('城关', options)).toEqual({ ok: true, value: 'a' });
    expect(parseChoice('关', options)).toEqual({ ok: false, reason: 'choice_unknown' });
  });

  test('an exact label wins over reading the input as a number', () => {
    const options = [{ id: 'few', labels: ['二'] }, { id: 'many', labels: ['一'] }] as const;
    expect(parseChoice('一', options)).toEqual({ ok: true, value: 'many' });
  });

  test('a label shared by two options is ambiguous', () => {
    const options = [{ id: 'a', labels: ['东村'] }, { id: 'b', labels: ['东村', '东村二组'] }] as const;
    expect(parseChoice('东村', options)).toEqual({ ok: false, reason: 'choice_unknown' });
  });
});
