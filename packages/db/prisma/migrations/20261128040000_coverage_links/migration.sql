-- CreateTable
CREATE TABLE "coverage_links" (
    "article_id" UUID NOT NULL,
    "brief_id" TEXT NOT NULL,
    "topic_id" TEXT NOT NULL,
    "claim_key" TEXT NOT NULL,
    "article_revision" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "evidence" JSONB NOT NULL,
    "matcher_version" TEXT NOT NULL,
    "linked_at" TIMESTAMPTZ(6) NOT NULL,
    "retracted_at" TIMESTAMPTZ(6),
    "retract_reason" TEXT,

    CONSTRAINT "coverage_links_pkey" PRIMARY KEY ("article_id","brief_id","topic_id","claim_key")
);

-- CreateIndex
CREATE INDEX "coverage_links_brief_id_claim_key_idx" ON "coverage_links"("brief_id", "claim_key");

-- CreateIndex
CREATE INDEX "coverage_links_brief_id_topic_id_idx" ON "coverage_links"("brief_id", "topic_id");

