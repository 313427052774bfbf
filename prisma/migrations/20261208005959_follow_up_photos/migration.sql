-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "followUpId" TEXT;

-- CreateIndex
CREATE INDEX "Document_followUpId_idx" ON "Document"("followUpId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE SET NULL ON UPDATE CASCADE;
