/**
 * Every villager-input parser returns a ParseResult: a value, or a machine-readable
 * reason that the flow turns into a specific, polite re-ask (never a silent guess).
 *
 * A reader that takes values out of sentences may also understand a value only approximately
 * ("两万多", "一万二三", "一个月两千" for a yearly figure): it says so with a distinct variant,
 * `Approximate`, declared in its return type (`ParseResult<number, 'estimate' | 'range'>`). That
 * variant is `ok: false` and carries no `reason`: a caller cannot store it by testing `ok`, and
 * cannot turn it into a hint without handling it — the type checker sends every caller here.
 * Parsers that never approximate return `ParseResult<T>`, where the variant cannot occur.
 */
export type ParseResult<T, A extends Approx = never> =
  | { ok: true; value: T }
  | { ok: false; reason: ParseFailure }
  | Approximate<T, A>;

/** Reasons a parser can give. Flows map each to an i18n hint key `parse.<reason>`. */
export type ParseFailure =
  | 'empty'
  | 'not_a_number'
  | 'negative'
  | 'too_large'
  | 'zero' // an amount of 0 (or 没有/无) where the flow needs a positive one
  | 'id_length_15' // old 15-digit ID card: ask for the 18-digit one
  | 'id_length' // wrong length (not 15, not 18)
  | 'id_format' // wrong characters / bad birth date / bad region
  | 'id_checksum' // GB 11643 check digit does not match: probably a typo
  | 'phone_format'
  | 'phone_landline' // looks like a landline: ask for a mobile
  | 'choice_unknown'
  | 'choice_out_of_range'
  | 'yes_no_unknown'
  | 'date_format'
  | 'date_future'
  | 'date_invalid';

/**
 * Why a value was understood only approximately — said back for a yes before anything is stored:
 *   estimate  "两万多", "三万来块", "一万出头": the rounded figure said (20,000), never one invented
 *   range     "一万二三", "两三万": the middle (12,500), the ends said back
 *   monthly   "一个月两千" where a yearly figure is asked: twelve times it (24,000)
 *   picked    several figures, only one of them about what is asked ("总共三万，报了一万" → 10,000)
 *   summed    several figures, each a part of what is asked ("种地一万，打工两万" → 30,000)
 *   counted   a household listed rather than counted ("我、老伴和儿子" → 3)
 *   perUnit   a price per head or per mu with the count ("2头牛死了，一头一万" → 20,000)
 *   perPeriod a figure for a term, half a year or a day where a yearly figure is asked ("一学期四千" → 8,000;
 *             "一天一百，一年干两百天" → 20,000; "一个月三千，干了半年" → 18,000): worked out to the year, never stored unsaid
 */
export type Approx = 'estimate' | 'range' | 'monthly' | 'picked' | 'summed' | 'counted' | 'perUnit' | 'perPeriod';

/** What each kind of approximation keeps of what was said, for saying it back. */
interface ApproxDetail<T> {
  estimate: object;
  range: { low: T; high: T };
  monthly: { perMonth: T; /** the monthly figure was itself an estimate or a range */ roughly: boolean };
  picked: { /** every figure said, in order, the one taken among them */ figures: T[] };
  summed: { /** the parts said, in order */ figures: T[]; /** some part was an estimate ("三千多") */ roughly?: boolean };
  counted: object;
  perUnit: { perUnit: T; count: number; unit: string };
  perPeriod: { /** the figure as said, for one period */ each: T; period: 'term' | 'half' | 'day' | 'month'; /** periods in the year (days said) */ times: number; roughly: boolean };
}

/** A value understood only approximately: `value` is what would be stored after the villager's yes. */
export type Approximate<T, A extends Approx = Approx> = A extends Approx
  ? { ok: false; approx: A; value: T } & ApproxDetail<T>[A]
  : never;

/**
 * Figures that do not answer the question as asked: several different ones where one is asked
 * ('several'), or one that is about something else ('elsewhere': "报了一万" where the total is asked).
 * Never one picked silently: the villager is asked again, with the figures named.
 */
export interface Unplaced<T> {
  ok: false;
  /**
   * 'waived': a figure, and beside it a sum let off without its amount ("助学金两千 学费免了").
   * 'daily': a day's pay where a year's sum is asked, without how many days ("一天一百"): the days are asked.
   * 'bound': only a bound ("挣不了一万", "不到一万"): about how much is asked, the bound named.
   */
  unplaced: 'several' | 'elsewhere' | 'waived' | 'daily' | 'bound';
  figures: T[];
}

/** What a sentence reader understood: exactly, approximately (to confirm), figures out of place, or nothing. */
export type Reading<T, A extends Approx> = ParseResult<T, A> | Unplaced<T>;
