-- CreateTable
CREATE TABLE "CountyBudget" (
    "countyId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CountyBudget_pkey" PRIMARY KEY ("countyId","year")
);
