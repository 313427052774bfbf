/** splitByTopic: one answer about two sums cut into what was received and the rest (issue 10). */
import { splitByTopic } from '../../../flows/parse';

describe('splitByTopic', () => {
  test.each<[string, { rest?: string; about: string } | null]>([
    ['总共花了五万，报了两万', { rest: '总共花了五万', about: '报了两万' }],
    ['花了5万报了2万', { rest: '花了5万', about: '报了2万' }],
    ['5万，还没报', { rest: '5万', about: '还没报' }],
    // a word after the last figure names that figure: no part of its own
    ['三万，还有五千是报销的', { rest: '三万', about: '还有五千是报销的' }],
    // a part adding to the one before it goes with that one
    ['花了五万，报了两万，还有三千', { rest: '花了五万', about: '报了两万,还有三千' }],
    ['花了三万，还有五千是借钱买的药', null],
    // medicine fetched is bought, not received
    ['医院花了两万，药店又拿了三千的药', null],
  ])('%j → %j', (text, expected) => {
    expect(splitByTopic(text, 'received')).toEqual(expected);
  });
});
