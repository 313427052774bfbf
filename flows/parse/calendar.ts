/** Calendar dates as parsed from what villagers type; "today" is China's (flows/china-time.ts). */
import { shanghaiDate } from '../china-time';

export interface Ymd { y: number; m: number; d: number }

/** Today's calendar date in China for the instant `now`. */
export function shanghaiToday(now: Date): Ymd {
  const [y, m, d] = shanghaiDate(now).split('-').map(Number);
  return { y, m, d };
}

/** True when y-m-d exists on the calendar (rejects 2月30日, 13月). */
export function isRealDate({ y, m, d }: Ymd): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Date `days` days after (negative: before) the given one; also normalises month overflow. */
export function addDays({ y, m, d }: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function formatYmd({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Lexical compare works because formatYmd pads every field. */
export function isAfter(a: Ymd, b: Ymd): boolean {
  return formatYmd(a) > formatYmd(b);
}
