import { parseIdNumber } from '../../../flows/parse';

// 2026-03-05 01:30 in Shanghai (still 03-04 in UTC).
const NOW = new Date('2026-03-04T17:30:00Z');

describe('parseIdNumber', () => {
  test.each([
    ['11010519491231002X', '11010519491231002X'], // the classic GB 11643 example
    ['11010519491231002x', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['110105 19491231 002X', '11010519491231002X'],
    ['1101-0519-4912-3100-2x', '11010519491231002X'],
    [' 身份证号：11010519491231002X。', '11010519491231002X'],
    ['440304199001011233', '440304199001011233'],
    ['430524200002297317', '430524200002297317'], // 29 Feb of a leap year
    ['622927199912311512', '622927199912311512'],
    ['320106202603010018', '320106202603010018'], // born four days before NOW
  ])('%j is valid → %j', (input, expected) => {
    expect(parseIdNumber(input, NOW)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['110105491231002', 'id_length_15'],
    ['110 105 491 231 002', 'id_length_15'],
    ['1101051949123100', 'id_length'],
    ['1101051949123100212', 'id_length'],
    ['11010519491231002A', 'id_format'],
    ['1101051949X231002X', 'id_format'], // X only as the check character
    ['不知道', 'id_format'],
    ['01010519491231002X', 'id_format'], // region code cannot start with 0
    ['11010518991231002X', 'id_format'], // born before 1900
    ['522627195802290046', 'id_format'], // 29 Feb 1958 does not exist
    ['11010519491331002X', 'id_format'], // month 13
    ['320106202603060015', 'id_format'], // born tomorrow (checksum is right)
    ['110105194912310021', 'id_checksum'],
    ['11010519491231003X', 'id_checksum'], // one digit mistyped
    ['440304199001011234', 'id_checksum'],
  ])('%j → %s', (input, reason) => {
    expect(parseIdNumber(input, NOW)).toEqual({ ok: false, reason });
  });
});
