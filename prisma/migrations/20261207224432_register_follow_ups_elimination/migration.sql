-- AlterTable
ALTER TABLE "Household" ADD COLUMN     "followUpRemindedFor" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "perCapitaIncomeFen" INTEGER NOT NULL,
    "solvedRiskIds" TEXT[],
    "note" TEXT,
    "byId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Elimination" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "townById" TEXT,
    "townAt" TIMESTAMP(3),
    "countyById" TEXT,
    "countyAt" TIMESTAMP(3),
    "note" TEXT,
    "reason" TEXT,
    "openFor" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Elimination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FollowUp_householdId_day_idx" ON "FollowUp"("householdId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "Elimination_openFor_key" ON "Elimination"("openFor");

-- CreateIndex
CREATE INDEX "Elimination_householdId_proposedAt_idx" ON "Elimination"("householdId", "proposedAt");

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Elimination" ADD CONSTRAINT "Elimination_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;
