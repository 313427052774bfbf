/**
 * readAmount: sums of money as villagers say them, each answer labelled
 *   understood X  — the figure, exactly (yuan here, fen in the result);
 *   confirm X     — understood only approximately: X is said back for a yes, nothing stored before;
 *   ask-again     — not read (or figures out of place): the question again, never a guess.
 */
import { readAmount, type AmountOptions } from '../../../flows/parse';

const YUAN = 100;
type Label = { understood: number } | { confirm: number; approx: string } | { askAgain: string };
const understood = (yuan: number): Label => ({ understood: yuan });
const confirm = (yuan: number, approx: string): Label => ({ confirm: yuan, approx });
const askAgain = (why: string): Label => ({ askAgain: why });

const INCOME: AmountOptions = { topic: 'income', per: 'year', allowZero: true };
const TOTAL: AmountOptions = { topic: 'cost', allowZero: false };
const REIMBURSED: AmountOptions = { topic: 'received', allowZero: true };
const AID: AmountOptions = { topic: 'received', allowZero: true };
const SCHOOL: AmountOptions = { topic: 'cost', per: 'year', allowZero: false };

const TABLE: [string, AmountOptions, Label][] = [
  // figures out of sentences
  ['报了一万', REIMBURSED, understood(10000)],
  ['民政给了2000', AID, understood(2000)],
  ['一年一万二', INCOME, understood(12000)],
  ['助学金2000', AID, understood(2000)],
  ['花了三万二', TOTAL, understood(32000)],
  ['自己掏了两万', TOTAL, askAgain('elsewhere')], // the household's part, not the total
  ['大概3万块钱吧', TOTAL, understood(30000)],
  ['医保报了一万二', REIMBURSED, understood(12000)],
  ['住院15天花了两万', TOTAL, understood(20000)],
  ['2024年花了两万八', TOTAL, understood(28000)],
  ['打工挣了三万', INCOME, understood(30000)],
  ['新农合报销了8000元', REIMBURSED, understood(8000)],
  ['一共花了2万8。', TOTAL, understood(28000)],
  ['一年学费五千', SCHOOL, understood(5000)],
  ['不是三万，是两万', TOTAL, understood(20000)],
  ['三万，不对，两万八', TOTAL, understood(28000)],
  ['做了2次手术花了5万', TOTAL, understood(50000)],
  ['3万，3万', TOTAL, understood(30000)],
  ['给医院交了4万5', TOTAL, understood(45000)],
  ['花了5块5', TOTAL, understood(5.5)],
  // nothing, in words
  ['没有收入', INCOME, understood(0)],
  ['没报销', REIMBURSED, understood(0)],
  ['还没报', REIMBURSED, understood(0)],
  ['一分没报', REIMBURSED, understood(0)],
  ['啥也没有', AID, understood(0)],
  ['没给', AID, understood(0)],
  ['一分钱都没拿到', AID, understood(0)],
  ['收入没有', INCOME, understood(0)],
  ['还没有', REIMBURSED, understood(0)],
  ['到现在还没报销', REIMBURSED, understood(0)],
  ['没有', REIMBURSED, understood(0)],
  ['零收入', INCOME, understood(0)],
  ['没花钱', TOTAL, askAgain('zero')], // zero where the question needs a positive figure
  ['没有', TOTAL, askAgain('zero')],
  ['0', TOTAL, askAgain('zero')],
  // estimates: the rounded figure said, never one invented
  ['两万多', TOTAL, confirm(20000, 'estimate')],
  ['三万来块', TOTAL, confirm(30000, 'estimate')],
  ['一万出头', TOTAL, confirm(10000, 'estimate')],
  ['3万多', TOTAL, confirm(30000, 'estimate')],
  ['大概两万多吧', TOTAL, confirm(20000, 'estimate')],
  ['花了一万二多', TOTAL, confirm(12000, 'estimate')],
  ['小两万', TOTAL, confirm(20000, 'estimate')],
  ['将近三万', TOTAL, confirm(30000, 'estimate')],
  ['十多万', TOTAL, confirm(100000, 'estimate')],
  ['五千多块钱', REIMBURSED, confirm(5000, 'estimate')],
  ['报了一万多点', REIMBURSED, confirm(10000, 'estimate')],
  ['万把块', TOTAL, confirm(10000, 'estimate')],
  ['两千几', AID, confirm(2000, 'estimate')],
  // ranges: the middle, the ends said back
  ['一万二三', TOTAL, confirm(12500, 'range')],
  ['两三万', TOTAL, confirm(25000, 'range')],
  ['三四千块', REIMBURSED, confirm(3500, 'range')],
  ['两千七八百', AID, confirm(2750, 'range')],
  ['两万到三万', TOTAL, confirm(25000, 'range')],
  ['2到3万', TOTAL, confirm(25000, 'range')],
  ['三四万', TOTAL, confirm(35000, 'range')],
  // a monthly figure for a yearly question
  ['一个月两千', INCOME, confirm(24000, 'monthly')],
  ['每月工资三千', INCOME, confirm(36000, 'monthly')],
  ['一个月两千多', INCOME, confirm(24000, 'monthly')],
  ['一个月生活费八百', SCHOOL, confirm(9600, 'monthly')],
  ['一个月两千', TOTAL, askAgain('not_a_number')], // a total is not a monthly figure
  // issue 10: a day's pay is a year's only with the days said; a term's or half a year's is worked out, said back
  ['一天一百', INCOME, askAgain('daily')], // the days worked are asked, never guessed
  ['打零工一天一百', INCOME, askAgain('daily')],
  ['一天一百', TOTAL, askAgain('not_a_number')], // no year asked: not read
  ['一天一百，一年干两百天', INCOME, confirm(20000, 'perPeriod')],
  ['打零工一天150，一个月干20天', INCOME, confirm(36000, 'perPeriod')],
  ['日薪一百五 一年干个两百天', INCOME, confirm(30000, 'perPeriod')],
  ['一天一百块，干了一百来天', INCOME, confirm(10000, 'perPeriod')],
  ['每周五百', INCOME, askAgain('not_a_number')],
  ['一学期三千', SCHOOL, confirm(6000, 'perPeriod')],
  ['学费一学期两千五', SCHOOL, confirm(5000, 'perPeriod')],
  ['四千一学期', SCHOOL, confirm(8000, 'perPeriod')],
  ['半年五千', SCHOOL, confirm(10000, 'perPeriod')],
  ['一学期三千', AID, askAgain('not_a_number')], // no year asked
  ['学费一学期两千，生活费一个月五百', SCHOOL, confirm(10000, 'summed')],
  // several figures: the one about what is asked, confirmed; else asked again
  ['总共花了三万，报了一万', REIMBURSED, confirm(10000, 'picked')],
  ['总共花了三万，报了一万', TOTAL, confirm(30000, 'picked')],
  ['没报销，自己花了三万', REIMBURSED, confirm(0, 'picked')],
  ['总共三万，报了一万', REIMBURSED, askAgain('several')],
  ['两万或者三万', TOTAL, confirm(25000, 'range')],
  ['三万，一万', TOTAL, askAgain('several')],
  ['报了一万', TOTAL, askAgain('elsewhere')], // the next question answered early
  // a difference from a figure said earlier is never the figure
  ['再加五千', TOTAL, askAgain('not_a_number')],
  ['少说了五千', TOTAL, askAgain('not_a_number')],
  ['不对，还差两千', TOTAL, askAgain('not_a_number')],
  ['多算了两千块', REIMBURSED, askAgain('not_a_number')],
  ['看病花了三万', INCOME, askAgain('elsewhere')],
  // truly unclear: refused as today
  ['很多', TOTAL, askAgain('not_a_number')],
  ['不记得', TOTAL, askAgain('not_a_number')],
  ['好几万', TOTAL, askAgain('not_a_number')],
  ['几千', TOTAL, askAgain('not_a_number')],
  ['报了一万还能申请吗', REIMBURSED, askAgain('not_a_number')], // a question, not an answer
  ['报了没有', REIMBURSED, askAgain('not_a_number')],
  ['没记住', REIMBURSED, askAgain('not_a_number')],
  ['3.5k', TOTAL, understood(3500)], // k: a thousand, as typed on phones ("20k")
  ['3万2万', TOTAL, askAgain('not_a_number')],
  ['十分困难', TOTAL, askAgain('not_a_number')],
];

describe('readAmount', () => {
  test.each(TABLE)('%j → %j', (text, opts, label) => {
    const r = readAmount(text, opts);
    if ('understood' in label) {
      expect(r).toEqual({ ok: true, value: Math.round(label.understood * YUAN) });
    } else if ('confirm' in label) {
      expect(r).toMatchObject({ ok: false, approx: label.approx, value: label.confirm * YUAN });
      expect(r).not.toHaveProperty('reason');
    } else {
      expect(r.ok).toBe(false);
      expect(r).not.toHaveProperty('approx');
      const why = 'reason' in r ? r.reason : 'unplaced' in r ? r.unplaced : 'none';
      expect(why).toBe(label.askAgain);
    }
  });

  test('what is said back keeps what was said: the ends of a range, the monthly figure, every figure', () => {
    expect(readAmount('一万二三', TOTAL)).toEqual({ ok: false, approx: 'range', value: 1_250_000, low: 1_200_000, high: 1_300_000 });
    expect(readAmount('一个月两千多', INCOME)).toEqual({ ok: false, approx: 'monthly', value: 2_400_000, perMonth: 200_000, roughly: true });
    expect(readAmount('总共花了三万，报了一万', REIMBURSED)).toEqual({ ok: false, approx: 'picked', value: 1_000_000, figures: [3_000_000, 1_000_000] });
    expect(readAmount('三万，一万', TOTAL)).toEqual({ ok: false, unplaced: 'several', figures: [3_000_000, 1_000_000] });
    expect(readAmount('一学期两千多', SCHOOL)).toEqual({ ok: false, approx: 'perPeriod', value: 400_000, each: 200_000, period: 'term', times: 2, roughly: true });
    expect(readAmount('一天一百，一年干两百天', INCOME)).toEqual({ ok: false, approx: 'perPeriod', value: 2_000_000, each: 10_000, period: 'day', times: 200, roughly: false });
    expect(readAmount('一天一百', INCOME)).toEqual({ ok: false, unplaced: 'daily', figures: [10_000] });
  });

  // issue 10 (probe 13 kind): a month's figure with how long it was earned is that many months, not twelve
  test.each([
    ['出去打工一个月五千 干了四个月', 500_000, 4, false],
    ['干了半年，一个月两千', 200_000, 6, false],
    ['一个月三千，一年也就干九个月', 300_000, 9, false],
    ['就秋收那两个月 每个月四千', 400_000, 2, false],
    ['一个月两千 干了三个多月', 200_000, 3, true],
  ])('%j → a month\'s %j for %j months', (text, each, times, roughly) => {
    expect(readAmount(text, INCOME)).toEqual({ ok: false, approx: 'perPeriod', value: each * times, each, period: 'month', times, roughly });
  });
  test('the period of the figure itself is no duration; without a duration a month is twelve of it', () => {
    expect(readAmount('打工一个月两千', INCOME)).toEqual({ ok: false, approx: 'monthly', value: 2_400_000, perMonth: 200_000, roughly: false });
    expect(readAmount('干了半年挣了一万', INCOME)).toEqual({ ok: true, value: 1_000_000 }); // the figure is for the half year itself
    expect(readAmount('一个月两千 干了三个月', { topic: 'income' })).toEqual({ ok: false, reason: 'not_a_number' }); // no yearly figure asked
  });
  test('the items of a school year are added up and said back', () => {
    expect(readAmount('学费两千五 住宿五百', SCHOOL)).toEqual({ ok: false, approx: 'summed', value: 300_000, figures: [250_000, 50_000] });
    expect(readAmount('学费3000 课本费200 伙食费1800', SCHOOL)).toEqual({ ok: false, approx: 'summed', value: 500_000, figures: [300_000, 20_000, 180_000] });
  });

  test('counts of the table by label', () => {
    const count = (k: string) => TABLE.filter(([, , l]) => k in (l as object)).length;
    expect(count('understood')).toBeGreaterThanOrEqual(15);
    expect(count('confirm')).toBeGreaterThanOrEqual(15);
    expect(count('askAgain')).toBeGreaterThanOrEqual(15);
  });
});

// issue 10 (probe 14 kinds): figures with their sources are all summed whatever their order or numeral style;
// an upper bound ("挣不了一万") is never the figure
describe('readAmount: sources summed in any order, bounds never taken as the sum', () => {
  const AIDS: AmountOptions = { topic: 'received', allowZero: true };
  test.each<[string, number[]]>([
    ['民政给了800 保险赔了3000', [80_000, 300_000]],
    ['保险赔了3000 民政给了800', [300_000, 80_000]],
    ['村里给了600保险赔了1500', [60_000, 150_000]],
    ['救助给了1000 保险赔了两千', [100_000, 200_000]],
  ])('%j → summed %j', (text, figures) => {
    expect(readAmount(text, AIDS)).toEqual({ ok: false, approx: 'summed', value: figures.reduce((a, b) => a + b, 0), figures });
  });
  test.each<[string, number]>([
    ['一年下来挣不了两万', 2_000_000],
    ['种地卖不了八千', 800_000],
    ['两万都挣不到', 2_000_000],
    ['一年收入超不了一万', 1_000_000],
    ['打工也就不到三万', 3_000_000],
  ])('%j → about how much is asked, the bound %j named', (text, bound) => {
    expect(readAmount(text, INCOME)).toEqual({ ok: false, unplaced: 'bound', figures: [bound] });
  });
  test('a figure said as such is still one ("500 元", "3 万")', () => {
    expect(readAmount('500 元', AIDS)).toEqual({ ok: true, value: 50_000 });
    expect(readAmount('3 万', TOTAL)).toEqual({ ok: true, value: 3_000_000 });
  });
});

// issue 10 (second probe): a figure said after another as more of it is added, said back with its parts;
// one that is about another sum (a loan, a reimbursement) is not; an age or a repeated "一次" is no price
describe('readAmount: more of the same sum, and what is not', () => {
  const COMPENSATION: AmountOptions = { topic: 'received', allowZero: true };
  const LOSS: AmountOptions = { topic: 'cost', allowZero: false };
  test.each<[string, AmountOptions, number[], boolean]>([
    ['看病花了四万，还有六千是借来买药的', TOTAL, [4_000_000, 600_000], false],
    ['两万五，另外还有三千', TOTAL, [2_500_000, 300_000], false],
    ['开刀一万八，加上住院费六千', TOTAL, [1_800_000, 600_000], false],
    ['在县里住院两万，后来药房又拿了两千的药', TOTAL, [2_000_000, 200_000], false],
    ['头一次一万二，另一次九千', TOTAL, [1_200_000, 900_000], false],
    ['住了两回，头一回七千，第二回一万一', TOTAL, [700_000, 1_100_000], false],
    ['住了三回院，一回八千，一回一万，一回六千', TOTAL, [800_000, 1_000_000, 600_000], false],
    ['第一回一万，第二回也是一万', TOTAL, [1_000_000, 1_000_000], false],
    ['房子塌了损失三万，另外还有猪圈两千', LOSS, [3_000_000, 200_000], false],
    ['保险赔了四千，另外还有一千', COMPENSATION, [400_000, 100_000], false],
    ['一万多，还有复查的三千', TOTAL, [1_000_000, 300_000], true],
    ['手术两万，另外吃药又花了四千多', TOTAL, [2_000_000, 400_000], true],
  ])('%j → summed %j', (text, opts, figures, roughly) => {
    expect(readAmount(text, opts)).toEqual({ ok: false, approx: 'summed', value: figures.reduce((a, b) => a + b, 0), figures, ...(roughly ? { roughly } : {}) });
  });
  test.each<[string, AmountOptions, Label]>([
    ['花了四万，其中一万是借的', TOTAL, confirm(40000, 'picked')], // part of it, not more
    ['看病花了三万，另外还借了五千', TOTAL, confirm(30000, 'picked')], // a loan, not a cost
    ['助学金三千，另外还借了两千', AID, confirm(3000, 'picked')],
    ['借了两万块钱看病', TOTAL, confirm(20000, 'estimate')], // borrowed for it: maybe not all of it
    ['药店拿了三千的药', REIMBURSED, askAgain('elsewhere')], // bought, not received
    ['老伴今年七十了，一共花了四万', TOTAL, understood(40000)],
    ['我今年68，一年挣个八千', INCOME, understood(8000)],
    ['老两口都七十多了，种地卖了五千', INCOME, understood(5000)],
    ['报了三千', TOTAL, askAgain('elsewhere')],
    ['再加三千', TOTAL, askAgain('not_a_number')], // a difference alone is never the sum
    ['一次一万', TOTAL, askAgain('not_a_number')], // a price per time without the times
    ['两头牛死了，一头八千', LOSS, confirm(16000, 'perUnit')], // a price per head with the heads
    ['住院两万，吃药五千，加起来两万五', TOTAL, understood(25000)], // the parts and the total they make
    ['住院两万，吃药五千，一共三万', TOTAL, askAgain('several')], // they do not make it: asked
    ['还有五千没报', REIMBURSED, askAgain('not_a_number')], // not received: never the figure received
  ])('%j → %j', (text, opts, label) => {
    const r = readAmount(text, opts);
    if ('understood' in label) expect(r).toEqual({ ok: true, value: label.understood * YUAN });
    else if ('confirm' in label) expect(r).toMatchObject({ ok: false, approx: label.approx, value: label.confirm * YUAN });
    else expect('reason' in r ? r.reason : 'unplaced' in r ? r.unplaced : 'none').toBe(label.askAgain);
  });
});

// issue 10 (second probe): "nothing" in northern, southwestern and Cantonese words is 0 where 0 is an answer
describe('readAmount: dialect "nothing"', () => {
  test.each([
    '没得啥子补助', '啥子都没得', '冇', '乜嘢都冇', '莫得', '冒得', '一分钱都没拿到', '一个子儿也没有', '一个铜板都没见着',
    '没给过钱', '没领到', '学校一分没给', '政府没给一分钱', '啥也没捞着', '么得钱', '一蚊都冇攞到',
    // 冇 as the engine hands it on (parse/cantonese.ts: 冇 → 没有)
    '没有得', '啥都没有得', '连个毛都没见着', '一直没给', '哪有什么补助', '屁都没赔', '一块钱都没见到',
  ])('%j → 0 received', (text) => {
    expect(readAmount(text, REIMBURSED)).toEqual({ ok: true, value: 0 });
  });
  test.each(['啥子都没得', '冇', '一个子儿都没有'])('%j → not a total cost', (text) => {
    expect(readAmount(text, TOTAL)).toEqual({ ok: false, reason: 'zero' });
  });
});
