/**
 * A refusal of the server (a move, a bulk move's case) in the console's plain words (i18n
 * `refusal.*`): which guard refused, the field that was wrong, or the kind of refusal.
 */
import type { TFunction } from 'i18next';
import type { Refused } from './types';

const BY_CODE = ['no_role', 'not_allowed_from_status', 'not_found', 'csrf', 'forbidden'];

export function refusalWords(t: TFunction, r: Refused, label: (field: string) => string): string {
  if (r.code === 'guard' && r.reason) return t(`refusal.guard_${r.reason}`);
  if (r.code === 'invalid_data' && r.field === 'data.identityConfirmed') return t('refusal.identity_pending');
  const field = r.field?.replace(/^data\./, '');
  if (field) return t('refusal.invalid_field', { field: label(field) });
  if (BY_CODE.includes(r.code)) return t(`refusal.${r.code}`);
  return t('refusal.other', { message: r.message });
}
