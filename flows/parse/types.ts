/**
 * Every villager-input parser returns a ParseResult: a value, or a machine-readable
 * reason that the flow turns into a specific, polite re-ask (never a silent guess).
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: ParseFailure };

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
