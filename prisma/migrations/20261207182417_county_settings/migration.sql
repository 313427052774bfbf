-- AlterTable
ALTER TABLE "Region" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "contactPhone" TEXT;

-- CreateTable
CREATE TABLE "CountySetting" (
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CountySetting_pkey" PRIMARY KEY ("countyId","name")
);

-- AddForeignKey
ALTER TABLE "CountySetting" ADD CONSTRAINT "CountySetting_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A county's settings are static data: a write bumps the same stamp as the regions' (migration
-- static_data_stamp), so every server process reads the new limits with its next request.
CREATE TRIGGER "CountySetting_cache_stamp" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CountySetting" FOR EACH STATEMENT EXECUTE FUNCTION "cache_stamp_static"();
