-- AlterTable
ALTER TABLE "Objection" ADD COLUMN     "noticeId" TEXT;

-- CreateTable
CREATE TABLE "PublicNotice" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "villageId" TEXT NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "startDay" TEXT NOT NULL,
    "endDay" TEXT NOT NULL,
    "nameMask" TEXT NOT NULL,
    "includeDecided" BOOLEAN NOT NULL DEFAULT false,
    "header" JSONB NOT NULL,
    "rows" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "broadcastId" TEXT,

    CONSTRAINT "PublicNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PublicNotice_villageId_createdAt_idx" ON "PublicNotice"("villageId", "createdAt");

-- CreateIndex
CREATE INDEX "PublicNotice_countyId_createdAt_idx" ON "PublicNotice"("countyId", "createdAt");

-- CreateIndex
CREATE INDEX "Objection_noticeId_idx" ON "Objection"("noticeId");

-- AddForeignKey
ALTER TABLE "Objection" ADD CONSTRAINT "Objection_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "PublicNotice"("id") ON DELETE SET NULL ON UPDATE CASCADE;
