import { parseInteger } from '../../../flows/parse';

const HOUSEHOLD = { min: 1, max: 20 };

describe('parseInteger', () => {
  test.each<[string, number]>([
    ['5', 5],
    ['５', 5],
    [' 5 ', 5],
    ['五', 5],
    ['5口人', 5],
    ['五口', 5],
    ['五个人', 5],
    ['两个', 2],
    ['俩人', 2],
    ['十二', 12],
    ['１２', 12],
    ['家里有五口人', 5],
    ['一共6个人。', 6],
    ['20', 20],
    ['1', 1],
  ])('%j → %d', (input, expected) => {
    expect(parseInteger(input, HOUSEHOLD)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'empty'],
    ['0', 'choice_out_of_range'],
    ['21', 'choice_out_of_range'],
    ['二十一', 'choice_out_of_range'],
    ['-1', 'choice_out_of_range'],
    ['三四个', 'not_a_number'], // "three or four": a range, not a count
    ['5.5', 'not_a_number'],
    ['很多', 'not_a_number'],
    ['不知道', 'not_a_number'],
  ])('%j → %s', (input, reason) => {
    expect(parseInteger(input, HOUSEHOLD)).toEqual({ ok: false, reason });
  });

  test('0 is fine when the range allows it', () => {
    expect(parseInteger('零', { min: 0, max: 5 })).toEqual({ ok: true, value: 0 });
  });
});
