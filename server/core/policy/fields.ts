/** The zod pieces shared by /api/policies and /api/faqs. */
import { z } from 'zod';
import { moneyFigures, unknownPlaceholders, PLACEHOLDERS } from '../../../flows/faq';
import { shanghaiMidnight } from '../../../flows/china-time';

export const Key = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes (2–64), e.g. income-line');
export const LangField = z.enum(['zh-CN', 'en'], { message: 'must be zh-CN or en' });
export const RegionCode = z.string().trim().regex(/^\d{6,15}$/, 'must be a region code (6–15 digits)');
export const Id = z.string().trim().regex(/^[a-z0-9]{10,40}$/, 'must be an id');
export const Status = z.enum(['draft', 'published'], { message: 'must be draft or published (retire with POST …/retire)' });

/** "2026-01-01" (China time, start of day) or an ISO date-time with offset. */
export const DateField = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || z.iso.datetime({ offset: true }).safeParse(s).success, 'must be YYYY-MM-DD or an ISO date-time')
  .transform((s) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? shanghaiMidnight(s) : new Date(s)))
  .refine((d) => !Number.isNaN(d.getTime()), 'not a real date');

/** Text that may hold placeholders: only known ones. */
export function template(max: number) {
  return z
    .string()
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`)
    .superRefine((s, ctx) => {
      const unknown = unknownPlaceholders(s);
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `unknown placeholder {{${unknown[0]}}}; known: ${PLACEHOLDERS.join(', ')}` });
    });
}

/** A short answer: figures of money come from configuration ({{incomeLine}}), never typed in. */
export const Answer = template(2000).superRefine((s, ctx) => {
  const figures = moneyFigures(s);
  if (figures.length > 0) ctx.addIssue({ code: 'custom', message: `"${figures[0]}": write money figures as {{incomeLine}} — they come from configuration` });
});

export const Words = (maxEach: number) => z.array(z.string().trim().min(1, 'must not be empty').max(maxEach, `each at most ${maxEach} characters`)).max(50, 'at most 50');

export const Paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
