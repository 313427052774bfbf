/**
 * Everything a conversation step needs to begin, in one statement: the contact, its household's
 * village, its session, whether this message id was already answered (and with what), whether
 * the contact is a bound cadre, the pending FAQ offer, and the stamp of the cached static data
 * (core/cache/static-data.ts). Each join follows a unique key, so the statement reads at most one
 * row of each table whatever their size.
 *
 * Raw SQL sees sealed columns as stored: the contact's name, the session's state and the stored
 * replies are opened here with the keyring, as the sealed client would (core/crypto).
 */
import type { FaqOfferState } from '../../../flows';
import type { Reply, SessionState } from '../../../flows/engine/types';
import { STATIC_STAMP_SQL } from '../../core/cache/static-data';
import { preparedStatement } from '../../core/db/prepared';
import type { SqlRunner } from '../../core/db/direct';
import { openValue } from '../../core/crypto/sealed-client';
import { SEALED_FIELDS } from '../../core/crypto/sealed-fields';
import type { Keyring } from '../../core/crypto/keyring';

/** The contact as a step uses it (its filing, binding and household link). */
export type TurnContact = { id: string; channel: string; name: string; lang: string; householdId: string | null; householdLink: string | null };

export type TurnStart = {
  /** null: the contact writes for the first time. */
  contact: TurnContact | null;
  householdVillageId: string | null;
  session: { id: string; version: number; state: SessionState } | null;
  /** Set when this message id was answered before: the replies then given (null once purged). */
  seen: { replies: Reply[] | null } | null;
  /** Bound to an active cadre account: the cadre's chat, not the villager's. */
  isCadre: boolean;
  offer: FaqOfferState | null;
  staticStamp: string | null;
};

type Row = {
  id: string | null;
  name: string | null;
  lang: string | null;
  householdId: string | null;
  householdLink: string | null;
  householdVillageId: string | null;
  sessionId: string | null;
  sessionVersion: number | null;
  sessionState: unknown;
  seen: boolean;
  seenReplies: unknown;
  isCadre: boolean;
  offer: unknown;
  staticStamp: string | null;
};

const TURN_START_SQL = preparedStatement('turn_start', `
SELECT c."id", c."name", c."lang", c."householdId", c."householdLink"::text AS "householdLink",
       h."villageId" AS "householdVillageId",
       s."id" AS "sessionId", s."version" AS "sessionVersion", s."state" AS "sessionState",
       (m."id" IS NOT NULL) AS "seen", m."replies" AS "seenReplies",
       COALESCE(k."active", false) AS "isCadre",
       o."offer" AS "offer",
       ${STATIC_STAMP_SQL} AS "staticStamp"
FROM (SELECT 1) AS "one"
LEFT JOIN "Contact" c ON c."channel" = $1 AND c."externalId" = $2
LEFT JOIN "Household" h ON h."id" = c."householdId"
LEFT JOIN "ConversationSession" s ON s."contactId" = c."id"
LEFT JOIN "Cadre" k ON k."contactId" = c."id"
LEFT JOIN "FaqOffer" o ON o."contactId" = c."id"
LEFT JOIN "InboundMessage" m ON m."channel" = $1 AND m."messageId" = $3`);

const open = (keyring: Keyring, model: string, field: string, stored: unknown) => openValue(keyring, model, field, SEALED_FIELDS[model]![field]!, stored);

export async function loadTurnStart(sql: SqlRunner, keyring: Keyring, channel: string, externalId: string, messageId: string): Promise<TurnStart> {
  const [row] = await sql.rows<Row>(TURN_START_SQL, [channel, externalId, messageId]);
  if (!row) throw new Error('the turn statement returned no row');
  const contact: TurnContact | null =
    row.id === null
      ? null
      : { id: row.id, channel, name: open(keyring, 'Contact', 'name', row.name) as string, lang: row.lang!, householdId: row.householdId, householdLink: row.householdLink };
  return {
    contact,
    householdVillageId: row.householdVillageId,
    session: row.sessionId === null ? null : { id: row.sessionId, version: Number(row.sessionVersion), state: open(keyring, 'ConversationSession', 'state', row.sessionState) as SessionState },
    seen: row.seen ? { replies: (open(keyring, 'InboundMessage', 'replies', row.seenReplies) as Reply[] | null) ?? null } : null,
    isCadre: row.isCadre,
    offer: (row.offer as FaqOfferState | null) ?? null,
    staticStamp: row.staticStamp,
  };
}
