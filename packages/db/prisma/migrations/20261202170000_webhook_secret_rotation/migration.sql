-- A rotated webhook secret goes on signing beside the new one until previous_valid_until.
ALTER TABLE "webhook_secrets" ADD COLUMN "previous_secret" TEXT,
ADD COLUMN "previous_valid_until" TIMESTAMPTZ(6),
ADD COLUMN "rotated_at" TIMESTAMPTZ(6);
