-- CreateTable
CREATE TABLE "PolicyArticle" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tags" TEXT[],
    "regionId" TEXT,
    "effectiveFrom" TIMESTAMP(3),
    "effectiveTo" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'published',
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyArticle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqEntry" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "synonyms" TEXT[],
    "keywords" TEXT[],
    "answer" TEXT NOT NULL,
    "articleId" TEXT,
    "regionId" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'published',
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FaqEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FaqOffer" (
    "contactId" TEXT NOT NULL,
    "offer" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FaqOffer_pkey" PRIMARY KEY ("contactId")
);

-- CreateIndex
CREATE INDEX "PolicyArticle_status_lang_idx" ON "PolicyArticle"("status", "lang");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyArticle_key_lang_key" ON "PolicyArticle"("key", "lang");

-- CreateIndex
CREATE INDEX "FaqEntry_status_lang_idx" ON "FaqEntry"("status", "lang");

-- CreateIndex
CREATE UNIQUE INDEX "FaqEntry_key_lang_key" ON "FaqEntry"("key", "lang");

-- AddForeignKey
ALTER TABLE "PolicyArticle" ADD CONSTRAINT "PolicyArticle_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FaqEntry" ADD CONSTRAINT "FaqEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "PolicyArticle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FaqEntry" ADD CONSTRAINT "FaqEntry_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FaqOffer" ADD CONSTRAINT "FaqOffer_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;
