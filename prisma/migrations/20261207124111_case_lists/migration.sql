-- DropIndex
DROP INDEX "Case_villageId_status_idx";

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "countyId" TEXT,
ADD COLUMN     "townId" TEXT;

-- CreateTable
CREATE TABLE "CaseTally" (
    "villageId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "CaseTally_pkey" PRIMARY KEY ("villageId","status")
);

-- The cases already filed: their town and county, and the tally (before the indexes and triggers).
UPDATE "Case" AS c SET "townId" = t."id", "countyId" = k."id"
FROM "Region" AS v
LEFT JOIN "Region" AS t ON t."id" = v."parentId" AND t."level" = 'town'
LEFT JOIN "Region" AS k ON k."id" = COALESCE(t."parentId", v."parentId") AND k."level" = 'county'
WHERE v."id" = c."villageId";

INSERT INTO "CaseTally" ("villageId", "status", "n") SELECT "villageId", "status", count(*)::int FROM "Case" GROUP BY 1, 2;

-- CreateIndex
CREATE INDEX "Case_submittedAt_caseNo_idx" ON "Case"("submittedAt" DESC, "caseNo" DESC);

-- CreateIndex
CREATE INDEX "Case_status_submittedAt_caseNo_idx" ON "Case"("status", "submittedAt" DESC, "caseNo" DESC);

-- CreateIndex
CREATE INDEX "Case_villageId_submittedAt_caseNo_idx" ON "Case"("villageId", "submittedAt" DESC, "caseNo" DESC);

-- CreateIndex
CREATE INDEX "Case_villageId_status_submittedAt_caseNo_idx" ON "Case"("villageId", "status", "submittedAt" DESC, "caseNo" DESC);

-- CreateIndex
CREATE INDEX "Case_townId_submittedAt_caseNo_idx" ON "Case"("townId", "submittedAt" DESC, "caseNo" DESC);

-- CreateIndex
CREATE INDEX "Case_townId_status_submittedAt_caseNo_idx" ON "Case"("townId", "status", "submittedAt" DESC, "caseNo" DESC);

-- CreateIndex
CREATE INDEX "Case_dueAt_submittedAt_caseNo_idx" ON "Case"("dueAt", "submittedAt", "caseNo");

-- CreateIndex
CREATE INDEX "Case_villageId_dueAt_submittedAt_caseNo_idx" ON "Case"("villageId", "dueAt", "submittedAt", "caseNo");

-- CreateIndex
CREATE INDEX "Case_townId_dueAt_submittedAt_caseNo_idx" ON "Case"("townId", "dueAt", "submittedAt", "caseNo");

-- CreateIndex
CREATE INDEX "Case_overdue_idx" ON "Case"("overdueSince") WHERE ("overdueSince" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Case_verifierId_status_submittedAt_caseNo_idx" ON "Case"("verifierId", "status", "submittedAt" DESC, "caseNo" DESC);

-- The function bodies are E'' strings whose semicolons are written \073: the driver adapters run a
-- migration statement by statement, split at every semicolon.
-- The town and county of a case follow its village, whoever writes it (filing, a seed, a bulk import):
-- a work queue of a town or a county is then one index range (server/core/cases/list.ts).
CREATE FUNCTION "case_region_columns"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  SELECT t."id", k."id" INTO NEW."townId", NEW."countyId"
  FROM "Region" AS v
  LEFT JOIN "Region" AS t ON t."id" = v."parentId" AND t."level" = ''town''
  LEFT JOIN "Region" AS k ON k."id" = COALESCE(t."parentId", v."parentId") AND k."level" = ''county''
  WHERE v."id" = NEW."villageId"\073
  RETURN NEW\073
END
';

CREATE TRIGGER "Case_region_columns" BEFORE INSERT OR UPDATE OF "villageId" ON "Case" FOR EACH ROW EXECUTE FUNCTION "case_region_columns"();

-- A village or town moved to another parent (towns merged, 撤并乡镇): the columns of its cases follow.
CREATE FUNCTION "region_moved"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Case" SET "villageId" = "villageId" WHERE "villageId" = NEW."id" OR "townId" = NEW."id"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Region_moved" AFTER UPDATE OF "parentId" ON "Region" FOR EACH ROW WHEN (OLD."parentId" IS DISTINCT FROM NEW."parentId") EXECUTE FUNCTION "region_moved"();

-- The tally per village and status, in the transaction of the writer, once per statement (a set-based
-- insert of a million cases updates it with one grouped statement). Rows are upserted in key order,
-- so two transactions never wait for each other on tally rows taken in opposite orders.
CREATE FUNCTION "case_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CaseTally" ("villageId", "status", "n")
  SELECT "villageId", "status", count(*)::int FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("villageId", "status") DO UPDATE SET "n" = "CaseTally"."n" + EXCLUDED."n"\073
  RETURN NULL\073
END
';

CREATE FUNCTION "case_tally_update"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CaseTally" ("villageId", "status", "n")
  SELECT "villageId", "status", sum(d)::int
  FROM (SELECT "villageId", "status", -1 AS d FROM old_rows UNION ALL SELECT "villageId", "status", 1 FROM new_rows) AS moved
  GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
  ON CONFLICT ("villageId", "status") DO UPDATE SET "n" = "CaseTally"."n" + EXCLUDED."n"\073
  RETURN NULL\073
END
';

CREATE FUNCTION "case_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CaseTally" ("villageId", "status", "n")
  SELECT "villageId", "status", -count(*)::int FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("villageId", "status") DO UPDATE SET "n" = "CaseTally"."n" + EXCLUDED."n"\073
  RETURN NULL\073
END
';

CREATE FUNCTION "case_tally_truncate"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "CaseTally"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Case_tally_insert" AFTER INSERT ON "Case" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_tally_insert"();
CREATE TRIGGER "Case_tally_update" AFTER UPDATE ON "Case" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_tally_update"();
CREATE TRIGGER "Case_tally_delete" AFTER DELETE ON "Case" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "case_tally_delete"();
CREATE TRIGGER "Case_tally_truncate" AFTER TRUNCATE ON "Case" FOR EACH STATEMENT EXECUTE FUNCTION "case_tally_truncate"();
