-- CreateTable
CREATE TABLE "DataSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataSetting_pkey" PRIMARY KEY ("key")
);
