-- CreateTable
CREATE TABLE "CacheStamp" (
    "scope" TEXT NOT NULL,
    "stamp" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CacheStamp_pkey" PRIMARY KEY ("scope")
);

-- CreateIndex
CREATE INDEX "Case_contactId_idx" ON "Case"("contactId");


-- The static data's stamp changes with every statement that writes regions, income lines or policy
-- knowledge, whoever writes (the API, the seed, a script, psql), in the writer's own transaction: a
-- server process that reads another stamp with a conversation step reloads its cache.
-- The function body is an E'' string whose semicolons are written \073: the driver adapters run a
-- migration statement by statement, split at every semicolon.
INSERT INTO "CacheStamp" ("scope", "stamp") VALUES ('static', gen_random_uuid()::text);

CREATE FUNCTION "cache_stamp_static"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "CacheStamp" ("scope", "stamp", "changedAt") VALUES (''static'', gen_random_uuid()::text, CURRENT_TIMESTAMP)
  ON CONFLICT ("scope") DO UPDATE SET "stamp" = EXCLUDED."stamp", "changedAt" = EXCLUDED."changedAt"\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Region_cache_stamp" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Region" FOR EACH STATEMENT EXECUTE FUNCTION "cache_stamp_static"();
CREATE TRIGGER "IncomeLine_cache_stamp" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IncomeLine" FOR EACH STATEMENT EXECUTE FUNCTION "cache_stamp_static"();
CREATE TRIGGER "PolicyArticle_cache_stamp" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PolicyArticle" FOR EACH STATEMENT EXECUTE FUNCTION "cache_stamp_static"();
CREATE TRIGGER "FaqEntry_cache_stamp" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FaqEntry" FOR EACH STATEMENT EXECUTE FUNCTION "cache_stamp_static"();
