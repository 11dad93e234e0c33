-- Pruning finds expired inbox records by age, and raw bodies still referenced by a version or a poll.
CREATE INDEX "processed_events_processed_at_idx" ON "processed_events"("processed_at");
CREATE INDEX "article_revisions_raw_hash_idx" ON "article_revisions"("raw_hash");
CREATE INDEX "source_polls_raw_hash_idx" ON "source_polls"("raw_hash");
