/**
 * Two neighbouring digits said together are a range, not a number: "两三万" (20,000–30,000),
 * "一万二三" (12,000–13,000), "三四千块", "两千七八百". Split into the two figures they name, each
 * then read as an ordinary numeral; "三四" alone, without a unit, is not money and not split.
 */
import { chineseDigitValue } from './chinese-number';

const UNIT = '[十拾百佰千仟万萬]';
const DIGIT = '[一二两三四五六七八九壹贰叁肆伍陆柒捌玖]';
// "两三万", "三四千块": the pair leads, a unit follows.
const LEADING = new RegExp(`^(${DIGIT})(${DIGIT})(${UNIT}.*)$`, 'u');
// "一万二三", "两千七八百", "三千五六块": a unit first, then the pair (and maybe a smaller unit).
const TRAILING = new RegExp(`^(.*${UNIT})(${DIGIT})(${DIGIT})(${UNIT}?(?:块钱|块|元)?)$`, 'u');

const neighbours = (a: string, b: string): boolean => {
  const x = chineseDigitValue(a);
  const y = chineseDigitValue(b);
  return x !== undefined && y !== undefined && y === x + 1;
};

/** The low and high figures a range names ("两三万" → ["两万", "三万"]), or null when it is not one. */
export function splitRange(token: string): [string, string] | null {
  const lead = LEADING.exec(token);
  if (lead && neighbours(lead[1], lead[2])) return [lead[1] + lead[3], lead[2] + lead[3]];
  const trail = TRAILING.exec(token);
  if (trail && neighbours(trail[2], trail[3])) return [trail[1] + trail[2] + trail[4], trail[1] + trail[3] + trail[4]];
  return null;
}
