import { en } from '../../bot/i18n/en';
import { zhCN } from '../../bot/i18n/zh-CN';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();

test('the bot strings have the same keys in Chinese and English, none empty', () => {
  expect(keys(en)).toEqual(keys(zhCN));
  const values = (o: object): unknown[] => Object.values(o).flatMap((v) => (typeof v === 'object' ? values(v) : [v]));
  for (const v of [...values(zhCN), ...values(en)]) expect(v).toEqual(expect.stringMatching(/\S/));
});
