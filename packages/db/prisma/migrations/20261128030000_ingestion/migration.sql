-- AlterTable
ALTER TABLE "sources" ADD COLUMN     "articles_new" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "articles_revised" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failing" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "follows_up_brief_id" TEXT,
ADD COLUMN     "follows_up_topic_id" TEXT,
ADD COLUMN     "last_error_code" TEXT,
ADD COLUMN     "last_error_message" TEXT,
ADD COLUMN     "last_polled_at" TIMESTAMPTZ(6),
ADD COLUMN     "last_status" INTEGER,
ADD COLUMN     "next_poll_at" TIMESTAMPTZ(6),
ADD COLUMN     "publisher_key" TEXT,
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'active';

-- CreateTable
CREATE TABLE "source_schedule" (
    "source_id" UUID NOT NULL,
    "next_poll_at" TIMESTAMPTZ(6) NOT NULL,
    "interval_seconds" INTEGER NOT NULL,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(6),
    "etag" TEXT,
    "last_modified" TEXT,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "failing_since" TIMESTAMPTZ(6),

    CONSTRAINT "source_schedule_pkey" PRIMARY KEY ("source_id")
);

-- CreateTable
CREATE TABLE "article_state" (
    "article_id" UUID NOT NULL,
    "content_hash" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "source_ids" TEXT[],

    CONSTRAINT "article_state_pkey" PRIMARY KEY ("article_id")
);

-- CreateTable
CREATE TABLE "raw_responses" (
    "hash" TEXT NOT NULL,
    "body" BYTEA NOT NULL,
    "content_type" TEXT,
    "bytes" INTEGER NOT NULL,
    "fetched_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "raw_responses_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "source_polls" (
    "event_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "polled_at" TIMESTAMPTZ(6) NOT NULL,
    "status" INTEGER,
    "not_modified" BOOLEAN NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "items_seen" INTEGER NOT NULL,
    "items_new" INTEGER NOT NULL,
    "items_revised" INTEGER NOT NULL,
    "error_code" TEXT,
    "error_message" TEXT,
    "raw_hash" TEXT,
    "final_url" TEXT,
    "etag" TEXT,
    "last_modified" TEXT,
    "warnings" TEXT[],

    CONSTRAINT "source_polls_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "articles" (
    "id" UUID NOT NULL,
    "canonical_url" TEXT,
    "link" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "published" TIMESTAMPTZ(6),
    "updated" TIMESTAMPTZ(6),
    "revision" INTEGER NOT NULL,
    "content_hash" TEXT NOT NULL,
    "first_source_id" UUID NOT NULL,
    "first_seen_at" TIMESTAMPTZ(6) NOT NULL,
    "last_changed_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "articles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "article_revisions" (
    "article_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "source_id" UUID NOT NULL,
    "feed_url" TEXT NOT NULL,
    "guid" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "content" TEXT,
    "authors" TEXT[],
    "categories" TEXT[],
    "media" JSONB NOT NULL,
    "published" TIMESTAMPTZ(6),
    "updated" TIMESTAMPTZ(6),
    "content_hash" TEXT NOT NULL,
    "raw_hash" TEXT,
    "fetched_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "article_revisions_pkey" PRIMARY KEY ("article_id","revision")
);

-- CreateTable
CREATE TABLE "article_sources" (
    "article_id" UUID NOT NULL,
    "source_id" UUID NOT NULL,
    "feed_url" TEXT NOT NULL,
    "guid" TEXT NOT NULL,
    "first_seen_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "article_sources_pkey" PRIMARY KEY ("article_id","source_id")
);

-- CreateIndex
CREATE INDEX "source_schedule_next_poll_at_idx" ON "source_schedule"("next_poll_at");

-- CreateIndex
CREATE INDEX "source_polls_source_id_polled_at_idx" ON "source_polls"("source_id", "polled_at");

-- CreateIndex
CREATE INDEX "articles_published_idx" ON "articles"("published");

-- CreateIndex
CREATE INDEX "article_sources_source_id_first_seen_at_idx" ON "article_sources"("source_id", "first_seen_at");

-- CreateIndex
CREATE INDEX "sources_status_idx" ON "sources"("status");

