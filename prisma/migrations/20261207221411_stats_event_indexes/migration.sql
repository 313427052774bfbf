-- DropIndex
DROP INDEX "CaseEvent_caseId_at_idx";

-- CreateIndex
CREATE INDEX "Case_paid_idx" ON "Case"("paidAt") WHERE ("paidAt" IS NOT NULL);

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_at_seq_toStatus_fromStatus_idx" ON "CaseEvent"("caseId", "at", "seq", "toStatus", "fromStatus");
