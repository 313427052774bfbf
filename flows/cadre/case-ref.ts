/**
 * Case numbers as cadres type them: "FP-2026-000123", "fp-2026-123", full-width
 * "ＦＰ－２０２６－０００１２３", "FP2026000123", "2026-123", or just "123" — this year's case 123,
 * which the server resolves against the cases the cadre can see (and asks when it is ambiguous).
 */
import { fold, restFrom } from './fold';

export type CaseRef = { kind: 'full'; caseNo: string } | { kind: 'short'; seq: number };

const AT_START = /^\s*(?:fp\s*-?\s*(\d{4})\s*-?\s*(\d{1,6})|(\d{4})\s*-\s*(\d{1,6})|(\d{1,6}))(?![\d])(?:\s*号)?/u;

export function formatCaseNo(year: number, seq: number): string {
  return `FP-${year}-${String(seq).padStart(6, '0')}`;
}

/** The text shown for a reference (in "not found" answers). */
export function showCaseRef(ref: CaseRef): string {
  return ref.kind === 'full' ? ref.caseNo : String(ref.seq);
}

/** Reads a case reference at the start of `text`; `rest` is what follows, in the cadre's own characters. */
export function takeCaseRef(text: string): { ref: CaseRef; rest: string } | null {
  const m = AT_START.exec(fold(text));
  if (!m) return null;
  // what follows must be a separate word: "123abc" is not a case number
  if (/^[a-z0-9]/.test(fold(text).slice(m[0].length))) return null;
  const year = m[1] ?? m[3];
  const seq = Number(m[2] ?? m[4] ?? m[5]);
  if (!Number.isInteger(seq) || seq < 1) return null;
  const rest = restFrom(text, m[0].length);
  if (year !== undefined) return { ref: { kind: 'full', caseNo: formatCaseNo(Number(year), seq) }, rest };
  return { ref: { kind: 'short', seq }, rest };
}

/** The whole text is a case reference. */
export function parseCaseRef(text: string): CaseRef | null {
  const r = takeCaseRef(text);
  return r && r.rest === '' ? r.ref : null;
}
