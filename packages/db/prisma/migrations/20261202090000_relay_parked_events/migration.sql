-- CreateTable
CREATE TABLE "relay_parked_events" (
    "relay" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "global_position" BIGINT NOT NULL,
    "reason" TEXT NOT NULL,
    "parked_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "relay_parked_events_pkey" PRIMARY KEY ("relay","event_id")
);
