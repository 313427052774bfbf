import { leadingYesNo, parseYesNo } from '../../../flows/parse';
import { NOTHING_ELSE } from '../../../flows/parse/yes-no-words';

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

describe('parseYesNo: phrasings villagers use (issue 10)', () => {
  // 脱贫户: the question explains it as 以前建档立卡的贫困户, and the step adds those words
  const POVERTY = { yesMarks: ['脱贫户', '贫困户', '建档立卡', '建过档', '以前是'], noMarks: ['一般户', '普通户'] };
  test.each<[string, boolean | 'ask-again', typeof POVERTY | undefined]>([
    ['是这样', true, undefined],
    ['嗯嗯', true, undefined],
    ['对的', true, undefined],
    ['没错', true, undefined],
    ['是的呀', true, undefined],
    ['可以的', true, undefined],
    ['没问题', true, undefined],
    ['愿意', true, undefined],
    ['同意查', true, undefined],
    ['对，没错', true, undefined],
    ['以前是', true, POVERTY],
    ['建档立卡过', true, POVERTY],
    ['我们是脱贫户', true, POVERTY],
    ['不是', false, undefined],
    ['不是的', false, undefined], // negation wins over the 是 inside
    ['不太对', false, undefined],
    ['不愿意', false, undefined],
    ['不愿意让查', false, undefined],
    ['不可以', false, undefined],
    ['还没有', false, undefined],
    ['不是脱贫户', false, undefined],
    ['不是脱贫户', false, POVERTY],
    ['一般户', false, POVERTY],
    ['不是，我们是一般户', false, POVERTY],
    ['我们是普通户', false, POVERTY],
    ['没有建档立卡', false, POVERTY],
    ['不是，以前是', 'ask-again', POVERTY], // both ways at once: asked again
    ['不是很清楚', 'ask-again', undefined],
    ['不知道', 'ask-again', undefined],
    ['可以吗', 'ask-again', undefined],
    ['是不是要查存款', 'ask-again', undefined],
    ['以前是', 'ask-again', undefined], // without the step's words it says nothing
    ['嗯？', 'ask-again', undefined], // asked back
    ['对?', 'ask-again', undefined],
  ])('%j → %j', (input, expected, words) => {
    const r = parseYesNo(input, words);
    if (expected === 'ask-again') expect(r).toEqual({ ok: false, reason: 'yes_no_unknown' });
    else expect(r).toEqual({ ok: true, value: expected });
  });

  test.each<[string, { answer: boolean; rest: string; clause: boolean } | null]>([
    ['不对，两万二', { answer: false, rest: '两万二', clause: true }],
    ['不对两万二', { answer: false, rest: '两万二', clause: true }], // 不对 stands apart from what follows
    ['不对是我儿子', { answer: false, rest: '是我儿子', clause: true }],
    ['不对 是市里的医院', { answer: false, rest: '是市里的医院', clause: true }], // a space parts clauses
    ['不是两万', { answer: false, rest: '两万', clause: false }], // 不是 reads into what follows: "not 20,000"
    ['不是我儿子', { answer: false, rest: '我儿子', clause: false }], // "not my son": the rest is not read as the answer
    ['对，两万', { answer: true, rest: '两万', clause: true }],
    ['对的，就按这个算', { answer: true, rest: '就按这个算', clause: true }],
    ['不是，是外孙女', { answer: false, rest: '是外孙女', clause: true }],
    ['两万二', null],
    ['不知道', null], // not a no followed by something
    ['不知道，两万吧', null],
    ['不记得哪天', null],
    ['不记得哪天了，8月份', null],
    ['不清楚', null],
    ['不太清楚，大概两万', null],
  ])('leadingYesNo(%j) → %j', (input, expected) => {
    expect(leadingYesNo(input)).toEqual(expected);
  });
});

describe('issue 10 (probe 13 kind): "nothing else" where the question asks whether that is all', () => {
  const ALL = { yes: NOTHING_ELSE };
  test.each([
    ['没有别的了', ALL, true],
    ['没其他的', ALL, true],
    ['就这些了', ALL, true],
    ['别的都没有', ALL, true],
    ['没有别的了，就这些', ALL, true],
    ['没有', ALL, false], // plain 没有 stays a no
    ['没有别的了', {}, false], // at other questions, as before
    ['没有', {}, false],
  ] as const)('%s → %s', (text, words, expected) => {
    const r = parseYesNo(text, words);
    expect(r.ok ? r.value : undefined).toBe(expected);
  });
});

describe('issue 10 (probe 13 kinds): a no followed by why, and marks negated in dialect', () => {
  const MORE = { no: ['不止'], noMarks: ['不止', '不只', '不光', '还有'] };
  test.each([
    ['不止 还有门诊的', MORE, false], // a no, then what was left out: still a no
    ['不对，还有买药的', MORE, false],
    ['对 还有门诊的没算', MORE, undefined], // a yes with something left out is no plain yes
    ['莫得建档', { yesMarks: ['建档'] }, false],
    ['冇扶贫手册', { yesMarks: ['扶贫手册'] }, false],
    ['2016年建的档', { yesMarks: ['建的档'] }, true],
  ] as const)('%s → %s', (text, words, expected) => {
    const r = parseYesNo(text, words);
    expect(r.ok ? r.value : undefined).toBe(expected);
  });
});

describe('parseYesNo: the step\'s own word closing a clause, or passed on by someone (issue 10)', () => {
  const CONSENT = { yes: ['同意', '我同意', '愿意'], no: ['不同意', '我不同意', '不愿意'] };
  test.each<[string, boolean | 'ask-again']>([
    ['凭啥要查 不同意', false],
    ['那就这样吧，同意', true],
    ['中 同意', true],
    ['俺老伴说同意', true],
    ['我爷爷看了说不同意', false],
    ['我妈说愿意', true],
    ['是啊同意', true],
    // still not an answer: a condition after the word, a question
    ['同意 但是别公开', 'ask-again'],
    ['要查啥呀', 'ask-again'],
  ])('%j → %s', (input, expected) => {
    const r = parseYesNo(input, CONSENT);
    expect(r).toEqual(expected === 'ask-again' ? { ok: false, reason: 'yes_no_unknown' } : { ok: true, value: expected });
  });
});
