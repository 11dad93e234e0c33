import type { Prisma } from '@briefwatch/db';
import { inTransaction, type Database } from './database.js';

/**
 * Applies an event's effect once per consumer group: the event id is recorded in the same
 * transaction as the effect, so a redelivered event finds itself recorded and changes
 * nothing. Returns false when the event had been applied already.
 */
export function applyOnce(
  db: Database,
  consumerGroup: string,
  eventId: string,
  effect: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    if ((await recordFirstDeliveries(tx, consumerGroup, [eventId])).size === 0) return false;
    await effect(tx);
    return true;
  });
}

/**
 * The batch form of applyOnce, for a caller already in a transaction: records every event id
 * for the consumer group and answers those not recorded before, the ones to apply now.
 */
export async function recordFirstDeliveries(tx: Prisma.TransactionClient, consumerGroup: string, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<Array<{ event_id: string }>>`
    INSERT INTO processed_events (consumer_group, event_id)
    SELECT ${consumerGroup}, id FROM unnest(${eventIds}::uuid[]) AS id
    ON CONFLICT DO NOTHING RETURNING event_id::text`;
  return new Set(rows.map((row) => row.event_id));
}

/**
 * How many stored events of the given types or stream categories the consumer group has not
 * applied yet: its lag, counted in the store rather than in Kafka. Inbox records are pruned
 * after RETENTION_INBOX_DAYS, so an event applied before then counts as not applied: a lag
 * only means something over the events of that window.
 */
export async function countNotApplied(db: Database, consumerGroup: string, of: { types?: readonly string[]; categories?: readonly string[] }): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*) AS n FROM events e JOIN event_streams s USING (stream_id)
    WHERE (e.type = ANY(${of.types ?? []}::text[]) OR s.category = ANY(${of.categories ?? []}::text[]))
      AND NOT EXISTS (SELECT 1 FROM processed_events p WHERE p.consumer_group = ${consumerGroup} AND p.event_id = e.event_id)`;
  return Number(row?.n ?? 0);
}
