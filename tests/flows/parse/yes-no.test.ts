import { parseYesNo } from '../../../flows/parse';

describe('parseYesNo', () => {
  test.each([
    '是', '是的', '对', '对的', '好', '好的', '同意', '可以', '行', '嗯', '嗯嗯', '确认', '没问题', '要', '有',
    '1', '１', 'y', 'Y', 'yes', 'YES', 'ok', 'OK', '👍', '👍🏻',
    '是的。', '好的!', '好的呀', '对对对', '好的好的', '我同意', '那好吧', '好的谢谢', '[强]', '中',
  ])('%j → yes', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: true });
  });

  test.each([
    '不', '不是', '否', '不对', '不同意', '不行', '不要', '没有', '无', '算了', '2', 'n', 'N', 'no', 'No',
    '我不同意', '不是不是', '不要了', '没', '不用', '不同意。',
  ])('%j → no', (input) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: false });
  });

  test.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['是不是', 'yes_no_unknown'], // a question back
    ['不知道', 'yes_no_unknown'],
    ['可能吧', 'yes_no_unknown'],
    ['好不好', 'yes_no_unknown'],
    ['什么意思', 'yes_no_unknown'],
    ['3', 'yes_no_unknown'],
    ['是否', 'yes_no_unknown'],
  ])('%j → %s', (input, reason) => {
    expect(parseYesNo(input)).toEqual({ ok: false, reason });
  });
});
