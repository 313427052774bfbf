/** The part of lunar-javascript (CommonJS, no types of its own) that flows/parse/lunar.ts uses. */
declare module 'lunar-javascript' {
  export interface SolarDay {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
  }
  export interface LunarDay {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    getSolar(): SolarDay;
  }
  export const Lunar: {
    /** Throws when the month has no such day (a 29-day month's 三十). A negative month is the leap one. */
    fromYmd(year: number, month: number, day: number): LunarDay;
  };
  export const Solar: {
    fromYmd(year: number, month: number, day: number): SolarDay & { getLunar(): LunarDay };
  };
  export const LunarMonth: {
    fromYm(year: number, month: number): { getDayCount(): number } | null;
  };
}
