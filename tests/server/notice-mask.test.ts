/** How a household head's name is masked on a 公示 list (server/core/notices/mask.ts), rule by rule. */
import { DEFAULT_NAME_MASK, maskName, type NameMask } from '../../server/core/notices/mask';

const TABLE: [name: string, middle: string, given: string][] = [
  ['张秀兰', '张*兰', '张**'],
  ['张三', '张*', '张*'],
  ['王', '*', '*'],
  ['李小小龙', '李**龙', '李***'],
  ['欧阳小明', '欧阳*明', '欧阳**'],
  ['欧阳明', '欧阳*', '欧阳*'],
  // two characters that look like a compound surname are a surname and a given name
  ['欧阳', '欧*', '欧*'],
  ['诸葛孔明', '诸葛*明', '诸葛**'],
  ['  张 秀兰 ', '张*兰', '张**'],
  ['阿依古丽·买买提', '阿******提', '阿*******'],
  ['Zhang Xiulan', 'Zhang X*****', 'Zhang ******'],
  ['Wang', 'W***', 'W***'],
  ['', '*', '*'],
];

test.each(TABLE)('%s → middle %s, given %s, none as is', (name, middle, given) => {
  expect(maskName(name, 'middle')).toBe(middle);
  expect(maskName(name, 'given')).toBe(given);
  expect(maskName(name, 'none')).toBe(name.trim().replace(/\s+/g, ' '));
});

test.each(TABLE.filter(([name]) => [...name.trim()].length > 1))('%s: a masked name never shows the whole given name', (name) => {
  for (const mask of ['middle', 'given'] as NameMask[]) expect(maskName(name, mask)).not.toBe(name.trim());
});

test('the default masks the middle', () => {
  expect(DEFAULT_NAME_MASK).toBe('middle');
});
