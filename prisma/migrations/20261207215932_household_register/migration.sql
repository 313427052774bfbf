-- CreateEnum
CREATE TYPE "MonitoringState" AS ENUM ('none', 'monitored', 'eliminated');

-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "eliminatedOn" TIMESTAMP(3),
ADD COLUMN     "monitoredSince" TIMESTAMP(3),
ADD COLUMN     "monitoringCategory" TEXT,
ADD COLUMN     "monitoringState" "MonitoringState" NOT NULL DEFAULT 'none',
ADD COLUMN     "noLabourCapacity" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "responsibleCadreId" TEXT;

-- CreateTable
CREATE TABLE "MonitoringEvent" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "householdId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "fromState" "MonitoringState",
    "toState" "MonitoringState",
    "category" TEXT,
    "day" TEXT,
    "caseId" TEXT,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "data" JSONB,

    CONSTRAINT "MonitoringEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdRisk" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "startedOn" TIMESTAMP(3) NOT NULL,
    "solvedOn" TIMESTAMP(3),
    "note" TEXT,
    "caseId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HouseholdRisk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportMeasure" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "amountFen" INTEGER,
    "givenOn" TIMESTAMP(3) NOT NULL,
    "department" TEXT,
    "caseId" TEXT,
    "note" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MonitoringEvent_householdId_seq_idx" ON "MonitoringEvent"("householdId", "seq");

-- CreateIndex
CREATE INDEX "HouseholdRisk_householdId_startedOn_idx" ON "HouseholdRisk"("householdId", "startedOn");

-- CreateIndex
CREATE INDEX "SupportMeasure_householdId_givenOn_idx" ON "SupportMeasure"("householdId", "givenOn");

-- CreateIndex
CREATE INDEX "Household_villageId_createdAt_id_idx" ON "Household"("villageId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Household_monitoringState_monitoringCategory_idx" ON "Household"("monitoringState", "monitoringCategory");

-- CreateIndex
CREATE INDEX "Household_responsibleCadreId_idx" ON "Household"("responsibleCadreId");

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_responsibleCadreId_fkey" FOREIGN KEY ("responsibleCadreId") REFERENCES "Cadre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringEvent" ADD CONSTRAINT "MonitoringEvent_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdRisk" ADD CONSTRAINT "HouseholdRisk_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportMeasure" ADD CONSTRAINT "SupportMeasure_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;
