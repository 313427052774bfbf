/**
 * A workflow refusal (flows/workflow/moves.ts RefusalCode) as an HTTP error. A case
 * outside the caller's jurisdiction answers like a missing one: its existence is not disclosed.
 */
import type { Refusal } from '../../flows/workflow';
import { HttpError } from './errors';

const STATUS: Record<Refusal['code'], number> = {
  not_found: 404,
  outside_jurisdiction: 404,
  no_role: 403,
  not_own_case: 403,
  not_allowed_from_status: 409,
  invalid_data: 400,
  guard: 409,
};

export function refusalError(refusal: Refusal): HttpError {
  if (refusal.code === 'outside_jurisdiction' || (refusal.code === 'not_found' && !refusal.field)) return new HttpError(404, 'not_found', 'case not found');
  // which guard refused, for clients that say why in words (the console)
  return new HttpError(STATUS[refusal.code], refusal.code, refusal.message, refusal.field, refusal.reason ? { reason: refusal.reason } : undefined);
}
