-- CreateTable
CREATE TABLE "subscriptions" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "target_kind" TEXT NOT NULL,
    "brief_id" TEXT NOT NULL,
    "topic_id" TEXT,
    "claim_id" TEXT,
    "min_score" DOUBLE PRECISION NOT NULL,
    "source_ids" TEXT[],
    "channel_kind" TEXT NOT NULL,
    "channel_url" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "failing" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL,
    "stream_position" BIGINT NOT NULL,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_secrets" (
    "subscription_id" UUID NOT NULL,
    "secret" TEXT NOT NULL,

    CONSTRAINT "webhook_secrets_pkey" PRIMARY KEY ("subscription_id")
);

-- CreateTable
CREATE TABLE "alert_queue" (
    "alert_id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_queue_pkey" PRIMARY KEY ("alert_id")
);

-- CreateTable
CREATE TABLE "alert_attempts" (
    "alert_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "attempted_at" TIMESTAMPTZ(6) NOT NULL,
    "status" INTEGER,
    "latency_ms" INTEGER NOT NULL,
    "error" TEXT,

    CONSTRAINT "alert_attempts_pkey" PRIMARY KEY ("alert_id","attempt")
);

-- CreateIndex
CREATE INDEX "subscriptions_brief_id_idx" ON "subscriptions"("brief_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_queue_dedupe_key_key" ON "alert_queue"("dedupe_key");

-- CreateIndex
CREATE INDEX "alert_queue_state_next_attempt_at_idx" ON "alert_queue"("state", "next_attempt_at");

