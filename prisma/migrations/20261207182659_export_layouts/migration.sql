-- CreateTable
CREATE TABLE "ExportLayout" (
    "id" TEXT NOT NULL,
    "countyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'cases',
    "columns" JSONB NOT NULL,
    "copiedFrom" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExportLayout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExportLayout_countyId_name_idx" ON "ExportLayout"("countyId", "name");
