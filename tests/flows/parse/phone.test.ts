import { parsePhone } from '../../../flows/parse';

describe('parsePhone', () => {
  test.each([
    ['13812345678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['138—1234—5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['(+86)13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['手机号：19912345678', '19912345678'],
    ['我的电话是15012345678。', '15012345678'],
  ])('%j → %j', (input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'empty'],
    ['0755-12345678', 'phone_landline'],
    ['010 8888 6666', 'phone_landline'],
    ['(0371)6123456', 'phone_landline'],
    ['88886666', 'phone_landline'],
    ['12812345678', 'phone_format'], // no 12x mobile prefix
    ['1381234567', 'phone_format'], // one digit short
    ['138123456789', 'phone_format'],
    ['+8612812345678', 'phone_format'],
    ['13812345678 13912345678', 'phone_format'], // two numbers: ask again
    ['没有手机', 'phone_format'],
  ])('%j → %s', (input, reason) => {
    expect(parsePhone(input)).toEqual({ ok: false, reason });
  });
});
