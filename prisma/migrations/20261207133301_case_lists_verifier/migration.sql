-- DropIndex
DROP INDEX "Case_verifierId_status_submittedAt_caseNo_idx";

-- CreateIndex
CREATE INDEX "Case_verifierId_countyId_status_submittedAt_caseNo_idx" ON "Case"("verifierId", "countyId", "status", "submittedAt" DESC, "caseNo" DESC);
