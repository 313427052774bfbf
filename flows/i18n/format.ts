/**
 * Numbers and dates as the villager reads them. Money is integer fen everywhere else; here it
 * becomes "32,000元" (decimals only when there are jiao/fen). Dates are shown in China time.
 */
import type { Lang } from '../engine/types';

/** 3200000 fen → "32,000"; 123450 → "1,234.50". */
export function formatYuanNumber(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${cents ? '.' + String(cents).padStart(2, '0') : ''}`;
}

/** 3200000 fen → "32,000元" / "32,000 yuan". */
export function formatMoney(lang: Lang, fen: number): string {
  return lang === 'en' ? `${formatYuanNumber(fen)} yuan` : `${formatYuanNumber(fen)}元`;
}

/** 'YYYY-MM-DD' → "2024年7月15日" / "15 July 2024". */
export function formatDate(lang: Lang, ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (lang === 'en') return `${d} ${EN_MONTHS[mo - 1]} ${y}`;
  return `${y}年${mo}月${d}日`;
}

/** 'YYYY-MM' (a month whose day is not known) → "2024年7月" / "July 2024". */
export function formatMonth(lang: Lang, ym: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) return ym;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return lang === 'en' ? `${EN_MONTHS[mo - 1]} ${y}` : `${y}年${mo}月`;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** China dates, read from the one calendar module (flows/china-time.ts). */
export { shanghaiDate, shanghaiYear } from '../china-time';
