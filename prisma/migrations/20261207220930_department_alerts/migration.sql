-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "idIndex" TEXT;

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "tokenHash" TEXT,
    "columnMap" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentImport" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "cadreId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "matched" INTEGER NOT NULL DEFAULT 0,
    "invalid" INTEGER NOT NULL DEFAULT 0,
    "alertsRaised" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DepartmentImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentRow" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "rowKey" TEXT NOT NULL,
    "idNumber" TEXT NOT NULL,
    "idIndex" TEXT,
    "figures" JSONB NOT NULL,
    "householdId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DepartmentRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "figure" TEXT,
    "lineSpecialFen" INTEGER,
    "lineOtherFen" INTEGER,
    "cause" TEXT NOT NULL,
    "wording" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "rowId" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "wording" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "raisedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "remindedAt" TIMESTAMP(3),
    "overdueSince" TIMESTAMP(3),
    "closure" TEXT,
    "closeReason" TEXT,
    "caseId" TEXT,
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_tokenHash_key" ON "Department"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Department_countyId_code_key" ON "Department"("countyId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentImport_departmentId_digest_key" ON "DepartmentImport"("departmentId", "digest");

-- CreateIndex
CREATE INDEX "DepartmentRow_departmentId_idIndex_createdAt_idx" ON "DepartmentRow"("departmentId", "idIndex", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DepartmentRow_importId_rowKey_key" ON "DepartmentRow"("importId", "rowKey");

-- CreateIndex
CREATE INDEX "AlertRule_departmentId_idx" ON "AlertRule"("departmentId");

-- CreateIndex
CREATE INDEX "Alert_villageId_status_raisedAt_idx" ON "Alert"("villageId", "status", "raisedAt" DESC);

-- CreateIndex
CREATE INDEX "Alert_countyId_status_raisedAt_idx" ON "Alert"("countyId", "status", "raisedAt" DESC);

-- CreateIndex
CREATE INDEX "Alert_status_dueAt_idx" ON "Alert"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Alert_departmentId_status_idx" ON "Alert"("departmentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_open_household_cause_key" ON "Alert"("householdId", "cause") WHERE ("status" = 'open');

-- CreateIndex
CREATE INDEX "Member_idIndex_idx" ON "Member"("idIndex");

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_countyId_fkey" FOREIGN KEY ("countyId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentImport" ADD CONSTRAINT "DepartmentImport_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentRow" ADD CONSTRAINT "DepartmentRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "DepartmentImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentRow" ADD CONSTRAINT "DepartmentRow_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentRow" ADD CONSTRAINT "DepartmentRow_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;
