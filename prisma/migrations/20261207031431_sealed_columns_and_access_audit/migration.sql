-- DropIndex
DROP INDEX "Household_headIdNumber_key";

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'action',
ADD COLUMN     "subject" TEXT;

-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "headIdIndex" TEXT,
ADD COLUMN     "phoneIndex" TEXT;

-- AlterTable
ALTER TABLE "InboundMessage" ALTER COLUMN "replies" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "AuditEntry_caseNo_seq_idx" ON "AuditEntry"("caseNo", "seq");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_seq_idx" ON "AuditEntry"("actorId", "seq");

-- CreateIndex
CREATE INDEX "AuditEntry_kind_seq_idx" ON "AuditEntry"("kind", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Household_headIdIndex_key" ON "Household"("headIdIndex");

-- CreateIndex
CREATE INDEX "Household_phoneIndex_idx" ON "Household"("phoneIndex");

-- CreateIndex
CREATE INDEX "InboundMessage_createdAt_idx" ON "InboundMessage"("createdAt");

-- Mini-program phone logins were keyed by an unsalted sha256("contact:"+phone), which a table of all
-- mobile numbers reverses: drop those keys (the villager's next login makes a contact keyed by the
-- blind index and links it to the household by phone again), and the short-lived login codes keyed
-- the same way.
UPDATE "Contact" SET "externalId" = 'legacy:' || "id" WHERE "channel" = 'app-phone' AND "externalId" LIKE 'phone:%';
DELETE FROM "OtpCode";
