/**
 * From what the sentence readers understood (flows/parse) to what a question step decides:
 * a value, a value to say back for a yes (the words of each kind of approximation), or a hint —
 * figures out of place are named in it ("您说了30,000元和10,000元，这一项只填一个数").
 */
import { normalizeInput, readAmount, readHouseholdSize, type AmountApprox, type AmountOptions, type Approximate } from '../parse';
import { HALF, NOT_YET, TOPIC_WORDS, TRANSFER_SOURCES } from '../parse/amount-words';
import { stripTrailingPunctuation } from '../parse/normalize';
import { fromParse, type Checked, type StepEnv } from '../engine/flow';
import type { ConfirmAsk } from '../engine/types';
import { formatMoney } from '../i18n/format';

/** "一学期四千", "半年五千", "一天一百，一年干两百天" said back as the year they make: [exact, rough]. */
const PER_PERIOD_KEYS = {
  term: ['understand.amount.per_term', 'understand.amount.per_term_rough'],
  half: ['understand.amount.per_half', 'understand.amount.per_half_rough'],
  day: ['understand.amount.per_day', 'understand.amount.per_day_rough'],
  month: ['understand.amount.per_month', 'understand.amount.per_month_rough'],
} as const;

/** How an approximate sum is said back. */
function amountAsk(r: Approximate<number, AmountApprox>): ConfirmAsk {
  switch (r.approx) {
    case 'estimate':
      return { key: 'understand.amount.estimate', money: { amount: r.value } };
    case 'range':
      return { key: 'understand.amount.range', money: { amount: r.value, low: r.low, high: r.high } };
    case 'monthly':
      return { key: r.roughly ? 'understand.amount.monthly_rough' : 'understand.amount.monthly', money: { amount: r.value, perMonth: r.perMonth } };
    case 'picked':
      return { key: 'understand.amount.picked', money: { amount: r.value, amounts: r.figures } };
    case 'summed':
      return { key: r.roughly ? 'understand.amount.summed_rough' : 'understand.amount.summed', money: { amount: r.value, amounts: r.figures } };
    case 'perPeriod':
      return {
        key: PER_PERIOD_KEYS[r.period][r.roughly ? 1 : 0],
        params: { times: r.times },
        money: { amount: r.value, each: r.each },
      };
    case 'perUnit':
      return { key: 'understand.amount.per_unit', params: { count: r.count, unit: r.unit }, money: { amount: r.value, perUnit: r.perUnit } };
  }
}

/** A sum of money answered in words: exact, to confirm, or a hint. */
export function checkAmount(text: string, opts: AmountOptions & { of?: string; sayBack?: boolean }, env: StepEnv): Checked<number> {
  const r = readAmount(text, opts);
  const said = normalizeInput(text).replace(/[\s,.!~、]+/gu, '');
  if (opts.topic === 'income') {
    const lived = livedOn(said, r, env);
    if (lived) return lived;
  }
  if (r.ok) return opts.sayBack ? unlikely(text, r.value, opts.of === undefined ? undefined : env.answers[opts.of]) ?? r : r;
  // "还在报": nothing received yet — 0 for now, said back
  if (opts.allowZero && opts.topic === 'received' && NOT_YET.some((w) => said.includes(w))) {
    return { ok: false, value: 0, confirm: { key: 'understand.amount.not_yet', money: { amount: 0 } } };
  }
  // "报了一半": half of the sum it is part of, when that is known
  const whole = opts.of === undefined ? undefined : env.answers[opts.of];
  if (typeof whole === 'number' && HALF.some((w) => said.includes(w)) && !looksAsked(said)) {
    const half = Math.round(whole / 2);
    return { ok: false, value: half, confirm: { key: 'understand.amount.half', money: { amount: half, whole } } };
  }
  // "助学贷款8000", "借了两万": borrowed money is paid back — not money received; 0 said back for a yes
  if (opts.topic === 'received' && namesOnlyLoan(said)) return { ok: false, value: 0, confirm: { key: 'understand.amount.loan', money: { amount: 0 } } };
  if ('unplaced' in r) {
    const amounts = r.figures.map((fen) => formatMoney(env.lang, fen)).join(env.t('understand.and'));
    return { ok: false, hint: `understand.amount.${r.unplaced}`, params: { amounts }, understood: true };
  }
  if ('approx' in r) return { ok: false, value: r.value, confirm: amountAsk(r) };
  return fromParse(r);
}

const SOURCE_WORDS = Object.keys(TRANSFER_SOURCES).sort((a, b) => b.length - a.length);
const SOURCE_KEYS = {
  dibao: 'understand.amount.source.dibao',
  pension: 'understand.amount.source.pension',
  children: 'understand.amount.source.children',
  relatives: 'understand.amount.source.relatives',
  government: 'understand.amount.source.government',
} as const;

/**
 * At the income question, money lived on without earning it ("没有收入 全靠低保", "就靠低保", "靠儿女给点"):
 * it is income all the same. Without its amount it is asked for, naming it — never stored as 0; with it
 * ("儿女一年给五千", read as money received), the figure is said back as the year's income. Null otherwise.
 */
function livedOn(said: string, r: ReturnType<typeof readAmount>, env: StepEnv): Checked<number> | null {
  const word = SOURCE_WORDS.find((w) => said.includes(w));
  if (!word || looksAsked(said)) return null;
  const source = env.t(SOURCE_KEYS[TRANSFER_SOURCES[word]]);
  const nothingElse = (r.ok && r.value === 0) || (!r.ok && 'reason' in r && r.reason === 'not_a_number');
  if (nothingElse) return { ok: false, hint: 'understand.amount.lived_on', params: { source }, understood: true };
  if ('unplaced' in r && r.unplaced === 'elsewhere' && r.figures.length === 1 && r.figures[0] > 0) {
    return { ok: false, value: r.figures[0], confirm: { key: 'understand.amount.lived_on_figure', params: { source }, money: { amount: r.figures[0] } } };
  }
  return null;
}

const LOAN_WORDS = TOPIC_WORDS.loan;
const RECEIVED_WORDS = TOPIC_WORDS.received;
/** The answer speaks of a loan and of nothing received ("贷了款", "助学贷款8000", not "助学金两千，贷了八千"). */
function namesOnlyLoan(said: string): boolean {
  if (!LOAN_WORDS.some((w) => said.includes(w))) return false;
  const rest = LOAN_WORDS.reduce((t, w) => t.split(w).join(' '), said);
  return !RECEIVED_WORDS.some((w) => w.length > 1 && rest.includes(w)) && !/[给发补赔报]/u.test(rest);
}

/** Below this, a bare figure with no unit is said back: "4" for a year's income is more likely 4万 than 4元. */
const TINY_FEN = 100_00;

/**
 * An exact figure a cadre would still check before writing it down: a bare number under 100 yuan
 * ("4" — the household size sent again, or 4万 meant), or a part as large as the whole it is part
 * of ("5万" reimbursed of 5万 spent — all of it, or the total sent twice). Null when it is plausible.
 */
function unlikely(text: string, fen: number, whole: unknown): Checked<number> | null {
  const bare = /^[0-9]+$/u.test(stripTrailingPunctuation(normalizeInput(text)).replace(/\s+/gu, ''));
  if (bare && fen > 0 && fen < TINY_FEN) return { ok: false, value: fen, confirm: { key: 'understand.amount.tiny', money: { amount: fen } } };
  if (typeof whole === 'number' && fen > 0 && fen === whole) return { ok: false, value: fen, confirm: { key: 'understand.amount.whole', money: { amount: fen } } };
  return null;
}

const looksAsked = (s: string) => /[?？吗]$/u.test(s);

/** The household size: a count, people listed (to confirm), or the question's own hint. */
export function checkHouseholdSize(text: string): Checked<number> {
  const r = readHouseholdSize(text, { min: 1, max: 20 });
  if (r.ok) return r;
  if ('approx' in r) return { ok: false, value: r.value, confirm: { key: 'understand.count.counted', params: { n: r.value } } };
  // any failure gets the same hint: the range is what matters here
  return { ok: false, hint: 'apply.householdSize.invalid', ...(r.reason === 'choice_out_of_range' ? { understood: true } : {}) };
}
