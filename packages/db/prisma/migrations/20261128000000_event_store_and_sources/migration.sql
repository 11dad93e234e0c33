-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "event_streams" (
    "stream_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "version" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_streams_pkey" PRIMARY KEY ("stream_id")
);

-- CreateTable
CREATE TABLE "events" (
    "global_position" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "stream_id" TEXT NOT NULL,
    "stream_position" BIGINT NOT NULL,
    "transaction_id" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "type" TEXT NOT NULL,
    "schema_version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "metadata" JSONB NOT NULL,
    "recorded_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("global_position")
);

-- CreateTable
CREATE TABLE "relay_checkpoints" (
    "name" TEXT NOT NULL,
    "transaction_id" xid8 NOT NULL,
    "global_position" BIGINT NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "relay_checkpoints_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "processed_events" (
    "consumer_group" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("consumer_group","event_id")
);

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "feed_url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "kind" TEXT NOT NULL,
    "registered_at" TIMESTAMPTZ(6) NOT NULL,
    "stream_position" BIGINT NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "event_streams_category_idx" ON "event_streams"("category");

-- CreateIndex
CREATE UNIQUE INDEX "events_event_id_key" ON "events"("event_id");

-- CreateIndex
CREATE INDEX "events_transaction_id_global_position_idx" ON "events"("transaction_id", "global_position");

-- CreateIndex
CREATE UNIQUE INDEX "events_stream_id_stream_position_key" ON "events"("stream_id", "stream_position");

-- CreateIndex
CREATE UNIQUE INDEX "sources_feed_url_key" ON "sources"("feed_url");


-- Every stream id names a category that has a Kafka topic. An event the relay could not route
-- would stop the outbox for everyone behind it.
ALTER TABLE "events" ADD CONSTRAINT "events_stream_id_has_category"
  CHECK ("stream_id" ~ '^(brief|source|article|link|subscription)-.+');

-- The event store is append-only: published events are facts and are never edited.
-- Prisma's driver-adapter migrator splits a script on every semicolon, so the body is an
-- escaped string literal: \073 is the semicolon that ends the RAISE statement.
CREATE FUNCTION "events_are_append_only"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''events are append-only: % is not allowed'', TG_OP USING ERRCODE = ''restrict_violation''\073 END';

CREATE TRIGGER "events_append_only"
  BEFORE UPDATE OR DELETE ON "events"
  FOR EACH ROW EXECUTE FUNCTION "events_are_append_only"();
