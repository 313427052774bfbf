-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "headIdTailIndex" TEXT,
ADD COLUMN     "headNameIndex" TEXT;

-- CreateIndex
CREATE INDEX "Household_headNameIndex_idx" ON "Household"("headNameIndex");

-- CreateIndex
CREATE INDEX "Household_headIdTailIndex_idx" ON "Household"("headIdTailIndex");
