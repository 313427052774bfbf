/** readHouseholdSize: how many live in the household, as villagers say it (understood / confirm / ask-again). */
import { readHouseholdSize } from '../../../flows/parse';

type Label = { understood: number } | { confirm: number } | 'ask-again';

const TABLE: [string, Label][] = [
  ['4', { understood: 4 }],
  ['俺家4口人', { understood: 4 }],
  ['一家五口', { understood: 5 }],
  ['五口人', { understood: 5 }],
  ['老两口', { understood: 2 }],
  ['就我一个', { understood: 1 }],
  ['我一个人', { understood: 1 }],
  ['我和老伴', { understood: 2 }],
  ['三个人', { understood: 3 }],
  ['家里六口', { understood: 6 }],
  ['家里就老两口', { understood: 2 }],
  ['我们老两口', { understood: 2 }],
  ['一家三口', { understood: 3 }],
  ['户口本上一共7口人', { understood: 7 }],
  ['就我自己', { understood: 1 }],
  ['夫妻俩', { understood: 2 }],
  ['我家一共五口人，两个孩子在外上学', { understood: 5 }],
  ['全家四口人。', { understood: 4 }],
  // people listed rather than counted: counted, and said back
  ['我、老伴和儿子', { confirm: 3 }],
  ['我和老伴，两个孙子', { confirm: 4 }],
  ['我跟老伴还有儿子儿媳', 'ask-again'], // "儿子儿媳" run together: not a list we can count
  ['我和老伴还有一个孙女', { confirm: 3 }],
  // not read
  ['三四口', 'ask-again'],
  ['很多', 'ask-again'],
  ['不知道', 'ask-again'],
  ['0', 'ask-again'],
  ['21', 'ask-again'],
  ['家里人不少', 'ask-again'],
  ['我们一家', 'ask-again'],
  ['五口人，不对，六口人', 'ask-again'],
  ['孩子们都在外面', 'ask-again'],
];

describe('readHouseholdSize', () => {
  test.each(TABLE)('%j → %j', (text, label) => {
    const r = readHouseholdSize(text);
    if (label === 'ask-again') {
      expect(r.ok).toBe(false);
      expect(r).not.toHaveProperty('approx');
    } else if ('understood' in label) expect(r).toEqual({ ok: true, value: label.understood });
    else expect(r).toEqual({ ok: false, approx: 'counted', value: label.confirm });
  });

  test('at least 15 answers understood and the rest labelled', () => {
    expect(TABLE.filter(([, l]) => typeof l === 'object' && 'understood' in l).length).toBeGreaterThanOrEqual(15);
  });
});
