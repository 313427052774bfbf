/** Pure parsers for villager input. See each file for the forms accepted. */
export type { Approx, Approximate, ParseFailure, ParseResult, Reading, Unplaced } from './types';
export { normalizeInput } from './normalize';
export { parseChineseNumber } from './chinese-number';
export { parseIdNumber } from './id-number';
export { parsePhone } from './phone';
export { parseAmount } from './amount';
export { readAmount, hasFigureWords, type AmountApprox, type AmountOptions, type AmountReading, type AmountTopic } from './amount-read';
export { parseInteger } from './integer';
export { readHouseholdSize } from './household';
export { parseChoice, type ChoiceOption } from './choice';
export { parseYesNo, leadingYesNo, type YesNoWords } from './yes-no';
export { parseDate, readDate, type DateReading, type MonthPart } from './date';
export { readName, type NameReading } from './name';
export { readWho, type WhoReading } from './who';
export { stageLabels, SCHOOL_STAGES, type SchoolStage } from './grades';
export { looksLikeQuestion } from './question';
