/**
 * The write of an answer as one statement — a step with no effects, or whose only effects are
 * papers for the application in progress (a photo: `attach_document`): the session's new state,
 * the documents, and the message row with the replies that makes the message id answered. One
 * statement is atomic without BEGIN and COMMIT: all rows are written, or none.
 *
 * The session is either updated, guarded by the version read (none written when another message
 * of the same contact won: the caller runs the turn again), or — a contact's first message — made
 * with the contact itself (a unique violation on the contact when its second message raced the
 * first). A unique violation on the message id (the same message at once) fails the statement
 * too; the caller runs again and finds the contact, or the stored replies.
 *
 * Raw SQL sees sealed columns as stored: state, replies, the contact's name and the documents'
 * sealed columns are sealed with the keyring, as the sealed client would (core/crypto); the
 * documents' part of the statement is core/documents/attach.ts's, the one writer of documents.
 */
import type { Effect, Reply, SessionState } from '../../../flows/engine/types';
import type { Keyring } from '../../core/crypto/keyring';
import { sealValue } from '../../core/crypto/sealed-client';
import { SEALED_FIELDS } from '../../core/crypto/sealed-fields';
import { documentsInserted, documentsInsertedParams } from '../../core/documents/attach';
import { preparedStatement } from '../../core/db/prepared';
import { rowId } from '../../core/db/row-id';
import type { SqlRunner } from '../../core/db/direct';

const seal = (keyring: Keyring, model: string, field: string, value: unknown) => sealValue(keyring, model, field, SEALED_FIELDS[model]![field]!, value) as string | null;

// Parameters every variant shares: $1 the session id, $3–$5 flow, step and sealed state, $6 the
// time, $7–$11 the message row. $2: the version read ("saved" updates), or the new contact's id.
// The time is the turn's (the runtime's clock, server/core/clock.ts: what a purge or an upload's
// expiry compares with), stored as UTC without a zone.
const NOW = `($6::timestamptz AT TIME ZONE 'UTC')`;

const SESSION_UPDATED = `
"saved" AS (
  UPDATE "ConversationSession"
  SET "flow" = $3, "step" = $4, "state" = to_jsonb($5::text), "version" = "version" + 1, "updatedAt" = ${NOW}
  WHERE "id" = $1 AND "version" = $2
  RETURNING "contactId"
)`;

// $12 the contact's external id, $13 its sealed name, $14 its language
const CONTACT_MADE = `
"contact" AS (
  INSERT INTO "Contact" ("id", "channel", "externalId", "name", "lang", "createdAt", "updatedAt", "publicityOptOut")
  VALUES ($2, $8, $12, $13, $14, ${NOW}, ${NOW}, false)
  RETURNING "id"
),
"saved" AS (
  INSERT INTO "ConversationSession" ("id", "contactId", "flow", "step", "state", "version", "updatedAt")
  SELECT $1, "id", $3, $4, to_jsonb($5::text), 0, ${NOW} FROM "contact"
  RETURNING "contactId"
)`;

const MESSAGE_ROW = `
INSERT INTO "InboundMessage" ("id", "channel", "messageId", "contactId", "kind", "replies", "createdAt")
SELECT $7, $8, $9, "contactId", $10, to_jsonb($11::text), ${NOW} FROM "saved"`;

const STATEMENTS = {
  update: { plain: preparedStatement('plain_answer', `WITH ${SESSION_UPDATED}${MESSAGE_ROW}`), documents: preparedStatement('answer_with_documents', `WITH ${SESSION_UPDATED},${documentsInserted(12, NOW)}${MESSAGE_ROW}`) },
  first: { plain: preparedStatement('first_answer', `WITH ${CONTACT_MADE}${MESSAGE_ROW}`), documents: preparedStatement('first_answer_with_documents', `WITH ${CONTACT_MADE},${documentsInserted(15, NOW)}${MESSAGE_ROW}`) },
};

type AttachDocument = Extract<Effect, { type: 'attach_document' }>;

/**
 * Whether a step's effects can be written by saveAnswer: none, or only papers of the
 * application in progress (what effects.ts's attach_document does, without a transaction).
 */
export function writtenWithAnswer(effects: Effect[]): effects is AttachDocument[] {
  return effects.every((e) => e.type === 'attach_document');
}

/** The session to write: the one read (updated if still at `version`), or a first message's, made with its contact. */
export type SessionWrite = { session: { id: string; version: number } } | { newContact: { id: string; externalId: string; name: string; lang: string } };

/** True when written; false when the session's version moved on (run the turn again). */
export async function saveAnswer(
  sql: SqlRunner,
  keyring: Keyring,
  turn: SessionWrite & { state: SessionState; channel: string; messageId: string; kind: string; replies: Reply[]; documents: AttachDocument[]; now: Date },
): Promise<boolean> {
  const values: unknown[] = [
    'session' in turn ? turn.session.id : rowId(),
    'session' in turn ? turn.session.version : turn.newContact.id,
    turn.state.flow,
    turn.state.step,
    seal(keyring, 'ConversationSession', 'state', turn.state),
    turn.now.toISOString(),
    rowId(),
    turn.channel,
    turn.messageId,
    turn.kind,
    seal(keyring, 'InboundMessage', 'replies', turn.replies),
  ];
  if ('newContact' in turn) values.push(turn.newContact.externalId, seal(keyring, 'Contact', 'name', turn.newContact.name), turn.newContact.lang);
  const statements = 'session' in turn ? STATEMENTS.update : STATEMENTS.first;
  // nothing stored (e.g. a voice message): nothing to keep, as effects.ts
  const stored = turn.documents.filter((d) => d.upload.storageKey);
  if (stored.length === 0) return (await sql.count(statements.plain, values)) === 1;
  values.push(...documentsInsertedParams(keyring, stored.map((d) => ({ ...d.upload, kind: d.kind }))));
  return (await sql.count(statements.documents, values)) === 1;
}
