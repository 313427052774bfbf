-- DropIndex
DROP INDEX "BindingCode_code_key";

-- AlterTable: only a slow hash of a binding code is kept (server/auth/binding-codes.ts). SQL
-- cannot compute it, so codes issued before are withdrawn (they last 24 hours, issue new ones).
DELETE FROM "BindingCode";
ALTER TABLE "BindingCode" DROP COLUMN "code",
ADD COLUMN     "codeHash" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Cadre" DROP COLUMN "failedLogins";

-- CreateTable
CREATE TABLE "CadreDevice" (
    "id" TEXT NOT NULL,
    "cadreId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CadreDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThrottleCounter" (
    "key" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ThrottleCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OutboxSecret" (
    "outboxId" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OutboxSecret_pkey" PRIMARY KEY ("outboxId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CadreDevice_tokenHash_key" ON "CadreDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "CadreDevice_cadreId_idx" ON "CadreDevice"("cadreId");

-- CreateIndex
CREATE INDEX "ThrottleCounter_expiresAt_idx" ON "ThrottleCounter"("expiresAt");

-- CreateIndex
CREATE INDEX "OutboxSecret_expiresAt_idx" ON "OutboxSecret"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "BindingCode_codeHash_key" ON "BindingCode"("codeHash");

-- AddForeignKey
ALTER TABLE "CadreDevice" ADD CONSTRAINT "CadreDevice_cadreId_fkey" FOREIGN KEY ("cadreId") REFERENCES "Cadre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Login codes were kept in clear in the outbox: scrub them, and one not yet said is not said any more
UPDATE "Outbox" SET "payload" = '{"text":"login code"}'::jsonb,
  "status" = CASE WHEN "status" IN ('pending', 'dead') THEN 'expired' ELSE "status" END
WHERE "kind" = 'login_code';
