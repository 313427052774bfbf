-- DropIndex
DROP INDEX "Case_status_idx";

-- AlterTable
ALTER TABLE "Cadre" ADD COLUMN     "contactId" TEXT,
ADD COLUMN     "failedLogins" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lang" TEXT NOT NULL DEFAULT 'zh-CN',
ADD COLUMN     "lockedUntil" TIMESTAMP(3),
ADD COLUMN     "passwordHash" TEXT,
ADD COLUMN     "username" TEXT,
ALTER COLUMN "tokenHash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "approvedAmountFen" INTEGER,
ADD COLUMN     "assessment" JSONB,
ADD COLUMN     "dueAt" TIMESTAMP(3),
ADD COLUMN     "greenChannel" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "householdCategory" TEXT,
ADD COLUMN     "measures" JSONB,
ADD COLUMN     "missingItems" JSONB,
ADD COLUMN     "overdueSince" TIMESTAMP(3),
ADD COLUMN     "paidAt" TIMESTAMP(3),
ADD COLUMN     "paymentRef" TEXT,
ADD COLUMN     "publicityEnd" TIMESTAMP(3),
ADD COLUMN     "publicityStart" TIMESTAMP(3),
ADD COLUMN     "rejectionReason" TEXT,
ADD COLUMN     "returnedFrom" TEXT,
ADD COLUMN     "statusSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "verification" JSONB,
ADD COLUMN     "verifierId" TEXT;

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "seq" SERIAL NOT NULL;

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "caseId" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "seq" SERIAL NOT NULL;

-- CreateTable
CREATE TABLE "CadreSession" (
    "id" TEXT NOT NULL,
    "cadreId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CadreSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BindingCode" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "cadreId" TEXT,
    "regionId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BindingCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoomBinding" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "regionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoomBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Objection" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "recordedById" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolution" TEXT,

    CONSTRAINT "Objection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "caseNo" TEXT,
    "allowed" BOOLEAN NOT NULL,
    "reason" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CadreSession_tokenHash_key" ON "CadreSession"("tokenHash");

-- CreateIndex
CREATE INDEX "CadreSession_cadreId_idx" ON "CadreSession"("cadreId");

-- CreateIndex
CREATE UNIQUE INDEX "BindingCode_code_key" ON "BindingCode"("code");

-- CreateIndex
CREATE INDEX "RoomBinding_regionId_idx" ON "RoomBinding"("regionId");

-- CreateIndex
CREATE UNIQUE INDEX "RoomBinding_channel_roomId_key" ON "RoomBinding"("channel", "roomId");

-- CreateIndex
CREATE INDEX "Objection_caseId_idx" ON "Objection"("caseId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE UNIQUE INDEX "Cadre_username_key" ON "Cadre"("username");

-- CreateIndex
CREATE UNIQUE INDEX "Cadre_contactId_key" ON "Cadre"("contactId");

-- CreateIndex
CREATE INDEX "Case_status_dueAt_idx" ON "Case"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Outbox_channel_status_nextAttemptAt_idx" ON "Outbox"("channel", "status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_verifierId_fkey" FOREIGN KEY ("verifierId") REFERENCES "Cadre"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cadre" ADD CONSTRAINT "Cadre_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CadreSession" ADD CONSTRAINT "CadreSession_cadreId_fkey" FOREIGN KEY ("cadreId") REFERENCES "Cadre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BindingCode" ADD CONSTRAINT "BindingCode_cadreId_fkey" FOREIGN KEY ("cadreId") REFERENCES "Cadre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BindingCode" ADD CONSTRAINT "BindingCode_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomBinding" ADD CONSTRAINT "RoomBinding_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
