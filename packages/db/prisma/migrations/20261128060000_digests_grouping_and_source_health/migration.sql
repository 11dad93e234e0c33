-- AlterTable
ALTER TABLE "sources" ADD COLUMN     "quiet_since" TIMESTAMPTZ(6);

-- AlterTable
ALTER TABLE "source_schedule" ADD COLUMN     "last_new_item_at" TIMESTAMPTZ(6),
ADD COLUMN     "quiet_since" TIMESTAMPTZ(6),
ADD COLUMN     "usual_gap_seconds" INTEGER;

-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "digest_every" TEXT,
ADD COLUMN     "notify_coverage" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notify_health" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "source_id" UUID,
ALTER COLUMN "brief_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "alert_queue" ADD COLUMN     "attempt_base" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dead_lettered_at" TIMESTAMPTZ(6),
ADD COLUMN     "digest_id" UUID,
ADD COLUMN     "group_of" UUID,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'coverage',
ADD COLUMN     "story_title" TEXT;

-- CreateTable
CREATE TABLE "alert_items" (
    "dedupe_key" TEXT NOT NULL,
    "alert_id" UUID NOT NULL,
    "subscription_id" UUID NOT NULL,
    "article_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_items_pkey" PRIMARY KEY ("dedupe_key")
);

-- CreateIndex
CREATE INDEX "alert_items_alert_id_idx" ON "alert_items"("alert_id");

-- CreateIndex
CREATE INDEX "alert_items_subscription_id_article_id_idx" ON "alert_items"("subscription_id", "article_id");

-- CreateIndex
CREATE INDEX "subscriptions_source_id_idx" ON "subscriptions"("source_id");

-- CreateIndex
CREATE INDEX "alert_queue_subscription_id_created_at_idx" ON "alert_queue"("subscription_id", "created_at");

