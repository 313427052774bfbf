/** How the console shows money (fen → yuan), China dates and masked personal numbers. */
const TZ = 'Asia/Shanghai';

export function yuan(fen: number | null | undefined, lang: string): string {
  if (fen === null || fen === undefined) return '—';
  const n = (fen / 100).toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 });
  return lang === 'en' ? `¥${n}` : `${n}元`;
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
export function dayWithWeekday(iso: string, lang: string): string {
  const weekday = new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'zh-CN', { timeZone: TZ, weekday: 'short' }).format(new Date(iso));
  return lang === 'en' ? `${chinaDay(iso)} (${weekday})` : `${chinaDay(iso)}（${weekday}）`;
}

/** Working days (Monday–Friday, China dates) after today up to and including the due day; 0 when due today. */
export function workingDaysLeft(dueIso: string, now = new Date()): number {
  const due = chinaDay(dueIso);
  let day = chinaDay(now);
  let n = 0;
  while (day < due) {
    const next = new Date(`${day}T12:00:00+08:00`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = chinaDay(next);
    const weekday = next.getUTCDay();
    if (weekday !== 0 && weekday !== 6) n++;
  }
  return n;
}

/** 4301**********1234: the first 4 and last 4 digits of an ID number. */
export function maskIdNumber(id: string | null): string {
  if (!id) return '—';
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';
}

/** 138****8000 */
export function maskPhone(phone: string | null): string {
  if (!phone) return '—';
  return phone.length > 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** A case number from what a cadre typed: a full or beginning one (FP-2026-0001), or its last digits (123 → this year's FP-2026-000123). */
export function caseNoQuery(text: string, now = new Date()): string | null {
  const t = text.trim().toUpperCase();
  if (!t) return null;
  if (/^FP-\d{4}(-\d{0,6})?$/.test(t)) return t;
  if (/^\d{1,6}$/.test(t)) return `FP-${chinaDay(now).slice(0, 4)}-${t.padStart(6, '0')}`;
  return null;
}
