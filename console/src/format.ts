/** How the console shows money (fen → yuan) and China dates (the server masks personal numbers). */
import i18next from './i18n';
import { CHINA_TIME_ZONE, shanghaiMidnight } from '../../flows/china-time';

const TZ = CHINA_TIME_ZONE;

export function yuan(fen: number | null | undefined, lang: string): string {
  if (fen === null || fen === undefined) return '—';
  const n = (fen / 100).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 });
  return i18next.t('fmt.yuan', { n, lng: lang });
}

/** YYYY-MM-DD of an instant in China. */
export function chinaDay(iso: string | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function chinaDateTime(iso: string): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return `${chinaDay(d)} ${time}`;
}

/** A date with its weekday: "2026-07-23（周四）" / "2026-07-23 (Thu)". */
export function dayWithWeekday(iso: string | Date, lang: string): string {
  const weekday = new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'zh-CN', { timeZone: TZ, weekday: 'short' }).format(new Date(iso));
  return i18next.t('fmt.dayWithWeekday', { day: chinaDay(iso), weekday, lng: lang });
}

/** A China date ('YYYY-MM-DD', as the API sends a day) with its weekday. */
export function dateWithWeekday(day: string, lang: string): string {
  return dayWithWeekday(shanghaiMidnight(day), lang);
}
