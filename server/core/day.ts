/** A China calendar day as the API and the settings take it: YYYY-MM-DD, and a day that exists (no 2026-02-30). */
import { z } from 'zod';

export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date');

/** The same, with the spaces around it taken off first (query parameters typed by hand). */
export const TrimmedDay = z.string().trim().pipe(Day);
