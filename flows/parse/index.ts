/** Pure parsers for villager input. See each file for the forms accepted. */
export type { ParseFailure, ParseResult } from './types';
export { normalizeInput } from './normalize';
export { parseChineseNumber } from './chinese-number';
export { parseIdNumber } from './id-number';
export { parsePhone } from './phone';
export { parseAmount } from './amount';
export { parseInteger } from './integer';
export { parseChoice, type ChoiceOption } from './choice';
export { parseYesNo } from './yes-no';
export { parseDate } from './date';
