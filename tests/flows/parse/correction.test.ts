import { selfCorrected } from '../../../flows/parse/correction';
import { withoutLeadingFillers } from '../../../flows/parse/fillers';

describe('selfCorrected: what an answer says after taking part of itself back', () => {
  test.each([
    // a name, a phone, a count, a date, an ID number, each with a different correction word
    ['我叫陈玉兰 不对 是陈玉芬', '陈玉芬'],
    ['刘德华，哦不，刘德和', '刘德和'],
    ['周建民 说错了 是周建明', '周建明'],
    ['不是赵小花是赵晓华', '赵晓华'],
    ['不是赵小花，是赵晓华', '赵晓华'],
    ['15912345678不对15912345687', '15912345687'],
    ['139 1234 5678 说错了 139 1234 5677', '139 1234 5677'],
    ['3口 不对 是4口', '4口'],
    ['家里6口人 哦不 7口', '家里7口人'], // the part said again completes what it corrects
    ['3月8号 不对 9号', '3月9号'],
    ['去年10月2号 说错了 是3号', '去年10月3号'],
    ['430524195803122011 不对 430524195803122012', '430524195803122012'],
    ['李秀 不对 李秀英 不对 李秀云', '李秀云'], // the last correction wins
    ['王小明 不对', ''], // nothing readable after it: asked again, never 王小明
  ])('%s → %s', (text, expected) => {
    expect(selfCorrected(text)).toEqual({ text: expected });
  });

  test.each([
    ['王小明'],
    ['不对，是王小明'], // a no leading the value takes nothing back
    ['没错了'],
    ['不错'],
    ['不是'],
    ['不对'],
  ])('%s takes nothing back', (text) => {
    expect(selfCorrected(text)).toBeNull();
  });
});

describe('withoutLeadingFillers: thinking words before the answer', () => {
  test.each([
    ['嗯，不是。', '不是.'],
    ['嗯 还没报呢', '还没报呢'],
    ['啊 对', '对'],
    ['那个…两万', '两万'],
    ['呃，上个月', '上个月'],
    ['嗯五个', '五个'],
    ['嗯嗯，这个，3口人', '3口人'],
    ['就是，东山村', '东山村'],
    // alone, or run into a word, it is the answer
    ['嗯', '嗯'],
    ['嗯嗯', '嗯嗯'],
    ['就我一个', '就我一个'],
    ['就业', '就业'],
    ['就是5口', '就是5口'],
    ['啊？', '啊?'],
  ])('%s → %s', (text, expected) => {
    expect(withoutLeadingFillers(text)).toBe(expected);
  });
});
