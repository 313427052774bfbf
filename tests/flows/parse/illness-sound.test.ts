/**
 * An illness typed by its sound (voice input): the known illness reading the same is put in its
 * place, to be said back for a yes; a known name as written, or no such sound, gives null.
 */
import { illnessBySound } from '../../../flows/parse/illness-sound';

describe('illnessBySound', () => {
  test.each<[string, string | null]>([
    ['胃艾', '胃癌'],
    ['尿毒证', '尿毒症'],
    ['高血鸭', '高血压'],
    ['脑更死', '脑梗死'],
    ['心机梗塞', '心肌梗塞'],
    ['肝艾晚期', '肝癌晚期'],
    // nothing to correct
    ['胃癌', null],
    ['腿摔断了', null],
    ['王秀英', null],
    ['中西医结合', null], // 结合 reads like 结核: never corrected by sound
  ])('%j → %j', (input, expected) => {
    expect(illnessBySound(input)).toBe(expected);
  });
});
