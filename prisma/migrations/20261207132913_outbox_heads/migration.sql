-- CreateTable
CREATE TABLE "OutboxHead" (
    "channel" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "lane" TEXT NOT NULL,
    "headSeq" INTEGER,
    "kind" TEXT,

    CONSTRAINT "OutboxHead_pkey" PRIMARY KEY ("channel","targetType","targetId","lane")
);

-- CreateIndex
CREATE INDEX "OutboxHead_channel_kind_headSeq_idx" ON "OutboxHead"("channel", "kind", "headSeq");

-- CreateIndex
CREATE INDEX "Outbox_seq_idx" ON "Outbox"("seq");


-- OutboxHead holds each target’s oldest pending message per lane (schema.prisma), kept here by
-- triggers in the writer’s own transaction, whoever writes "Outbox" (enqueue, a broadcast’s
-- INSERT … SELECT, ack, fail, cancel, an opt-out, an expiry, SQL by hand). Concurrent writers of one
-- target meet on its OutboxHead row: an insert upserts it (ON CONFLICT waits for, then reads, the
-- latest version): a status change first locks it, then recomputes the head in a later statement,
-- whose fresh snapshot sees what the writers it waited for committed. Function bodies are E''
-- strings whose semicolons are written \073: migrations run statement by statement, split at every
-- semicolon.

-- The lanes of server/core/outbox/delivery.ts: publicity (broadcasts) never holds back a notice.
CREATE FUNCTION "outbox_lane"(kind text) RETURNS text LANGUAGE sql IMMUTABLE AS E'
  SELECT CASE WHEN kind = ''broadcast'' THEN ''publicity'' ELSE ''notice'' END
';

-- The heads of these (distinct) queues, from what is pending now.
CREATE FUNCTION "outbox_heads_recompute"(channels text[], types text[], targets text[], lanes text[]) RETURNS void LANGUAGE plpgsql AS E'
BEGIN
  PERFORM 1 FROM "OutboxHead" h JOIN unnest(channels, types, targets, lanes) AS k(c, t, i, l)
    ON h.channel = k.c AND h."targetType" = k.t AND h."targetId" = k.i AND h.lane = k.l
    ORDER BY h.channel, h."targetType", h."targetId", h.lane FOR UPDATE OF h\073
  UPDATE "OutboxHead" h SET "headSeq" = m.seq, kind = m.kind
  FROM unnest(channels, types, targets, lanes) AS k(c, t, i, l)
  LEFT JOIN LATERAL (
    SELECT o.seq, o.kind FROM "Outbox" o
    WHERE o.channel = k.c AND o."targetId" = k.i AND o.status = ''pending'' AND o."targetType" = k.t AND "outbox_lane"(o.kind) = k.l
    ORDER BY o.seq LIMIT 1) m ON true
  WHERE h.channel = k.c AND h."targetType" = k.t AND h."targetId" = k.i AND h.lane = k.l
    AND (h."headSeq", h.kind) IS DISTINCT FROM (m.seq, m.kind)\073
  INSERT INTO "OutboxHead" AS h (channel, "targetType", "targetId", lane, "headSeq", kind)
  SELECT k.c, k.t, k.i, k.l, m.seq, m.kind
  FROM unnest(channels, types, targets, lanes) AS k(c, t, i, l)
  JOIN LATERAL (
    SELECT o.seq, o.kind FROM "Outbox" o
    WHERE o.channel = k.c AND o."targetId" = k.i AND o.status = ''pending'' AND o."targetType" = k.t AND "outbox_lane"(o.kind) = k.l
    ORDER BY o.seq LIMIT 1) m ON true
  WHERE NOT EXISTS (SELECT 1 FROM "OutboxHead" x WHERE x.channel = k.c AND x."targetType" = k.t AND x."targetId" = k.i AND x.lane = k.l)
  ORDER BY k.c, k.t, k.i, k.l
  ON CONFLICT (channel, "targetType", "targetId", lane) DO UPDATE SET "headSeq" = EXCLUDED."headSeq", kind = EXCLUDED.kind
  WHERE h."headSeq" IS NULL OR EXCLUDED."headSeq" < h."headSeq"\073
END
';

-- New messages: each queue’s oldest new pending message becomes its head unless an older one is.
CREATE FUNCTION "outbox_heads_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "OutboxHead" AS h (channel, "targetType", "targetId", lane, "headSeq", kind)
  SELECT DISTINCT ON (channel, "targetType", "targetId", "outbox_lane"(kind)) channel, "targetType", "targetId", "outbox_lane"(kind), seq, kind
  FROM new_rows WHERE status = ''pending'' AND channel IS NOT NULL
  ORDER BY channel, "targetType", "targetId", "outbox_lane"(kind), seq
  ON CONFLICT (channel, "targetType", "targetId", lane) DO UPDATE SET "headSeq" = EXCLUDED."headSeq", kind = EXCLUDED.kind
  WHERE h."headSeq" IS NULL OR EXCLUDED."headSeq" < h."headSeq"\073
  RETURN NULL\073
END
';

-- Messages that stopped (or started) being pending, or moved: their queues get their heads again.
-- A lease (only "leaseUntil" changes) finds no such row and costs one join of what it leased.
CREATE FUNCTION "outbox_heads_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE c text[]\073 t text[]\073 i text[]\073 l text[]\073
BEGIN
  SELECT array_agg(k.channel), array_agg(k."targetType"), array_agg(k."targetId"), array_agg(k.lane) INTO c, t, i, l
  FROM (
    SELECT DISTINCT x.channel, x."targetType", x."targetId", "outbox_lane"(x.kind) AS lane
    FROM old_rows b JOIN new_rows a ON a.id = b.id
    CROSS JOIN LATERAL (VALUES (b.channel, b."targetType", b."targetId", b.kind), (a.channel, a."targetType", a."targetId", a.kind)) AS x(channel, "targetType", "targetId", kind)
    WHERE ((a.status = ''pending'') IS DISTINCT FROM (b.status = ''pending'')
        OR (a.channel, a."targetType", a."targetId", "outbox_lane"(a.kind)) IS DISTINCT FROM (b.channel, b."targetType", b."targetId", "outbox_lane"(b.kind)))
      AND x.channel IS NOT NULL
  ) k\073
  IF c IS NOT NULL THEN PERFORM "outbox_heads_recompute"(c, t, i, l)\073 END IF\073
  RETURN NULL\073
END
';

CREATE FUNCTION "outbox_heads_deleted"() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE c text[]\073 t text[]\073 i text[]\073 l text[]\073
BEGIN
  SELECT array_agg(k.channel), array_agg(k."targetType"), array_agg(k."targetId"), array_agg(k.lane) INTO c, t, i, l
  FROM (SELECT DISTINCT channel, "targetType", "targetId", "outbox_lane"(kind) AS lane FROM old_rows WHERE status = ''pending'' AND channel IS NOT NULL) k\073
  IF c IS NOT NULL THEN PERFORM "outbox_heads_recompute"(c, t, i, l)\073 END IF\073
  RETURN NULL\073
END
';

CREATE FUNCTION "outbox_heads_truncated"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "OutboxHead"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Outbox_heads_inserted" AFTER INSERT ON "Outbox" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "outbox_heads_inserted"();
CREATE TRIGGER "Outbox_heads_updated" AFTER UPDATE ON "Outbox" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "outbox_heads_updated"();
CREATE TRIGGER "Outbox_heads_deleted" AFTER DELETE ON "Outbox" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "outbox_heads_deleted"();
CREATE TRIGGER "Outbox_heads_truncated" AFTER TRUNCATE ON "Outbox" FOR EACH STATEMENT EXECUTE FUNCTION "outbox_heads_truncated"();

-- The heads of what is pending now.
INSERT INTO "OutboxHead" (channel, "targetType", "targetId", lane, "headSeq", kind)
SELECT DISTINCT ON (channel, "targetType", "targetId", "outbox_lane"(kind)) channel, "targetType", "targetId", "outbox_lane"(kind), seq, kind
FROM "Outbox" WHERE status = 'pending' AND channel IS NOT NULL
ORDER BY channel, "targetType", "targetId", "outbox_lane"(kind), seq;
