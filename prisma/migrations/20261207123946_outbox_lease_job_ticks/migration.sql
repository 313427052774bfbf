-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "overdueRemindedAt" TIMESTAMP(3),
ADD COLUMN     "overdueTotalRemindedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "JobTick" (
    "name" TEXT NOT NULL,
    "tick" TIMESTAMP(3) NOT NULL,
    "runningUntil" TIMESTAMP(3),
    "ranAt" TIMESTAMP(3),

    CONSTRAINT "JobTick_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Outbox_channel_status_kind_seq_idx" ON "Outbox"("channel", "status", "kind", "seq");

-- CreateIndex
CREATE INDEX "Outbox_channel_targetId_status_seq_idx" ON "Outbox"("channel", "targetId", "status", "seq");
