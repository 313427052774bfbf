/**
 * What a cadre typed in the work queue's search box, as a list filter: a case number (FP-2026-000123,
 * its beginning, or only its last digits: this year's), the last 4 characters of an ID number
 * (4 digits, or 3 digits and X), or else an applicant's name (exact, after normalising). Names and
 * ID numbers are sealed at rest, so both go through the keyed blind indexes of Household
 * (server/core/crypto/sealed-fields.ts `search`); the list keeps the caller's region besides.
 */
import { shanghaiYear } from '../../../flows/china-time';
import type { Keyring } from '../crypto/keyring';
import { CASE_NO_PREFIX, type CaseListFilter } from './list-query';

export type QueueSearch = Pick<CaseListFilter, 'caseNoPrefix' | 'applicant'>;

/** A name: letters of any script, with spaces or middle dots between (阿卜杜·热合曼). */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}\s·•・.]*$/u;
const ID_TAIL = /^\d{3}[\dX]$/;

/** The filter for `text` (already trimmed), or null when it is none of a case number, an ID tail or a name. */
export function queueSearch(text: string, keyring: Keyring, now: Date): QueueSearch | null {
  const t = text.normalize('NFKC').trim().toUpperCase();
  const year = shanghaiYear(now);
  const thisYears = (digits: string) => `FP-${year}-${digits.padStart(6, '0')}`;
  if (CASE_NO_PREFIX.test(t)) return { caseNoPrefix: t };
  if (ID_TAIL.test(t)) {
    // 4 digits can be an ID tail or the end of a case number: both are looked for
    return { applicant: { by: 'headIdTailIndex', index: keyring.blindIndex('household-id-tail', t), ...(/^\d{4}$/.test(t) ? { orCaseNo: thisYears(t) } : {}) } };
  }
  if (/^\d{1,6}$/.test(t)) return { caseNoPrefix: thisYears(t) };
  if (NAME.test(t)) return { applicant: { by: 'headNameIndex', index: keyring.blindIndex('household-name', text) } };
  return null;
}

/**
 * What kind of search it was, never the text: what an audit row may keep of it (a name or an ID
 * tail typed into the box is personal data, and the log is read by more people than the cases).
 */
export function searchKindOf(search: QueueSearch): 'caseNo' | 'idTail' | 'name' {
  if (search.applicant?.by === 'headIdTailIndex') return 'idTail';
  if (search.applicant?.by === 'headNameIndex') return 'name';
  return 'caseNo';
}
