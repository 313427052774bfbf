-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "textsToPhone" BOOLEAN NOT NULL DEFAULT false;
