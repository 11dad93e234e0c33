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
    const recorded = await tx.$executeRaw`
      INSERT INTO processed_events (consumer_group, event_id) VALUES (${consumerGroup}, ${eventId}::uuid)
      ON CONFLICT DO NOTHING`;
    if (recorded === 0) return false;
    await effect(tx);
    return true;
  });
}
