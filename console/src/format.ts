/** How the console shows money (fen → yuan) and China dates (the server masks personal numbers). */
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
