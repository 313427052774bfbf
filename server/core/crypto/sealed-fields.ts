/**
 * Every column that holds personal data, sealed field by field (server/core/crypto/sealed-client.ts).
 * `json`: a Json column whose whole value is sealed (stored as one JSON string). `index`: the
 * keyed blind-index column written beside it, through which equality look-ups are answered.
 * Adding a column here is all it takes to seal it; `npm run keys:rotate` and the start-up pass
 * that seals older clear rows read this same table.
 */
import type { IndexPurpose } from './keyring';

/**
 * `search`: keyed blind indexes the work queue searches by (server/core/cases/list-query.ts), or
 * that department rows are matched through (Member.idIndex), written beside the value by the same
 * writes and filled for older rows at start (search-indexes.ts); a `where` on the field never uses them.
 */
export type SealedField = { json?: true; index?: { column: string; purpose: IndexPurpose }; search?: readonly { column: string; purpose: IndexPurpose }[] };

export const SEALED_FIELDS: Record<string, Record<string, SealedField>> = {
  Household: {
    headName: { search: [{ column: 'headNameIndex', purpose: 'household-name' }] },
    headIdNumber: { index: { column: 'headIdIndex', purpose: 'household-id' }, search: [{ column: 'headIdTailIndex', purpose: 'household-id-tail' }] },
    phone: { index: { column: 'phoneIndex', purpose: 'household-phone' } },
  },
  // idIndex: the same HMAC as Household.headIdIndex for the same number — a department's row finds a
  // member's household through it (server/core/alerts/match.ts); a `search` index, so the start-up pass fills older rows
  Member: { name: {}, idNumber: { search: [{ column: 'idIndex', purpose: 'household-id' }] } },
  // the application (ID number, phone, names, illness), the home visit's findings, free texts that can name an illness
  Case: { answers: { json: true }, verification: { json: true }, assessment: { json: true }, paymentRef: {}, rejectionReason: {} },
  CaseEvent: { note: {}, data: { json: true } },
  Objection: { note: {}, resolution: {} },
  Handover: { note: {} },
  // every stored copy of what a villager typed or was told: the chat in progress, replies kept for idempotency, submissions, notices
  ConversationSession: { state: { json: true } },
  InboundMessage: { replies: { json: true } },
  // requestHash: an unkeyed SHA-256 of the whole application — ID number and phone are guessed back from it
  AppSubmission: { response: { json: true }, requestHash: {} },
  Outbox: { payload: { json: true } },
  // the plain SHA-256 of a photo would let whoever holds the photo confirm it is stored; a file's
  // name is often the patient's or the household head's ("王大妈病历.jpg")
  Document: { sha256: {}, fileName: {} },
  // a chat contact's WeChat display name (often the real name) and a mini-program filer's name
  Contact: { name: {} },
  // a department's data (server/core/alerts): the person's ID number, figures that are health details (self-paid
  // medical costs), and the alerts they raise, with a closing reason that can name an illness
  DepartmentRow: { idNumber: { index: { column: 'idIndex', purpose: 'household-id' } }, figures: { json: true } },
  Alert: { figures: { json: true }, closeReason: {} },
  // the monitoring register (server/core/register): free texts that can name an illness
  MonitoringEvent: { note: {} },
  HouseholdRisk: { note: {} },
  SupportMeasure: { note: {} },
  FollowUp: { note: {} },
  Elimination: { note: {}, reason: {} },
};

/** The associated data of a column: a value sealed for one column is refused in any other. */
export const columnContext = (model: string, field: string) => `${model}.${field}`;

/** Every blind-index column written beside a sealed value: its look-up index, then its search indexes. */
export const indexesOf = (spec: SealedField) => [...(spec.index ? [spec.index] : []), ...(spec.search ?? [])];
