import type { PrismaClient } from '@briefwatch/db';

/** Days each kind of growing data is kept; 0 keeps it for ever. */
export interface RetentionPolicy {
  inboxDays: number;
  rawResponseDays: number;
  quietPollDays: number;
}

/** One kind of data that expires: how to count what has expired, and how to delete a batch of it. */
interface ExpiringData {
  name: 'inbox' | 'rawResponses' | 'quietPolls';
  days: (policy: RetentionPolicy) => number;
  count(prisma: PrismaClient, before: Date): Promise<number>;
  deleteBatch(prisma: PrismaClient, before: Date, limit: number): Promise<number>;
}

export type ExpiredCounts = Record<ExpiringData['name'], number>;

const counted = (rows: Array<{ n: bigint }>) => Number(rows[0]?.n ?? 0);

/**
 * What briefwatch keeps only for a while. Everything else (the event store, articles and every
 * revision, links, alerts and their attempts) is kept for ever.
 */
const EXPIRING: readonly ExpiringData[] = [
  {
    // The inbox only has to outlive redelivery: once Kafka no longer holds an event, nothing
    // can deliver it twice.
    name: 'inbox',
    days: (policy) => policy.inboxDays,
    count: async (prisma, before) => counted(await prisma.$queryRaw`SELECT count(*) AS n FROM processed_events WHERE processed_at < ${before}`),
    deleteBatch: (prisma, before, limit) =>
      prisma.$executeRaw`
        DELETE FROM processed_events WHERE (consumer_group, event_id) IN (
          SELECT consumer_group, event_id FROM processed_events WHERE processed_at < ${before} LIMIT ${limit})`,
  },
  {
    // A raw feed body is provenance while an article version was read from it or a recent
    // poll fetched it; the bodies of old polls that brought nothing new go.
    name: 'rawResponses',
    days: (policy) => policy.rawResponseDays,
    count: async (prisma, before) =>
      counted(
        await prisma.$queryRaw`
          SELECT count(*) AS n FROM raw_responses r
          WHERE r.fetched_at < ${before}
            AND NOT EXISTS (SELECT 1 FROM article_revisions a WHERE a.raw_hash = r.hash)
            AND NOT EXISTS (SELECT 1 FROM source_polls p WHERE p.raw_hash = r.hash AND p.polled_at >= ${before})`,
      ),
    deleteBatch: (prisma, before, limit) =>
      prisma.$executeRaw`
        DELETE FROM raw_responses WHERE hash IN (
          SELECT r.hash FROM raw_responses r
          WHERE r.fetched_at < ${before}
            AND NOT EXISTS (SELECT 1 FROM article_revisions a WHERE a.raw_hash = r.hash)
            AND NOT EXISTS (SELECT 1 FROM source_polls p WHERE p.raw_hash = r.hash AND p.polled_at >= ${before})
          LIMIT ${limit})`,
  },
  {
    // A poll that answered and brought nothing new or revised leaves the timeline after a
    // while; a poll that brought something, or failed, stays.
    name: 'quietPolls',
    days: (policy) => policy.quietPollDays,
    count: async (prisma, before) =>
      counted(await prisma.$queryRaw`SELECT count(*) AS n FROM source_polls WHERE polled_at < ${before} AND items_new = 0 AND items_revised = 0 AND error_code IS NULL`),
    deleteBatch: (prisma, before, limit) =>
      prisma.$executeRaw`
        DELETE FROM source_polls WHERE event_id IN (
          SELECT event_id FROM source_polls WHERE polled_at < ${before} AND items_new = 0 AND items_revised = 0 AND error_code IS NULL LIMIT ${limit})`,
  },
];

const DAY_MS = 86_400_000;

function horizon(days: number, now: Date): Date | null {
  return days > 0 ? new Date(now.getTime() - days * DAY_MS) : null;
}

/** How many rows of each kind are past their retention now, without deleting any. */
export async function countExpired(prisma: PrismaClient, policy: RetentionPolicy, now = new Date()): Promise<ExpiredCounts> {
  const counts = { inbox: 0, rawResponses: 0, quietPolls: 0 };
  for (const data of EXPIRING) {
    const before = horizon(data.days(policy), now);
    if (before) counts[data.name] = await data.count(prisma, before);
  }
  return counts;
}

/**
 * Deletes what is past its retention, a batch per statement, so no transaction stays open
 * long enough to hold back the relay or a reader. Returns how many rows of each kind went.
 */
export async function pruneExpired(prisma: PrismaClient, policy: RetentionPolicy, now = new Date(), batchSize = 5_000): Promise<ExpiredCounts> {
  const pruned = { inbox: 0, rawResponses: 0, quietPolls: 0 };
  for (const data of EXPIRING) {
    const before = horizon(data.days(policy), now);
    if (!before) continue;
    for (;;) {
      const deleted = await data.deleteBatch(prisma, before, batchSize);
      pruned[data.name] += deleted;
      if (deleted < batchSize) break;
    }
  }
  return pruned;
}
