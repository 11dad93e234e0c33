import type { PrismaClient } from '@briefwatch/db';
import type { SourceActivity } from './source-activity.js';

/** A source this ingestor instance has leased for one poll. */
export interface LeasedSource {
  sourceId: string;
  feedUrl: string;
  intervalSeconds: number;
  etag: string | null;
  lastModified: string | null;
  consecutiveFailures: number;
  failingSince: Date | null;
  activity: SourceActivity;
}

/**
 * Leases up to `limit` active sources whose poll is due, for `leaseSeconds`. Rows are taken
 * with FOR UPDATE SKIP LOCKED and an expired-lease check, so several ingestor instances
 * never poll the same source at once; a crashed instance's lease simply runs out.
 */
export async function leaseDueSources(prisma: PrismaClient, owner: string, limit: number, leaseSeconds: number, initialIntervalSeconds: number): Promise<LeasedSource[]> {
  // Sources registered since the last tick get a schedule, due at once.
  await prisma.$executeRaw`
    INSERT INTO source_schedule (source_id, next_poll_at, interval_seconds)
    SELECT id, now(), ${initialIntervalSeconds} FROM sources WHERE status = 'active'
    ON CONFLICT (source_id) DO NOTHING`;
  const rows = await prisma.$queryRaw<Array<{
    source_id: string;
    feed_url: string;
    interval_seconds: number;
    etag: string | null;
    last_modified: string | null;
    consecutive_failures: number;
    failing_since: Date | null;
    last_new_item_at: Date | null;
    usual_gap_seconds: number | null;
    quiet_since: Date | null;
  }>>`
    UPDATE source_schedule AS schedule
    SET lease_owner = ${owner}, lease_expires_at = now() + make_interval(secs => ${leaseSeconds})
    FROM sources
    WHERE sources.id = schedule.source_id
      AND schedule.source_id IN (
        SELECT due.source_id FROM source_schedule AS due
        JOIN sources AS active ON active.id = due.source_id AND active.status = 'active'
        WHERE due.next_poll_at <= now() AND (due.lease_expires_at IS NULL OR due.lease_expires_at < now())
        ORDER BY due.next_poll_at
        LIMIT ${limit}
        FOR UPDATE OF due SKIP LOCKED)
    RETURNING schedule.source_id::text, sources.feed_url, schedule.interval_seconds, schedule.etag, schedule.last_modified,
              schedule.consecutive_failures, schedule.failing_since, schedule.last_new_item_at, schedule.usual_gap_seconds, schedule.quiet_since`;
  return rows.map((row) => ({
    sourceId: row.source_id,
    feedUrl: row.feed_url,
    intervalSeconds: row.interval_seconds,
    etag: row.etag,
    lastModified: row.last_modified,
    consecutiveFailures: row.consecutive_failures,
    failingSince: row.failing_since,
    activity: { lastNewItemAt: row.last_new_item_at, usualGapSeconds: row.usual_gap_seconds, quietSince: row.quiet_since },
  }));
}

/** Gives leases back on shutdown, so another instance can poll at once. */
export async function releaseLeases(prisma: PrismaClient, owner: string): Promise<void> {
  await prisma.$executeRaw`UPDATE source_schedule SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ${owner}`;
}
