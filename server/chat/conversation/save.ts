/**
 * The write of a plain answer — a step with no effects — as one statement: the session's new
 * state, guarded by its version, and the message row with the replies that makes the message id
 * answered. One statement is atomic without BEGIN and COMMIT: both rows are written, or neither.
 * Neither when the session moved on since it was read (another message of the same contact won):
 * the caller runs the turn again. A unique violation on the message id (the same message at
 * once) fails the statement; the caller runs again and finds the stored replies.
 *
 * Raw SQL sees sealed columns as stored: state and replies are sealed here with the keyring, as
 * the sealed client would (core/crypto).
 */
import { randomUUID } from 'node:crypto';
import type { Reply, SessionState } from '../../../flows/engine/types';
import type { Keyring } from '../../core/crypto/keyring';
import { sealValue } from '../../core/crypto/sealed-client';
import { SEALED_FIELDS } from '../../core/crypto/sealed-fields';
import { preparedStatement } from '../../core/db/prepared';
import type { SqlRunner } from '../../core/db/direct';

const seal = (keyring: Keyring, model: string, field: string, value: unknown) => sealValue(keyring, model, field, SEALED_FIELDS[model]![field]!, value) as string;

// times are the wall clock's (as Prisma's @updatedAt and @default(now()) would write them), stored as UTC without a zone
const PLAIN_ANSWER_SQL = preparedStatement('plain_answer', `
WITH "saved" AS (
  UPDATE "ConversationSession"
  SET "flow" = $3, "step" = $4, "state" = to_jsonb($5::text), "version" = "version" + 1, "updatedAt" = ($6::timestamptz AT TIME ZONE 'UTC')
  WHERE "id" = $1 AND "version" = $2
  RETURNING "contactId"
)
INSERT INTO "InboundMessage" ("id", "channel", "messageId", "contactId", "kind", "replies", "createdAt")
SELECT $7, $8, $9, "contactId", $10, to_jsonb($11::text), ($6::timestamptz AT TIME ZONE 'UTC') FROM "saved"`);

/** True when written; false when the session's version moved on (run the turn again). */
export async function savePlainAnswer(
  sql: SqlRunner,
  keyring: Keyring,
  turn: { session: { id: string; version: number }; state: SessionState; channel: string; messageId: string; kind: string; replies: Reply[] },
): Promise<boolean> {
  const written = await sql.count(PLAIN_ANSWER_SQL, [
    turn.session.id,
    turn.session.version,
    turn.state.flow,
    turn.state.step,
    seal(keyring, 'ConversationSession', 'state', turn.state),
    new Date().toISOString(),
    randomUUID(),
    turn.channel,
    turn.messageId,
    turn.kind,
    seal(keyring, 'InboundMessage', 'replies', turn.replies),
  ]);
  return written === 1;
}
