-- CreateEnum
CREATE TYPE "HouseholdLink" AS ENUM ('created', 'confirmed', 'claimed');

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "householdLink" "HouseholdLink",
ADD COLUMN     "householdLinkAt" TIMESTAMP(3),
ADD COLUMN     "householdLinkWhy" TEXT;

-- Existing links, conservatively: `created` for a contact that filed a case of its household,
-- `claimed` (sees the cases, acts for none but its own) for every other linked contact.
UPDATE "Contact" c SET "householdLink" = 'created', "householdLinkAt" = CURRENT_TIMESTAMP, "householdLinkWhy" = 'migrated'
WHERE c."householdId" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "Case" k WHERE k."contactId" = c."id" AND k."householdId" = c."householdId");
UPDATE "Contact" SET "householdLink" = 'claimed', "householdLinkAt" = CURRENT_TIMESTAMP, "householdLinkWhy" = 'migrated'
WHERE "householdId" IS NOT NULL AND "householdLink" IS NULL;
