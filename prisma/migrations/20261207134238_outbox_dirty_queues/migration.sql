-- CreateTable
CREATE TABLE "OutboxDirty" (
    "id" BIGSERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "lane" TEXT NOT NULL,

    CONSTRAINT "OutboxDirty_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxDirty_channel_lane_id_idx" ON "OutboxDirty"("channel", "lane", "id");


-- A writer no longer touches OutboxHead: holding a queue head row until its commit, transactions
-- that notify the same cadres or groups in another order deadlocked, and a long job (the hourly
-- deadline check) made every filing that notifies its cadres wait for it. An insert now records
-- its queues in OutboxDirty (no constraint to wait on), and the next lease of the channel settles
-- them (outbox_heads_settle, delivery.ts): by then the insert has committed, so the recompute,
-- under the head row lock, sees it. A status change still recomputes at once (short statements).
-- A recompute that ran while an insert was in flight missed it, and the insert dirtied its queue,
-- so the next settle corrects it: nothing is ever left headless.
-- Function bodies are E-strings whose semicolons are written \073 (the migration runs statement by
-- statement, split at every semicolon).
CREATE OR REPLACE FUNCTION "outbox_heads_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "OutboxDirty" (channel, "targetType", "targetId", lane)
  SELECT DISTINCT channel, "targetType", "targetId", "outbox_lane"(kind)
  FROM new_rows WHERE status = ''pending'' AND channel IS NOT NULL\073
  RETURN NULL\073
END
';

-- Settles up to `most` dirty queues of each lane of a channel, oldest first (concurrent pollers
-- take different ones: SKIP LOCKED), and returns how many entries it took.
CREATE FUNCTION "outbox_heads_settle"(ch text, most integer) RETURNS integer LANGUAGE plpgsql AS E'
DECLARE c text[]\073 t text[]\073 i text[]\073 l text[]\073 n integer\073
BEGIN
  WITH notices AS (
    SELECT x.id FROM "OutboxDirty" x WHERE x.channel = ch AND x.lane = ''notice'' ORDER BY x.id LIMIT most FOR UPDATE SKIP LOCKED
  ), publicity AS (
    SELECT x.id FROM "OutboxDirty" x WHERE x.channel = ch AND x.lane = ''publicity'' ORDER BY x.id LIMIT most FOR UPDATE SKIP LOCKED
  ), taken AS (
    DELETE FROM "OutboxDirty" d USING (SELECT id FROM notices UNION ALL SELECT id FROM publicity) s WHERE d.id = s.id
    RETURNING d.channel, d."targetType", d."targetId", d.lane
  ), queues AS (SELECT DISTINCT channel, "targetType", "targetId", lane FROM taken)
  SELECT array_agg(q.channel), array_agg(q."targetType"), array_agg(q."targetId"), array_agg(q.lane), (SELECT count(*) FROM taken)
  INTO c, t, i, l, n FROM queues q\073
  IF c IS NOT NULL THEN PERFORM "outbox_heads_recompute"(c, t, i, l)\073 END IF\073
  RETURN n\073
END
';
