/**
 * Digits said one by one and written out by voice input, as villagers read a phone or an ID
 * number aloud: "一三九一二三四五六七八", "四一二七二三一九五零…", 幺 for 1 and 两 for 2, 洞 for 0,
 * mixed with Arabic digits ("4127二三19五零…"). Only a run of seven or more digit characters is
 * read, with at least one said in words: "两万五" or "一九年" stay as they are.
 */
export const SPOKEN_DIGIT: Record<string, string> = {
  零: '0', 〇: '0', 洞: '0', 幺: '1', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

const DIGIT = '[0-9零〇洞幺一二两三四五六七八九]';
/**
 * Digit characters in groups of two or more, a single space or hyphen between groups ("四一二七 二二一九 …");
 * a lone one stays by itself ("张三 4305…": the 三 is the name's).
 */
const RUN = new RegExp(`${DIGIT}{2,}(?:[ -]${DIGIT}{2,})*|${DIGIT}+`, 'gu');
const MIN_DIGITS = 7;

/** The text with each long run of spoken digits written in Arabic digits. */
export function spokenDigits(s: string): string {
  return s.replace(RUN, (run) => {
    const digits = run.replace(/[ -]/gu, '');
    if (digits.length < MIN_DIGITS || !/[零〇洞幺一二两三四五六七八九]/u.test(digits)) return run;
    return Array.from(run, (c) => SPOKEN_DIGIT[c] ?? c).join('');
  });
}
