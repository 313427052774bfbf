-- AlterTable
ALTER TABLE "PublicNotice" ADD COLUMN     "withdrawnAt" TIMESTAMP(3),
ADD COLUMN     "withdrawnById" TEXT;
