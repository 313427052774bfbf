-- DropForeignKey
ALTER TABLE "Alert" DROP CONSTRAINT "Alert_departmentId_fkey";

-- DropForeignKey
ALTER TABLE "Alert" DROP CONSTRAINT "Alert_ruleId_fkey";

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "foundById" TEXT,
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'department',
ALTER COLUMN "departmentId" DROP NOT NULL,
ALTER COLUMN "ruleId" DROP NOT NULL,
ALTER COLUMN "rowId" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;
