-- CreateTable
CREATE TABLE "briefs" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "content_hash" TEXT NOT NULL,
    "file_name" TEXT,
    "imported_at" TIMESTAMPTZ(6) NOT NULL,
    "stream_position" BIGINT NOT NULL,

    CONSTRAINT "briefs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "brief_topics" (
    "brief_id" TEXT NOT NULL,
    "topic_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,
    "raw_title" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "profile" JSONB NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(6),

    CONSTRAINT "brief_topics_pkey" PRIMARY KEY ("brief_id","topic_id")
);

-- CreateTable
CREATE TABLE "brief_claims" (
    "brief_id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "topic_id" TEXT NOT NULL,
    "parent_id" TEXT,
    "section_id" TEXT,
    "label" TEXT,
    "text" TEXT NOT NULL,
    "raw_text" TEXT NOT NULL,
    "citations" INTEGER[],
    "notes" JSONB NOT NULL,
    "profile" JSONB NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "withdrawn_at" TIMESTAMPTZ(6),

    CONSTRAINT "brief_claims_pkey" PRIMARY KEY ("brief_id","claim_id")
);

-- CreateTable
CREATE TABLE "brief_citations" (
    "brief_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "topic_id" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "publisher_key" TEXT,
    "venue" TEXT,
    "venue_key" TEXT,
    "title" TEXT NOT NULL,
    "raw_title" TEXT NOT NULL,
    "date" DATE,
    "claim_ids" TEXT[],
    "cites_topic" BOOLEAN NOT NULL,
    "withdrawn_at" TIMESTAMPTZ(6),

    CONSTRAINT "brief_citations_pkey" PRIMARY KEY ("brief_id","number")
);

-- CreateIndex
CREATE INDEX "brief_claims_brief_id_topic_id_idx" ON "brief_claims"("brief_id", "topic_id");

