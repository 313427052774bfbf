-- DropForeignKey
ALTER TABLE "Case" DROP CONSTRAINT "Case_householdId_fkey";

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "identityCheck" TEXT,
ADD COLUMN     "identityNote" TEXT,
ALTER COLUMN "householdId" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;
