/**
 * A county's alert rules for a department, as the county office writes them (checked here against
 * the department's fields), and whether a row raises an alert (pure). The lines of a threshold are
 * the county's: one for 监测对象 and 脱贫户, another for the other residents (one county: 5,000 and
 * 20,000 yuan of self-paid inpatient costs in the year).
 */
import { z } from 'zod';
import { ALERT_CAUSES, DEPARTMENT_FIELDS, RULE_KINDS, WORDINGS, type DepartmentCode, type RuleKind } from './departments';
import type { Figures } from './rows';

const Fen = z.number().int('must be whole fen').min(0).max(10_000_000_000);

export const RuleInput = z.strictObject({
  kind: z.enum(RULE_KINDS),
  figure: z.string().trim().min(1).max(40).optional(),
  lineSpecialFen: Fen.optional(),
  lineOtherFen: Fen.optional(),
  cause: z.enum(ALERT_CAUSES),
  wording: z.enum(WORDINGS),
  active: z.boolean().default(true),
});
export type RuleInput = z.infer<typeof RuleInput>;

/** The rule's figure must be the department's, of the kind the rule reads; a threshold needs a line. */
export function ruleProblem(code: DepartmentCode, rule: RuleInput): { path: string; message: string } | null {
  const fields = DEPARTMENT_FIELDS[code];
  const need: Partial<Record<RuleKind, 'money' | 'flag'>> = { threshold: 'money', lost: 'flag' };
  const kind = need[rule.kind];
  if (!kind) return rule.figure ? { path: 'figure', message: `a ${rule.kind} rule reads no figure` } : null;
  if (!rule.figure) return { path: 'figure', message: `a ${rule.kind} rule names the figure it reads` };
  if (fields[rule.figure] !== kind) {
    const fit = Object.entries(fields).filter(([, k]) => k === kind).map(([n]) => n);
    return { path: 'figure', message: `must be a ${kind} figure of ${code}${fit.length ? ` (${fit.join(', ')})` : ': it has none'}` };
  }
  if (rule.kind === 'threshold' && rule.lineSpecialFen === undefined && rule.lineOtherFen === undefined) return { path: 'lineOtherFen', message: 'a threshold needs at least one line' };
  return null;
}

export type Rule = { id: string; kind: string; figure: string | null; lineSpecialFen: number | null; lineOtherFen: number | null; cause: string; wording: string };

/**
 * Whether a row raises the rule's alert. `special`: the household is a 监测对象 or a 脱贫户 (its
 * line is lineSpecialFen). `previous`: the person's previous row from the department, if any.
 */
export function raises(rule: Rule, figures: Figures, special: boolean, previous: Figures | undefined): boolean {
  if (rule.kind === 'listed') return true;
  if (rule.kind === 'threshold') {
    const line = special ? rule.lineSpecialFen : rule.lineOtherFen;
    const value = rule.figure ? figures[rule.figure] : undefined;
    return line !== null && typeof value === 'number' && value >= line;
  }
  if (rule.kind === 'lost') return !!rule.figure && previous?.[rule.figure] === true && figures[rule.figure] === false;
  return false;
}
